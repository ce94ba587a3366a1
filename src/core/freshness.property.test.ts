/**
 * The class behind freshness queries (freshness.ts), for any series and any load time: a query that writes its own
 * times cannot look fresh once its records stop loading.
 * - A load older than maxAge is never fresh evidence: the metric is stale, has no data or is an error.
 * - Points later than the load time never change the result, whatever they say.
 * - A load at or after now changes nothing: the metric reads as it would without a freshness query.
 */
import fc from 'fast-check';

import { evaluateMetric } from './evaluate';
import { createSqlMetric, FIXED_NOW, HOUR, MINUTE } from './testing/factories';
import type { MetricDef, Series } from './types';

const def: MetricDef = createSqlMetric();
const MAX_AGE = 2 * HOUR;

/** Points within the last three days, unordered, some null, values within the fraction's domain. */
const points = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 72 * 60 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }))),
  { maxLength: 40 }
);
const seriesOfPoints = (list: Array<[number, number | null]>): Series => ({
  times: list.map(([minutesAgo]) => FIXED_NOW - minutesAgo * MINUTE),
  values: list.map(([, v]) => v),
});
const evaluate = (series: Series, loadedAt?: number | null) =>
  evaluateMetric({
    def,
    observation: loadedAt === undefined ? { series: [series] } : { series: [series], loadedAt },
    now: FIXED_NOW,
  }).result[0];

describe('a freshness query: no fresh verdict from records that stopped loading', () => {
  it('a load older than maxAge is never fresh evidence, whatever times and values the query wrote', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: MAX_AGE + 1, max: 100 * HOUR }), (list, loadAgo) => {
        const r = evaluate(seriesOfPoints(list), FIXED_NOW - loadAgo);
        expect(['stale', 'noData', 'error']).toContain(r.status);
        expect(r.colour).not.toBe('green');
      })
    );
  });

  it('points later than the load time never change the result', () => {
    fc.assert(
      fc.property(points, points, fc.integer({ min: 0, max: 72 * 60 }), (before, extra, loadMinutesAgo) => {
        const kept = before.filter(([m]) => m >= loadMinutesAgo);
        const later = extra.filter(([m]) => m < loadMinutesAgo);
        const loadedAt = FIXED_NOW - loadMinutesAgo * MINUTE;
        expect(evaluate(seriesOfPoints([...kept, ...later]), loadedAt)).toEqual(
          evaluate(seriesOfPoints(kept), loadedAt)
        );
      })
    );
  });

  it('a load at or after now reads as the series alone', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 0, max: 10 * HOUR }), (list, ahead) => {
        const series = seriesOfPoints(list);
        expect(evaluate(series, FIXED_NOW + ahead)).toEqual(evaluate(series));
      })
    );
  });
});
