/**
 * A dated target (`goal:` in the catalog): "ARR €2.5M by 2027-12-31". The projection is documented, never a guess:
 *
 *   pace      = (latest value − the value at the start of the pace window) / the time between them
 *               (the window is `goal.pace`, default 90d; the sample at its start is the last one at or before it)
 *   reached   = the latest value is at or beyond the goal (≥ for higher-is-better, ≤ for lower-is-better)
 *   projected = the latest sample's time + (goal − latest) / pace, when the pace moves towards the goal
 *   deadline  = the end of the `by` day, UTC
 *
 * Its colour, combined with the thresholds' by taking the worse (a goal never makes a metric greener):
 *   reached                                        green   "€2.6M of €2.5M (104%): reached"
 *   past the deadline and not reached              red     "… missed: due 2027-12-31"
 *   history shorter than half the pace window      amber   "too little history to project"
 *   the pace does not move towards the goal        red     "at the last 90 days' pace it is never reached"
 *   projected on or before the deadline            green   "at the last 90 days' pace, reached 2027-09"
 *   projected after the deadline                   amber   "… reached 2028-04 — 4 months late"
 * Example: €1.2M on 2026-12-01, €0.9M on 2026-09-02 (90 days earlier), goal €2.5M by 2027-12-31: the pace is €100K
 * a month, the €1.3M left take 13 months, so 2028-01 — 1 month late: amber, also when the thresholds said green.
 */
import { CENTURY_MS, endOfDay, parseDuration, utcDate } from './duration';
import type { ValueFormatter } from './evidence';
import { formatChange, formatExact } from './format';
import { sampleAtWindowStart, type Samples } from './series';
import type { ItemResult } from './evaluate';
import { COLOUR_RANK } from './thresholds';
import type { Colour, Goal, MetricDef } from './types';

export const DEFAULT_PACE = '90d';
const DAY_MS = 86_400_000;
const MONTH_MS = 30.4375 * DAY_MS;

export interface GoalJudgement {
  colour: Colour;
  /** One sentence: where the value stands against the goal and where the pace takes it. */
  text: string;
}

/** The end of the goal's day, UTC; undefined when `by` is not a real YYYY-MM-DD day (validation refuses it). */
export const goalDeadline = (goal: Pick<Goal, 'by'>): number | undefined => endOfDay(goal.by);

const month = (t: number) => utcDate(t).slice(0, 7);

/** `90d` -> "90 days", `12w` -> "12 weeks", `1d` -> "1 day". */
function durationWords(text: string): string {
  const m = /^(\d+)([smhdw])$/.exec(text);
  const word = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' }[m?.[2] as 's'] ?? '';
  return m ? `${m[1]} ${word}${m[1] === '1' ? '' : 's'}` : text;
}

/** "4 months", "3 weeks", "5 days": how late, at the precision a projection has. */
function lateness(ms: number): string {
  if (ms >= MONTH_MS) {
    const n = Math.round(ms / MONTH_MS);
    return n === 1 ? '1 month' : `${n} months`;
  }
  const days = Math.max(1, Math.round(ms / DAY_MS));
  return days >= 14 ? `${Math.round(days / 7)} weeks` : days === 1 ? '1 day' : `${days} days`;
}

export interface GoalInput {
  def: MetricDef & { goal: Goal };
  /** In time order (series.ts); only the first `count` are read (default: all). */
  samples: Samples;
  count?: number;
  now: number;
  format: ValueFormatter;
}

/** The sample at `i`, when there is one. */
const sampleAt = (samples: Samples, i: number) => (i >= 0 ? { t: samples.t[i], v: samples.v[i] } : undefined);

export function judgeGoal({ def, samples, count, now, format }: GoalInput): GoalJudgement | undefined {
  const { goal } = def;
  const deadline = goalDeadline(goal);
  const n = count ?? samples.t.length;
  const latest = sampleAt(samples, n - 1);
  if (deadline === undefined || !latest || def.direction === 'within') {
    return undefined;
  }
  const sign = def.direction === 'higher-is-better' ? 1 : -1;
  const style = { unit: def.unit, marks: [{ at: goal.value, side: 'exactly' as const }] };
  // The share of the goal, floored so a goal not reached never reads 100%; only where it means something.
  const ratio = latest.v / goal.value;
  const share =
    def.direction === 'higher-is-better' && goal.value > 0 && ratio >= 0 && ratio < 100
      ? ` (${Math.floor(100 * ratio)}%)`
      : '';
  const head = `${format(latest.v, style)} of ${formatExact(goal.value, def.unit)} by ${goal.by}${share}`;
  if (sign * (latest.v - goal.value) >= 0) {
    return { colour: 'green', text: `${head}: reached` };
  }
  if (now > deadline) {
    return { colour: 'red', text: `${head}: missed, due ${goal.by}` };
  }
  const paceText = goal.pace ?? DEFAULT_PACE;
  const paceMs = parseDuration(paceText) ?? 90 * DAY_MS;
  const start = sampleAtWindowStart(samples, { now, ms: paceMs, count: n });
  if (!start || latest.t - start.t < paceMs / 2) {
    const reads = durationWords(paceText);
    return { colour: 'amber', text: `${head}; too little history to project (the pace reads the last ${reads})` };
  }
  const rate = (latest.v - start.v) / (latest.t - start.t);
  const perMonth = formatChange(rate * MONTH_MS, { unit: def.unit }, latest.v);
  const needed = formatChange(((goal.value - latest.v) / Math.max(deadline - latest.t, DAY_MS)) * MONTH_MS, {
    unit: def.unit,
  });
  // The span the pace was read over, in words: the window when the samples bracket it, else the actual start.
  const span = latest.t - start.t;
  const over =
    Math.abs(span - paceMs) <= paceMs / 10
      ? `the last ${durationWords(paceText)}' pace`
      : `the pace from ${utcDate(start.t)} to ${utcDate(latest.t)}`;
  const at = `at ${over} (${perMonth} a month; ${needed} a month needed)`;
  if (sign * rate <= 0) {
    return { colour: 'red', text: `${head}; ${at} it is never reached` };
  }
  const projected = latest.t + (goal.value - latest.v) / rate;
  if (projected - latest.t > CENTURY_MS) {
    return { colour: 'red', text: `${head}; ${at} it takes more than a century` };
  }
  if (projected <= deadline) {
    return { colour: 'green', text: `${head}; ${at}, reached ${month(projected)}` };
  }
  const late = lateness(projected - deadline);
  return { colour: 'amber', text: `${head}; ${at}, reached ${month(projected)} — ${late} late` };
}

/** Samples walked back at most to find since when the goal's colour holds; beyond, a lower bound. */
const RUN_LIMIT = 500;

/**
 * Since when the goal has had this colour: each earlier sample judged as of its own time, over the samples up to it,
 * walking back while the colour is the same (so a goal-driven amber ages and escalates like any other).
 */
function goalSince(input: GoalInput, colour: Colour): { since: number; lowerBound: boolean } {
  const { samples } = input;
  let first = (input.count ?? samples.t.length) - 1;
  const stop = Math.max(0, first - RUN_LIMIT);
  while (first > stop) {
    // The samples before `first`, judged as of the last of them.
    const j = judgeGoal({ ...input, count: first, now: samples.t[first - 1] });
    if (j?.colour !== colour) {
      return { since: samples.t[first], lowerBound: false };
    }
    first--;
  }
  return { since: samples.t[first], lowerBound: true };
}

/**
 * The goal's judgement applied to a result: its text always; its colour only over fresh evidence (green, amber or
 * red) and only when worse, then since when the goal has had that colour (goalSince).
 */
export function applyGoal(result: ItemResult, input: GoalInput): void {
  const judgement = judgeGoal(input);
  if (!judgement) {
    return;
  }
  result.goalText = judgement.text;
  const fresh = result.status === 'green' || result.status === 'amber' || result.status === 'red';
  if (fresh && COLOUR_RANK[judgement.colour] > COLOUR_RANK[result.colour]) {
    const run = goalSince(input, judgement.colour);
    result.status = judgement.colour;
    result.colour = judgement.colour;
    result.colourSince = run.since;
    result.colourSinceIsLowerBound = run.lowerBound;
  }
  if (fresh) {
    result.evidence = `${result.evidence}; goal: ${judgement.text}`;
  }
}
