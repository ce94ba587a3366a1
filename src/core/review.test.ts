import type { Action } from './actions';
import { reviewSince, weeklyReview, type ApprovalRecord } from './review';
import { DAY, FIXED_NOW } from './testing/factories';
import { createRow } from './testing/rows';

// FIXED_NOW is 2026-11-16T12:00Z; the period is the week before it.
const since = FIXED_NOW - 7 * DAY;
const row = (metric_id: string, colour: string, extra = {}) =>
  createRow({ metric_id, label: metric_id, colour, status: colour, ...extra });

function action(overrides: Partial<Action>): Action {
  return {
    id: '1',
    scorecardId: 's',
    metricId: 'nps',
    owner: 'CRO',
    text: 'Fix',
    created: FIXED_NOW - 20 * DAY,
    due: FIXED_NOW + 5 * DAY,
    dueDate: '2026-11-21',
    ...overrides,
  };
}

const approval = (date: string, metrics: string[], retired: string[] = []): ApprovalRecord => ({
  version: date,
  fingerprint: 'f',
  approvedBy: ['CFO'],
  date,
  metrics,
  retired,
});

describe('the weekly review', () => {
  it('lists what changed colour, worse news first, new and gone items as absent', () => {
    const previous = [row('uptime', 'green'), row('churn', 'red'), row('nps', 'amber'), row('old', 'green')];
    const current = [row('uptime', 'red'), row('churn', 'red'), row('nps', 'green'), row('arr', 'amber')];
    const { changes } = weeklyReview({ current, previous, actions: [], approvals: [], since, now: FIXED_NOW });
    expect(changes.map((c) => [c.metricId, c.from, c.to])).toEqual([
      ['uptime', 'green', 'red'],
      ['arr', 'absent', 'amber'],
      ['nps', 'amber', 'green'],
      ['old', 'green', 'absent'],
    ]);
  });

  it('says how long each red and amber item has been so, worst first', () => {
    const current = [
      row('nps', 'amber', { colour_since: FIXED_NOW - 3 * DAY }),
      row('churn', 'red', { colour_since: FIXED_NOW - 21 * DAY }),
    ];
    const { standing } = weeklyReview({ current, actions: [], approvals: [], since, now: FIXED_NOW });
    expect(standing.map((s) => [s.metricId, s.forText])).toEqual([
      ['churn', 'for 21 days'],
      ['nps', 'for 3 days'],
    ]);
  });

  it('files actions as opened, closed and overdue in the period', () => {
    const actions = [
      action({ id: 'opened', created: FIXED_NOW - 2 * DAY }),
      action({ id: 'closed', done: FIXED_NOW - DAY }),
      action({ id: 'overdue', due: FIXED_NOW - DAY }),
      action({ id: 'closed-long-ago', done: FIXED_NOW - 10 * DAY, due: FIXED_NOW - 12 * DAY }),
    ];
    const review = weeklyReview({ current: [], actions, approvals: [], since, now: FIXED_NOW });
    expect(review.actions.opened.map((a) => a.id)).toEqual(['opened']);
    expect(review.actions.closed.map((a) => a.id)).toEqual(['closed']);
    expect(review.actions.overdue.map((a) => a.id)).toEqual(['overdue']);
  });

  it('lists the approvals of the period with the metrics they added and retired', () => {
    const approvals = [
      approval('2026-11-01', ['a', 'b']),
      approval('2026-11-10', ['a', 'b', 'c'], ['b']),
      approval('2026-11-16', ['a', 'b', 'c', 'd'], ['b']),
    ];
    const { definitions } = weeklyReview({ current: [], actions: [], approvals, since, now: FIXED_NOW });
    expect(definitions.map((d) => [d.approval.date, d.added, d.retired])).toEqual([
      ['2026-11-10', ['c'], ['b']],
      ['2026-11-16', ['d'], []],
    ]);
  });

  it('starts at the previous review, or a week before now', () => {
    expect(reviewSince(FIXED_NOW, FIXED_NOW - 3 * DAY)).toBe(FIXED_NOW - 3 * DAY);
    expect(reviewSince(FIXED_NOW)).toBe(FIXED_NOW - 7 * DAY);
    expect(reviewSince(FIXED_NOW, FIXED_NOW + DAY)).toBe(FIXED_NOW - 7 * DAY);
  });
});
