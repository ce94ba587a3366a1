import { evaluateMetric } from './evaluate';
import { judgeGoal, goalDeadline } from './goal';
import { cleanPoints } from './series';
import { coreFormat } from './evidence';
import { createMetric, createSeries, DAY, FIXED_NOW } from './testing/factories';
import type { Goal, MetricDef } from './types';

// FIXED_NOW is 2026-11-16T12:00Z. An ARR-like metric: green from €1M, goal €2.5M by the end of 2027.
const arr = (goal: Partial<Goal> = {}, overrides: Partial<MetricDef> = {}) =>
  createMetric({
    id: 'arr',
    unit: 'currencyEUR',
    domain: { min: 0 },
    target: 2_500_000,
    thresholds: { green: 1_000_000, amber: 800_000 },
    freshness: { maxAge: '2d' },
    trend: { window: '30d' },
    goal: { value: 2_500_000, by: '2027-12-31', ...goal },
    ...overrides,
  });

/** Daily values from `from` to `to` over `days` days, the last at FIXED_NOW. */
const line = (from: number, to: number, days = 90) =>
  createSeries(
    Array.from({ length: days + 1 }, (_, i) => from + ((to - from) * i) / days),
    { stepMs: DAY }
  );

const judge = (def: MetricDef & { goal: Goal }, from: number, to: number, days?: number) =>
  judgeGoal({
    def,
    samples: cleanPoints(line(from, to, days), FIXED_NOW).samples,
    now: FIXED_NOW,
    format: coreFormat,
  });

describe('a dated goal: the projection at the pace of the series', () => {
  it.each([
    // [what, from, to (latest), colour, text]
    ['reached', 2_000_000, 2_600_000, 'green', '€2.6M of €2.5M by 2027-12-31 (104%): reached'],
    ['on pace: €1.5M, +€100K a month reaches €2.5M in ten months', 1_200_000, 1_500_000, 'green', 'reached 2027-09'],
    ['behind pace: +€50K a month', 1_350_000, 1_500_000, 'amber', 'reached 2028-07 — 6 months late'],
    ['not moving', 1_500_000, 1_500_000, 'red', 'it is never reached'],
    ['falling', 1_600_000, 1_500_000, 'red', 'it is never reached'],
  ])('%s', (_what, from, to, colour, text) => {
    const j = judge({ ...arr(), goal: arr().goal! }, from, to)!;
    expect(j.colour).toBe(colour);
    expect(j.text).toContain(text);
  });

  it('says how fast it moves and how fast it must move, per month, in the unit', () => {
    const j = judge({ ...arr(), goal: arr().goal! }, 1_350_000, 1_500_000)!;
    expect(j.text).toBe(
      "€1.5M of €2.5M by 2027-12-31 (60%); at the last 90 days' pace (+€51K a month; +€74K a month needed), reached 2028-07 — 6 months late"
    );
  });

  it('is red once the day has passed without reaching it, amber without enough history to project', () => {
    const past = arr({ by: '2026-11-15' });
    expect(judge({ ...past, goal: past.goal! }, 1_000_000, 1_500_000)!).toMatchObject({ colour: 'red' });
    expect(judge({ ...arr(), goal: arr().goal! }, 1_400_000, 1_500_000, 30)!.text).toContain(
      'too little history to project (the pace reads the last 90 days)'
    );
  });

  it('works the other way for lower-is-better: burn down to €40K a month', () => {
    const burn = arr(
      { value: 40_000, by: '2027-06-30' },
      { direction: 'lower-is-better', target: 40_000, thresholds: { green: 40_000, amber: 50_000 } }
    );
    expect(judge({ ...burn, goal: burn.goal! }, 60_000, 45_000)!.colour).toBe('green');
    expect(judge({ ...burn, goal: burn.goal! }, 45_500, 45_000)!.colour).toBe('amber');
  });

  it('the deadline is the end of the day, UTC, and only a real day', () => {
    expect(goalDeadline({ by: '2027-12-31' })).toBe(Date.parse('2027-12-31T23:59:59.999Z'));
    expect(goalDeadline({ by: '2027-02-30' })).toBeUndefined();
  });
});

describe('the goal in the evaluation', () => {
  it('makes a green value amber when the pace misses the date, and says so in the evidence', () => {
    const [r] = evaluateMetric({
      def: arr(),
      observation: { series: [line(1_350_000, 1_500_000)] },
      now: FIXED_NOW,
    }).result;
    expect(r.status).toBe('amber');
    expect(r.evidence).toContain('€1.5M ≥ €1M (green)');
    expect(r.evidence).toContain('goal: €1.5M of €2.5M');
    expect(r.goalText).toContain('6 months late');
  });

  it('never makes a metric greener: a red value stays red however good the pace', () => {
    const [r] = evaluateMetric({
      def: arr(),
      observation: { series: [line(100_000, 700_000)] },
      now: FIXED_NOW,
    }).result;
    expect(r.status).toBe('red');
  });

  it('a goal-driven amber ages like any other: since when the pace has missed the date', () => {
    // 200 days of +€50K a month: late the whole time, so amber since the start of the data (a lower bound).
    const [r] = evaluateMetric({
      def: arr(),
      observation: { series: [line(1_500_000 - 200 * 1_643, 1_500_000, 200)] },
      now: FIXED_NOW,
    }).result;
    expect(r.status).toBe('amber');
    expect(r.colourSince).toBe(FIXED_NOW - 200 * DAY);
    expect(r.colourSinceIsLowerBound).toBe(true);
  });

  it('says the span it read the pace over when the samples do not bracket the window', () => {
    const sparse = createSeries([1_000_000, 1_500_000], { stepMs: 200 * DAY });
    const j = judgeGoal({
      def: { ...arr(), goal: arr().goal! },
      samples: cleanPoints(sparse, FIXED_NOW).samples,
      now: FIXED_NOW,
      format: coreFormat,
    })!;
    expect(j.text).toContain('at the pace from 2026-04-30 to 2026-11-16');
  });

  it('never reads 100% of a goal not reached', () => {
    const j = judge({ ...arr(), goal: arr().goal! }, 2_400_000, 2_499_000)!;
    expect(j.text).toContain('(99%)');
  });

  it('leaves a stale metric stale, with the goal text beside it', () => {
    const old = createSeries([1_000_000, 1_200_000], { end: FIXED_NOW - 5 * DAY, stepMs: 90 * DAY });
    const [r] = evaluateMetric({ def: arr(), observation: { series: [old] }, now: FIXED_NOW }).result;
    expect(r.status).toBe('stale');
    expect(r.goalText).toContain('€1.2M of €2.5M');
  });
});
