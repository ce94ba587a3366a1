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
 * - the query failing, answering partly, not answering while the metric's query did, without a time column or
 *   with an unreadable time -> the metric is `error`;
 * - a load time more than maxAge beyond the wall clock is no load time -> `error`, in any view (a time range
 *   ending "now-1m" or "today" too); viewed as of now, up to maxAge later (clock skew) counts as now, with a
 *   warning. In a past view a load after the view's time only says the feed loaded since;
 * - a time that is no instant (before 1970, after 9999: duration.ts isInstant) is unreadable -> `error`.
 * Worked examples (maxAge 2h, now 12:00, a point every hour up to 12:00):
 *   loaded 11:30                           -> the 11:00 point is the value, 1 h old: fresh
 *   loaded 09:00                           -> the 09:00 point, 3 h old: stale ("data last loaded 3 h ago")
 *   loaded 12:40 (a clock ahead of ours)   -> every point up to 12:00 counts, with a warning
 *   loaded 2099-01-01                      -> error: no load is in the future
 *   two feeds, loaded 11:30 and 07:00      -> 07:00 counts: stale
 */
import { formatInstant, isInstant, parseDuration } from './duration';
import { isPartialNotice, toTime, type FrameLike } from './frames';
import { sqlCode } from './sqlText';
import {
  isSql,
  type Catalog,
  type MetricDef,
  type Observation,
  type Problem,
  type Series,
  type WithWarnings,
} from './types';

export const FRESHNESS_SUFFIX = '.freshness';

/** The refId of a metric's freshness query; metric ids are kebab-case, so it never equals another metric's. */
export const freshnessRefId = (metricId: string): string => `${metricId}${FRESHNESS_SUFFIX}`;

/** A metric's freshness query and the datasource it runs on (the metric's own); undefined without one. */
export function freshnessQueryOf(def: MetricDef): { sql: string; datasourceUid: string } | undefined {
  return isSql(def.source) && def.freshness.sql !== undefined
    ? { sql: def.freshness.sql, datasourceUid: def.source.sql.datasourceUid }
    : undefined;
}

/** The load time the frames give (`null`: none recorded), or why they cannot say. */
export function loadTimeOfFrames(frames: FrameLike[]): { loadedAt: number | null } | { problem: string } {
  // A partial answer anywhere is no answer: the part that was read may be the feed that looks fresh.
  const partial = frames.flatMap((f) => f.meta?.notices ?? []).find(isPartialNotice);
  if (partial) {
    return { problem: `an incomplete answer (${partial.text})` };
  }
  let oldest: number | undefined;
  let unloaded = false;
  for (const frame of frames) {
    // Every `time` column counts (a join may return two): reading only the first could pick the fresh feed.
    const fields = frame.fields.filter((f) => f.name === 'time' && f.type === 'time');
    if (fields.length === 0) {
      if (frame.fields.every((f) => f.values.length === 0)) {
        continue;
      }
      const names = frame.fields.map((f) => `${f.name}:${f.type}`).join(', ');
      return { problem: `no timestamp column named time (fields: ${names || 'none'})` };
    }
    for (const v of fields.flatMap((f) => Array.from(f.values))) {
      if (v === null || v === undefined) {
        unloaded = true;
        continue;
      }
      const t = toTime(v);
      if (!isInstant(t)) {
        return { problem: `an unreadable time (${JSON.stringify(String(v).slice(0, 40))})` };
      }
      oldest = oldest === undefined ? t : Math.min(oldest, t);
    }
  }
  return { loadedAt: unloaded ? null : (oldest ?? null) };
}

export interface LoadInput {
  def: MetricDef;
  observation: Observation;
  /** The frames answering the freshness refId, and Grafana's error for it. */
  frames: FrameLike[];
  error?: { message: string };
  source: string;
  now: number;
  /**
   * Whether `now` is the present. A load after now is then a clock ahead of ours; in a past view it is only a load
   * since then, and says nothing about that past.
   */
  asOfIsNow: boolean;
  /**
   * The wall clock: a load more than maxAge beyond it is no load time in any view. Absent: `now` in a view as of
   * now, else not checked.
   */
  wallClock?: number;
}

/**
 * The observation with its load time, or an error naming the freshness query; as it was without `freshness.sql`.
 * - the query failed, answered partly or unreadably, or did not answer while the metric's own query did -> error;
 * - a load time more than maxAge beyond the wall clock -> error (no load is in the future); viewed as of now, one up
 *   to maxAge after now is counted as now, with a warning (clock skew between the database and the viewer).
 */
export function withLoadTime(input: LoadInput): WithWarnings<Observation> {
  const { def, observation, frames, error, source, now } = input;
  if (def.freshness.sql === undefined || 'error' in observation) {
    return { result: observation, warnings: [] };
  }
  const fail = (why: string) => ({ result: { error: `the freshness query ${why}`, source }, warnings: [] });
  if (error) {
    return fail(`failed: ${error.message}`);
  }
  if (frames.length === 0) {
    // Neither query answered: the metric has no data, said as for any unanswered metric.
    return observation.series.length === 0 ? { result: observation, warnings: [] } : fail('was not answered');
  }
  const read = loadTimeOfFrames(frames);
  if ('problem' in read) {
    return fail(`returned ${read.problem}`);
  }
  const { loadedAt } = read;
  const maxAgeMs = parseDuration(def.freshness.maxAge) ?? 0;
  const clock = input.wallClock ?? (input.asOfIsNow ? now : undefined);
  if (loadedAt !== null && clock !== undefined && loadedAt - clock > maxAgeMs) {
    return fail(`gave a load time after now (${formatInstant(loadedAt, now)}): no load is in the future`);
  }
  if (input.asOfIsNow && loadedAt !== null && loadedAt > now) {
    const when = formatInstant(loadedAt, now);
    const warning = `${def.id}: the freshness query gave a load time after now (${when}; clock skew?), counted as now`;
    return { result: { ...observation, loadedAt: now }, warnings: [warning] };
  }
  return { result: { ...observation, loadedAt }, warnings: [] };
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

/** PostgreSQL's clock: a freshness query that reads it gives the time of asking, not of a load. */
const CLOCK =
  /\b(now\s*\(|current_timestamp|current_date|localtimestamp|clock_timestamp\s*\(|transaction_timestamp\s*\(|statement_timestamp\s*\(|timeofday\s*\()/i;
/** PostgreSQL's special time inputs, read from literals: `'now'::timestamptz` is the clock too. */
const CLOCK_WORDS = /'\s*(now|today|tomorrow|yesterday)\s*'/i;

/**
 * Warnings of a valid catalog: risks it does not guard against, which do not stop it (`candor validate` prints them,
 * the datasource's page shows them):
 * - an active SQL metric without a freshness query;
 * - a freshness query that reads no table (`SELECT now() AS time`) or reads the clock (`greatest(max(t), now())`):
 *   it gives the time of asking, never a load. Comments and literals are not read (sqlText.ts).
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
    const code = sqlCode(m.freshness.sql);
    const clock = CLOCK.exec(code)?.[0] ?? CLOCK_WORDS.exec(m.freshness.sql)?.[0];
    const why = !/\bfrom\b/i.test(code)
      ? 'reads no table: it can only give the clock'
      : clock
        ? `reads the clock (${clock.replace(/\s+/g, '').toLowerCase()}${clock.endsWith('(') ? ')' : ''})`
        : undefined;
    return why === undefined
      ? []
      : [
          {
            path: `metrics[${i}].freshness.sql`,
            message: `${why}, never when the data was loaded; select the load time from where loads are recorded`,
          },
        ];
  });
}
