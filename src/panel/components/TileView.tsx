import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { describeHeader, describeRow } from '../describe';
import { worstRows } from '../sort';
import { TEST_IDS } from '../testIds';
import type { MetricRow, Scorecard, TimeZone } from '../types';
import { EvidenceTrigger } from './Evidence';
import { StatusBadge } from './StatusBadge';

/** Rows the small tile lists. */
export const TILE_ROWS = 3;

interface Props {
  scorecard: Scorecard;
  timeZone: TimeZone;
}

/** The small tile: the overall light, the score and the worst three rows; how many more are not green. */
export function TileView({ scorecard, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const worst = useMemo(() => worstRows(scorecard.pillars, TILE_ROWS), [scorecard.pillars]);
  const { overall, scoreText: score } = useMemo(() => describeHeader(scorecard, timeZone), [scorecard, timeZone]);
  return (
    <div className={styles.tile}>
      <div
        className={styles.head}
        data-testid={TEST_IDS.header}
        data-status={overall.colour}
        aria-label={`${scorecard.title}: overall ${overall.label}, health score ${score} of 100`}
        title={scorecard.title}
      >
        <span data-testid={TEST_IDS.overallStatus}>
          <StatusBadge view={overall} size="lg" />
        </span>
        <span data-testid={TEST_IDS.score}>
          <span className={styles.score}>{score}</span>
          <span className={styles.muted}>/100</span>
        </span>
      </div>
      {worst.rows.length === 0 ? (
        <p className={styles.muted}>All {worst.activeCount} metrics green</p>
      ) : (
        <ul className={styles.rows} aria-label="Worst metrics">
          {worst.rows.map((row) => (
            <TileRow key={row.key} row={row} asOf={scorecard.asOf} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {worst.moreNotGreen > 0 && (
        <p className={styles.muted} data-testid={TEST_IDS.tileMore}>
          +{worst.moreNotGreen} more not green
        </p>
      )}
    </div>
  );
}

function TileRow({ row, asOf, timeZone }: { row: MetricRow; asOf: number; timeZone: TimeZone }) {
  const styles = useStyles2(getStyles);
  const view = useMemo(() => describeRow(row, { asOf, timeZone }), [row, asOf, timeZone]);
  return (
    <li
      className={styles.row}
      data-testid={TEST_IDS.metric}
      data-metric-id={row.metricId}
      data-item={row.item}
      data-status={row.colour}
      data-state={row.status}
      data-retired="false"
    >
      <EvidenceTrigger row={row} view={view} />
      <span className={styles.name} title={view.name} data-testid={TEST_IDS.metricName}>
        {view.name}
      </span>
      <span className={styles.value} title={view.valueText} data-testid={TEST_IDS.metricValue}>
        {view.valueText}
      </span>
    </li>
  );
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  head: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1) }),
  score: css({ fontSize: theme.typography.h2.fontSize, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  rows: css({ margin: 0, padding: 0, listStyle: 'none' }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.75), minWidth: 0, padding: '1px 0' }),
  name: css({ ...ellipsis, flex: '1 1 auto', fontSize: theme.typography.bodySmall.fontSize }),
  value: css({ ...ellipsis, flex: '0 1 auto', maxWidth: '40%', fontWeight: theme.typography.fontWeightMedium }),
});
