import fc from 'fast-check';

import {
  buildRequests,
  buildSourceQuery,
  MAX_METRICS_PER_REQUEST,
  maxDataPointsFor,
  prometheusStep,
  requestRange,
} from './queries';
import { createMetric, DAY, FIXED_NOW, MINUTE } from './testing/factories';

const identity = (text: string) => text;

describe('queries', () => {
  it('spans the longest trend window plus its freshness allowance', () => {
    const defs = [
      createMetric({ trend: { window: '7d' } }),
      createMetric({ id: 'b', trend: { window: '30d' }, freshness: { maxAge: '2d' } }),
    ];
    expect(requestRange(defs, FIXED_NOW)).toEqual({ from: FIXED_NOW - 32 * DAY, to: FIXED_NOW });
  });

  it('steps Prometheus at a third of maxAge, so a step-aligned last point is never mistaken for stale', () => {
    const def = createMetric({ freshness: { maxAge: '15m' } });
    const range = { from: FIXED_NOW - 32 * DAY, to: FIXED_NOW };
    expect(prometheusStep(def, range)).toEqual({ stepMs: 5 * MINUTE, points: 9216, coarse: false });
    expect(buildSourceQuery(def, range, identity)).toMatchObject({
      refId: 'uptime',
      range: true,
      instant: false,
      intervalMs: 5 * MINUTE,
      // 9,216 steps exactly: one more point, so Grafana keeps the 5 m minimum instead of rounding (maxDataPointsFor).
      maxDataPoints: 9217,
    });
  });

  it('asks for a maxDataPoints that keeps span / maxDataPoints strictly below the step, for any range and maxAge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * DAY }), fc.integer({ min: 1, max: 30 * DAY }), (span, maxAgeMs) => {
        const def = createMetric({ freshness: { maxAge: `${Math.ceil(maxAgeMs / 1000)}s` } });
        const range = { from: FIXED_NOW - span, to: FIXED_NOW };
        const q = buildSourceQuery(def, range, identity) as { intervalMs: number; maxDataPoints: number };
        expect(span / q.maxDataPoints).toBeLessThan(q.intervalMs);
        expect(q.maxDataPoints).toBe(maxDataPointsFor(range, q.intervalMs));
      })
    );
  });

  it("follows Grafana's safe interval on long ranges, and says when that is coarser than freshness needs", () => {
    const def = createMetric({ freshness: { maxAge: '5m' } });
    // 32 d / 11,000 = 251 s, which Grafana rounds to 5 m: finer steps would be overridden, so none is claimed.
    expect(prometheusStep(def, { from: FIXED_NOW - 32 * DAY, to: FIXED_NOW })).toEqual({
      stepMs: 5 * MINUTE,
      points: 9216,
      coarse: true,
    });
    const { points } = prometheusStep(createMetric({ freshness: { maxAge: '1m' } }), {
      from: FIXED_NOW - 90 * DAY,
      to: FIXED_NOW,
    });
    expect(points).toBeLessThanOrEqual(11_000);
  });

  it('sends SQL in the format the definition asks, time_series by default', () => {
    const sql = createMetric({ source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } } });
    expect(buildSourceQuery(sql, { from: 0, to: 1 }, identity)).toMatchObject({
      rawSql: 'SELECT 1',
      format: 'time_series',
      rawQuery: true,
    });
  });

  it('chunks only past the documented limit', () => {
    const defs = Array.from({ length: MAX_METRICS_PER_REQUEST + 1 }, (_, i) => createMetric({ id: `m${i}` }));
    expect(buildRequests(defs.slice(0, MAX_METRICS_PER_REQUEST), FIXED_NOW, identity)).toHaveLength(1);
    expect(buildRequests(defs, FIXED_NOW, identity).map((b) => b.queries.length)).toEqual([MAX_METRICS_PER_REQUEST, 1]);
  });
});
