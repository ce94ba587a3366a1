/**
 * Registers: one item per SQL row (registerRows.ts), judged by the kind's rule. Both kinds follow the evaluation's
 * rules for evidence: a source failure is `error`; an `expected` item without a row is `noData` (and a register
 * without any row is one `noData` result, never nothing); a row older than `freshness.maxAge` is `stale`; a figure
 * outside its range, or unreadable, is `error` naming it, never a reading and never an older row's figure.
 *
 * Initiatives (`progress` 0–100, `start`, `due`, optional `milestones` "2027-01-31:25;2027-02-28:60", `target`):
 *   planned    the plan's progress by now: linear from 0% at the start of `start` to 100% at the end of `due`, or
 *              linear between the milestones when given (0% at start, each milestone, 100% at due)
 *   value      progress − planned, in percentage points, judged UNROUNDED by the thresholds (green: the tolerance)
 *   done       progress 100                                   green  "done"
 *   late       past the end of `due` and not done             red    "late"
 *   on track   the value within the green threshold           green  "on track"
 *   at risk    behind by more than the tolerance              amber  "at risk" (red beyond the amber threshold)
 *   forecast   start + elapsed × 100 / progress: the date it is done at its average pace since the start
 *   Example: start 2026-10-07, due 2027-02-04, 30% at 2026-12-06 12:00 UTC (60.5 of 121 days: 50% planned): 20 pt
 *   behind a tolerance of 10: at risk; forecast 2027-04-26, 80 days after the due date.
 *
 * Risks (`probability` 0–1, `impact` 1–5, optional `mitigation` 0–100 and `plan`, `review`):
 *   value      exposure = probability × impact (0–5), judged UNROUNDED by the thresholds (lower is better)
 *   review     a review date more than REVIEW_HORIZON_DAYS after the row was written counts as due then: a risk is
 *              reviewed at least quarterly, so a far-future date cannot keep it fresh for ever
 *   stale      the review date has passed: shown amber at best, red when the exposure is red
 *   order      by exposure, highest first (then by name)
 *
 * Since when: the colour's run over the item's rows (its history, when the query returns earlier rows), each judged
 * as of its own time; with one row, at least since that row ("for ≥ 3 h"). Late is red since the due date; stale
 * since the review date.
 */
import { endOfDay, formatInstant, parseDuration, utcDate } from './duration';
import type { EvaluateInput, ItemResult } from './evaluate';
import { formatValue } from './format';
import { formatTarget } from './targetText';
import { base, figure, registerError, registerRows, UNNAMED, type RegisterRow } from './registerRows';
import { judgeInitiative } from './registerInitiative';
import { classify, COLOUR_RANK } from './thresholds';
import type { Colour, MetricDef, Register, Series, WithWarnings } from './types';
import { valueStyle } from './valueStyle';

export const REVIEW_HORIZON_DAYS = 92;
const DAY_MS = 86_400_000;

export interface RegisterInput extends EvaluateInput {
  def: MetricDef & { register: Register };
  series: Series[];
}

const worse = (a: Colour, b: Colour): Colour => (COLOUR_RANK[a] >= COLOUR_RANK[b] ? a : b);
const percentOf = (p: number) => formatValue(100 * p, { unit: 'percent' });

function judgeRisk(def: MetricDef, row: RegisterRow, now: number): ItemResult {
  const probability = figure(row, 'probability', [0, 1]);
  const impact = figure(row, 'impact', [1, 5]);
  const m = row.numbers.get('mitigation');
  const mitigation = m === undefined || Number.isNaN(m) ? undefined : figure(row, 'mitigation', [0, 100]);
  const review = row.texts.get('review');
  const written = endOfDay(review);
  const bad = [probability, impact, mitigation].find((x) => typeof x === 'string');
  if (bad !== undefined || written === undefined) {
    return registerError(def, row.item, `Not scored: ${bad ?? `review "${review ?? ''}" is not a YYYY-MM-DD date`}`);
  }
  const [p, i] = [probability as number, impact as number];
  const exposure = p * i;
  const colour = classify(exposure, def.direction, def.thresholds);
  const shown = formatValue(exposure, valueStyle(def));
  const horizon = row.t + REVIEW_HORIZON_DAYS * DAY_MS;
  const reviewEnd = Math.min(written, endOfDay(utcDate(horizon))!);
  const reviewBy = utcDate(reviewEnd);
  const capped = reviewEnd < written ? ` (written ${review}; at most ${REVIEW_HORIZON_DAYS} days after the row)` : '';
  const plan = row.texts.get('plan');
  const mitigated =
    mitigation === undefined ? 'no mitigation recorded' : `mitigation ${mitigation}% done${plan ? ` (${plan})` : ''}`;
  const mitigationShort = mitigation === undefined ? 'no mitigation' : `mitigation ${mitigation}%`;
  const exposureText = `exposure ${shown} = ${percentOf(p)} likely × impact ${i} of 5`;
  const result: ItemResult = {
    ...base(def, row.item),
    value: exposure,
    status: colour,
    colour,
    lastSampleTime: row.t,
    colourSince: row.t,
    valueText: `${shown} (${percentOf(p)} × ${i})`,
    targetText: `${formatTarget({ target: def.target, direction: def.direction, unit: def.unit })}; ${mitigationShort}, review by ${reviewBy}`,
    evidence: `${exposureText} (${colour}); ${mitigated}; review by ${reviewBy}${capped}`,
  };
  if (reviewEnd < now) {
    result.status = 'stale';
    result.colour = worse('amber', colour);
    result.colourSince = reviewEnd;
    result.colourSinceIsLowerBound = false;
    result.evidence = `Review overdue since ${reviewBy}${capped}: ${exposureText}; ${mitigated}`;
    result.targetText = `review was due ${reviewBy}; ${mitigationShort}`;
  }
  return result;
}

const judgeAt = (input: RegisterInput, row: RegisterRow, now: number): ItemResult =>
  input.def.register.kind === 'risks'
    ? judgeRisk(input.def, row, now)
    : judgeInitiative({ def: input.def, row, now, format: input.format });

/**
 * The item's result from its latest row, with since when its colour holds: the run of earlier rows (each judged as
 * of its own time) with the same colour, never later than what the latest row itself says (a due date, a review).
 */
function judgeRow(input: RegisterInput, history: RegisterRow[]): ItemResult {
  const { def, now } = input;
  const row = history[history.length - 1];
  const owner = row.texts.get('owner');
  const judged = judgeAt(input, row, now);
  let first = history.length - 1;
  while (first > 0 && judgeAt(input, history[first - 1], history[first - 1].t).colour === judged.colour) {
    first--;
  }
  // Only earlier rows of the same colour move the start back; the latest row alone keeps what it says itself (since
  // its time, its due date, or its review date, which may lie after the row was written).
  if (judged.status !== 'error' && first < history.length - 1 && history[first].t < (judged.colourSince ?? Infinity)) {
    judged.colourSince = history[first].t;
    judged.colourSinceIsLowerBound = first === 0;
  }
  const maxAge = parseDuration(def.freshness.maxAge) ?? 0;
  if (judged.status !== 'error' && now - row.t > maxAge) {
    judged.status = 'stale';
    judged.colour = worse('amber', judged.colour);
    judged.evidence = `Row last updated ${formatInstant(row.t, now)}, older than ${def.freshness.maxAge}: ${judged.evidence}`;
  }
  return { ...judged, ...(owner ? { owner } : {}) };
}

/** No row for an item: no evidence, red for at least the trend window (as a metric without data). */
function noRow(input: RegisterInput, name: string | undefined, label: string): ItemResult {
  const windowMs = parseDuration(input.def.trend.window) ?? 0;
  const what = name === undefined ? 'No row at all' : `No row for ${label} "${name}"`;
  return {
    ...base(input.def, name),
    evidence: `${what} as of ${formatInstant(input.now, input.now)}`,
    colourSince: input.now - windowMs,
    colourSinceIsLowerBound: true,
  };
}

export function evaluateRegister(input: RegisterInput): WithWarnings<ItemResult[]> {
  const { def } = input;
  const label = def.items?.label ?? 'item';
  const read = registerRows({ metricId: def.id, label, series: input.series, now: input.now });
  const names = [...new Set([...(def.items?.expected ?? []), ...read.rows.keys()])];
  const results = names.map((name): ItemResult => {
    const conflict = read.conflicts.get(name);
    const history = read.rows.get(name) ?? [];
    if (conflict) {
      return registerError(def, name, conflict);
    }
    if (name === UNNAMED) {
      return registerError(def, name, `Not scored: a row without a ${label}; name every row`);
    }
    return history.length === 0 ? noRow(input, name, label) : judgeRow(input, history);
  });
  if (results.length === 0) {
    results.push(noRow(input, undefined, label));
  }
  if (def.register.kind === 'risks') {
    results.sort((a, b) => (b.value ?? Infinity) - (a.value ?? Infinity) || ((a.item ?? '') < (b.item ?? '') ? -1 : 1));
  }
  return { result: results, warnings: read.warnings };
}
