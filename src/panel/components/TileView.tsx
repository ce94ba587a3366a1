import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { describeHeader, describeRow } from '../describe';
import { TEST_IDS } from '../testIds';
import type { MetricRow, Scorecard, TimeZone } from '../types';
import { EvidenceButton, type EvidenceContext } from './Evidence';
import { StatusBadge } from './StatusBadge';

/** Rows the small tile lists. */
export const TILE_ROWS = 3;

interface Props {
  scorecard: Scorecard;
  timeZone: TimeZone;
  context: EvidenceContext;
}

/** The worst rows in the order of the attention list (the same order as the full scorecard's strip). */
function worstRows(scorecard: Scorecard, limit: number) {
  const byKey = new Map(scorecard.pillars.flatMap((p) => p.rows).map((r) => [`${r.metricId}/${r.item}`, r]));
  const rows = scorecard.attention
    .map((a) => byKey.get(`${a.metricId}/${a.item}`))
    .filter((r): r is MetricRow => r !== undefined);
  return {
    rows: rows.slice(0, limit),
    moreNotGreen: Math.max(0, scorecard.attention.length - limit),
    activeCount: scorecard.activeCount,
  };
}

/** The small tile: the overall light, the score and the worst three rows; how many more are not green. */
export function TileView({ scorecard, timeZone, context }: Props) {
  const styles = useStyles2(getStyles);
  const worst = useMemo(() => worstRows(scorecard, TILE_ROWS), [scorecard]);
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
          <StatusBadge view={overall} size="md" />
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
            <TileRow key={row.key} row={row} asOf={scorecard.asOf} timeZone={timeZone} context={context} />
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

interface RowProps {
  row: MetricRow;
  asOf: number;
  timeZone: TimeZone;
  context: EvidenceContext;
}

function TileRow({ row, asOf, timeZone, context }: RowProps) {
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
      <EvidenceButton row={row} view={view} context={context} wordless />
      <span className={styles.value} data-testid={TEST_IDS.metricValue}>
        {view.valueText}
      </span>
    </li>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  head: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1) }),
  score: css({ fontSize: theme.typography.h3.fontSize, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  rows: css({ margin: 0, padding: 0, listStyle: 'none' }),
  row: css({
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.75),
    minWidth: 0,
    padding: '1px 0',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  value: css({ flex: 'none', marginLeft: 'auto', whiteSpace: 'nowrap', fontWeight: theme.typography.fontWeightMedium }),
});
