import React, { useId, useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { colourView } from '../describe';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';
import type { PillarView, TimeZone } from '../types';
import type { EvidenceContext } from './Evidence';
import { MetricRowItem } from './MetricRowItem';
import { StatusBadge } from './StatusBadge';

interface Props {
  pillar: PillarView;
  asOf: number;
  timeZone: TimeZone;
  context: EvidenceContext;
  /** Rows on target in one line (layout.ts chooseDensity). */
  dense?: boolean;
  /** The attention strip is shown (it names the owners of the rows off target). */
  ownersInStrip?: boolean;
}

/**
 * One pillar: its executive question answered in words from its rows, its status, and every one of its rows (worst
 * first, none hidden).
 */
export function PillarCard({ pillar, asOf, timeZone, context, dense, ownersInStrip }: Props) {
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
            {pillar.owner && <span className={styles.owner}> · {pillar.owner}</span>}
          </h3>
          <p className={styles.question} data-testid={TEST_IDS.pillarAnswer} title={pillar.question || undefined}>
            {pillar.question && (
              // Dense: the answer alone on screen; the question stays for screen readers, print and the tooltip.
              <span className={dense ? styles.srOnly : styles.muted}>{pillar.question} — </span>
            )}
            {pillar.answer}
          </p>
        </div>
        <div className={styles.side}>
          <StatusBadge view={status} size="md" testId={TEST_IDS.pillarStatus} />
          <span
            className={styles.score}
            data-testid={TEST_IDS.pillarScore}
            data-score={pillar.score}
            title="Score of this pillar (0–100): at most 89 while anything is amber or stale, 59 while anything is red"
          >
            Score {pillar.score}
          </span>
        </div>
      </header>
      {pillar.rows.length === 0 ? (
        <p className={styles.empty}>No metric in this pillar: no evidence, so it shows red.</p>
      ) : (
        <ul className={styles.rows} aria-label={`${pillar.title} metrics`}>
          {pillar.rows.map((row) => (
            <MetricRowItem
              key={row.key}
              row={row}
              asOf={asOf}
              timeZone={timeZone}
              context={context}
              dense={dense}
              ownersInStrip={ownersInStrip}
            />
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
  side: css({ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', flex: 'none' }),
  score: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  owner: css({ fontWeight: theme.typography.fontWeightRegular, color: theme.colors.text.secondary }),
  title: css({ margin: 0, fontSize: theme.typography.h5.fontSize }),
  // The question and its answer wrap; they are the sentence an executive reads first.
  question: css({ margin: 0, fontSize: theme.typography.bodySmall.fontSize }),
  muted: css({ color: theme.colors.text.secondary }),
  srOnly: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    '@media print': { position: 'static', width: 'auto', height: 'auto', clip: 'auto', whiteSpace: 'normal' },
  }),
  rows: css({ margin: 0, padding: 0 }),
  empty: css({ margin: 0, padding: theme.spacing(1), color: theme.colors.text.secondary, fontStyle: 'italic' }),
});
