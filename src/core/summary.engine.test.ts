/**
 * An audience's view (a selection with the summary): what the page shows, the verdict covers. Summary metrics
 * outside the selection join no pillar, but count in the overall colour, the score, the tiers and the attention list.
 */
import { runEngine } from './engine';
import { fingerprint } from './fingerprint';
import type { FrameLike } from './frames';
import { createCatalog, createMetric, createPillar, FIXED_NOW, HOUR } from './testing/factories';

const catalog = createCatalog({
  scorecard: { id: 'exec', title: 'Exec', version: '1', summary: ['retention', 'arr'] },
  pillars: [
    createPillar({ id: 'finance', title: 'Finance', question: 'Growing?' }),
    createPillar({ id: 'cs', title: 'CS', question: 'Staying?', order: 2 }),
  ],
  metrics: [
    createMetric({
      id: 'arr',
      pillar: 'finance',
      name: 'ARR',
      unit: 'short',
      domain: { min: 0 },
      target: 10,
      thresholds: { green: 10, amber: 5 },
      tier: 'high',
    }),
    createMetric({ id: 'retention', pillar: 'cs', name: 'Retention', tier: 'high' }),
  ],
});

const frame = (refId: string, value: number): FrameLike => {
  const times = Array.from({ length: 3 }, (_, i) => FIXED_NOW - (2 - i) * HOUR);
  return {
    refId,
    fields: [
      { name: 'Time', type: 'time', values: times },
      { name: 'Value', type: 'number', values: times.map(() => value) },
    ],
  };
};

const run = (selection: { pillars?: string[]; summary?: boolean }) =>
  runEngine({
    catalog,
    fingerprint: fingerprint(catalog),
    selection,
    // ARR green; retention red (0.9 under the 0.995 amber boundary).
    frames: [frame('arr', 12), frame('retention', 0.9)],
    errors: [],
    asOf: FIXED_NOW,
    asOfIsNow: true,
    now: FIXED_NOW,
  }).result;

describe('an audience that sees finance and the summary', () => {
  it('is not green while the summary above it shows red: the summary metric counts overall, in no pillar', () => {
    const { rows, meta } = run({ pillars: ['finance'], summary: true });
    expect(meta.pillars.map((p) => [p.id, p.colour])).toEqual([['finance', 'green']]);
    expect(meta.overall.colour).toBe('red');
    expect(meta.overall.score).toBeLessThanOrEqual(59);
    expect(meta.overall.openByTier.high).toBe(1);
    expect(rows.map((r) => [r.metric_id, r.summary_only])).toEqual([
      ['arr', false],
      ['retention', true],
    ]);
    expect(meta.attention?.map((a) => a.metricId)).toEqual(['retention']);
    expect(meta.summary?.map((s) => [s.metricId, s.colour])).toEqual([
      ['retention', 'red'],
      ['arr', 'green'],
    ]);
  });

  it('without the summary, sees its pillar alone', () => {
    const { rows, meta } = run({ pillars: ['finance'] });
    expect(meta.overall.colour).toBe('green');
    expect(rows.map((r) => r.metric_id)).toEqual(['arr']);
    expect(meta.summary).toEqual([]);
  });
});
