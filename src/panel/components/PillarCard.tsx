import React, { useId, useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { colourView } from '../describe';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';
import type { PillarView, TimeZone } from '../types';
import { MetricRowItem } from './MetricRowItem';
import { StatusBadge } from './StatusBadge';

interface Props {
  pillar: PillarView;
  asOf: number;
  timeZone: TimeZone;
}

/** One pillar: its executive question, its status, and every one of its rows (worst first, none hidden). */
export function PillarCard({ pillar, asOf, timeZone }: Props) {
  const styles = useStyles2(getStyles, pillar.colour);
  const status = useMemo(() => colourView(pillar.colour), [pillar.colour]);
  const titleId = useId();
  return (
    <section
      className={styles.card}
      aria-labelledby={titleId}
      data-testid={TEST_IDS.pillar}
      data-pillar-id={pillar.id}
      data-status={pillar.colour}
    >
      <header className={styles.header}>
        <div className={styles.titles}>
          <h3 id={titleId} className={styles.title} title={pillar.title}>
            {pillar.title}
          </h3>
          {pillar.question && (
            <p className={styles.question} title={pillar.question}>
              {pillar.question}
            </p>
          )}
        </div>
        <StatusBadge view={status} size="md" testId={TEST_IDS.pillarStatus} />
      </header>
      {pillar.rows.length === 0 ? (
        <p className={styles.empty}>No metric in this pillar: no evidence, so it shows red.</p>
      ) : (
        <ul className={styles.rows} aria-label={`${pillar.title} metrics`}>
          {pillar.rows.map((row) => (
            <MetricRowItem key={row.key} row={row} asOf={asOf} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2, colour: PillarView['colour']) => ({
  card: css({
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderTop: `4px solid ${toneOf(theme, colour).main}`,
    borderRadius: theme.shape.radius.default,
    breakInside: 'avoid',
    printColorAdjust: 'exact',
  }),
  header: css({
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(0.75, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  titles: css({ minWidth: 0 }),
  title: css({
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  question: css({
    margin: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  rows: css({ margin: 0, padding: 0 }),
  empty: css({ margin: 0, padding: theme.spacing(1), color: theme.colors.text.secondary, fontStyle: 'italic' }),
});
