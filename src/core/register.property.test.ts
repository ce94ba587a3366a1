/**
 * The classes behind registers and goals, for any figures: no optimism without evidence.
 * - A risk past its review date is never green; an initiative past its due date and not done is never green.
 * - A goal never makes a metric greener than its thresholds do.
 * - A register row with a figure outside its range is an error, never a reading.
 */
import fc from 'fast-check';

import { evaluateMetric } from './evaluate';
import { COLOUR_RANK } from './thresholds';
import { createInitiatives, createMetric, createRisks, createSeries, DAY, FIXED_NOW, HOUR } from './testing/factories';
import { seriesOf } from './series';
import type { Series } from './types';

const day = (offset: number) => new Date(FIXED_NOW + offset * DAY).toISOString().slice(0, 10);
const risks = createRisks();
const initiatives = createInitiatives();

const rowOf = (labels: Record<string, string>, numbers: Record<string, number>): Series[] =>
  Object.entries(numbers).map(([field, v]) => seriesOf([[FIXED_NOW - HOUR, v]], { labels, field }));

describe('registers never read green without evidence', () => {
  it('a risk whose review date has passed is never green, whatever its exposure', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 400 }),
        (p, impact, daysAgo) => {
          const series = rowOf(
            { risk: 'R', owner: 'CFO', review: day(-daysAgo), plan: '' },
            { probability: p, impact }
          );
          const [r] = evaluateMetric({ def: risks, observation: { series }, now: FIXED_NOW }).result;
          expect(r.status).toBe('stale');
          expect(r.colour).not.toBe('green');
        }
      )
    );
  });

  it('an initiative past its due date and not done is late and red, whatever its plan and progress', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 99.99, noNaN: true }),
        (length, overdue, progress) => {
          const series = rowOf(
            { initiative: 'I', owner: 'CEO', start: day(-overdue - length), due: day(-overdue), milestones: '' },
            { progress }
          );
          const [r] = evaluateMetric({ def: initiatives, observation: { series }, now: FIXED_NOW }).result;
          expect(r.status).toBe('red');
          expect(r.valueText).toContain('late');
        }
      )
    );
  });

  it('a figure outside its range is an error, never a reading', () => {
    const outside = fc.oneof(
      fc.double({ min: -1e6, max: -1e-9, noNaN: true }),
      fc.double({ min: 1.000001, max: 1e6, noNaN: true })
    );
    fc.assert(
      fc.property(outside, (p) => {
        const series = rowOf({ risk: 'R', owner: 'CFO', review: day(30), plan: '' }, { probability: p, impact: 3 });
        const [r] = evaluateMetric({ def: risks, observation: { series }, now: FIXED_NOW }).result;
        expect(r.status).toBe('error');
      })
    );
  });
});

describe('a goal never makes a metric greener', () => {
  it('the status with a goal is at least as bad as without it, for any series and goal', () => {
    const base = createMetric({
      unit: 'short',
      domain: { min: 0 },
      target: 100,
      thresholds: { green: 100, amber: 50 },
      freshness: { maxAge: '2d' },
      trend: { window: '30d' },
    });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 120 }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.integer({ min: -100, max: 1000 }),
        (values, goal, byDays) => {
          const series = [createSeries(values, { stepMs: DAY })];
          const plain = evaluateMetric({ def: base, observation: { series }, now: FIXED_NOW }).result[0];
          const withGoal = evaluateMetric({
            def: { ...base, goal: { value: goal, by: day(byDays) } },
            observation: { series },
            now: FIXED_NOW,
          }).result[0];
          expect(COLOUR_RANK[withGoal.colour]).toBeGreaterThanOrEqual(COLOUR_RANK[plain.colour]);
        }
      )
    );
  });
});
