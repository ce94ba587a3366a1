/**
 * The double of `POST /api/ds/query` behaves as Grafana does on the edges the datasource relies on: step and range
 * alignment of Prometheus range queries, SQL macros, per-refId errors next to good results (HTTP 400 with every
 * result), an unknown datasource uid (HTTP 404), and the frames it returns are Prometheus' own numbers.
 */
import { runEngine } from '../../src/core/engine';
import { fingerprint } from '../../src/core/fingerprint';
import { decodeResponse } from '../../src/core/response';
import { buildSourceQuery, type PrometheusQuery } from '../../src/core/queries';
import { createCatalog, createMetric } from '../../src/core/testing/factories';
import { planPrometheusQuery } from '../grafana-double/prometheus.mjs';
import { dsQuery, requireStack, type StackState } from './stack';

let state: StackState;
beforeAll(async () => {
  state = await requireStack();
});

const prom = { type: 'prometheus', uid: 'candor-prometheus' };
const pg = { type: 'grafana-postgresql-datasource', uid: 'candor-postgres' };
const MIN = 60_000;

describe('Prometheus queries', () => {
  test("the step is max(intervalMs, range / maxDataPoints), the range aligned to it, the values Prometheus' own", async () => {
    const to = Date.now();
    const from = to - 6 * 3_600_000;
    const expr = 'sum(rate(http_requests_total{job="api"}[5m]))';
    // intervalMs 1 min, but 6 h / 100 points = 3.6 min, rounded by Grafana to 5 min.
    const body = {
      queries: [{ refId: 'A', datasource: prom, expr, range: true, intervalMs: MIN, maxDataPoints: 100 }],
      from: String(from),
      to: String(to),
    };
    const { status, json } = await dsQuery(state, body);
    expect(status).toBe(200);
    const frame = json.results.A.frames[0];
    expect(frame.schema.meta.executedQueryString).toBe(`Expr: ${expr}\nStep: 5m0s`);
    expect(frame.schema.meta.custom.calculatedMinStep).toBe(5 * MIN);
    expect(frame.schema.fields[0].config).toEqual({ interval: 5 * MIN });
    const times: number[] = frame.data.values[0];
    expect(times.every((t) => t % (5 * MIN) === 0)).toBe(true);
    // The newest point is at the aligned end, or one step before it when Prometheus has no value there yet.
    const alignedEnd = Math.floor(to / (5 * MIN)) * 5 * MIN;
    expect(alignedEnd - times[times.length - 1]).toBeLessThanOrEqual(5 * MIN);
    expect(alignedEnd - times[times.length - 1]).toBeGreaterThanOrEqual(0);

    const params = new URLSearchParams({
      query: expr,
      start: String(Math.floor(from / (5 * MIN)) * 300),
      end: String(Math.floor(to / (5 * MIN)) * 300),
      step: '300',
    });
    const raw = await (await fetch(`${state.prometheus.url}/api/v1/query_range?${params}`)).json();
    const [series] = raw.data.result;
    expect(times).toEqual(series.values.map(([t]: [number]) => t * 1000));
    expect(frame.data.values[1]).toEqual(series.values.map(([, v]: [number, string]) => Number(v)));
  });

  test("where the span divides by the step, Grafana rounds instead of keeping intervalMs; Candor's request keeps its step", () => {
    const identity = (text: string) => text;
    // maxAge 3 d -> a step of 1 d; over 31 d exactly, 31 points give span / maxDataPoints = 1 d, not below it,
    // so Grafana rounds 1 d by its table to 12 h (and 2 h -> 40 m steps round to 30 m the same way).
    for (const [maxAge, stepMs, rounded, span] of [
      ['3d', 1440 * MIN, 720 * MIN, 31 * 1440 * MIN],
      ['2h', 40 * MIN, 30 * MIN, 864 * 40 * MIN],
    ] as const) {
      const range = { from: 1_700_000_000_000 - span, to: 1_700_000_000_000 };
      const exact = { expr: 'up', intervalMs: stepMs, maxDataPoints: span / stepMs };
      expect(planPrometheusQuery(exact, range).stepMs).toBe(rounded);
      const q = buildSourceQuery(createMetric({ freshness: { maxAge } }), range, identity) as PrometheusQuery;
      expect(q).toMatchObject({ intervalMs: stepMs });
      expect(planPrometheusQuery(q, range).stepMs).toBe(stepMs);
    }
  });

  test('$__interval and $__range are replaced as Grafana replaces them', async () => {
    const to = Date.now();
    const body = {
      queries: [
        {
          refId: 'A',
          datasource: prom,
          expr: 'count_over_time(probe_success[$__interval]) and on() vector($__range_s)',
          intervalMs: 2 * MIN,
          maxDataPoints: 1000,
        },
      ],
      from: String(to - 3_600_000),
      to: String(to),
    };
    const { json } = await dsQuery(state, body);
    expect(json.results.A.frames[0].schema.meta.executedQueryString).toBe(
      'Expr: count_over_time(probe_success[2m]) and on() vector(3600)\nStep: 2m0s'
    );
  });

  test('a query without series gives one empty frame carrying the executed query (noData, not an error)', async () => {
    const to = Date.now();
    const body = {
      queries: [{ refId: 'A', datasource: prom, expr: 'no_such_series', intervalMs: MIN, maxDataPoints: 100 }],
      from: String(to - 3_600_000),
      to: String(to),
    };
    const { status, json } = await dsQuery(state, body);
    expect(status).toBe(200);
    expect(json.results.A).toEqual({
      status: 200,
      frames: [
        {
          schema: {
            refId: 'A',
            meta: expect.objectContaining({ executedQueryString: 'Expr: no_such_series\nStep: 1m0s' }),
            fields: [],
          },
          data: { values: [] },
        },
      ],
    });
  });
});

describe('SQL queries', () => {
  test('macros are expanded as Grafana expands them and the query runs as the read-only role', async () => {
    const from = Date.parse('2026-01-01T00:00:00.250Z');
    const to = Date.parse('2026-01-02T00:00:00Z');
    const rawSql =
      'SELECT $__timeFrom()::timestamptz AS time, extract(epoch FROM $__timeTo()::timestamptz - $__timeFrom()::timestamptz)::float8 AS value, ' +
      "'$__interval' AS unit, current_user AS who WHERE $__timeFilter('2026-01-01T12:00:00Z'::timestamptz) AND $__unixEpochFrom() < $__unixEpochTo()";
    const body = {
      queries: [{ refId: 'A', datasource: pg, rawSql, format: 'table', intervalMs: 30_000 }],
      from: String(from),
      to: String(to),
    };
    const { status, json } = await dsQuery(state, body);
    expect(status).toBe(200);
    const frame = json.results.A.frames[0];
    expect(frame.schema.meta.executedQueryString).toBe(
      "SELECT '2026-01-01T00:00:00.25Z'::timestamptz AS time, extract(epoch FROM '2026-01-02T00:00:00Z'::timestamptz - " +
        "'2026-01-01T00:00:00.25Z'::timestamptz)::float8 AS value, '30s' AS unit, current_user AS who WHERE " +
        "'2026-01-01T12:00:00Z'::timestamptz BETWEEN '2026-01-01T00:00:00.25Z' AND '2026-01-02T00:00:00Z' AND 1767225600 < 1767312000"
    );
    expect(frame.data.values).toEqual([[from], [86399.75], ['30s'], ['candor_grafana']]);
  });

  test('time_series format with a string column gives one labelled field per value (timeseries-wide)', async () => {
    const rawSql =
      "SELECT t AS time, s AS severity, n::float8 AS value FROM (VALUES ('2026-01-01T00:00:00Z'::timestamptz, 'high', 1), ('2026-01-01T00:00:00Z', 'low', 2), ('2026-01-01T06:00:00Z', 'high', 3)) v(t, s, n) ORDER BY 1, 2";
    const body = {
      queries: [{ refId: 'A', datasource: pg, rawSql, format: 'time_series' }],
      from: '1767225600000',
      to: '1767312000000',
    };
    const frame = (await dsQuery(state, body)).json.results.A.frames[0];
    expect(frame.schema.meta.type).toBe('timeseries-wide');
    expect(frame.schema.fields.map((f: { name: string; labels?: object }) => [f.name, f.labels])).toEqual([
      ['Time', undefined],
      ['value', { severity: 'high' }],
      ['value', { severity: 'low' }],
    ]);
    expect(frame.data.values).toEqual([
      [1767225600000, 1767247200000],
      [1, 3],
      [2, null],
    ]);
  });
});

describe('errors', () => {
  test('failing queries are reported per refId (HTTP 400), next to the good ones, and become `error` metrics', async () => {
    const to = Date.now();
    const body = {
      queries: [
        { refId: 'good', datasource: prom, expr: 'avg(probe_success)', intervalMs: MIN, maxDataPoints: 100 },
        { refId: 'badPromql', datasource: prom, expr: 'sum(rate(', intervalMs: MIN, maxDataPoints: 100 },
        { refId: 'badSql', datasource: pg, rawSql: 'SELECT * FROM no_such_table', format: 'time_series' },
        { refId: 'noTime', datasource: pg, rawSql: 'SELECT 1::float8 AS value', format: 'time_series' },
      ],
      from: String(to - 3_600_000),
      to: String(to),
    };
    const { status, json } = await dsQuery(state, body);
    expect(status).toBe(400);
    expect(json.results.good.status).toBe(200);
    expect(json.results.badPromql).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^bad_data: .*parse error/),
    });
    expect(json.results.badSql).toMatchObject({
      status: 500,
      error: 'db query error: ERROR: relation "no_such_table" does not exist (SQLSTATE 42P01)',
    });
    expect(json.results.noTime.error).toMatch(/^db has no time column: time column is missing/);

    const decoded = decodeResponse(json);
    expect(decoded.errors.map((e) => e.refId).sort()).toEqual(['badPromql', 'badSql', 'noTime']);
    const metric = (id: string) => createMetric({ id, freshness: { maxAge: '1h' } });
    const catalog = createCatalog({ metrics: ['good', 'badPromql', 'badSql', 'noTime'].map(metric) });
    const out = runEngine({
      catalog,
      fingerprint: fingerprint(catalog),
      selection: {},
      ...decoded,
      asOf: to,
      asOfIsNow: true,
      now: to,
    });
    expect(Object.fromEntries(out.result.rows.map((r) => [r.metric_id, r.status]))).toEqual({
      good: 'green',
      badPromql: 'error',
      badSql: 'error',
      noTime: 'error',
    });
  });

  test('an unknown datasource uid fails the whole request with 404, as Grafana does', async () => {
    const body = {
      queries: [{ refId: 'A', datasource: { type: 'prometheus', uid: 'nope' }, expr: 'up' }],
      from: 'now-1h',
      to: 'now',
    };
    const { status, json } = await dsQuery(state, body);
    expect(status).toBe(404);
    expect(json.message).toBe('Data source not found');
  });
});
