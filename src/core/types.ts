/**
 * The Candor domain model. Pure data: no React, no Grafana. The catalog format is `apiVersion: candor/v1`,
 * documented field by field in `docs/catalog.md` and in `src/core/schema/catalog-v1.schema.json`.
 */

export const API_VERSION = 'candor/v1';

export type Direction = 'higher-is-better' | 'lower-is-better' | 'within';
export type Indicator = 'leading' | 'lagging';
export type Tier = 'critical' | 'high' | 'medium' | 'low';

/** What a metric is; `noData`, `stale` and `error` are statuses without (fresh) evidence. */
export type Status = 'green' | 'amber' | 'red' | 'noData' | 'stale' | 'error';
/** What a metric is shown as. noData and error show red; stale shows amber at best. */
export type Colour = 'green' | 'amber' | 'red';

/** For higher/lower-is-better the boundaries are numbers; for `within` they are `[low, high]` bands. */
export type Boundary = number | [number, number];
export interface Thresholds {
  green: Boundary;
  amber: Boundary;
}

export interface PrometheusSource {
  prometheus: { datasourceUid: string; expr: string };
}
export interface SqlSource {
  sql: { datasourceUid: string; rawSql: string; format?: 'time_series' | 'table' };
}
/** A discriminated union on its single key. */
export type Source = PrometheusSource | SqlSource;

export interface Link {
  title: string;
  url: string;
}

export interface Items {
  /** The series label (Prometheus) or column (SQL) that names each item, e.g. `severity`. */
  label: string;
  /** Items that must always appear; a missing one is `noData`, so a query cannot hide a row by dropping it. */
  expected?: string[];
  /** Per-item thresholds replacing the metric's, keyed by the label value. */
  thresholds?: Record<string, Thresholds>;
}

/**
 * A dated target (goal.ts): reach `value` by the day `by` (YYYY-MM-DD, end of that day UTC). The status combines
 * the thresholds with the projection at the pace of the last `pace` (a duration, default 90d) of the series.
 */
export interface Goal {
  value: number;
  by: string;
  pace?: string;
}

/**
 * A register (register.ts): one item per row of a SQL table, judged by the kind's own rule.
 * - `initiatives`: rows with `progress` (0–100), `start`, `due` and optional `milestones`; the value judged is the
 *   progress minus the expected progress by now, in percentage points (0 = on pace).
 * - `risks`: rows with `probability` (0–1), `impact` (1–5), `mitigation` (0–100) and `review`; the value judged is
 *   the exposure, probability × impact (0–5). A risk whose review date has passed is stale.
 */
export interface Register {
  kind: 'initiatives' | 'risks';
}

/** Who sees what (audiences.ts): a generated dashboard per audience, in a folder with permissions per team. */
export interface Audience {
  id: string;
  title: string;
  /** The pillars shown; absent: every pillar. */
  pillars?: string[];
  /** Show the catalog's summary above the pillars (default true). */
  summary?: boolean;
  /** Grafana teams allowed to view the folder (`candor lock` applies them). */
  teams?: string[];
}

export interface Retirement {
  reason: string;
  approvedBy: string;
  date: string;
}

/**
 * Narrows the valid values the unit implies (src/core/domain.ts); required for units that imply none
 * (`short`, `none`, …). `change: true`: the metric is a change of a quantity, so it may be negative.
 */
export interface DomainSpec {
  min?: number;
  max?: number;
  integer?: boolean;
  change?: boolean;
}

export interface MetricDef {
  id: string;
  pillar: string;
  name: string;
  /** The short name on the scorecard (≤ LABEL_MAX characters); the name when absent. */
  label?: string;
  description: string;
  owner: string;
  indicator: Indicator;
  unit: string;
  domain?: DomainSpec;
  direction: Direction;
  target: Boundary;
  thresholds: Thresholds;
  /**
   * `maxAge`: the oldest the latest sample may be. `sql` (SQL sources only, freshness.ts): the last time the data
   * behind the metric was loaded; samples later than it are not evidence.
   */
  freshness: { maxAge: string; sql?: string };
  tier: Tier;
  trend: { window: string };
  links?: Link[];
  source: Source;
  items?: Items;
  goal?: Goal;
  register?: Register;
  retired?: Retirement;
}

export interface PillarDef {
  id: string;
  title: string;
  question: string;
  order: number;
  /** The role answerable for the pillar (a department's head); shown on the pillar. */
  owner?: string;
}

/** How long amber may stand without an action, and red at all, before escalation (escalate.ts); durations. */
export interface EscalationSpec {
  amberWithoutAction?: string;
  redFor?: string;
}

export interface Catalog {
  apiVersion: typeof API_VERSION;
  scorecard: {
    id: string;
    title: string;
    version: string;
    /** Metric ids shown above the pillars, in this order: the executive summary. */
    summary?: string[];
  };
  pillars: PillarDef[];
  escalation?: EscalationSpec;
  audiences?: Audience[];
  metrics: MetricDef[];
}

/** The longest name a scorecard row shows whole (a label, or the name without one). */
export const LABEL_MAX = 28;

/** The name on the scorecard: the label, else the name. */
export const labelOf = (m: Pick<MetricDef, 'name' | 'label'>): string => m.label ?? m.name;

/** Observed data for one metric: one series per item, or the source's failure. */
export interface Series {
  labels?: Record<string, string>;
  /** The frame field the points came from, when the frame had several number fields (a register's columns). */
  field?: string;
  /**
   * Column by column, as a frame holds them (a frame's own arrays are passed on, not copied): `times[i]` in epoch
   * milliseconds is the time of `values[i]`. Null, NaN and ±Inf are kept and handled by the evaluation. Never
   * written to: the arrays may belong to the frame. `seriesOf` (series.ts) builds one from `[time, value]` pairs.
   */
  times: ArrayLike<number>;
  values: ArrayLike<number | null>;
}
/**
 * `loadedAt` (metrics with a freshness query, freshness.ts): when the data was last loaded, or `null` when the query
 * gave no load time; absent for metrics without one.
 */
export type Observation = { series: Series[]; loadedAt?: number | null } | { error: string; source?: string };

export interface Problem {
  path: string;
  message: string;
}

/** The pattern of the whole core: results come with warnings, never instead of them. */
export interface WithWarnings<T> {
  result: T;
  warnings: string[];
}

export function isPrometheus(source: Source): source is PrometheusSource {
  return 'prometheus' in source;
}
export function isSql(source: Source): source is SqlSource {
  return 'sql' in source;
}
export function sourceUid(source: Source): string {
  return isPrometheus(source) ? source.prometheus.datasourceUid : source.sql.datasourceUid;
}
