/**
 * The words of the scorecard that are not numbers: status words, alert tiers and their response windows (the
 * executive monitoring seed: critical immediate, high 24 h, medium 72 h, low 1 week).
 */
import { own } from './own';
import type { Status, Tier } from './types';

export const TIER_WINDOW: Record<Tier, string> = { critical: 'now', high: '24 h', medium: '72 h', low: '1 week' };
export const TIER_WORD: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
export const STATUS_WORD: Record<Status, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  noData: 'No data',
  stale: 'Stale',
  error: 'Error',
};

/** An item's name wherever it is listed: "Open security issues · critical", or the metric's label alone. */
export const itemLabel = (row: { label: string; item?: string }): string =>
  row.item ? `${row.label} · ${row.item}` : row.label;

const isTier = (t: string): t is Tier => own(TIER_WINDOW, t) !== undefined;

/** "respond now", "respond within 24 h". */
export function respondText(tier: string): string {
  if (!isTier(tier)) {
    return '';
  }
  return tier === 'critical' ? 'respond now' : `respond within ${TIER_WINDOW[tier]}`;
}
