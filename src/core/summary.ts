/**
 * The executive summary: the catalog's `scorecard.summary` metrics (at most 8), shown above the pillars with their
 * value, target, trend and status — the seed's "Executive Summary" table, but with the status from evidence only.
 * "Improving" is a trend, never a status: the change is shown beside the status, never instead of it.
 *
 * It is written from the rows the engine produced, in the catalog's order; a summary metric that was not evaluated
 * (a selection without it) is absent, never invented. An items metric shows its worst item (attention.ts order).
 *
 * With a selection (an audience's pillars), summary metrics outside it are rows of their own (`summary_only`): in no
 * pillar, but in the overall colour, score and tiers (overallOf) and in what needs attention, so a page never reads
 * green above a summary that shows red.
 */
import { offTarget } from './attention';
import { healthScore, worstColour, type ScorecardResult } from './rollup';
import type { ScorecardRow } from './rows';
import type { Colour, Status, Tier } from './types';
import { itemLabel } from './words';

export interface SummaryEntry {
  metricId: string;
  item: string;
  label: string;
  owner: string;
  valueText: string;
  targetText: string;
  changeText: string;
  changeQuality: string;
  colour: Colour;
  status: Status;
  goalText: string;
  evidence: string;
}

export function summaryEntries(rows: ScorecardRow[], ids: readonly string[]): SummaryEntry[] {
  return ids.flatMap((id) => {
    const mine = rows.filter((r) => r.metric_id === id && !r.retired);
    const row = offTarget(mine)[0] ?? mine[0];
    if (!row) {
      return [];
    }
    return [
      {
        metricId: row.metric_id,
        item: row.item,
        label: itemLabel(row),
        owner: row.owner,
        valueText: row.value_text,
        targetText: row.target_text,
        changeText: row.change_text,
        changeQuality: row.change_quality,
        colour: row.colour as Colour,
        status: row.status as Status,
        goalText: row.goal_text,
        evidence: row.evidence,
      },
    ];
  });
}

/** The overall verdict over the selection and its summary-only rows: the worse colour, the score over both. */
export function overallOf(
  scorecard: ScorecardResult,
  extra: ScorecardRow[]
): { colour: Colour; score: number; openByTier: Record<Tier, number> } {
  const active = extra.filter((r) => !r.retired);
  if (active.length === 0) {
    return { colour: scorecard.colour, score: scorecard.score, openByTier: scorecard.openByTier };
  }
  const colour = worstColour([scorecard.colour, ...active.map((r) => r.colour as Colour)]);
  const items = [
    ...scorecard.pillars.flatMap((p) => p.items.filter((i) => !i.retired)),
    ...active.map((r) => ({ tier: r.alert_tier as Tier, colour: r.colour as Colour, status: r.status as Status })),
  ];
  const openByTier = { ...scorecard.openByTier };
  active.filter((r) => r.colour !== 'green').forEach((r) => openByTier[r.alert_tier as Tier]++);
  return { colour, score: healthScore(items, colour), openByTier };
}
