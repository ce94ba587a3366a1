/**
 * Rollup: items -> pillars -> scorecard.
 *
 * - A pillar shows the worst shown colour of its active items; a pillar without any active item is red ("no
 *   evidence"). The overall colour is the worst pillar.
 * - "Worst" is a total order, so the result never depends on item order: first the shown colour
 *   (red > amber > green), then the status (red > error > noData > stale > amber > green), then metric id and item
 *   name ascending. (A known peer picks "unknown" or "critical" depending on which came first; this cannot.)
 * - Retired metrics are shown, labelled, for RETIRED_VISIBLE_DAYS after their retirement date, and never count in
 *   colours, tier counts or the score.
 * - Open alerts by tier count the active items that are not green, under their alert tier: the metric's tier, or
 *   the tier escalation raised it to (escalate.ts). An amber item escalated to red counts as red everywhere.
 *
 * Health score, 0–100 (integer):
 *   raw   = floor(100 × Σ weight(tier) × credit(status) / Σ weight(tier)) over active items
 *   weight: critical 8, high 4, medium 2, low 1
 *   credit: green 1, amber 0.5, and 0 for red, stale, noData, error and escalated amber (shown red)
 *   score = min(raw, 59) when the overall colour is red, min(raw, 89) when amber, raw when green.
 * A pillar's score (a department score) is the same formula over the pillar's active items, capped by the pillar's
 * colour; a pillar without an active item scores 0.
 * So the score cannot read healthy while anything is wrong: above 89 only when everything is green with fresh
 * evidence, at most 89 while anything is amber or stale, at most 59 while anything is red (it can be lower: all
 * items amber score 50, all stale 0). Example: 19 green high items and one red critical: raw =
 * floor(100 × 76 / 84) = 90, capped to 59 because something is red.
 */
import type { ItemResult } from './evaluate';
import { COLOUR_RANK } from './thresholds';
import type { Catalog, Colour, MetricDef, Status, Tier, WithWarnings } from './types';

export const RETIRED_VISIBLE_DAYS = 90;
export const TIER_WEIGHT: Record<Tier, number> = { critical: 8, high: 4, medium: 2, low: 1 };
export const TIERS: Tier[] = ['critical', 'high', 'medium', 'low'];
export const STATUS_RANK: Record<Status, number> = { green: 0, amber: 1, stale: 2, noData: 3, error: 4, red: 5 };
const CREDIT: Record<Status, number> = { green: 1, amber: 0.5, stale: 0, noData: 0, error: 0, red: 0 };

export interface ScoredItem extends ItemResult {
  pillar: string;
  tier: Tier;
}

export interface PillarResult {
  id: string;
  title: string;
  question: string;
  colour: Colour;
  /** The health score of the pillar's active items, under the same caps as the scorecard's. */
  score: number;
  /** The worst active item, absent when the pillar has none. */
  worst?: ScoredItem;
  items: ScoredItem[];
}

export interface ScorecardResult {
  colour: Colour;
  score: number;
  pillars: PillarResult[];
  /** Active items not green, by tier. */
  openByTier: Record<Tier, number>;
}

/** Positive when `a` is worse than `b`. Total: equal only for the same metric and item. */
export function compareWorse(a: ItemResult, b: ItemResult): number {
  return (
    COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour] ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (a.metricId < b.metricId ? 1 : a.metricId > b.metricId ? -1 : 0) ||
    ((a.item ?? '') < (b.item ?? '') ? 1 : (a.item ?? '') > (b.item ?? '') ? -1 : 0)
  );
}

/** The worst of some shown colours (green when there are none). */
export const worstColour = (colours: Colour[]): Colour =>
  colours.reduce<Colour>((w, c) => (COLOUR_RANK[c] > COLOUR_RANK[w] ? c : w), 'green');

function visible(def: MetricDef, now: number): boolean {
  const { retired } = def;
  return !retired || Date.parse(retired.date) + RETIRED_VISIBLE_DAYS * 86_400_000 >= now;
}

export function rollup(catalog: Catalog, results: ItemResult[], now: number): WithWarnings<ScorecardResult> {
  const warnings: string[] = [];
  const defs = new Map(catalog.metrics.map((m) => [m.id, m]));
  const scored: ScoredItem[] = [];
  for (const r of results) {
    const def = defs.get(r.metricId);
    if (!def) {
      warnings.push(`${r.metricId}: result for a metric the catalog does not define was ignored`);
    } else if (visible(def, now)) {
      scored.push({ ...r, pillar: def.pillar, tier: r.alertTier ?? def.tier });
    }
  }
  const active = scored.filter((s) => !s.retired);
  const pillars = [...catalog.pillars]
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((p): PillarResult => {
      const items = scored.filter((s) => s.pillar === p.id);
      const own = active.filter((s) => s.pillar === p.id);
      const worst = own.reduce<ScoredItem | undefined>((w, s) => (!w || compareWorse(s, w) > 0 ? s : w), undefined);
      if (own.length === 0) {
        warnings.push(`${p.id}: the pillar has no active metric and is shown red`);
      }
      const colour = worst?.colour ?? 'red';
      return { id: p.id, title: p.title, question: p.question, colour, score: healthScore(own, colour), worst, items };
    });
  const colour = pillars.length === 0 ? 'red' : worstColour(pillars.map((p) => p.colour));
  const openByTier: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  active.filter((s) => s.colour !== 'green').forEach((s) => openByTier[s.tier]++);
  return { result: { colour, score: healthScore(active, colour), pillars, openByTier }, warnings };
}

/** The score of some active items, capped by their rolled-up colour (the formula above). */
export function healthScore(active: Array<Pick<ScoredItem, 'tier' | 'colour' | 'status'>>, colour: Colour): number {
  let weights = 0;
  let earned = 0;
  for (const s of active) {
    weights += TIER_WEIGHT[s.tier];
    earned += TIER_WEIGHT[s.tier] * (s.colour === 'red' ? 0 : CREDIT[s.status]);
  }
  const raw = weights === 0 ? 0 : Math.floor((100 * earned) / weights);
  return colour === 'red' ? Math.min(raw, 59) : colour === 'amber' ? Math.min(raw, 89) : raw;
}
