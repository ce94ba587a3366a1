/**
 * The underlying query of each metric, as Grafana's `POST /api/ds/query` takes it. One builder for the datasource
 * and the generated alert rules, so they cannot drift apart.
 *
 * - refId is the metric id (a metric needs exactly one query today; a suffix `-2`… is reserved for more).
 * - Prometheus: `expr` as a RANGE query, so one query gives the current value, the value one trend window earlier,
 *   the sparkline and "since when". Grafana derives the step from `intervalMs` (minimum) and `maxDataPoints`, and
 *   aligns the range's end DOWN to a multiple of the step, so the newest point can be up to one step old. The step
 *   is therefore a third of the metric's maxAge (at least 15 s): an aligned point is never mistaken for a stale one.
 *   Grafana never steps finer than its "safe" interval, span / 11,000 rounded by its interval table
 *   (`grafanaRoundInterval`); where that is coarser than a third of maxAge the step follows Grafana and
 *   `prometheusStep` reports `coarse`, so the datasource can say freshness is judged more coarsely.
 * - SQL: `rawSql` in the definition's `format` (time_series unless the definition says table). A metric with
 *   `freshness.sql` sends it too, in the same request, as refId `<id>.freshness` in table format (freshness.ts).
 * - All queries of one refresh share one time range: [asOf − longest trend or goal pace window − maxAge, asOf] (see
 *   `requestRange`); each metric then reads only its own window for trend and sparkline.
 * - Template variables are interpolated by an injected function that escapes for the target language
 *   (`escape.ts`): the core never sees Grafana's template service.
 */
import { parseDuration } from './duration';
import { freshnessQueryOf, freshnessRefId } from './freshness';
import { DEFAULT_PACE } from './goal';
import { isPrometheus, type MetricDef } from './types';

import { POSTGRES_TYPE, PROMETHEUS_TYPE } from './datasourceTypes';

export { POSTGRES_TYPE, PROMETHEUS_TYPE };
/** Grafana's safe resolution: it never asks Prometheus for more points per series than this. */
export const SAFE_RESOLUTION = 11_000;

/** Grafana's interval rounding table (its intervalv2 `roundInterval`), for the ranges a scorecard uses. */
const ROUND_STEPS: Array<[number, number]> = [
  [12_500, 10_000],
  [17_500, 15_000],
  [25_000, 20_000],
  [45_000, 30_000],
  [90_000, 60_000],
  [210_000, 120_000],
  [450_000, 300_000],
  [750_000, 600_000],
  [1_050_000, 900_000],
  [1_500_000, 1_200_000],
  [2_700_000, 1_800_000],
  [5_400_000, 3_600_000],
  [9_000_000, 7_200_000],
  [16_200_000, 10_800_000],
  [24_300_000, 21_600_000],
  [64_800_000, 43_200_000],
];
export function grafanaRoundInterval(ms: number): number {
  const hit = ROUND_STEPS.find(([limit]) => ms <= limit);
  return hit ? hit[1] : 86_400_000;
}
/**
 * Metrics per `/api/ds/query` request; larger selections are sent in chunks of this many metrics, each with its
 * freshness query in the same chunk.
 */
export const MAX_METRICS_PER_REQUEST = 50;

export interface PrometheusQuery {
  refId: string;
  datasource: { type: typeof PROMETHEUS_TYPE; uid: string };
  expr: string;
  range: true;
  instant: false;
  editorMode: 'code';
  intervalMs: number;
  maxDataPoints: number;
}
export interface SqlQuery {
  refId: string;
  datasource: { type: typeof POSTGRES_TYPE; uid: string };
  rawSql: string;
  format: 'time_series' | 'table';
  rawQuery: true;
  editorMode: 'code';
}
export type SourceQuery = PrometheusQuery | SqlQuery;

export type Language = 'promql' | 'sql';
/** Replaces `$var`/`${var}` in text, escaping values for the language. Identity when there are no variables. */
export type Interpolate = (text: string, language: Language) => string;

export interface RequestRange {
  from: number;
  to: number;
}

/** The shared range of one refresh: long enough for every selected metric's trend window and freshness. */
export function requestRange(defs: MetricDef[], asOf: number): RequestRange {
  const longest = defs.reduce((max, d) => {
    // A dated goal reads its pace window (goal.ts): the range reaches back that far too.
    const pace = d.goal ? (parseDuration(d.goal.pace ?? DEFAULT_PACE) ?? 0) : 0;
    const span = Math.max(parseDuration(d.trend.window) ?? 0, pace) + (parseDuration(d.freshness.maxAge) ?? 0);
    return Math.max(max, span);
  }, 0);
  return { from: asOf - Math.max(longest, 60_000), to: asOf };
}

/** The step of a metric's Prometheus range query (see the comment at the top), and how many points it yields. */
export function prometheusStep(
  def: MetricDef,
  range: RequestRange
): { stepMs: number; points: number; coarse: boolean } {
  const span = Math.max(1, range.to - range.from);
  const wanted = Math.max(15_000, Math.floor((parseDuration(def.freshness.maxAge) ?? 0) / 3));
  // Grafana's rounded safe interval, and never more points than Prometheus accepts whatever the rounding does.
  const safe = Math.max(grafanaRoundInterval(span / SAFE_RESOLUTION), Math.ceil(span / SAFE_RESOLUTION));
  const stepMs = Math.max(wanted, safe);
  return { stepMs, points: Math.ceil(span / stepMs), coarse: safe > wanted };
}

/**
 * The `maxDataPoints` that makes Grafana step at exactly `stepMs`. Grafana's interval calculator returns the minimum
 * interval (`intervalMs`) only when span / maxDataPoints is STRICTLY below it; at equality or above it rounds
 * span / maxDataPoints by its table instead, which can land below the minimum (40 m rounds to 30 m, 17 h to 12 h).
 * One point more than span / stepMs keeps the quotient strictly below the step for every span.
 *   span 32 d, step 5 m: 9,216 steps exactly -> 9,217 (32 d / 9,217 = 299.97 s < 300 s).
 */
export function maxDataPointsFor(range: RequestRange, stepMs: number): number {
  const span = Math.max(1, range.to - range.from);
  return Math.floor(span / stepMs) + 1;
}

export function buildSourceQuery(def: MetricDef, range: RequestRange, interpolate: Interpolate): SourceQuery {
  if (isPrometheus(def.source)) {
    const { datasourceUid, expr } = def.source.prometheus;
    const { stepMs } = prometheusStep(def, range);
    return {
      refId: def.id,
      datasource: { type: PROMETHEUS_TYPE, uid: datasourceUid },
      expr: interpolate(expr, 'promql'),
      range: true,
      instant: false,
      editorMode: 'code',
      intervalMs: stepMs,
      maxDataPoints: maxDataPointsFor(range, stepMs),
    };
  }
  const { datasourceUid, rawSql, format } = def.source.sql;
  return {
    refId: def.id,
    datasource: { type: POSTGRES_TYPE, uid: datasourceUid },
    rawSql: interpolate(rawSql, 'sql'),
    format: format ?? 'time_series',
    rawQuery: true,
    editorMode: 'code',
  };
}

/** The freshness query of a SQL metric that has one (freshness.ts), on the metric's own datasource. */
export function buildFreshnessQuery(def: MetricDef, interpolate: Interpolate): SqlQuery | undefined {
  const load = freshnessQueryOf(def);
  if (!load) {
    return undefined;
  }
  return {
    refId: freshnessRefId(def.id),
    datasource: { type: POSTGRES_TYPE, uid: load.datasourceUid },
    rawSql: interpolate(load.sql, 'sql'),
    format: 'table',
    rawQuery: true,
    editorMode: 'code',
  };
}

/** Every query one metric needs: its own, then its freshness query when it has one. */
export function metricQueries(def: MetricDef, range: RequestRange, interpolate: Interpolate): SourceQuery[] {
  const freshness = buildFreshnessQuery(def, interpolate);
  return [buildSourceQuery(def, range, interpolate), ...(freshness ? [freshness] : [])];
}

export interface DsQueryBody {
  queries: SourceQuery[];
  from: string;
  to: string;
}

/**
 * One body per datasource of `body`, with its range: what is sent again when Grafana refuses a request as a whole
 * (an unknown datasource uid), so one failing source marks only its own metrics (the Mixed datasource's pattern).
 */
export function splitBySource(body: DsQueryBody): DsQueryBody[] {
  const groups = new Map<string, DsQueryBody>();
  for (const q of body.queries) {
    const group = groups.get(q.datasource.uid) ?? { ...body, queries: [] };
    group.queries.push(q);
    groups.set(q.datasource.uid, group);
  }
  return [...groups.values()];
}

/** The request bodies of one refresh: one, unless more than MAX_METRICS_PER_REQUEST metrics are selected. */
export function buildRequests(defs: MetricDef[], asOf: number, interpolate: Interpolate): DsQueryBody[] {
  const range = requestRange(defs, asOf);
  const bodies: DsQueryBody[] = [];
  for (let i = 0; i < defs.length; i += MAX_METRICS_PER_REQUEST) {
    bodies.push({
      queries: defs.slice(i, i + MAX_METRICS_PER_REQUEST).flatMap((d) => metricQueries(d, range, interpolate)),
      from: String(range.from),
      to: String(range.to),
    });
  }
  return bodies;
}
