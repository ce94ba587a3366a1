import fc from 'fast-check';

import { describeRange, metricDomain, outsideDomain, unitDomain } from './domain';
import { evaluateMetric } from './evaluate';
import { createMetric, FIXED_NOW, MINUTE } from './testing/factories';
import { seriesOf } from './series';
import type { MetricDef } from './types';
import { GRAFANA_UNITS } from './units';

describe('unitDomain: what each unit allows', () => {
  it.each([
    ['percentunit', '0–1', 'a fraction'],
    ['percent', '0–100', 'a percentage'],
    ['currencyUSD', 'any number', 'an amount'],
    ['currency:CHF', 'any number', 'an amount'],
    ['h', '≥ 0', 'a duration'],
    ['dtdurations', '≥ 0', 'a duration'],
    ['count:incidents', '≥ 0', 'a count'],
    ['decbytes', '≥ 0', 'a size'],
  ])('%s: %s (%s)', (unit, range, what) => {
    const d = unitDomain(unit)!;
    expect([describeRange(d), d.what]).toEqual([range, what]);
  });

  it.each(['short', 'none', 'suffix:req/s', 'celsius'])('%s implies no domain', (unit) => {
    expect(unitDomain(unit)).toBeUndefined();
  });

  it('a change of a fraction is at least -100%, a change of an amount is signed', () => {
    expect(describeRange(metricDomain({ unit: 'percentunit', domain: { change: true } }))).toBe('≥ -1');
    expect(describeRange(metricDomain({ unit: 'percent', domain: { change: true } }))).toBe('≥ -100');
    expect(describeRange(metricDomain({ unit: 'currencyEUR', domain: { change: true } }))).toBe('any number');
  });
});

describe('outsideDomain: the messages', () => {
  const fraction = metricDomain({ unit: 'percentunit' });
  const count = metricDomain({ unit: 'short', domain: { min: 0, integer: true } });
  it.each([
    [fraction, 0.8, undefined],
    [fraction, 80, '80 is outside 0–1 for a fraction: wrong unit in the query?'],
    [fraction, 1e308, '1e+308 is outside 0–1 for a fraction'],
    [fraction, -0.01, '-0.01 is outside 0–1 for a fraction'],
    [count, -5, '-5 is outside ≥ 0 for a whole number'],
    [count, 2.5, '2.5 is not a whole number'],
    [count, 3, undefined],
  ])('%#: %s', (d, v, why) => {
    expect(outsideDomain(v, d)).toBe(why);
  });
});

const at = (i: number) => FIXED_NOW - (10 - i) * MINUTE;
const evaluate = (def: MetricDef, values: number[]) =>
  evaluateMetric({
    def,
    observation: { series: [seriesOf(values.map((v, i): [number, number] => [at(i), v]))] },
    now: FIXED_NOW,
  }).result[0];

describe('evaluation: a value outside the domain is never a reading', () => {
  it('compliance fed a percentage (80 for 0.8) is an error that says so, not a green 8000%', () => {
    const r = evaluate(createMetric({ thresholds: { green: 1, amber: 0.95 }, target: 1 }), [1, 80]);
    expect(r).toMatchObject({ status: 'error', colour: 'red' });
    expect(r.value).toBeUndefined();
    expect(r.evidence).toBe('Not scored: 80 is outside 0–1 for a fraction: wrong unit in the query? (at 11:51 UTC)');
  });

  it('one impossible sample earlier in the range makes the item an error, with the count', () => {
    expect(evaluate(createMetric(), [0.9995, -5, 0.9995]).evidence).toBe(
      'Not scored: -5 is outside 0–1 for a fraction (at 11:51 UTC)'
    );
    const twice = evaluate(createMetric(), [-5, 0.9995, 7, 0.9995]);
    expect(twice.status).toBe('error');
    expect(twice.evidence).toBe(
      'Not scored: 7 is outside 0–1 for a fraction: wrong unit in the query? (at 11:52 UTC; 2 impossible samples in the range)'
    );
  });

  it('property: for every unit with a domain, a value outside it is an error, never green', () => {
    const units = GRAFANA_UNITS.filter((u) => unitDomain(u) && Number.isFinite(unitDomain(u)!.min));
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        (unit, v, lowerIsBetter) => {
          const d = unitDomain(unit)!;
          fc.pre(outsideDomain(v, d) !== undefined);
          const hi = Number.isFinite(d.max) ? d.max : d.min + 10;
          const def = createMetric({
            unit,
            direction: lowerIsBetter ? 'lower-is-better' : 'higher-is-better',
            thresholds: lowerIsBetter ? { green: hi, amber: hi } : { green: d.min, amber: d.min },
            target: lowerIsBetter ? d.min : hi,
          });
          const r = evaluate(def, [v]);
          return r.status === 'error' && r.colour === 'red' && r.value === undefined;
        }
      )
    );
  });

  it('property: a value inside the domain is scored as before (the domain never changes a colour)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (v) => {
        const r = evaluate(createMetric(), [v]);
        return r.status !== 'error' && r.value === v;
      })
    );
  });
});

describe("Candor's own units imply their valid values", () => {
  it.each([
    ['ratio', -0.1, true],
    ['ratio', 7.7, false],
    ['score:10', 10.5, true],
    ['score:10', 8.5, false],
    ['score:5', 4.8, false],
    ['nps', 101, true],
    ['nps', -100, false],
    ['nps', 67.5, true],
    ['months', -1, true],
    ['months', 8, false],
  ])('%s %p outside: %p', (unit, value, outside) => {
    expect(outsideDomain(value, metricDomain({ unit })) !== undefined).toBe(outside);
  });
});
