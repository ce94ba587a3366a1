import { createCatalog, createInitiatives, createMetric, createPillar, createRisks } from './testing/factories';
import type { Catalog, MetricDef } from './types';
import { validateCatalog } from './validate';

/** A good catalog with the executive sections: a summary, audiences, a goal and two registers. */
function good(): Catalog {
  return createCatalog({
    scorecard: { id: 'exec', title: 'Exec', version: '1', summary: ['uptime', 'arr'] },
    pillars: [
      createPillar(),
      createPillar({ id: 'finance', title: 'Finance', question: 'Are we growing?', order: 2, owner: 'CFO' }),
    ],
    audiences: [
      { id: 'executive', title: 'Executives', teams: ['Executives'] },
      { id: 'board', title: 'Board', pillars: ['finance'], teams: ['Board'] },
    ],
    metrics: [
      createMetric(),
      createMetric({
        id: 'arr',
        pillar: 'finance',
        name: 'ARR',
        unit: 'currencyEUR',
        domain: { min: 0 },
        target: 2_500_000,
        thresholds: { green: 1_000_000, amber: 800_000 },
        goal: { value: 2_500_000, by: '2027-12-31' },
      }),
      createInitiatives({ pillar: 'finance', name: 'Initiatives' }),
      createRisks({ pillar: 'finance', name: 'Risks' }),
    ],
  });
}

const metric =
  (id: string, change: Partial<MetricDef>) =>
  (c: Catalog): Catalog => ({
    ...c,
    metrics: c.metrics.map((m) => (m.id === id ? { ...m, ...change } : m)),
  });

const cases: Array<[string, (c: Catalog) => Catalog, string[]]> = [
  [
    'a summary naming an unknown metric',
    (c) => ({ ...c, scorecard: { ...c.scorecard, summary: ['uptime', 'arrr'] } }),
    ['scorecard.summary[1]: unknown metric "arrr": the summary shows metrics of this catalog'],
  ],
  [
    'a summary naming a retired metric',
    metric('arr', { retired: { reason: 'x', approvedBy: 'CFO', date: '2026-11-01' } }),
    ['scorecard.summary[1]: "arr" is retired: the summary shows active metrics only'],
  ],
  [
    'an audience with an unknown pillar',
    (c) => ({ ...c, audiences: [c.audiences![0], { id: 'board', title: 'Board', pillars: ['financ'] }] }),
    ['audiences[1].pillars[0]: unknown pillar "financ"'],
  ],
  [
    'two audiences with one id',
    (c) => ({ ...c, audiences: [c.audiences![0], { ...c.audiences![1], id: 'executive' }] }),
    ['audiences[1].id: duplicate audience id "executive"'],
  ],
  [
    'no audience that sees every pillar',
    (c) => ({ ...c, audiences: [c.audiences![1]] }),
    ['audiences: one audience must see every pillar (no `pillars`): the executive view, which alerts link to'],
  ],
  [
    'a goal on a day that does not exist',
    metric('arr', { goal: { value: 2_500_000, by: '2027-02-30' } }),
    ['metrics[1].goal.by: "2027-02-30" is not a real day (YYYY-MM-DD)'],
  ],
  [
    'a goal outside the valid values',
    metric('arr', { goal: { value: -5, by: '2027-12-31' } }),
    ['metrics[1].goal.value: -5 is outside ≥ 0 for an amount'],
  ],
  [
    'a goal on a band',
    metric('arr', { direction: 'within', target: [1, 2], thresholds: { green: [1, 2], amber: [0, 3] } }),
    ['metrics[1].goal: a goal needs direction higher-is-better or lower-is-better'],
  ],
  [
    'a register without items',
    metric('risks', { items: undefined }),
    ['metrics[3].register: a register needs items.label: the column that names each row'],
  ],
  [
    'a register over a time series',
    metric('risks', { source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } } }),
    ['metrics[3].source: a register reads one row per item: a sql source with format table'],
  ],
  [
    'a risk register where more is better',
    metric('risks', { direction: 'higher-is-better', thresholds: { green: 3, amber: 1.5 }, target: 3 }),
    ['metrics[3].direction: a risks register is lower-is-better (less exposure is better)'],
  ],
  [
    'a summary of nine metrics',
    (c) => ({ ...c, scorecard: { ...c.scorecard, summary: Array.from({ length: 9 }, (_, i) => `m${i}`) } }),
    ['scorecard.summary: at most 8 metrics: a summary an executive reads at a glance'],
  ],
  [
    'a pace of a second',
    metric('arr', { goal: { value: 2_500_000, by: '2027-12-31', pace: '1s' } }),
    [
      'metrics[1].goal.pace: 1s is outside 7d…365d: a pace read over less than a week is noise, over more than a year history',
    ],
  ],
  [
    'per-item thresholds on a register',
    metric('risks', { items: { label: 'risk', thresholds: { Talent: { green: 1, amber: 2 } } } }),
    ["metrics[3].items.thresholds: a register's items are its rows: every row is judged by the metric's thresholds"],
  ],
  [
    'a register with a goal',
    metric('initiatives', { goal: { value: 0, by: '2027-01-01' } }),
    ['metrics[2].goal: a register has no goal: each row carries its own dates'],
  ],
];

describe('validateCatalog: the executive sections, a good catalog + one change', () => {
  it('accepts the good catalog', () => {
    expect(validateCatalog(good()).problems).toEqual([]);
  });

  it.each(cases)('%s', (_name, change, expected) => {
    const { problems } = validateCatalog(change(good()));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });
});
