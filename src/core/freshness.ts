/**
 * Freshness for any source. A Prometheus sample's time is when it was scraped, so the age of the latest sample is
 * the age of the evidence. A SQL query often writes its own times (`generate_series` up to `$__timeTo()`): its newest
 * point is always "now", whether or not the records behind it are still arriving. `freshness.sql` asks the source
 * when the data was last loaded, and the evidence ends there.
 *
 * Semantics (the engine reads the load time, evaluate.ts applies it):
 * - the query runs on the metric's datasource in the same request, refId `<metric id>.freshness`, table format,
 *   over the same range (Grafana's macros work);
 * - it returns a timestamp column named `time` (the generated alert rule reads it by that name), one row per feed
 *   the metric reads; the load time is the OLDEST of them: the data is complete only up to the feed that lags most;
 * - a null time or no row at all: no load is recorded, so no sample is evidence -> `noData`;
 * - samples later than the load time (and not after now) are not evidence: they were computed over records that
 *   had not arrived. The latest sample at or before the load time is the value, and its age decides `stale` as for
 *   any source, so a load older than maxAge makes the metric stale whatever times the query wrote;
 * - the query failing, answering partly, without a time column or with an unreadable time -> the metric is `error`.
 * Worked examples (maxAge 2h, now 12:00, a point every hour up to 12:00):
 *   loaded 11:30                           -> the 11:00 point is the value, 1 h old: fresh
 *   loaded 09:00                           -> the 09:00 point, 3 h old: stale ("data last loaded 3 h ago")
 *   loaded 12:40 (a clock ahead of ours)   -> every point up to 12:00 counts
 *   two feeds, loaded 11:30 and 07:00      -> 07:00 counts: stale
 */
import { isPartialNotice, type FrameLike } from './frames';
import { isSql, type Catalog, type MetricDef, type Observation, type Problem, type Series } from './types';

export const FRESHNESS_SUFFIX = '.freshness';

/** The refId of a metric's freshness query; metric ids are kebab-case, so it never equals another metric's. */
export const freshnessRefId = (metricId: string): string => `${metricId}${FRESHNESS_SUFFIX}`;

const toTime = (v: unknown): number | null => {
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === 'number') {
    return v;
  }
  return typeof v === 'string' ? Date.parse(v) : v instanceof Date ? v.getTime() : NaN;
};

/** The load time the frames give (`null`: none recorded), or why they cannot say. */
export function loadTimeOfFrames(frames: FrameLike[]): { loadedAt: number | null } | { problem: string } {
  let oldest: number | undefined;
  for (const frame of frames) {
    const partial = frame.meta?.notices?.find(isPartialNotice);
    if (partial) {
      return { problem: `an incomplete answer (${partial.text})` };
    }
    const field = frame.fields.find((f) => f.name === 'time' && f.type === 'time');
    if (!field) {
      if (frame.fields.every((f) => f.values.length === 0)) {
        continue;
      }
      const names = frame.fields.map((f) => `${f.name}:${f.type}`).join(', ');
      return { problem: `no timestamp column named time (fields: ${names || 'none'})` };
    }
    for (let i = 0; i < field.values.length; i++) {
      const t = toTime(field.values[i]);
      if (t === null) {
        return { loadedAt: null };
      }
      if (!Number.isFinite(t)) {
        return { problem: `an unreadable time (${JSON.stringify(String(field.values[i]).slice(0, 40))})` };
      }
      oldest = oldest === undefined ? t : Math.min(oldest, t);
    }
  }
  return { loadedAt: oldest ?? null };
}

export interface LoadInput {
  def: MetricDef;
  observation: Observation;
  /** The frames answering the freshness refId, and Grafana's error for it. */
  frames: FrameLike[];
  error?: { message: string };
  source: string;
}

/** The observation with its load time, or an error naming the freshness query; as it was without `freshness.sql`. */
export function withLoadTime({ def, observation, frames, error, source }: LoadInput): Observation {
  if (def.freshness.sql === undefined || 'error' in observation) {
    return observation;
  }
  if (error) {
    return { error: `the freshness query failed: ${error.message}`, source };
  }
  const read = loadTimeOfFrames(frames);
  if ('problem' in read) {
    return { error: `the freshness query returned ${read.problem}`, source };
  }
  return { ...observation, loadedAt: read.loadedAt };
}

/**
 * The series without the points that are not evidence under a load time: those later than it and not after `now`
 * (points after `now` stay, so the evaluation still reports them as clock skew). `null`: every point up to `now` goes.
 */
export function untilLoad(series: Series, loadedAt: number | null, now: number): Series {
  const cut = loadedAt ?? -Infinity;
  const { times, values } = series;
  const keep: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (!(times[i] > cut && times[i] <= now)) {
      keep.push(i);
    }
  }
  if (keep.length === times.length) {
    return series;
  }
  return { ...series, times: keep.map((i) => times[i]), values: keep.map((i) => values[i]) };
}

/**
 * Warnings of a valid catalog: risks it does not guard against, which do not stop it (`candor validate` prints them,
 * the datasource's page shows them):
 * - an active SQL metric without a freshness query;
 * - a freshness query that reads no table (`SELECT now() AS time`): it can only give the clock, never a load.
 */
export function catalogWarnings(catalog: Catalog): Problem[] {
  return catalog.metrics.flatMap((m, i): Problem[] => {
    if (!isSql(m.source) || m.retired) {
      return [];
    }
    if (m.freshness.sql === undefined) {
      return [
        {
          path: `metrics[${i}].freshness`,
          message:
            'no freshness query: a SQL query that writes its own times looks fresh after its records stop loading; add freshness.sql returning the last load time',
        },
      ];
    }
    return /\bfrom\b/i.test(m.freshness.sql)
      ? []
      : [
          {
            path: `metrics[${i}].freshness.sql`,
            message:
              'reads no table: it can only give the clock, never when the data was loaded; select the load time from where loads are recorded',
          },
        ];
  });
}
