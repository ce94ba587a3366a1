import { prepareScorecard } from './prepare';
import { sortRowsForDisplay, worstRows } from './sort';
import { createRow, createScorecardFrame, statusRow, type FrameRow } from './testing/factories';

const rowsOf = (rows: FrameRow[]) => prepareScorecard([createScorecardFrame({ rows })]).scorecard!.pillars;

describe('sortRowsForDisplay', () => {
  it('puts non-green rows first by severity, keeps catalog order among equals, retired rows last', () => {
    const pillars = rowsOf([
      createRow({ metric_id: 'g1' }),
      createRow({ metric_id: 'a1', ...statusRow('amber') }),
      createRow({ metric_id: 'r-retired', retired: true, ...statusRow('red') }),
      createRow({ metric_id: 's1', ...statusRow('stale') }),
      createRow({ metric_id: 'g2' }),
      createRow({ metric_id: 'n1', ...statusRow('noData') }),
      createRow({ metric_id: 'r1', ...statusRow('red') }),
      createRow({ metric_id: 'e1', ...statusRow('error') }),
      createRow({ metric_id: 'a2', ...statusRow('amber') }),
    ]);
    expect(pillars[0].rows.map((r) => r.metricId)).toEqual([
      'r1',
      'e1',
      'n1',
      's1',
      'a1',
      'a2',
      'g1',
      'g2',
      'r-retired',
    ]);
  });

  it('does not change the input and loses no row', () => {
    const pillars = rowsOf([createRow({ metric_id: 'x' }), createRow({ metric_id: 'y', ...statusRow('red') })]);
    const input = [...pillars[0].rows].reverse();
    const copy = [...input];
    expect(sortRowsForDisplay(input)).toHaveLength(2);
    expect(input).toEqual(copy);
  });
});

describe('worstRows', () => {
  it('lists the worst active non-green rows across pillars, then tier, and counts the rest', () => {
    const pillars = rowsOf([
      createRow({ metric_id: 'amber-low', tier: 'low', ...statusRow('amber') }),
      createRow({ metric_id: 'red-high', tier: 'high', ...statusRow('red') }),
      createRow({ pillar_id: 'p2', metric_id: 'red-critical', tier: 'critical', ...statusRow('red') }),
      createRow({ pillar_id: 'p2', metric_id: 'nodata', tier: 'low', ...statusRow('noData') }),
      createRow({ pillar_id: 'p2', metric_id: 'retired-red', retired: true, ...statusRow('red') }),
      createRow({ pillar_id: 'p2', metric_id: 'green' }),
    ]);
    const worst = worstRows(pillars, 3);
    expect(worst.rows.map((r) => r.metricId)).toEqual(['red-critical', 'red-high', 'nodata']);
    expect(worst.moreNotGreen).toBe(1);
    expect(worst.activeCount).toBe(5);
  });

  it('never lists green rows', () => {
    const worst = worstRows(rowsOf([createRow(), createRow({ metric_id: 'b' })]), 3);
    expect(worst.rows).toEqual([]);
    expect(worst.moreNotGreen).toBe(0);
    expect(worst.activeCount).toBe(2);
  });
});
