import type { ItemResult } from './evaluate';
import { compareWorse, rollup } from './rollup';
import { createCatalog, createMetric, createPillar, DAY, FIXED_NOW } from './testing/factories';
import type { Colour, Status, Tier } from './types';

const pillars = [createPillar({ id: 'a', order: 2 }), createPillar({ id: 'b', order: 1 })];
const item = (metricId: string, status: Status, colour?: Colour): ItemResult => ({
  metricId,
  status,
  colour: colour ?? (status === 'green' || status === 'amber' ? status : status === 'stale' ? 'amber' : 'red'),
  target: 0,
  evidence: '',
  colourSinceIsLowerBound: false,
  sparkline: [],
  retired: false,
});
const catalogWith = (defs: Array<[string, string, Tier]>) =>
  createCatalog({ pillars, metrics: defs.map(([id, pillar, tier]) => createMetric({ id, pillar, tier })) });

function permutations<T>(list: T[]): T[][] {
  return list.length <= 1
    ? [list]
    : list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('rollup', () => {
  const catalog = catalogWith([
    ['m1', 'a', 'critical'],
    ['m2', 'a', 'high'],
    ['m3', 'a', 'low'],
    ['m4', 'b', 'medium'],
  ]);
  const results = [item('m1', 'noData'), item('m2', 'red'), item('m3', 'error'), item('m4', 'green')];

  it('shows the worst colour per pillar, pillars in catalog order, the worst pillar overall', () => {
    const { result } = rollup(catalog, results, FIXED_NOW);
    expect(result.pillars.map((p) => [p.id, p.colour])).toEqual([
      ['b', 'green'],
      ['a', 'red'],
    ]);
    expect(result.colour).toBe('red');
    expect(result.openByTier).toEqual({ critical: 1, high: 1, medium: 0, low: 1 });
  });

  it('does not depend on item order: every permutation gives the same result', () => {
    const first = rollup(catalog, results, FIXED_NOW).result;
    for (const p of permutations(results)) {
      const r = rollup(catalog, p, FIXED_NOW).result;
      expect(r.pillars.map((x) => [x.colour, x.worst?.metricId, x.worst?.status])).toEqual(
        first.pillars.map((x) => [x.colour, x.worst?.metricId, x.worst?.status])
      );
      expect([r.colour, r.score]).toEqual([first.colour, first.score]);
    }
    // Red by value outranks error and noData among equally red items, whatever came first.
    expect(first.pillars[1].worst?.metricId).toBe('m2');
  });

  it('orders worst by colour, then status, then id (a total order)', () => {
    expect(compareWorse(item('x', 'error'), item('y', 'noData'))).toBeGreaterThan(0);
    expect(compareWorse(item('x', 'stale', 'amber'), item('y', 'amber'))).toBeGreaterThan(0);
    expect(compareWorse(item('a', 'red'), item('b', 'red'))).toBeGreaterThan(0);
    expect(compareWorse(item('a', 'red'), item('a', 'red'))).toBe(0);
  });

  it('scores 100 only when everything is green with evidence', () => {
    const all = ['m1', 'm2', 'm3', 'm4'].map((id) => item(id, 'green'));
    expect(rollup(catalog, all, FIXED_NOW).result).toMatchObject({ colour: 'green', score: 100 });
  });

  it('cannot read healthy while anything is red: one red low-tier item caps the score at 59', () => {
    const r = rollup(
      catalog,
      [item('m1', 'green'), item('m2', 'green'), item('m3', 'red'), item('m4', 'green')],
      FIXED_NOW
    ).result;
    // raw = floor(100 × (8 + 4 + 0 + 2) / 15) = 93, capped because something is red
    expect(r).toMatchObject({ colour: 'red', score: 59 });
  });

  it('stale earns nothing and caps at amber', () => {
    const r = rollup(
      catalog,
      [item('m1', 'green'), item('m2', 'green'), item('m3', 'green'), item('m4', 'stale')],
      FIXED_NOW
    ).result;
    // raw = floor(100 × 13 / 15) = 86
    expect(r).toMatchObject({ colour: 'amber', score: 86 });
  });

  it('amber earns half', () => {
    const r = rollup(
      catalog,
      [item('m1', 'amber'), item('m2', 'green'), item('m3', 'green'), item('m4', 'green')],
      FIXED_NOW
    ).result;
    // raw = floor(100 × (4 + 4 + 1 + 2) / 15) = 73
    expect(r).toMatchObject({ colour: 'amber', score: 73 });
  });

  it('a pillar without results is red, never silently green', () => {
    const { result, warnings } = rollup(catalog, [item('m4', 'green')], FIXED_NOW);
    expect(result.pillars.find((p) => p.id === 'a')?.colour).toBe('red');
    expect(warnings).toEqual(['a: the pillar has no active metric and is shown red']);
  });

  it('shows a retired metric for 90 days, labelled, outside colours and score; then drops it', () => {
    const retiredOn = new Date(FIXED_NOW - 10 * DAY).toISOString().slice(0, 10);
    const c = createCatalog({
      pillars,
      metrics: [
        createMetric({ id: 'old', pillar: 'a', retired: { reason: 'replaced', approvedBy: 'CTO', date: retiredOn } }),
        createMetric({ id: 'new', pillar: 'a' }),
        createMetric({ id: 'm4', pillar: 'b' }),
      ],
    });
    const results2 = [{ ...item('old', 'red'), retired: true }, item('new', 'green'), item('m4', 'green')];
    const now = rollup(c, results2, FIXED_NOW).result;
    expect(now).toMatchObject({ colour: 'green', score: 100 });
    expect(now.pillars[1].items.map((i) => [i.metricId, i.retired])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    const later = rollup(c, results2, FIXED_NOW + 81 * DAY).result;
    expect(later.pillars[1].items.map((i) => i.metricId)).toEqual(['new']);
  });
});
