import { createRow } from './testing/rows';
import { DAY, FIXED_NOW, HOUR } from './testing/factories';
import { tierSummaries } from './tiers';

describe('alert tiers: counts, response windows and the oldest breach', () => {
  const rows = [
    createRow({
      metric_id: 'churn',
      label: 'Churn rate',
      tier: 'high',
      colour: 'red',
      status: 'red',
      colour_since: FIXED_NOW - 5 * DAY,
    }),
    createRow({
      metric_id: 'api',
      label: 'API response time',
      tier: 'high',
      colour: 'amber',
      status: 'amber',
      colour_since: FIXED_NOW - 2 * DAY,
    }),
    createRow({
      metric_id: 'nps',
      label: 'NPS',
      tier: 'medium',
      colour: 'amber',
      status: 'amber',
      colour_since: FIXED_NOW - 48 * HOUR,
    }),
    createRow({
      metric_id: 'up',
      label: 'Uptime',
      tier: 'critical',
      colour: 'red',
      status: 'red',
      colour_since: FIXED_NOW - 2 * HOUR,
    }),
    createRow({ metric_id: 'ok', label: 'Fine', tier: 'low', colour: 'green', status: 'green' }),
  ];

  it('files every amber or red row under its alert tier, with how many are past the window and the oldest', () => {
    const tiers = tierSummaries(rows, FIXED_NOW);
    expect(tiers.map((t) => [t.tier, t.count, t.window, t.breached, t.oldestBreach?.text])).toEqual([
      ['critical', 1, 'immediately', 1, 'Uptime, unanswered for 2 h'],
      ['high', 2, 'within 24 h', 2, 'Churn rate, 4 days past its 24 h window'],
      // 48 h of a 72 h window: not yet breached.
      ['medium', 1, 'within 72 h', 0, undefined],
      ['low', 0, 'within 1 week', 0, undefined],
    ]);
  });

  it('an open action on time answers the window; an overdue one does not', () => {
    const action = {
      id: '1',
      owner: 'CRO',
      text: 'Fix',
      dueDate: '2026-11-30',
      due: FIXED_NOW + DAY,
      recorded: FIXED_NOW - DAY,
      overdue: false,
    };
    const answered = createRow({
      tier: 'high',
      colour: 'amber',
      status: 'amber',
      colour_since: FIXED_NOW - 5 * DAY,
      action,
    });
    const late = createRow({
      tier: 'high',
      colour: 'red',
      status: 'amber',
      colour_since: FIXED_NOW - 5 * DAY,
      action: { ...action, due: FIXED_NOW - DAY, overdue: true },
    });
    expect(tierSummaries([answered], FIXED_NOW)[1]).toMatchObject({ count: 1, breached: 0 });
    expect(tierSummaries([late], FIXED_NOW)[1]).toMatchObject({ count: 1, breached: 1 });
  });

  it('counts a row whose start is unknown as past its window: a gap never hides bad news', () => {
    const [, high] = tierSummaries(
      [createRow({ tier: 'high', colour: 'amber', status: 'stale', colour_since: null })],
      FIXED_NOW
    );
    expect(high.breached).toBe(1);
    expect(high.oldestBreach?.text).toContain('an unknown time past its 24 h window');
  });

  it('leaves retired rows out', () => {
    const tiers = tierSummaries([createRow({ tier: 'high', colour: 'red', status: 'red', retired: true })], FIXED_NOW);
    expect(tiers.every((t) => t.count === 0)).toBe(true);
  });
});
