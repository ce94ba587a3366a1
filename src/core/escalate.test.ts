import fc from 'fast-check';

import type { Action } from './actions';
import { escalate, escalationPolicy } from './escalate';
import type { ItemResult } from './evaluate';
import { COLOUR_RANK } from './thresholds';
import { createCatalog, createMetric, DAY, FIXED_NOW, HOUR } from './testing/factories';
import type { Colour, Status } from './types';

const catalog = createCatalog({ metrics: [createMetric({ id: 'nps', tier: 'medium' })] });

function createResult(overrides: Partial<ItemResult> = {}): ItemResult {
  return {
    metricId: 'nps',
    status: 'amber',
    colour: 'amber',
    value: 35,
    target: 50,
    evidence: '35 < 40 (green) but ≥ 20 (amber)',
    colourSince: FIXED_NOW - 3 * DAY,
    colourSinceIsLowerBound: false,
    sparkline: [],
    retired: false,
    ...overrides,
  };
}

function createAction(overrides: Partial<Action> = {}): Action {
  return {
    id: '1',
    scorecardId: 'test-scorecard',
    metricId: 'nps',
    owner: 'VP Customer Success',
    text: 'Interview the detractors',
    created: FIXED_NOW - 2 * DAY,
    due: Date.parse('2026-11-20T23:59:59.999Z'),
    dueDate: '2026-11-20',
    ...overrides,
  };
}

const one = (result: ItemResult, actions: Action[] = [], now = FIXED_NOW) =>
  escalate({ results: [result], catalog, actions, now })[0];

describe('escalate', () => {
  it('amber without an action for longer than 48 hours is shown red, and says why; its status stays amber', () => {
    const r = one(createResult());
    expect(r).toMatchObject({ status: 'amber', colour: 'red' });
    expect(r.escalations).toEqual([
      {
        rule: 'amber-without-action',
        reason: 'Amber for 3 days, no action recorded: shown red',
        since: FIXED_NOW - DAY,
        colour: 'red',
      },
    ]);
  });

  it('exactly 48 hours of amber is not yet escalated (strictly longer than the limit)', () => {
    expect(one(createResult({ colourSince: FIXED_NOW - 48 * HOUR })).colour).toBe('amber');
    expect(one(createResult({ colourSince: FIXED_NOW - 48 * HOUR - 1 })).colour).toBe('red');
  });

  it('an open action on time keeps amber amber and is carried with the item', () => {
    const r = one(createResult(), [createAction()]);
    expect(r.colour).toBe('amber');
    expect(r.escalations).toBeUndefined();
    expect(r.action).toMatchObject({ id: '1', owner: 'VP Customer Success', dueDate: '2026-11-20', overdue: false });
  });

  it('an action past the end of its due day escalates amber the same way', () => {
    const due = Date.parse('2026-11-15T23:59:59.999Z');
    const r = one(createResult({ colourSince: FIXED_NOW - HOUR }), [createAction({ due, dueDate: '2026-11-15' })]);
    expect(r.colour).toBe('red');
    expect(r.escalations?.[0].reason).toBe('Action overdue since 2026-11-15 (VP Customer Success): shown red');
    expect(one(createResult(), [createAction({ due: FIXED_NOW, dueDate: '2026-11-16' })]).colour).toBe('amber');
  });

  it('the clock restarts when the last action was closed', () => {
    const closed = createAction({ done: FIXED_NOW - DAY });
    expect(one(createResult(), [closed]).colour).toBe('amber');
    const longAgo = createAction({ done: FIXED_NOW - 50 * HOUR });
    expect(one(createResult(), [longAgo]).escalations?.[0].reason).toBe(
      'Amber for 3 days, no open action since 2026-11-14: shown red'
    );
  });

  it('red for longer than 14 days is escalated to critical; an overdue action on red raises the tier one step', () => {
    const red = createResult({ status: 'red', colour: 'red', colourSince: FIXED_NOW - 21 * DAY });
    expect(one(red)).toMatchObject({ colour: 'red', alertTier: 'critical' });
    expect(one(red).escalations?.[0].reason).toBe('Red for 21 days: escalated to critical');
    const freshRed = { ...red, colourSince: FIXED_NOW - DAY };
    expect(one(freshRed).alertTier).toBeUndefined();
    const overdue = createAction({ due: FIXED_NOW - DAY, dueDate: '2026-11-15' });
    expect(one(freshRed, [overdue])).toMatchObject({ alertTier: 'high' });
  });

  it('a catalog may shorten the limits', () => {
    const strict = createCatalog({ ...catalog, escalation: { amberWithoutAction: '1h', redFor: '1d' } });
    expect(escalationPolicy(strict)).toEqual({ amberWithoutActionMs: HOUR, redForMs: DAY });
    const [r] = escalate({
      results: [createResult({ colourSince: FIXED_NOW - 2 * HOUR })],
      catalog: strict,
      actions: [],
      now: FIXED_NOW,
    });
    expect(r.colour).toBe('red');
  });

  it('never makes anything greener, never changes a status, never touches green or retired items', () => {
    const status = fc.constantFrom<Status>('green', 'amber', 'red', 'noData', 'stale', 'error');
    const colourFor = (s: Status): Colour => (s === 'noData' || s === 'error' ? 'red' : s === 'stale' ? 'amber' : s);
    const result = fc
      .record({
        status,
        since: fc.option(fc.integer({ min: -60, max: 0 }), { nil: undefined }),
        retired: fc.boolean(),
        item: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
      })
      .map(({ status: s, since, retired, item }) =>
        createResult({
          status: s,
          colour: colourFor(s),
          colourSince: since === undefined ? undefined : FIXED_NOW + since * DAY,
          retired,
          ...(item ? { item } : {}),
        })
      );
    const action = fc
      .record({
        created: fc.integer({ min: -30, max: 2 }),
        due: fc.integer({ min: -30, max: 30 }),
        done: fc.option(fc.integer({ min: -30, max: 2 })),
        item: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
      })
      .map(({ created, due, done, item }) =>
        createAction({
          created: FIXED_NOW + created * DAY,
          due: FIXED_NOW + due * DAY,
          ...(done === null ? {} : { done: FIXED_NOW + done * DAY }),
          ...(item ? { item } : {}),
        })
      );
    fc.assert(
      fc.property(fc.array(result, { maxLength: 5 }), fc.array(action, { maxLength: 4 }), (results, actions) => {
        const out = escalate({ results, catalog, actions, now: FIXED_NOW });
        out.forEach((r, i) => {
          expect(r.status).toBe(results[i].status);
          expect(COLOUR_RANK[r.colour]).toBeGreaterThanOrEqual(COLOUR_RANK[results[i].colour]);
          if (results[i].colour === 'green' || results[i].retired) {
            expect(r).toEqual(results[i]);
          }
        });
      })
    );
  });
});
