import { evaluateMetric } from './evaluate';
import { expectedAt, planOf } from './registerInitiative';
import { createInitiatives, createRisks, DAY, FIXED_NOW, HOUR } from './testing/factories';
import { seriesOf } from './series';
import type { MetricDef, Series } from './types';

// FIXED_NOW is 2026-11-16T12:00Z.
const initiatives = createInitiatives;
const risks = createRisks;

/** The series a SQL table row becomes (frames.ts): one per number column, labelled by the text columns. */
function row(labels: Record<string, string>, numbers: Record<string, number | null>, t = FIXED_NOW - HOUR): Series[] {
  return Object.entries(numbers).map(([field, v]) => seriesOf([[t, v]], { labels, field }));
}

const initiative = (title: string, start: string, due: string, progress: number, milestones = '') =>
  row({ initiative: title, owner: 'CEO', start, due, milestones }, { progress });

const risk = (title: string, p: number, impact: number, review: string, mitigation?: number) =>
  row(
    { risk: title, owner: 'CFO', review, plan: 'Diversify' },
    { probability: p, impact, ...(mitigation === undefined ? {} : { mitigation }) }
  );

const evaluate = (def: MetricDef, series: Series[]) =>
  evaluateMetric({ def, observation: { series }, now: FIXED_NOW }).result;

describe('initiatives: progress against the plan', () => {
  // Plan 2026-10-01 .. 2026-12-31: 46.5 of 92 days by now, 50.5% planned.
  it.each([
    ['on track within the tolerance', 45, 'green', '45% done · on track', 'due 2026-12-31, forecast 2027-01-12'],
    ['at risk beyond it', 35, 'amber', '35% done · at risk', 'due 2026-12-31, forecast 2027-02-10'],
    [
      'red far behind (beyond the amber threshold)',
      15,
      'red',
      '15% done · at risk',
      'due 2026-12-31, forecast 2027-08-07',
    ],
    ['done', 100, 'green', '100% done · done', 'due 2026-12-31'],
  ])('%s', (_what, progress, status, valueText, targetText) => {
    const [r] = evaluate(initiatives(), initiative('Launch', '2026-10-01', '2026-12-31', progress));
    expect(r.status).toBe(status);
    expect(r.valueText).toBe(valueText);
    expect(r.targetText).toBe(targetText);
    expect(r.owner).toBe('CEO');
  });

  it('is late past its due date unfinished, whatever its pace, since the due date', () => {
    const [r] = evaluate(initiatives(), initiative('Launch', '2026-08-01', '2026-11-10', 95));
    expect(r).toMatchObject({
      status: 'red',
      valueText: '95% done · late',
      colourSince: Date.parse('2026-11-10T23:59:59.999Z'),
    });
    expect(r.evidence).toContain('Late: 95% done, 100% planned by the due date 2026-11-10');
  });

  it('forecasts the day it is done at its pace since the start, against the due date', () => {
    const [r] = evaluate(initiatives(), initiative('Launch', '2026-10-01', '2026-12-31', 35));
    // 46.5 days for 35%: 100% after 132.9 days, on 2027-02-10.
    expect(r.evidence).toContain('(23 points a month), done by 2027-02-10, 40 days after the due date');
  });

  it('says what done means when the row has a target', () => {
    const series = row(
      {
        initiative: 'Series A',
        owner: 'CEO',
        start: '2026-10-01',
        due: '2026-12-31',
        milestones: '',
        target: '€8M raised',
      },
      { progress: 45 }
    );
    expect(evaluate(initiatives(), series)[0].evidence).toContain(
      'Plan: 2026-10-01 to 2026-12-31; done means €8M raised'
    );
  });

  it('follows the milestones when the row gives them', () => {
    const plan = planOf(Date.parse('2026-10-01T00:00Z'), Date.parse('2026-12-31T23:59:59.999Z'), '2026-11-30:20');
    expect(Array.isArray(plan)).toBe(true);
    // Half-way between the start (0%) and the milestone (20%, 2026-11-30): about 10%.
    expect(expectedAt(plan as Array<[number, number]>, FIXED_NOW)).toBeCloseTo(15.1, 0);
    const [r] = evaluate(initiatives(), initiative('Launch', '2026-10-01', '2026-12-31', 10, '2026-11-30:20'));
    expect(r.status).toBe('green');
  });

  it.each([
    ['progress above 100', initiative('X', '2026-10-01', '2026-12-31', 120), 'progress 120 is outside 0–100'],
    ['a due date before the start', initiative('X', '2026-12-31', '2026-10-01', 10), 'are not two YYYY-MM-DD dates'],
    ['a day the month lacks', initiative('X', '2026-02-30', '2026-12-31', 10), 'are not two YYYY-MM-DD dates'],
    ['a milestone after the due date', initiative('X', '2026-10-01', '2026-12-31', 10, '2027-01-15:50'), 'milestone'],
    ['falling milestones', initiative('X', '2026-10-01', '2026-12-31', 10, '2026-11-01:50;2026-12-01:40'), 'milestone'],
  ])('an unreadable row is an error, never a guess: %s', (_what, series, why) => {
    const [r] = evaluate(initiatives(), series);
    expect(r.status).toBe('error');
    expect(r.evidence).toContain(why);
  });

  it('a missing expected initiative has no data; an old row is stale', () => {
    const def = initiatives({ items: { label: 'initiative', expected: ['Launch', 'Hire'] } });
    const old = row(
      { initiative: 'Launch', owner: 'CEO', start: '2026-10-01', due: '2026-12-31', milestones: '' },
      { progress: 50 },
      FIXED_NOW - 8 * DAY
    );
    const results = evaluate(def, old);
    expect(results.map((r) => [r.item, r.status])).toEqual([
      ['Launch', 'stale'],
      ['Hire', 'noData'],
    ]);
  });

  it('two different rows for one initiative are a conflict: none is scored', () => {
    const a = initiative('Launch', '2026-10-01', '2026-12-31', 50);
    const b = row(
      { initiative: 'Launch', owner: 'CFO', start: '2026-10-01', due: '2026-12-31', milestones: '' },
      { progress: 90 }
    );
    const [r] = evaluate(initiatives(), [...a, ...b]);
    expect(r.status).toBe('error');
    expect(r.evidence).toContain('Conflicting rows');
  });
});

describe('risks: exposure, staleness and order', () => {
  it('judges the exposure, probability × impact, and orders by it, highest first', () => {
    const results = evaluate(risks(), [
      ...risk('Downturn', 0.4, 4, '2026-12-31', 60),
      ...risk('Talent', 0.9, 4, '2026-12-31'),
      ...risk('Churn', 0.2, 3, '2026-12-31'),
    ]);
    // Judged unrounded (0.2 × 3 is 0.6000000000000001 in floating point); shown as people read it.
    expect(results.map((r) => [r.item, Math.round(r.value! * 1000) / 1000, r.status])).toEqual([
      ['Talent', 3.6, 'red'],
      ['Downturn', 1.6, 'amber'],
      ['Churn', 0.6, 'green'],
    ]);
    expect(results[1].evidence).toBe(
      'exposure 1.6 = 40% likely × impact 4 of 5 (amber); mitigation 60% done (Diversify); review by 2026-12-31'
    );
    expect(results[0].evidence).toContain('no mitigation recorded');
    expect(results.map((r) => r.targetText)).toEqual([
      '≤ 1.5; no mitigation, review by 2026-12-31',
      '≤ 1.5; mitigation 60%, review by 2026-12-31',
      '≤ 1.5; no mitigation, review by 2026-12-31',
    ]);
  });

  it('a risk past its review date is stale: amber at best, red when its exposure is red', () => {
    const results = evaluate(risks(), [...risk('Low', 0.1, 2, '2026-11-15'), ...risk('High', 0.9, 4, '2026-11-15')]);
    expect(results.map((r) => [r.item, r.status, r.colour])).toEqual([
      ['High', 'stale', 'red'],
      ['Low', 'stale', 'amber'],
    ]);
    expect(results[1].evidence).toContain('Review overdue since 2026-11-15');
    expect(results[1].colourSince).toBe(Date.parse('2026-11-15T23:59:59.999Z'));
  });

  it('a risk written before its review date is stale since that date, not since it was written', () => {
    const series = row(
      { risk: 'Low', owner: 'CFO', review: '2026-11-10', plan: '' },
      { probability: 0.1, impact: 2 },
      FIXED_NOW - 20 * DAY
    );
    const [r] = evaluate(risks({ freshness: { maxAge: '30d' } }), series);
    expect(r).toMatchObject({
      status: 'stale',
      colourSince: Date.parse('2026-11-10T23:59:59.999Z'),
      colourSinceIsLowerBound: false,
    });
  });

  it('a review due today is not yet overdue', () => {
    const [r] = evaluate(risks(), risk('Low', 0.1, 2, '2026-11-16'));
    expect(r.status).toBe('green');
  });

  it.each([
    ['a probability given in percent', risk('X', 80, 4, '2026-12-31'), 'probability 80 is outside 0–1'],
    ['an impact of 6', risk('X', 0.5, 6, '2026-12-31'), 'impact 6 is outside 1–5'],
    [
      'no impact',
      row({ risk: 'X', owner: 'CFO', review: '2026-12-31', plan: '' }, { probability: 0.5 }),
      'the row has no impact',
    ],
    ['a review that is no date', risk('X', 0.5, 2, 'soon'), 'review "soon" is not a YYYY-MM-DD date'],
  ])('an impossible figure is an error naming it: %s', (_what, series, why) => {
    const [r] = evaluate(risks(), series);
    expect(r.status).toBe('error');
    expect(r.evidence).toContain(why);
  });

  it('a failing source makes every expected risk an error', () => {
    const def = risks({ items: { label: 'risk', expected: ['Talent', 'Churn'] } });
    const results = evaluateMetric({ def, observation: { error: 'timeout' }, now: FIXED_NOW }).result;
    expect(results.map((r) => r.status)).toEqual(['error', 'error']);
  });
});

describe('no row is ever made up', () => {
  const at = (t: number, labels: Record<string, string>, numbers: Record<string, number | null>): Series[] =>
    Object.entries(numbers).map(([field, v]) => seriesOf([[t, v]], { labels, field }));
  const riskLabels = { risk: 'Talent', owner: 'CHRO', review: '2026-12-31', plan: '' };

  it('an unreadable figure in the latest row is an error, never the older row’s figure', () => {
    const series = [
      ...at(FIXED_NOW - 5 * DAY, riskLabels, { probability: 0.9, impact: 5 }),
      ...at(FIXED_NOW - HOUR, riskLabels, { probability: null, impact: 1 }),
    ];
    const [r] = evaluate(risks(), series);
    expect(r.status).toBe('error');
    expect(r.evidence).toContain("the row's probability is not a number");
  });

  it('takes the latest row whole, its history saying since when the colour holds', () => {
    const series = [
      ...at(FIXED_NOW - 20 * DAY, riskLabels, { probability: 0.1, impact: 2 }),
      ...at(FIXED_NOW - 10 * DAY, riskLabels, { probability: 0.9, impact: 4 }),
      ...at(FIXED_NOW - 2 * DAY, riskLabels, { probability: 0.8, impact: 4 }),
    ];
    const [r] = evaluate(risks({ freshness: { maxAge: '7d' } }), series);
    expect(r).toMatchObject({ status: 'red', colourSince: FIXED_NOW - 10 * DAY, colourSinceIsLowerBound: false });
    expect(r.value).toBeCloseTo(3.2);
  });

  it('a review date far in the future counts as due a quarter after the row', () => {
    const labels = { ...riskLabels, review: '2099-01-01' };
    const [r] = evaluate(risks(), at(FIXED_NOW - 100 * DAY, labels, { probability: 0.1, impact: 2 }));
    expect(r.status).toBe('stale');
    expect(r.evidence).toContain('(written 2099-01-01; at most 92 days after the row)');
  });

  it('a row without a name is an error item, and a register without rows is one no-data result', () => {
    const unnamed = evaluate(
      risks(),
      at(FIXED_NOW - HOUR, { ...riskLabels, risk: ' ' }, { probability: 0.9, impact: 5 })
    );
    expect(unnamed.map((r) => [r.item, r.status])).toEqual([['(row without a name)', 'error']]);
    const empty = evaluate(risks(), []);
    expect(empty.map((r) => [r.item, r.status])).toEqual([[undefined, 'noData']]);
  });

  it('rows later than now are not counted, with a warning', () => {
    const series = [
      ...at(FIXED_NOW - HOUR, riskLabels, { probability: 0.1, impact: 2 }),
      ...at(FIXED_NOW + HOUR, riskLabels, { probability: 0.9, impact: 5 }),
    ];
    const out = evaluateMetric({ def: risks(), observation: { series }, now: FIXED_NOW });
    expect(out.result[0].value).toBeCloseTo(0.2);
    expect(out.warnings).toContain('risks: 2 figure(s) of rows later than now were not counted (clock skew?)');
  });
});
