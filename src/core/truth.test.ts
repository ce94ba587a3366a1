/**
 * The promise as properties: whatever a careless feed sends, green needs evidence, and whatever a catalog says,
 * validation answers with paths instead of exceptions. `npm run test:deep` runs each 10,000 times.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

import { metricDomain, outsideDomain } from './domain';
import { evaluateMetric } from './evaluate';
import { loadCatalog } from './parse';
import { createCatalog, createMetric, FIXED_NOW, MINUTE } from './testing/factories';
import { seriesOf } from './series';
import { classify } from './thresholds';
import type { MetricDef, Series } from './types';
import { validateCatalog } from './validate';

const value = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: 1 }),
  fc.constantFrom(0, 1, 0.9995, 0.999, 80, -5, null, Number.NaN, Infinity, 1e308)
);
/** Mostly minutes around now; sometimes a time no date can hold (before 1970, past ±8.64e15 ms, NaN). */
const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -60, max: 5 }).map((m) => FIXED_NOW + m * MINUTE) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(-1, -1e300, -9e15, 9e15, 1e300, Number.NaN) }
);
const point = fc.tuple(time, value);
const labelValue = fc.constantFrom('critical', 'high', '', '__proto__', 'constructor', 'toString');
const series = fc
  .record({
    labels: fc.option(fc.record({ severity: labelValue, instance: fc.constantFrom('a', 'b') }), { nil: undefined }),
    points: fc.array(point, { maxLength: 8 }),
  })
  .map(({ labels, points }) => seriesOf(points, { labels }));

/** What must hold for a green item: its own oracle, simpler than the engine (no trend, no stale colour runs). */
function greenIsEarned(def: MetricDef, all: Series[], item: string | undefined): boolean {
  // A series without the items label belongs to no item (the engine ignores it with a warning; items.ts).
  const mine = def.items
    ? all.filter((s) => s.labels?.[def.items!.label] !== undefined && s.labels[def.items!.label] === (item ?? ''))
    : all;
  if (!def.items && mine.length !== 1) {
    return false;
  }
  const byTime = new Map<number, Set<number>>();
  mine.forEach((s) =>
    Array.from(s.times).forEach((t, i) => {
      const v = s.values[i];
      if (t >= 0 && t <= FIXED_NOW && typeof v === 'number' && Number.isFinite(v)) {
        byTime.set(t, (byTime.get(t) ?? new Set()).add(v));
      }
    })
  );
  const times = [...byTime.keys()].sort((a, b) => a - b);
  if (times.length === 0 || [...byTime.values()].some((vs) => vs.size > 1)) {
    return false;
  }
  const dm = metricDomain(def);
  if ([...byTime.values()].some((vs) => [...vs].some((v) => outsideDomain(v, dm)))) {
    return false;
  }
  const latest = times[times.length - 1];
  const fresh = FIXED_NOW - latest <= 15 * MINUTE;
  return fresh && classify([...byTime.get(latest)!][0], def.direction, def.thresholds) === 'green';
}

describe('properties of truth', () => {
  // The shrunk counterexamples the property found before times were checked: each threw "Invalid time value".
  it.each<[string, Array<[number, number | null]>]>([
    ['an infinite value at -9e15 ms', [[-9e15, Infinity]]],
    [
      'two values at 1e300 ms',
      [
        [-1e300, 0.99],
        [-1e300, 0.98],
      ],
    ],
    [
      'a fresh green beside a value at NaN ms',
      [
        [FIXED_NOW, 0.9999],
        [Number.NaN, 0.5],
      ],
    ],
  ])('a time no date can hold is no evidence and no exception: %s', (_n, points) => {
    const { result, warnings } = evaluateMetric({
      def: createMetric(),
      observation: { series: [seriesOf(points)] },
      now: FIXED_NOW,
    });
    const fresh = points.some(([t]) => t === FIXED_NOW);
    expect(result.map((r) => r.status)).toEqual([fresh ? 'green' : 'noData']);
    expect(warnings).toContainEqual(expect.stringMatching(/sample\(s\) were null or NaN, or had no readable time/));
  });

  it.each([
    ['a plain metric', createMetric()],
    ['an items metric', createMetric({ items: { label: 'severity', expected: ['critical', 'high'] } })],
  ])('%s: any frames, never green without a fresh, in-domain, unconflicted value; never an exception', (_n, def) => {
    fc.assert(
      fc.property(fc.array(series, { maxLength: 4 }), (list) => {
        const { result } = evaluateMetric({ def, observation: { series: list as Series[] }, now: FIXED_NOW });
        return result.every((r) => r.colour !== 'green' || greenIsEarned(def, list as Series[], r.item));
      })
    );
  });

  it('any text as a catalog: no exception, and every problem has a path and a reason', () => {
    const text = fc.oneof(
      fc.string(),
      fc.anything().map((v) => stringify(v) ?? ''),
      fc.jsonValue().map((v) => JSON.stringify(v))
    );
    fc.assert(
      fc.property(text, (t) => {
        const loaded = loadCatalog(t);
        const problems = [...loaded.problems, ...loaded.syntaxErrors];
        return (
          (loaded.catalog !== undefined || problems.length > 0) &&
          problems.every((p) => typeof p.path === 'string' && typeof p.message === 'string' && p.message !== '')
        );
      })
    );
  });

  it('a good catalog with any one field replaced by anything: no exception, problems with paths', () => {
    const base = createCatalog() as unknown as { metrics: Array<Record<string, unknown>> };
    const fields = Object.keys(base.metrics[0]);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, v) => {
        const c = JSON.parse(JSON.stringify(base)) as typeof base;
        c.metrics[0][field] = v;
        const { catalog, problems } = validateCatalog(c);
        return (catalog !== undefined) === (problems.length === 0) && problems.every((p) => p.path.length > 0);
      })
    );
  });
});
