import { createRow } from './testing/rows';
import { summaryEntries } from './summary';

describe('the executive summary', () => {
  it('shows the summary metrics in the catalog order, the status from the row, the trend beside it', () => {
    const rows = [
      createRow({ metric_id: 'uptime', label: 'Uptime', colour: 'green', status: 'green' }),
      createRow({
        metric_id: 'arr',
        label: 'ARR',
        colour: 'amber',
        status: 'amber',
        goal_text: '€1.2M of €2.5M …',
        change_quality: 'better',
      }),
    ];
    const entries = summaryEntries(rows, ['arr', 'uptime', 'missing']);
    expect(entries.map((e) => [e.metricId, e.colour, e.status, e.changeQuality, e.goalText])).toEqual([
      ['arr', 'amber', 'amber', 'better', '€1.2M of €2.5M …'],
      ['uptime', 'green', 'green', 'better', ''],
    ]);
  });

  it('shows the worst item of an items metric, never a retired metric', () => {
    const rows = [
      createRow({ metric_id: 'risks', item: 'Low', label: 'Risks', colour: 'green', status: 'green' }),
      createRow({ metric_id: 'risks', item: 'Talent', label: 'Risks', colour: 'red', status: 'red' }),
      createRow({ metric_id: 'old', label: 'Old', retired: true }),
    ];
    expect(summaryEntries(rows, ['risks', 'old']).map((e) => e.label)).toEqual(['Risks · Talent']);
  });
});
