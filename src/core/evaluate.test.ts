import fc from 'fast-check';

import { colourDuration, evaluateMetric } from './evaluate';
import { createMetric, createSeries, DAY, FIXED_NOW, HOUR, MINUTE } from './testing/factories';
import { seriesOf } from './series';
import type { MetricDef, Observation, Series } from './types';

const one = (def: MetricDef, observation: Observation, now = FIXED_NOW) => {
  const { result, warnings } = evaluateMetric({ def, observation, now });
  expect(result).toHaveLength(1);
  return { ...result[0], warnings };
};
const uptime = createMetric();
const errorRate = createMetric({
  id: 'error-rate',
  direction: 'lower-is-better',
  thresholds: { green: 0.001, amber: 0.01 },
  target: 0.001,
});
const budget = createMetric({
  id: 'budget-variance',
  domain: { change: true },
  direction: 'within',
  thresholds: { green: [-0.1, 0.05], amber: [-0.2, 0.1] },
  target: 0,
  freshness: { maxAge: '2d' },
});

describe('evaluateMetric: each boundary, inclusive on the better side', () => {
  it.each([
    [uptime, 0.9995, 'green'],
    [uptime, 0.999, 'green'],
    [uptime, 0.9989, 'amber'],
    [uptime, 0.995, 'amber'],
    [uptime, 0.9949, 'red'],
    [errorRate, 0.0005, 'green'],
    [errorRate, 0.001, 'green'],
    [errorRate, 0.0011, 'amber'],
    [errorRate, 0.01, 'amber'],
    [errorRate, 0.0101, 'red'],
    [budget, 0, 'green'],
    [budget, 0.05, 'green'],
    [budget, -0.1, 'green'],
    [budget, 0.06, 'amber'],
    [budget, -0.2, 'amber'],
    [budget, 0.1, 'amber'],
    [budget, 0.11, 'red'],
    [budget, -0.21, 'red'],
  ])('%#: %s', (def, value, expected) => {
    const r = one(def, { series: [createSeries([value])] });
    expect(r.status).toBe(expected);
    expect(r.colour).toBe(expected);
  });
});

describe('evaluateMetric: statuses without evidence are never green', () => {
  it('no series is noData, shown red', () => {
    const r = one(uptime, { series: [] });
    expect(r).toMatchObject({ status: 'noData', colour: 'red', evidence: 'No data in the 7d before 12:00 UTC' });
  });

  it('a series of only NaN and null is noData with a warning', () => {
    const r = one(uptime, { series: [createSeries([NaN, null])] });
    expect(r).toMatchObject({ status: 'noData', colour: 'red' });
    expect(r.warnings).toEqual([
      'uptime: 2 sample(s) were null or NaN, or had no readable time, and are not counted as evidence',
    ]);
  });

  it('±Inf is an impossible value: an error, even after an earlier green sample', () => {
    const r = one(uptime, { series: [createSeries([0.9995, Infinity])] });
    expect(r).toMatchObject({ status: 'error', colour: 'red' });
    expect(r.evidence).toMatch(/^Not scored: \+Inf is no possible value \(a division by zero in the query\?\) \(at /);
  });

  it('a stale green value shows amber and says how old it is', () => {
    const r = one(uptime, { series: [createSeries([0.9999], { end: FIXED_NOW - 3 * DAY })] });
    expect(r).toMatchObject({ status: 'stale', colour: 'amber', value: 0.9999 });
    expect(r.evidence).toBe('Stale: last sample 3 days ago, allowed 15 min; last value 99.99% ≥ 99.9% (green)');
  });

  it('a stale red value stays red', () => {
    const r = one(uptime, { series: [createSeries([0.9], { end: FIXED_NOW - HOUR })] });
    expect(r).toMatchObject({ status: 'stale', colour: 'red' });
  });

  it('exactly maxAge old is still fresh; one millisecond more is stale', () => {
    expect(one(uptime, { series: [createSeries([0.9999], { end: FIXED_NOW - 15 * MINUTE })] }).status).toBe('green');
    expect(one(uptime, { series: [createSeries([0.9999], { end: FIXED_NOW - 15 * MINUTE - 1 })] }).status).toBe(
      'stale'
    );
  });

  it('a failing source is error, shown red, with the source name in the evidence', () => {
    const r = one(uptime, { error: 'connection refused', source: 'Prometheus (prom)' });
    expect(r).toMatchObject({ status: 'error', colour: 'red', evidence: 'Prometheus (prom): connection refused' });
  });

  it('NaN after a good sample does not refresh freshness', () => {
    const s = createSeries([0.9999, NaN, NaN], { stepMs: 10 * MINUTE });
    const r = one(uptime, { series: [s] });
    expect(r).toMatchObject({ status: 'stale', value: 0.9999, lastSampleTime: FIXED_NOW - 20 * MINUTE });
  });
});

describe('evaluateMetric: time handling', () => {
  it('ignores samples after now (the as-of view) and sorts unordered samples', () => {
    const s = seriesOf([
      [FIXED_NOW, 0.9995],
      [FIXED_NOW - HOUR, 0.99],
      [FIXED_NOW + HOUR, 0.5],
    ]);
    const r = one(uptime, { series: [s] });
    expect(r).toMatchObject({ status: 'green', value: 0.9995, lastSampleTime: FIXED_NOW, previous: 0.99 });
    // Never silently: a source ahead of the as-of time is said so (a clock skew, or a feed writing the future).
    expect(evaluateMetric({ def: uptime, observation: { series: [s] }, now: FIXED_NOW }).warnings).toEqual([
      'uptime: 1 point(s) later than 12:00 UTC were not counted (clock skew?)',
    ]);
  });

  it('two different values at one timestamp are a conflict in either order: an error naming both, never green', () => {
    for (const points of [
      [
        [FIXED_NOW, 0.5],
        [FIXED_NOW, 0.9995],
      ],
      [
        [FIXED_NOW, 0.9995],
        [FIXED_NOW, 0.5],
      ],
    ] as Array<Array<[number, number]>>) {
      const r = one(uptime, { series: [seriesOf(points)] });
      expect(r).toMatchObject({ status: 'error', colour: 'red' });
      expect(r.value).toBeUndefined();
      expect(r.evidence).toBe(
        'Conflicting data: 1 time(s) with different values, the latest 12:00 UTC: 50% and 99.95%; none is scored'
      );
    }
  });

  it('the same value twice at one timestamp is one sample; a null beside a value is that value', () => {
    const twice = seriesOf([
      [FIXED_NOW, 0.9995],
      [FIXED_NOW, 0.9995],
    ]);
    expect(one(uptime, { series: [twice] })).toMatchObject({ status: 'green', value: 0.9995 });
    const withNull = seriesOf([
      [FIXED_NOW, null],
      [FIXED_NOW, 0.9995],
    ]);
    expect(one(uptime, { series: [withNull] })).toMatchObject({ status: 'green', value: 0.9995 });
  });

  it('an as-of time in the past judges the past', () => {
    const s = createSeries([0.9, 0.9, 0.9999, 0.9999], { stepMs: DAY });
    const r = one(uptime, { series: [s] }, FIXED_NOW - 2 * DAY);
    expect(r).toMatchObject({ status: 'red', value: 0.9, lastSampleTime: FIXED_NOW - 2 * DAY });
  });
});

describe('evaluateMetric: trend, colour since, sparkline, evidence', () => {
  const s = createSeries([0.98, 0.98, 0.9991, 0.9992, 0.9995], { stepMs: 2 * DAY, end: FIXED_NOW - 5 * MINUTE });
  // Daily-ish records: samples two days apart, allowed three days.
  const r = one(createMetric({ freshness: { maxAge: '3d' } }), { series: [s] });

  it('compares with the value one trend window earlier and says whether that is better', () => {
    expect(r.previous).toBe(0.98);
    expect(r.previousTime).toBe(FIXED_NOW - 5 * MINUTE - 8 * DAY);
    expect(r.change).toBeCloseTo(0.0195, 10);
    expect(r.relativeChange).toBeCloseTo(0.0195 / 0.98, 10);
    expect(r.changeQuality).toBe('better');
  });

  it('knows since when the colour holds', () => {
    expect(r.colourSince).toBe(FIXED_NOW - 5 * MINUTE - 4 * DAY);
    expect(r.colourSinceIsLowerBound).toBe(false);
    expect(colourDuration(r, FIXED_NOW)).toBe('green for 4 days');
  });

  it('keeps only the trend window in the sparkline', () => {
    const end = FIXED_NOW - 5 * MINUTE;
    expect(r.sparkline).toEqual([
      [end - 6 * DAY, 0.98],
      [end - 4 * DAY, 0.9991],
      [end - 2 * DAY, 0.9992],
      [end, 0.9995],
    ]);
  });

  it('writes a one-line evidence text with the target and the sample time', () => {
    expect(r.evidence).toBe('99.95% ≥ 99.9% (green), target 99.9%, as of 11:55 UTC');
  });

  it('a falling error rate is better; a budget moving into its band is better', () => {
    expect(one(errorRate, { series: [createSeries([0.02, 0.005], { stepMs: 8 * DAY })] }).changeQuality).toBe('better');
    expect(one(budget, { series: [createSeries([0.3, 0.15], { stepMs: 8 * DAY })] }).changeQuality).toBe('better');
    expect(one(budget, { series: [createSeries([0.0, 0.04], { stepMs: 8 * DAY })] }).changeQuality).toBe('same');
  });

  it('a run reaching the first sample is a lower bound', () => {
    const red = one(uptime, { series: [createSeries([0.9, 0.9, 0.9])] });
    expect(red.colourSinceIsLowerBound).toBe(true);
    expect(colourDuration(red, FIXED_NOW)).toBe('red for ≥ 2 h');
  });

  it('a gap longer than maxAge breaks a green run (it was not green while it had no data)', () => {
    const gap = createSeries([0.9999, 0.9999, 0.9999], { stepMs: HOUR });
    expect(one(uptime, { series: [gap] }).colourSince).toBe(FIXED_NOW);
  });
});

describe('evaluateMetric: items', () => {
  const vulns = createMetric({
    id: 'open-vulns',
    direction: 'lower-is-better',
    unit: 'short',
    target: 0,
    thresholds: { green: 5, amber: 10 },
    items: { label: 'severity', expected: ['critical', 'high'], thresholds: { critical: { green: 0, amber: 0 } } },
  });

  it('yields one result per item, expected ones first, a missing expected item as noData', () => {
    const { result } = evaluateMetric({
      def: vulns,
      observation: {
        series: [
          createSeries([1], { labels: { severity: 'critical' } }),
          createSeries([3], { labels: { severity: 'low' } }),
        ],
      },
      now: FIXED_NOW,
    });
    expect(result.map((r) => [r.item, r.status])).toEqual([
      ['critical', 'red'],
      ['high', 'noData'],
      ['low', 'green'],
    ]);
  });

  it('several series without an items label are an error, not a guess', () => {
    const r = one(uptime, { series: [createSeries([1]), createSeries([0.5])] });
    expect(r.status).toBe('error');
    expect(r.warnings[0]).toMatch(/2 series/);
  });

  it('a source error marks every expected item as error', () => {
    const { result } = evaluateMetric({ def: vulns, observation: { error: 'timeout' }, now: FIXED_NOW });
    expect(result.map((r) => [r.item, r.status, r.evidence])).toEqual([
      ['critical', 'error', 'timeout'],
      ['high', 'error', 'timeout'],
    ]);
  });
});

describe('evaluateMetric: what the panel shows', () => {
  it.each([
    // [trend window, step of the points, points over the window]
    ['30d', DAY, 30],
    ['7d', 6 * HOUR, 28],
    ['1d', HOUR, 24],
  ])('draws a %s trend at the review cadence: one point per step, the last sample in it', (window, step, count) => {
    // A sample every 5 minutes for 40 days, each one different.
    const dense = createSeries(
      Array.from({ length: 40 * 288 }, (_, i) => 0.99 + (i % 97) * 0.0001),
      { stepMs: 5 * MINUTE }
    );
    const r = one(createMetric({ trend: { window } }), { series: [dense] });
    expect(r.sparkline).toHaveLength(count + 1);
    expect(r.sparkline[r.sparkline.length - 1]).toEqual([FIXED_NOW, dense.values[dense.values.length - 1]]);
    const gaps = r.sparkline.slice(1).map(([t], i) => t - r.sparkline[i][0]);
    expect(gaps.every((g) => g === step)).toBe(true);
  });

  it("shows an item's own green boundary as its target", () => {
    const def = createMetric({
      id: 'vulns',
      direction: 'lower-is-better',
      unit: 'short',
      target: 0,
      thresholds: { green: 0, amber: 0 },
      items: { label: 'severity', thresholds: { low: { green: 30, amber: 60 } } },
    });
    const { result } = evaluateMetric({
      def,
      observation: {
        series: [
          createSeries([22], { labels: { severity: 'low' } }),
          createSeries([1], { labels: { severity: 'critical' } }),
        ],
      },
      now: FIXED_NOW,
    });
    expect(result.map((r) => [r.item, r.target, r.status])).toEqual([
      ['critical', 0, 'red'],
      ['low', 30, 'green'],
    ]);
    expect(result[1].evidence).toBe('22 ≤ 30 (green), target 30, as of 12:00 UTC');
  });
});

describe('evaluateMetric: series that conflict', () => {
  const critical = createMetric({
    id: 'open-critical',
    unit: 'short',
    direction: 'lower-is-better',
    target: 0,
    thresholds: { green: 0, amber: 0 },
    items: { label: 'severity', expected: ['critical', 'high'] },
  });
  const series = (labels: Record<string, string>, value: number) => createSeries([value, value], { labels });
  const normal = series({ severity: 'critical', instance: 'a' }, 0);
  const extra = series({ severity: 'critical', instance: 'b' }, 9);
  const high = series({ severity: 'high' }, 0);

  it('two series for one item are an error naming both values, whichever comes first', () => {
    for (const order of [
      [extra, normal, high],
      [normal, extra, high],
    ]) {
      const { result, warnings } = evaluateMetric({ def: critical, observation: { series: order }, now: FIXED_NOW });
      const byItem = new Map(result.map((r) => [r.item, r]));
      expect(byItem.get('critical')).toMatchObject({
        status: 'error',
        colour: 'red',
        evidence: 'Conflicting data: 2 series for severity="critical" (latest values 0 and 9); none is scored',
      });
      expect(byItem.get('high')).toMatchObject({ status: 'green' });
      expect(warnings).toContain(
        'open-critical: Conflicting data: 2 series for severity="critical" (latest values 0 and 9); none is scored'
      );
    }
  });

  it('the same series twice (a duplicate) is one series', () => {
    const { result } = evaluateMetric({
      def: critical,
      observation: { series: [normal, normal, high] },
      now: FIXED_NOW,
    });
    expect(result.map((r) => [r.item, r.status])).toEqual([
      ['critical', 'green'],
      ['high', 'green'],
    ]);
  });

  it('an empty label value, a conflict inside one series and a number label are conflicts too, in any order', () => {
    const empty = (v: number, instance: string) => series({ severity: '', instance }, v);
    const insideConflict = seriesOf(
      [
        [FIXED_NOW - 30 * MINUTE, 0],
        [FIXED_NOW, 0],
        [FIXED_NOW, 9],
      ],
      { labels: { severity: 'critical' } }
    );
    const olderOnly = seriesOf([[FIXED_NOW - 30 * MINUTE, 0]], { labels: { severity: 'critical', instance: 'b' } });
    const asNumber = seriesOf([[FIXED_NOW, 0]], { labels: { severity: 5 as unknown as string } });
    const asString = seriesOf([[FIXED_NOW, 9]], { labels: { severity: '5' } });
    const cases: Array<[Series[], string | undefined]> = [
      [[empty(0, 'a'), empty(9, 'b')], undefined],
      [[olderOnly, insideConflict], 'critical'],
      [[asNumber, asString], '5'],
    ];
    for (const [list, item] of cases) {
      for (const order of [list, [...list].reverse()]) {
        const { result } = evaluateMetric({
          def: { ...critical, items: { label: 'severity' } },
          observation: { series: order },
          now: FIXED_NOW,
        });
        const row = result.find((r) => r.item === item)!;
        expect(row).toMatchObject({ status: 'error', colour: 'red' });
      }
    }
  });

  it('the order of the series never changes a status (property)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(Infinity, null));
    const point = fc.tuple(fc.constantFrom(FIXED_NOW - HOUR, FIXED_NOW), value);
    const spec = fc.tuple(fc.constantFrom('critical', 'high', ''), fc.array(point, { minLength: 1, maxLength: 3 }));
    const withOrder = fc.array(spec, { maxLength: 6 }).chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(
          list.map((_, i) => i),
          { minLength: list.length }
        )
      )
    );
    fc.assert(
      fc.property(withOrder, ([list, order]) => {
        const all: Series[] = list.map(([severity, points]) => seriesOf(points, { labels: { severity } }));
        const statuses = (ss: Series[]) =>
          evaluateMetric({ def: critical, observation: { series: ss }, now: FIXED_NOW })
            .result.map((r) => `${r.item}:${r.status}:${r.evidence}`)
            .sort();
        expect(statuses(order.map((i) => all[i]))).toEqual(statuses(all));
      })
    );
  });
});

describe('evaluateMetric: since when, for escalation', () => {
  it('no data in the window read is red for at least that window', () => {
    const r = one(createMetric({ trend: { window: '30d' } }), { series: [] });
    expect(r).toMatchObject({ status: 'noData', colourSince: FIXED_NOW - 30 * DAY, colourSinceIsLowerBound: true });
  });

  it('a stale amber keeps the start of its amber run; a stale green is amber since it went stale', () => {
    const metric = createMetric({ freshness: { maxAge: '1h' } });
    const amber = one(metric, { series: [createSeries([0.999, 0.997, 0.997, 0.997], { end: FIXED_NOW - 5 * HOUR })] });
    expect(amber).toMatchObject({ status: 'stale', colour: 'amber', colourSince: FIXED_NOW - 7 * HOUR });
    const green = one(metric, { series: [createSeries([0.999, 0.999], { end: FIXED_NOW - 5 * HOUR })] });
    expect(green).toMatchObject({ status: 'stale', colour: 'amber', colourSince: FIXED_NOW - 4 * HOUR });
  });
});
