/**
 * Evaluation of one metric definition against what its source returned, as of `now`.
 *
 * Status rules (no status optimism without evidence):
 * - the source failed                       -> `error`, shown red, the source's message as evidence;
 * - no finite sample at or before `now`     -> `noData`, shown red;
 * - a sample outside the metric's valid values (domain.ts), or ±Inf -> `error` naming it, never a reading;
 * - latest finite sample older than maxAge  -> `stale`, shown amber, or red when that old value was red;
 * - otherwise the value's colour (thresholds.ts) is both the status and the shown colour.
 * A definition with `items` yields one result per label value; an `expected` item that is absent is `noData`.
 */
import { formatInstant, formatSpanSince, parseDuration } from './duration';
import { asOfText, coreFormat, judgementText, loadedText, staleText, type ValueFormatter } from './evidence';
import { formatExact } from './format';
import { valueStyle } from './valueStyle';
import { cleanPoints, sampleAtWindowStart, type Sample, type Samples } from './series';
import { atCadence, sparklineStep } from './sparklineCadence';
import { changeQuality, classify, COLOUR_RANK } from './thresholds';
import type { ActionSummary, Escalation } from './escalate';
import type { Boundary, Colour, MetricDef, Observation, Series, Status, Thresholds, Tier, WithWarnings } from './types';
import { metricDomain, outsideDomain, outsideDomainCount } from './domain';
import { groupItems } from './items';
import { untilLoad } from './freshness';
import { applyGoal } from './goal';
import { evaluateRegister } from './register';
import { own } from './own';

export interface ItemResult {
  metricId: string;
  /** The label value naming this item, for definitions with `items`. */
  item?: string;
  status: Status;
  colour: Colour;
  value?: number;
  target: Boundary;
  evidence: string;
  previous?: number;
  previousTime?: number;
  change?: number;
  relativeChange?: number;
  changeQuality?: 'better' | 'worse' | 'same';
  /** Since when the item has shown its current colour; a lower bound when `colourSinceIsLowerBound`. */
  colourSince?: number;
  colourSinceIsLowerBound: boolean;
  lastSampleTime?: number;
  sparkline: Array<[number, number]>;
  retired: boolean;
  /** The open action its owner recorded (the earliest due), after escalation (escalate.ts). */
  action?: ActionSummary;
  /** What escalated and why, after escalation. */
  escalations?: Escalation[];
  /** The alert tier after escalation, when it was raised. */
  alertTier?: Tier;
  /** Where the value stands against its dated goal (goal.ts). */
  goalText?: string;
  /** The owner of this item when it is not the metric's (a register row's owner). */
  owner?: string;
  /** Texts a register writes itself (register.ts): "62% done · at risk", "due 2027-03-31". */
  valueText?: string;
  targetText?: string;
}

export interface EvaluateInput {
  def: MetricDef;
  observation: Observation;
  now: number;
  format?: ValueFormatter;
}

const worse = (a: Colour, b: Colour): Colour => (COLOUR_RANK[a] >= COLOUR_RANK[b] ? a : b);

/** The target shown for an item: its own green boundary when it has its own thresholds, else the metric's target. */
function targetOf(def: MetricDef, item: string | undefined) {
  const itemThresholds = item === undefined ? undefined : own(def.items?.thresholds, item);
  return itemThresholds ? itemThresholds.green : def.target;
}

function baseResult(def: MetricDef, item: string | undefined): ItemResult {
  return {
    metricId: def.id,
    ...(item === undefined ? {} : { item }),
    status: 'noData',
    colour: 'red',
    target: targetOf(def, item),
    evidence: '',
    colourSinceIsLowerBound: false,
    sparkline: [],
    retired: Boolean(def.retired),
  };
}

/** The start of the run of samples that share the latest sample's colour; a gap longer than maxAge breaks a green run. */
function colourRun({ t, v }: Samples, colourOf: (v: number) => Colour, maxAgeMs: number) {
  const last = t.length - 1;
  const colour = colourOf(v[last]);
  let i = last;
  while (i > 0 && colourOf(v[i - 1]) === colour) {
    const gapShown = t[i] - t[i - 1] > maxAgeMs ? worse('amber', colour) : colour;
    if (gapShown !== colour) {
      break;
    }
    i--;
  }
  return { since: t[i], isLowerBound: i === 0 };
}

function evaluateSeries(input: EvaluateInput, series: Series, item: string | undefined): WithWarnings<ItemResult> {
  const { def, now } = input;
  const format = input.format ?? coreFormat;
  const thresholds: Thresholds = (item !== undefined && own(def.items?.thresholds, item)) || def.thresholds;
  const windowMs = parseDuration(def.trend.window) ?? 0;
  const maxAgeMs = parseDuration(def.freshness.maxAge) ?? 0;
  const name = item === undefined ? def.id : `${def.id}{${def.items?.label}="${item}"}`;
  const warnings: string[] = [];
  const result = baseResult(def, item);
  const { samples, nonFinite, conflicts, future, infinite } = cleanPoints(series, now);
  if (future > 0) {
    warnings.push(`${name}: ${future} point(s) later than ${formatInstant(now, now)} were not counted (clock skew?)`);
  }
  if (nonFinite > 0) {
    warnings.push(
      `${name}: ${nonFinite} sample(s) were null or NaN, or had no readable time, and are not counted as evidence`
    );
  }
  if (conflicts.length > 0) {
    // Two values for one moment: the data cannot say which is true, so neither is scored (series.ts).
    const last = conflicts[conflicts.length - 1];
    const values = last.values.map((v) => format(v, valueStyle(def, thresholds))).join(' and ');
    const message = `Conflicting data: ${conflicts.length} time(s) with different values, the latest ${formatInstant(last.t, now)}: ${values}; none is scored`;
    warnings.push(`${name}: ${message}`);
    return { result: errorResult(def, item, message), warnings };
  }
  const impossible = impossibleSamples(def, samples, infinite);
  if (impossible) {
    const count = impossible.count > 1 ? `; ${impossible.count} impossible samples in the range` : '';
    const message = `Not scored: ${impossible.why} (at ${formatInstant(impossible.t, now)}${count})`;
    warnings.push(`${name}: ${message}`);
    return { result: errorResult(def, item, message), warnings };
  }
  const count = samples.t.length;
  const loadedAt = 'series' in input.observation ? input.observation.loadedAt : undefined;
  if (count === 0) {
    result.evidence = noDataText(def, now, loadedAt);
    // Not a sample in the window read: red for at least that long (escalate.ts counts it like any red).
    result.colourSince = now - windowMs;
    result.colourSinceIsLowerBound = true;
    return { result, warnings };
  }
  const latest: Sample = { t: samples.t[count - 1], v: samples.v[count - 1] };
  const colourOf = (v: number) => classify(v, def.direction, thresholds);
  const valueColour = colourOf(latest.v);
  const judged = judgementText({
    value: latest.v,
    colour: valueColour,
    direction: def.direction,
    thresholds,
    style: valueStyle(def, thresholds),
    format,
  });
  const shownTarget = targetOf(def, item);
  const target = typeof shownTarget === 'number' ? `, target ${formatExact(shownTarget, def.unit)}` : '';
  const run = colourRun(samples, colourOf, maxAgeMs);
  result.value = latest.v;
  result.lastSampleTime = latest.t;
  result.sparkline = atCadence(samples, now - windowMs, { now, stepMs: sparklineStep(windowMs) });
  if (now - latest.t > maxAgeMs) {
    result.status = 'stale';
    result.colour = worse('amber', valueColour);
    const stale =
      typeof loadedAt === 'number' && now - loadedAt > maxAgeMs
        ? loadedText(loadedAt, now, maxAgeMs)
        : staleText(latest.t, now, maxAgeMs);
    result.evidence = `${stale}; last value ${judged}`;
    // Amber since it went stale when its last value was green; else since its amber or red run began, so a feed
    // that stops cannot restart the clock of an amber or red metric (escalate.ts).
    const fromRun = valueColour !== 'green';
    result.colourSince = fromRun ? run.since : latest.t + maxAgeMs;
    result.colourSinceIsLowerBound = fromRun && run.isLowerBound;
  } else {
    result.status = valueColour;
    result.colour = valueColour;
    result.evidence = `${judged}${target}, ${asOfText(latest.t, now)}`;
    result.colourSince = run.since;
    result.colourSinceIsLowerBound = run.isLowerBound;
  }
  if (def.goal) {
    applyGoal(result, { def: { ...def, goal: def.goal }, samples, now, format });
  }
  const previous = sampleAtWindowStart(samples, { now, ms: windowMs });
  if (previous) {
    result.previous = previous.v;
    result.previousTime = previous.t;
    result.change = latest.v - previous.v;
    const relative = previous.v === 0 ? undefined : result.change / Math.abs(previous.v);
    result.relativeChange = relative !== undefined && Number.isFinite(relative) ? relative : undefined;
    result.changeQuality = changeQuality(previous.v, latest.v, def.direction, thresholds);
  }
  return { result, warnings };
}

/**
 * The latest ±Inf, else the latest sample outside the metric's domain (domain.ts), with how many there are. Any
 * one of them makes the item an error: a feed that produced an impossible value in the range (a wrong unit, a sign error) cannot be trusted for
 * the rest of it, and the impossible value itself is never a reading.
 */
function impossibleSamples(def: MetricDef, samples: Samples, infinite: Sample[]) {
  const lastInfinite = infinite.at(-1);
  if (lastInfinite) {
    const sign = lastInfinite.v > 0 ? '+' : '-';
    return {
      t: lastInfinite.t,
      why: `${sign}Inf is no possible value (a division by zero in the query?)`,
      count: infinite.length,
    };
  }
  const dm = metricDomain(def);
  const { count, last } = outsideDomainCount(samples.v, dm);
  const why = last < 0 ? undefined : outsideDomain(samples.v[last], dm);
  return why === undefined ? undefined : { t: samples.t[last], why, count };
}

/** Why there is no sample: none in the window, none up to the last load, or no load recorded (freshness.ts). */
function noDataText(def: MetricDef, now: number, loadedAt: number | null | undefined): string {
  if (loadedAt === null) {
    return 'No data: its feed has no recorded load';
  }
  const upTo = loadedAt !== undefined && loadedAt < now ? `, data loaded up to ${formatInstant(loadedAt, now)}` : '';
  return `No data in the ${def.trend.window} before ${formatInstant(now, now)}${upTo}`;
}

function errorResult(def: MetricDef, item: string | undefined, message: string): ItemResult {
  return { ...baseResult(def, item), status: 'error', colour: 'red', evidence: message };
}

/** Evaluates one definition: one result per item (or one result), with warnings naming the metric. */
export function evaluateMetric(input: EvaluateInput): WithWarnings<ItemResult[]> {
  const { def, observation } = input;
  const expected = def.items?.expected ?? [];
  if ('error' in observation) {
    const message = observation.source ? `${observation.source}: ${observation.error}` : observation.error;
    const items = expected.length > 0 ? expected : [undefined];
    return { result: items.map((item) => errorResult(def, item, message)), warnings: [] };
  }
  // Under a freshness query's load time, later points are not evidence (freshness.ts).
  const series =
    observation.loadedAt === undefined
      ? observation.series
      : observation.series.map((s) => untilLoad(s, observation.loadedAt ?? null, input.now));
  if (def.register) {
    return evaluateRegister({ ...input, def: { ...def, register: def.register }, series });
  }
  if (!def.items) {
    if (series.length > 1) {
      const message = `the query returned ${series.length} series but the definition declares no items label`;
      return { result: [errorResult(def, undefined, message)], warnings: [`${def.id}: ${message}`] };
    }
    return evaluateSeriesList(
      input,
      series.length === 1 ? [[undefined, series[0]]] : [[undefined, { times: [], values: [] }]]
    );
  }
  const { byItem, conflicts, warnings } = groupItems({
    def: { ...def, items: def.items },
    series,
    now: input.now,
    format: input.format ?? coreFormat,
  });
  const names = [...expected, ...[...byItem.keys(), ...conflicts.keys()].filter((k) => !expected.includes(k)).sort()];
  if (names.length === 0) {
    names.push('');
  }
  // A conflict is looked up by the item's name, the empty name included ('' is shown without an item label).
  const result: ItemResult[] = [];
  for (const n of names) {
    const item = n === '' ? undefined : n;
    const conflict = conflicts.get(n);
    if (conflict) {
      result.push(errorResult(def, item, conflict));
      continue;
    }
    const evaluated = evaluateSeries(input, byItem.get(n) ?? { times: [], values: [] }, item);
    result.push(evaluated.result);
    warnings.push(...evaluated.warnings);
  }
  return { result, warnings };
}

function evaluateSeriesList(
  input: EvaluateInput,
  list: Array<[string | undefined, Series]>
): WithWarnings<ItemResult[]> {
  const warnings: string[] = [];
  const result = list.map(([item, s]) => {
    const r = evaluateSeries(input, s, item);
    warnings.push(...r.warnings);
    return r.result;
  });
  return { result, warnings };
}

/** "red for 12 d", "amber for ≥ 7 d": how long the shown colour has held, for the panel and the CLI. */
export function colourDuration(r: ItemResult, now: number): string | undefined {
  if (r.colourSince === undefined) {
    return undefined;
  }
  return `${r.colour} for ${formatSpanSince(r.colourSince, now, r.colourSinceIsLowerBound)}`;
}
