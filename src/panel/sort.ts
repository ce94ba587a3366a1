/** Display order. The datasource sends catalog order; bad news first is the panel's job. Nothing is dropped. */
import { TIERS } from '../core/rollup';
import { compareSeverity } from './status';
import type { MetricRow, PillarView } from './types';

/**
 * Within a pillar: active rows by severity (colour, then status), stable so equal rows keep catalog order; retired
 * rows after them (they count nowhere), in the same order.
 */
export function sortRowsForDisplay(rows: MetricRow[]): MetricRow[] {
  const bySeverity = (list: MetricRow[]) =>
    list.map((row, index) => ({ row, index })).sort((a, b) => compareSeverity(a.row, b.row) || a.index - b.index);
  const active = bySeverity(rows.filter((r) => !r.retired));
  const retired = bySeverity(rows.filter((r) => r.retired));
  return [...active, ...retired].map((x) => x.row);
}

const tierRank = (tier: string) => {
  const rank = (TIERS as string[]).indexOf(tier);
  return rank === -1 ? TIERS.length : rank;
};

export interface WorstRows {
  /** The worst active rows that are not green, at most `limit`. */
  rows: MetricRow[];
  /** Active rows not green beyond `rows`. */
  moreNotGreen: number;
  /** Active rows in all. */
  activeCount: number;
}

/**
 * The worst active rows across pillars for the small tile: by severity, then tier (critical first), then catalog
 * order. Green rows are never listed as "worst".
 */
export function worstRows(pillars: PillarView[], limit: number): WorstRows {
  const active = pillars.flatMap((p) => p.rows).filter((r) => !r.retired);
  const notGreen = active
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.colour !== 'green')
    .sort((a, b) => compareSeverity(a.row, b.row) || tierRank(a.row.tier) - tierRank(b.row.tier) || a.index - b.index)
    .map((x) => x.row);
  return {
    rows: notGreen.slice(0, limit),
    moreNotGreen: Math.max(0, notGreen.length - limit),
    activeCount: active.length,
  };
}
