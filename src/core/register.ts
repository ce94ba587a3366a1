/**
 * Registers: one item per SQL row (registerRows.ts), judged by the kind's rule. Both kinds follow the evaluation's
 * rules for evidence: a source failure is `error`; an `expected` item without a row is `noData`; a row older than
 * `freshness.maxAge` is `stale`; a figure outside its range is `error` naming it, never a reading.
 *
 * Initiatives (`progress` 0–100, `start`, `due`, optional `milestones` "2027-01-31:25;2027-02-28:60"):
 *   expected   the plan's progress by now: linear from 0% at the start of `start` to 100% at the end of `due`, or
 *              linear between the milestones when given (0% at start, each milestone, 100% at due)
 *   value      progress − expected, in percentage points, judged by the thresholds (green: the tolerance)
 *   done       progress 100                                   green  "done"
 *   late       past the end of `due` and not done             red    "late"
 *   on track   the value within the green threshold           green  "on track"
 *   at risk    behind by more than the tolerance              amber  "at risk" (red beyond the amber threshold)
 *   forecast   start + elapsed × 100 / progress: the date it is done at its average pace since the start
 *   Example: start 2026-10-01, due 2027-03-31, 30% on 2026-12-06 (67 of 182 days: 37% expected): 7 pt behind,
 *   within a tolerance of 10: on track; forecast 2027-05-26, 8 weeks after due.
 *
 * Risks (`probability` 0–1, `impact` 1–5, optional `mitigation` 0–100 and `plan`, `review`):
 *   value      exposure = probability × impact (0–5), judged by the thresholds (lower is better)
 *   stale      the review date has passed: shown amber at best, red when the exposure is red
 *   order      by exposure, highest first (then by name)
 */
import { formatInstant, parseDuration, utcDate } from './duration';
import type { EvaluateInput, ItemResult } from './evaluate';
import { formatExact } from './format';
import { formatTarget } from './targetText';
import { base, dayEnd, figure, registerError, registerRows, type RegisterRow } from './registerRows';
import { judgeInitiative } from './registerInitiative';
import { classify, COLOUR_RANK } from './thresholds';
import type { Colour, MetricDef, Register, Series, WithWarnings } from './types';

export interface RegisterInput extends EvaluateInput {
  def: MetricDef & { register: Register };
  series: Series[];
}

const worse = (a: Colour, b: Colour): Colour => (COLOUR_RANK[a] >= COLOUR_RANK[b] ? a : b);

function judgeRisk(def: MetricDef, row: RegisterRow, now: number): ItemResult {
  const probability = figure(row, 'probability', [0, 1]);
  const impact = figure(row, 'impact', [1, 5]);
  const mitigation = row.numbers.has('mitigation') ? figure(row, 'mitigation', [0, 100]) : undefined;
  const review = row.texts.get('review');
  const reviewEnd = dayEnd(review);
  const bad = [probability, impact, mitigation].find((x) => typeof x === 'string');
  if (bad !== undefined || reviewEnd === undefined) {
    return registerError(def, row.item, `Not scored: ${bad ?? `review "${review ?? ''}" is not a YYYY-MM-DD date`}`);
  }
  const exposure = Math.round((probability as number) * (impact as number) * 1000) / 1000;
  const colour = classify(exposure, def.direction, def.thresholds);
  const plan = row.texts.get('plan');
  const mitigated =
    mitigation === undefined ? 'no mitigation recorded' : `mitigation ${mitigation}% done${plan ? ` (${plan})` : ''}`;
  const exposureText = `exposure ${formatExact(exposure, def.unit)} = ${Math.round(100 * (probability as number))}% likely × impact ${impact as number} of 5`;
  const result: ItemResult = {
    ...base(def, row.item),
    value: exposure,
    status: colour,
    colour,
    lastSampleTime: row.t,
    colourSince: row.t,
    valueText: `${formatExact(exposure, def.unit)} (${Math.round(100 * (probability as number))}% × ${impact as number})`,
    targetText: `${formatTarget({ target: def.target, direction: def.direction, unit: def.unit })}; ${mitigation === undefined ? 'no mitigation' : `mitigation ${mitigation}%`}, review by ${review}`,
    evidence: `${exposureText} (${colour}); ${mitigated}; review by ${review}`,
  };
  if (reviewEnd < now) {
    result.status = 'stale';
    result.colour = worse('amber', colour);
    result.colourSince = reviewEnd;
    result.colourSinceIsLowerBound = false;
    result.evidence = `Review overdue since ${review}: ${exposureText}; ${mitigated}`;
    result.targetText = `review was due ${review}; ${mitigation === undefined ? 'no mitigation' : `mitigation ${mitigation}%`}`;
  }
  return result;
}

function judgeRow(input: RegisterInput, row: RegisterRow): ItemResult {
  const { def, now } = input;
  const owner = row.texts.get('owner');
  const judged =
    def.register.kind === 'risks' ? judgeRisk(def, row, now) : judgeInitiative({ def, row, now, format: input.format });
  const maxAge = parseDuration(def.freshness.maxAge) ?? 0;
  if (judged.status !== 'error' && now - row.t > maxAge) {
    judged.status = 'stale';
    judged.colour = worse('amber', judged.colour);
    judged.evidence = `Row last updated ${formatInstant(row.t, now)}, older than ${def.freshness.maxAge}: ${judged.evidence}`;
  }
  return { ...judged, ...(owner ? { owner } : {}) };
}

export function evaluateRegister(input: RegisterInput): WithWarnings<ItemResult[]> {
  const { def } = input;
  const label = def.items?.label ?? 'item';
  const read = registerRows({ metricId: def.id, label, series: input.series, now: input.now });
  const names = new Set([...(def.items?.expected ?? []), ...read.rows.keys()]);
  const results = [...names].map((name): ItemResult => {
    const conflict = read.conflicts.get(name);
    const row = read.rows.get(name);
    if (conflict) {
      return registerError(def, name, conflict);
    }
    if (!row || row.t === -Infinity) {
      return { ...base(def, name), evidence: `No row for ${label} "${name}" as of ${utcDate(input.now)}` };
    }
    return judgeRow(input, row);
  });
  if (def.register.kind === 'risks') {
    results.sort((a, b) => (b.value ?? Infinity) - (a.value ?? Infinity) || ((a.item ?? '') < (b.item ?? '') ? -1 : 1));
  }
  return { result: results, warnings: read.warnings };
}
