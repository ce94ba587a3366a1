import { evaluateMetric } from './evaluate';
import type { FrameLike } from './frames';
import { catalogWarnings, freshnessRefId, loadTimeOfFrames, withLoadTime } from './freshness';
import { buildRequests } from './queries';
import { createCatalog, createMetric, createSeries, engineAsOf, FIXED_NOW, HOUR, MINUTE } from './testing/factories';
import type { MetricDef, Observation } from './types';
import { validateCatalog } from './validate';

const LOAD_SQL = "SELECT synced_at AS time FROM feed_sync WHERE feed = 'sales'";

/** A SQL metric with a freshness query: a count, lower is better, green to 2, amber to 5, stale after 2 h. */
function createSqlMetric(overrides: Partial<MetricDef> = {}): MetricDef {
  return createMetric({
    id: 'open-incidents',
    name: 'Open incidents',
    unit: 'short',
    domain: { min: 0, integer: true },
    direction: 'lower-is-better',
    target: 0,
    thresholds: { green: 2, amber: 5 },
    freshness: { maxAge: '2h', sql: LOAD_SQL },
    source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT now() AS time, 1::float8 AS value' } },
    ...overrides,
  });
}

/** The frame a freshness query answers: one `time` column. */
const loadFrame = (times: unknown[], name = 'time', type = 'time'): FrameLike => ({
  refId: 'open-incidents.freshness',
  fields: [{ name, type, values: times }],
});

describe('the load time a freshness query gives', () => {
  it.each<[string, FrameLike[], ReturnType<typeof loadTimeOfFrames>]>([
    ['no frame: no load recorded', [], { loadedAt: null }],
    ['no row: no load recorded', [loadFrame([])], { loadedAt: null }],
    ['one row', [loadFrame([FIXED_NOW - HOUR])], { loadedAt: FIXED_NOW - HOUR }],
    [
      'two feeds: the older counts',
      [loadFrame([FIXED_NOW - HOUR, FIXED_NOW - 5 * HOUR])],
      { loadedAt: FIXED_NOW - 5 * HOUR },
    ],
    ['a feed never loaded (null): no load', [loadFrame([FIXED_NOW - HOUR, null])], { loadedAt: null }],
    ['an ISO text', [loadFrame(['2026-11-16T11:00:00Z'])], { loadedAt: FIXED_NOW - HOUR }],
    [
      'two time columns (a join): every one counts, a null in the second is no load',
      [{ fields: [...loadFrame([FIXED_NOW]).fields, ...loadFrame([null]).fields] }],
      { loadedAt: null },
    ],
    [
      "a text in the reader's locale is unreadable",
      [loadFrame(['11/16/2026 11:00'])],
      { problem: 'an unreadable time ("11/16/2026 11:00")' },
    ],
    ['a text without a zone is UTC', [loadFrame(['2026-11-16 11:00:00'])], { loadedAt: FIXED_NOW - HOUR }],
    [
      'a null in one frame, a partial answer in another: incomplete, not merely unloaded',
      [loadFrame([null]), { ...loadFrame([FIXED_NOW]), meta: { notices: [{ severity: 'error', text: 'timeout' }] } }],
      { problem: 'an incomplete answer (timeout)' },
    ],
    ['a frame without fields is no row', [{ fields: [] }], { loadedAt: null }],
    [
      'a column of another name',
      [loadFrame([FIXED_NOW], 'synced_at')],
      { problem: 'no timestamp column named time (fields: synced_at:time)' },
    ],
    [
      'a number, not a timestamp',
      [loadFrame([FIXED_NOW], 'time', 'number')],
      { problem: 'no timestamp column named time (fields: time:number)' },
    ],
    ['an unreadable time', [loadFrame(['yesterday'])], { problem: 'an unreadable time ("yesterday")' }],
    [
      'a partial answer',
      [{ ...loadFrame([FIXED_NOW]), meta: { notices: [{ severity: 'warning', text: 'partial response' }] } }],
      { problem: 'an incomplete answer (partial response)' },
    ],
  ])('%s', (_, frames, expected) => {
    expect(loadTimeOfFrames(frames)).toEqual(expected);
  });
});

describe('an observation under its freshness query', () => {
  const series: Observation = { series: [createSeries([1, 1])] };
  const base = {
    def: createSqlMetric(),
    observation: series,
    frames: [loadFrame([FIXED_NOW])],
    source: 'PG (pg)',
    now: FIXED_NOW,
    asOfIsNow: true,
  };
  const failed = (error: string) => ({ result: { error, source: 'PG (pg)' }, warnings: [] });

  it('carries the load time', () => {
    expect(withLoadTime(base)).toEqual({ result: { ...series, loadedAt: FIXED_NOW }, warnings: [] });
  });
  it('is an error when the freshness query failed, naming it', () => {
    expect(withLoadTime({ ...base, error: { message: 'relation "feed_sync" does not exist' } })).toEqual(
      failed('the freshness query failed: relation "feed_sync" does not exist')
    );
  });
  it('is an error when the freshness query cannot be read', () => {
    expect(withLoadTime({ ...base, frames: [loadFrame(['soon'])] })).toEqual(
      failed('the freshness query returned an unreadable time ("soon")')
    );
  });
  it('is an error when the metric query answered and the freshness query did not', () => {
    expect(withLoadTime({ ...base, frames: [] })).toEqual(failed('the freshness query was not answered'));
    // Neither answered: no data, said as for any metric without an answer.
    const none: Observation = { series: [] };
    expect(withLoadTime({ ...base, observation: none, frames: [] })).toEqual({ result: none, warnings: [] });
  });
  it('as of now, a load more than maxAge after now is no load time; up to maxAge it counts as now, with a warning', () => {
    expect(withLoadTime({ ...base, frames: [loadFrame([Date.parse('2099-01-01T00:00:00Z')])] })).toEqual(
      failed('the freshness query gave a load time after now (2099-01-01 00:00 UTC): no load is in the future')
    );
    expect(withLoadTime({ ...base, frames: [loadFrame([FIXED_NOW + 30 * MINUTE])] })).toEqual({
      result: { ...series, loadedAt: FIXED_NOW },
      warnings: [
        'open-incidents: the freshness query gave a load time after now (12:30 UTC; clock skew?), counted as now',
      ],
    });
  });
  it('in any view, a load more than maxAge beyond the wall clock is no load time (a range ending "now-1m", "today")', () => {
    const sentinel = Date.parse('9999-12-31T00:00:00Z');
    const past = { ...base, asOfIsNow: false, now: FIXED_NOW - MINUTE, wallClock: FIXED_NOW };
    expect(withLoadTime({ ...past, frames: [loadFrame([sentinel])] })).toEqual(
      failed('the freshness query gave a load time after now (9999-12-31 00:00 UTC): no load is in the future')
    );
    expect(withLoadTime({ ...past, frames: [loadFrame([1e300])] })).toEqual(
      failed('the freshness query returned an unreadable time ("1e+300")')
    );
  });
  it('in a past view, a later load only says the feed loaded since: no check, every point counts', () => {
    const later = FIXED_NOW + 30 * 24 * HOUR;
    expect(withLoadTime({ ...base, asOfIsNow: false, frames: [loadFrame([later])] })).toEqual({
      result: { ...series, loadedAt: later },
      warnings: [],
    });
  });
  it('is unchanged without a freshness query, or when the metric query failed already', () => {
    const def = createSqlMetric({ freshness: { maxAge: '2h' } });
    expect(withLoadTime({ ...base, def }).result).toBe(series);
    const down = { error: 'timeout', source: 'PG (pg)' };
    expect(withLoadTime({ ...base, observation: down, error: { message: 'x' } }).result).toBe(down);
  });
});

describe('evaluation under a load time (the worked examples of freshness.ts)', () => {
  // A point every hour up to now (12:00), the value of the hour: 10:00 is 1, 11:00 is 3, 12:00 is 0.
  const hourly = createSeries([9, 9, 9, 1, 1, 3, 0], { stepMs: HOUR });
  const evaluateAt = (loadedAt: number | null) =>
    evaluateMetric({ def: createSqlMetric(), observation: { series: [hourly], loadedAt }, now: FIXED_NOW }).result[0];

  it('loaded 11:30: the 11:00 point is the value, fresh; the 12:00 point was computed before its records arrived', () => {
    const r = evaluateAt(FIXED_NOW - 30 * MINUTE);
    expect([r.status, r.value, r.lastSampleTime]).toEqual(['amber', 3, FIXED_NOW - HOUR]);
  });
  it('loaded 09:00: the 09:00 point, stale, and the evidence says when the data was loaded', () => {
    const r = evaluateAt(FIXED_NOW - 3 * HOUR);
    expect([r.status, r.colour, r.value]).toEqual(['stale', 'amber', 1]);
    expect(r.evidence).toMatch(/^Stale: data last loaded 3 h ago, allowed 2 h; last value 1/);
  });
  it('loaded after now (a clock ahead): every point up to now counts', () => {
    const r = evaluateAt(FIXED_NOW + 40 * MINUTE);
    expect([r.status, r.value]).toEqual(['green', 0]);
  });
  it('no load recorded: no data, and the evidence says why', () => {
    const r = evaluateAt(null);
    expect([r.status, r.colour, r.evidence]).toEqual(['noData', 'red', 'No data: its feed has no recorded load']);
  });
  it('a load before every point: no data, naming the load', () => {
    const r = evaluateAt(FIXED_NOW - 30 * HOUR);
    expect(r.status).toBe('noData');
    expect(r.evidence).toContain('data loaded up to');
  });
});

describe('the freshness query travels with its metric', () => {
  it('in the same request, table format, on the metric datasource, right after the metric query', () => {
    const [body] = buildRequests([createSqlMetric(), createMetric()], FIXED_NOW, (t) => t);
    expect(body.queries.map((q) => q.refId)).toEqual(['open-incidents', 'open-incidents.freshness', 'uptime']);
    expect(body.queries[1]).toMatchObject({
      datasource: { type: 'grafana-postgresql-datasource', uid: 'pg' },
      rawSql: LOAD_SQL,
      format: 'table',
    });
  });
  it('through the engine: a load older than maxAge turns a generated, always-current series stale', () => {
    const def = createSqlMetric();
    const catalog = createCatalog({ metrics: [def] });
    const times = [4, 3, 2, 1, 0].map((h) => FIXED_NOW - h * HOUR);
    const metricFrame: FrameLike = {
      refId: def.id,
      fields: [
        { name: 'time', type: 'time', values: times },
        { name: 'value', type: 'number', values: [0, 0, 0, 0, 0] },
      ],
    };
    const loadedAgo = (ms: number) => ({ ...loadFrame([FIXED_NOW - ms]), refId: freshnessRefId(def.id) });
    const run = (frames: FrameLike[]) => engineAsOf({ catalog, frames, errors: [], asOf: FIXED_NOW }).result.rows[0];
    expect(run([metricFrame, loadedAgo(10 * MINUTE)]).status).toBe('green');
    const stale = run([metricFrame, loadedAgo(3 * HOUR)]);
    expect([stale.status, stale.evidence]).toEqual(['stale', expect.stringContaining('data last loaded 3 h ago')]);
    // The freshness query answered with no row: no load recorded, no evidence; not at all: an error.
    expect(run([metricFrame, { ...loadFrame([]), refId: freshnessRefId(def.id) }]).status).toBe('noData');
    expect(run([metricFrame]).evidence).toContain('the freshness query was not answered');
    const failed = engineAsOf({
      catalog,
      frames: [metricFrame],
      errors: [{ refId: freshnessRefId(def.id), message: 'permission denied for table feed_sync' }],
      asOf: FIXED_NOW,
    });
    expect(failed.result.rows[0].status).toBe('error');
    expect(failed.result.rows[0].evidence).toContain('the freshness query failed: permission denied');
  });
});

describe('validation', () => {
  it('warns of an active SQL metric without a freshness query, naming the risk', () => {
    const catalog = createCatalog({
      metrics: [
        createMetric(),
        createSqlMetric({ id: 'a', freshness: { maxAge: '2h' } }),
        createSqlMetric({ id: 'b' }),
        createSqlMetric({
          id: 'c',
          freshness: { maxAge: '2h' },
          retired: { reason: 'r', approvedBy: 'CFO', date: '2026-01-01' },
        }),
      ],
    });
    expect(catalogWarnings(catalog).map((w) => `${w.path}: ${w.message}`)).toEqual([
      'metrics[1].freshness: no freshness query: a SQL query that writes its own times looks fresh after its records stop loading; add freshness.sql returning the last load time',
    ]);
  });
  it.each([
    ['SELECT now() AS time', 'reads no table: it can only give the clock'],
    ['SELECT now() AS time -- from etl_runs', 'reads no table: it can only give the clock'],
    ["SELECT 'from' AS note, now() AS time", 'reads no table: it can only give the clock'],
    ['SELECT greatest(max(synced_at), NOW ()) AS time FROM feed_sync', 'reads the clock (now())'],
    ['SELECT current_timestamp AS time FROM pg_class LIMIT 1', 'reads the clock (current_timestamp)'],
    ['SELECT clock_timestamp() AS time FROM feed_sync', 'reads the clock (clock_timestamp())'],
    ["SELECT 'now'::timestamptz AS time FROM feed_sync", "reads the clock ('now')"],
    ["SELECT timestamptz 'Today' AS time FROM feed_sync", "reads the clock ('today')"],
    ['SELECT timeofday()::timestamptz AS time FROM feed_sync', 'reads the clock (timeofday())'],
  ])('warns of a freshness query that gives the time of asking: %s', (sql, why) => {
    const catalog = createCatalog({ metrics: [createMetric(), createSqlMetric({ freshness: { maxAge: '2h', sql } })] });
    expect(catalogWarnings(catalog).map((w) => `${w.path}: ${w.message}`)).toEqual([
      `metrics[1].freshness.sql: ${why}, never when the data was loaded; select the load time from where loads are recorded`,
    ]);
  });

  it.each([
    LOAD_SQL,
    "SELECT LEAST(synced_at, $__timeTo()::timestamptz) AS time FROM feed_sync WHERE feed = 'now()'",
    'SELECT max(finished_at) AS time FROM etl_runs -- not now()',
  ])('a freshness query that reads where loads are recorded is no risk: %s', (sql) => {
    const catalog = createCatalog({ metrics: [createMetric(), createSqlMetric({ freshness: { maxAge: '2h', sql } })] });
    expect(catalogWarnings(catalog)).toEqual([]);
  });

  it.each([
    ['a second statement', 'SELECT synced_at AS time FROM feed_sync; DELETE FROM feed_sync', 'freshness.sql'],
    ['a semicolon before a comment', 'SELECT synced_at AS time FROM feed_sync; -- nightly', 'freshness.sql'],
  ])('refuses a freshness query that is not one statement: %s', (_, sql, field) => {
    const catalog = createCatalog({ metrics: [createMetric(), createSqlMetric({ freshness: { maxAge: '2h', sql } })] });
    expect(validateCatalog(catalog).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `metrics[1].${field}: must be one statement without ';': with a freshness query, the alert rule reads it as a subquery`,
    ]);
  });

  it.each<[string, { sql?: string; rawSql?: string }, string]>([
    [
      'a time macro in the freshness query',
      { sql: 'SELECT max(synced_at) AS time FROM feed_sync WHERE $__timeFilter(synced_at)' },
      "metrics[1].freshness.sql: uses $__timeFilter: a freshness query reads the last load whatever the time range (the alert rule's range is not the dashboard's)",
    ],
    [
      'epoch seconds as the time',
      { rawSql: "SELECT $__timeGroupAlias(started_at, '1h'), count(*)::float8 AS value FROM t GROUP BY 1 ORDER BY 1" },
      'metrics[1].source.sql.rawSql: with a freshness query, the time column must be a timestamp: $__timeGroupAlias gives epoch seconds (write to_timestamp($__timeGroup(…)) AS time)',
    ],
    [
      '$__timeGroup outside to_timestamp',
      { rawSql: "SELECT $__timeGroup(started_at, '1h') AS time, count(*)::float8 AS value FROM t GROUP BY 1" },
      'metrics[1].source.sql.rawSql: with a freshness query, the time column must be a timestamp: $__timeGroup gives epoch seconds (write to_timestamp($__timeGroup(…)) AS time)',
    ],
    [
      'a fill argument',
      {
        rawSql:
          "SELECT to_timestamp($__timeGroup(started_at, '1h', 0)) AS time, count(*)::float8 AS value FROM t GROUP BY 1",
      },
      'metrics[1].source.sql.rawSql: with a freshness query, the time column must be unfilled: a fill argument to $__timeGroup adds points after the load, which the alert rule would read',
    ],
  ])('refuses what the alert rule could not cut at the load: %s', (_, change, expected) => {
    const m = createSqlMetric({
      freshness: { maxAge: '2h', sql: change.sql ?? LOAD_SQL },
      source: { sql: { datasourceUid: 'pg', rawSql: change.rawSql ?? 'SELECT now() AS time, 1::float8 AS value' } },
    });
    expect(
      validateCatalog(createCatalog({ metrics: [createMetric(), m] })).problems.map((p) => `${p.path}: ${p.message}`)
    ).toEqual([expected]);
  });

  it('accepts to_timestamp($__timeGroup(…)) unfilled, and any macro in a metric without a freshness query', () => {
    const grouped =
      "SELECT to_timestamp($__timeGroup(started_at, '1h')) AS time, count(*)::float8 AS value FROM t GROUP BY 1";
    const filled = "SELECT $__timeGroupAlias(started_at, '1h', 0), count(*)::float8 AS value FROM t GROUP BY 1";
    const ok = [
      createSqlMetric({ source: { sql: { datasourceUid: 'pg', rawSql: grouped } } }),
      createSqlMetric({
        id: 'b',
        name: 'B',
        freshness: { maxAge: '2h' },
        source: { sql: { datasourceUid: 'pg', rawSql: filled } },
      }),
    ];
    expect(validateCatalog(createCatalog({ metrics: [createMetric(), ...ok] })).problems).toEqual([]);
  });

  it("accepts ';' inside literals and comments, and a metric query's ';' only without a freshness query", () => {
    const sql = "SELECT synced_at AS time FROM feed_sync WHERE feed <> ';' /* ; */";
    const rawSql = 'SELECT now() AS time, 1::float8 AS value;';
    const ok = createCatalog({ metrics: [createMetric(), createSqlMetric({ freshness: { maxAge: '2h', sql } })] });
    expect(validateCatalog(ok).problems).toEqual([]);
    const without = createSqlMetric({ freshness: { maxAge: '2h' }, source: { sql: { datasourceUid: 'pg', rawSql } } });
    expect(validateCatalog(createCatalog({ metrics: [createMetric(), without] })).problems).toEqual([]);
    const withLoad = createSqlMetric({ source: { sql: { datasourceUid: 'pg', rawSql } } });
    expect(validateCatalog(createCatalog({ metrics: [createMetric(), withLoad] })).problems.map((p) => p.path)).toEqual(
      ['metrics[1].source.sql.rawSql']
    );
  });

  it('refuses invisible and text-direction characters in query texts, tabs and line breaks allowed', () => {
    const catalog = createCatalog({
      metrics: [
        createMetric({ source: { prometheus: { datasourceUid: 'p', expr: 'up\u200b' } } }),
        createSqlMetric({
          id: 'c',
          name: 'C',
          freshness: { maxAge: '2h', sql: "SELECT max(t) AS time FROM runs -- newest\u2028WHERE status = 'ok'" },
        }),
        createSqlMetric({
          freshness: { maxAge: '2h', sql: "SELECT synced_at AS time FROM feed_sync WHERE feed = 'a\u202e'" },
          source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT\tnow() AS time,\r\n 1::float8 AS value' } },
        }),
      ],
    });
    expect(validateCatalog(catalog).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'metrics[0].source.prometheus.expr: contains U+200B, an invisible or text-direction character: the query would read differently from what runs',
      'metrics[1].freshness.sql: contains U+2028, an invisible or text-direction character: the query would read differently from what runs',
      'metrics[2].freshness.sql: contains U+202E, an invisible or text-direction character: the query would read differently from what runs',
    ]);
  });

  it('refuses a freshness query on a Prometheus metric, and quoted variables in one', () => {
    const catalog = createCatalog({
      metrics: [
        createMetric({ freshness: { maxAge: '15m', sql: 'SELECT now() AS time' } }),
        createSqlMetric({
          id: 'b',
          freshness: { maxAge: '2h', sql: "SELECT max(t) AS time FROM loads WHERE env = '$env'" },
        }),
      ],
    });
    expect(validateCatalog(catalog).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "metrics[0].freshness.sql: is for SQL sources only: a Prometheus sample's time is already when it was scraped",
      "metrics[1].freshness.sql: write $env without quotes: Candor quotes every value itself ('$env' would become ''value'')",
    ]);
  });
});
