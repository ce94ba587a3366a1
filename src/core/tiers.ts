/**
 * The alert tiers as the executive monitoring seed lists them: every active amber or red item is filed under its
 * alert tier (after escalation), each tier with its response window — critical immediately, high within 24 h,
 * medium within 72 h, low within a week — and the oldest breach of that window.
 *
 * An item breaches its window when it has shown its colour for longer than the window without an answer: a critical
 * item from its first moment, a high one after 24 h. An open action on time (actions.ts) is the answer; an overdue
 * action is none. The oldest breach is the item past its window the longest:
 *   high, amber since 5 days ago  -> 4 days past its 24 h window;
 *   medium, red since 2 days ago  -> no breach (72 h not over).
 * An item whose start is unknown (no colour_since) counts as past its window: bad news is never hidden by a gap.
 * A colour_since that is only a lower bound gives a breach that is a lower bound too (at least that late).
 */
import { formatSpan } from './duration';
import { offTarget, type AttentionRow } from './attention';
import { TIERS } from './rollup';
import type { Tier } from './types';
import { itemLabel, TIER_WINDOW } from './words';

const HOUR = 3_600_000;
export const RESPONSE_WINDOW_MS: Record<Tier, number> = {
  critical: 0,
  high: 24 * HOUR,
  medium: 72 * HOUR,
  low: 168 * HOUR,
};

export interface TierSummary {
  tier: Tier;
  count: number;
  /** "immediately", "within 24 h". */
  window: string;
  /** How many are past their window. */
  breached: number;
  /**
   * The item past its window the longest: "Churn rate, 4 days past its 24 h window"; `overdueMs` null when its start
   * is unknown (it then counts as the longest).
   */
  oldestBreach?: { metricId: string; item: string; label: string; overdueMs: number | null; text: string };
}

export function tierSummaries(rows: AttentionRow[], asOf: number): TierSummary[] {
  const off = offTarget(rows);
  return TIERS.map((tier): TierSummary => {
    const mine = off.filter((r) => r.alert_tier === tier);
    const windowMs = RESPONSE_WINDOW_MS[tier];
    const overdue = mine
      .filter((r) => !r.action || r.action.overdue)
      .map((r) => ({ r, overdueMs: r.colour_since === null ? Infinity : asOf - r.colour_since - windowMs }))
      // A critical item is past "immediately" from its first moment; the others once their window is over.
      .filter((x) => (tier === 'critical' ? x.overdueMs >= 0 : x.overdueMs > 0))
      .sort((a, b) => b.overdueMs - a.overdueMs);
    const window = tier === 'critical' ? 'immediately' : `within ${TIER_WINDOW[tier]}`;
    const oldest = overdue[0];
    if (!oldest) {
      return { tier, count: mine.length, window, breached: 0 };
    }
    const label = itemLabel(oldest.r);
    const past = Number.isFinite(oldest.overdueMs) ? formatSpan(oldest.overdueMs) : 'an unknown time';
    const text =
      tier === 'critical'
        ? `${label}, unanswered for ${past}`
        : `${label}, ${past} past its ${TIER_WINDOW[tier]} window`;
    return {
      tier,
      count: mine.length,
      window,
      breached: overdue.length,
      oldestBreach: {
        metricId: oldest.r.metric_id,
        item: oldest.r.item,
        label,
        overdueMs: Number.isFinite(oldest.overdueMs) ? oldest.overdueMs : null,
        text,
      },
    };
  });
}
