import fc from 'fast-check';

import {
  actionFromAnnotation,
  actionsFromAnnotations,
  actionsQuery,
  annotationForAction,
  closedTags,
  endOfDay,
  newActionProblems,
  openActionsFor,
  type AnnotationLike,
  type NewAction,
} from './actions';
import { DAY, FIXED_NOW, HOUR } from './testing/factories';

function createNewAction(overrides: Partial<NewAction> = {}): NewAction {
  return {
    scorecardId: 'platform-scorecard',
    metricId: 'nps',
    owner: 'VP Customer Success',
    text: 'Interview the detractors',
    dueDate: '2026-11-20',
    ...overrides,
  };
}

/** The annotation Grafana would hand back for a new action recorded at `time`. */
function createAnnotation(a: NewAction = createNewAction(), extra: Partial<AnnotationLike> = {}): AnnotationLike {
  const { tags, text } = annotationForAction(a);
  return { id: 7, time: FIXED_NOW - DAY, timeEnd: FIXED_NOW - DAY, updated: FIXED_NOW - DAY, tags, text, ...extra };
}

describe('actions: one mapping between an annotation and an action, both ways', () => {
  it('reads back exactly what it writes, link included', () => {
    const written = createNewAction({ item: 'high', link: 'https://tickets.example.com/42' });
    const { action, warning } = actionFromAnnotation(createAnnotation(written));
    expect(warning).toBeUndefined();
    expect(action).toEqual({
      id: '7',
      scorecardId: 'platform-scorecard',
      metricId: 'nps',
      item: 'high',
      owner: 'VP Customer Success',
      text: 'Interview the detractors',
      link: 'https://tickets.example.com/42',
      created: FIXED_NOW - DAY,
      due: Date.parse('2026-11-20T23:59:59.999Z'),
      dueDate: '2026-11-20',
    });
  });

  it('ignores annotations that are not actions, and reports broken ones by id without counting them', () => {
    const broken = (drop: string) =>
      createAnnotation(undefined, {
        tags: annotationForAction(createNewAction()).tags.filter((t) => !t.startsWith(drop)),
      });
    expect(actionFromAnnotation({ id: 1, time: FIXED_NOW, tags: ['deploy'], text: 'Deploy v2' })).toEqual({});
    expect(actionFromAnnotation(broken('metric:')).warning).toBe(
      'action 7: needs exactly one metric:<id> tag; not counted'
    );
    expect(actionFromAnnotation(broken('owner:')).warning).toMatch(/^action 7 \(nps\): needs exactly one owner/);
    expect(actionFromAnnotation(broken('due:')).warning).toMatch(/due:<YYYY-MM-DD> tag with a real date/);
    expect(actionFromAnnotation(broken('scorecard:')).warning).toMatch(/needs exactly one scorecard:<id> tag/);
    expect(actionFromAnnotation(createAnnotation(createNewAction({ dueDate: '2026-02-30' }))).action).toBeUndefined();
  });

  it('drops a link that is not http(s), with a warning, and keeps the action', () => {
    const read = actionFromAnnotation(createAnnotation(createNewAction({ link: 'javascript:alert(1)' })));
    expect(read.action?.link).toBeUndefined();
    expect(read.warning).toContain('is not http(s) and is not shown');
  });

  it('keeps only the actions of its scorecard', () => {
    const other = createAnnotation(createNewAction({ scorecardId: 'another' }));
    const { actions } = actionsFromAnnotations([createAnnotation(), other], 'platform-scorecard');
    expect(actions.map((a) => a.scorecardId)).toEqual(['platform-scorecard']);
  });

  it('counts an action from when it was recorded until it was closed, earliest due first', () => {
    const closed = createAnnotation(createNewAction({ dueDate: '2026-11-18' }), {
      id: 8,
      tags: closedTags(annotationForAction(createNewAction({ dueDate: '2026-11-18' })).tags),
      timeEnd: FIXED_NOW - HOUR,
      updated: FIXED_NOW - HOUR,
    });
    const later = createAnnotation(createNewAction({ dueDate: '2026-11-30' }), { id: 9 });
    const { actions } = actionsFromAnnotations([later, closed, createAnnotation()], 'platform-scorecard');
    const ids = (asOf: number) => openActionsFor(actions, { metricId: 'nps' }, asOf).map((a) => a.id);
    expect(ids(FIXED_NOW)).toEqual(['7', '9']);
    expect(ids(FIXED_NOW - 2 * HOUR)).toEqual(['8', '7', '9']);
    expect(ids(FIXED_NOW - 2 * DAY)).toEqual([]);
  });

  it('cannot be back-dated: it counts from Grafana’s own `created` when that is later than `time`', () => {
    const written = createAnnotation(undefined, { time: FIXED_NOW - 3 * DAY, created: FIXED_NOW - HOUR });
    const { actions } = actionsFromAnnotations([written], 'platform-scorecard');
    expect(actions[0].created).toBe(FIXED_NOW - HOUR);
    expect(openActionsFor(actions, { metricId: 'nps' }, FIXED_NOW - 2 * DAY)).toEqual([]);
  });

  it('is closed when it was tagged done, even when its region was drawn into the future', () => {
    const tags = closedTags(annotationForAction(createNewAction()).tags);
    const closed = createAnnotation(undefined, { tags, timeEnd: FIXED_NOW + 300 * DAY, updated: FIXED_NOW - HOUR });
    const { actions } = actionsFromAnnotations([closed], 'platform-scorecard');
    expect(actions[0].done).toBe(FIXED_NOW - HOUR);
    expect(openActionsFor(actions, { metricId: 'nps' }, FIXED_NOW)).toEqual([]);
  });

  it('a due day more than 90 days after recording counts as 90 days, with a warning', () => {
    const far = createAnnotation(createNewAction({ dueDate: '9999-12-31' }));
    const read = actionFromAnnotation(far);
    expect(read.action?.due).toBe(FIXED_NOW - DAY + 90 * DAY);
    expect(read.warning).toBe(
      'action 7 (nps): due 9999-12-31 is more than 90 days after it was recorded; it counts as due 2027-02-13'
    );
  });

  it('a capped action says the day it counts as due, so "overdue since" is never a day still ahead', () => {
    const far = createAnnotation(createNewAction({ dueDate: '9999-12-31' }), { time: FIXED_NOW - 100 * DAY });
    const { action } = actionFromAnnotation(far);
    expect(action?.dueDate).toBe(new Date(action!.due).toISOString().slice(0, 10));
    expect(action!.due).toBeLessThan(FIXED_NOW);
  });

  it('an action without an item covers every item; one with an item only that item', () => {
    const { actions } = actionsFromAnnotations(
      [createAnnotation(createNewAction({ metricId: 'vulns', item: 'high' }))],
      'platform-scorecard'
    );
    expect(openActionsFor(actions, { metricId: 'vulns', item: 'high' }, FIXED_NOW)).toHaveLength(1);
    expect(openActionsFor(actions, { metricId: 'vulns', item: 'critical' }, FIXED_NOW)).toHaveLength(0);
  });

  it('a due day lasts to its last millisecond (UTC); impossible days are no days', () => {
    expect(endOfDay('2026-11-16')).toBe(Date.parse('2026-11-17T00:00:00Z') - 1);
    expect(endOfDay('2026-2-3')).toBeUndefined();
    expect(endOfDay('2026-13-01')).toBeUndefined();
  });

  it('asks Grafana for the scorecard’s actions of the year before the evaluation time', () => {
    expect(actionsQuery('platform-scorecard', FIXED_NOW)).toEqual({
      tags: ['candor-action', 'scorecard:platform-scorecard'],
      type: 'annotation',
      from: String(FIXED_NOW - 365 * DAY),
      to: String(FIXED_NOW),
      limit: '5000',
    });
  });

  it('any text and tags read without an exception', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
          time: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
          text: fc.option(fc.string(), { nil: undefined }),
          tags: fc.array(
            fc.oneof(fc.constantFrom('candor-action', 'metric:nps', 'owner:x', 'due:2026-11-20'), fc.string())
          ),
        }),
        (a) => {
          expect(() => actionFromAnnotation(a as AnnotationLike)).not.toThrow();
        }
      )
    );
  });

  it('any JSON value as an entry of the answer (null, a number, a list, wrong field types) is skipped, never thrown', () => {
    const entry = fc.oneof(
      fc.jsonValue(),
      fc.record({ tags: fc.jsonValue(), time: fc.jsonValue(), created: fc.jsonValue(), timeEnd: fc.jsonValue() }),
      fc.record({
        tags: fc.constant(['candor-action', 'scorecard:s', 'metric:nps', 'owner:x', 'due:2026-11-20']),
        time: fc.jsonValue(),
        updated: fc.jsonValue(),
        text: fc.jsonValue(),
      })
    );
    fc.assert(
      fc.property(fc.array(entry), (list) => {
        const { actions, warnings } = actionsFromAnnotations(list as AnnotationLike[], 's');
        for (const a of actions) {
          expect([a.created, a.due]).toEqual([expect.any(Number), expect.any(Number)]);
          expect(typeof a.text).toBe('string');
        }
        expect(warnings.every((w) => typeof w === 'string')).toBe(true);
      })
    );
  });

  it('names an entry that is not an annotation at all', () => {
    expect(actionsFromAnnotations([null, 7] as unknown as AnnotationLike[], 's').warnings).toEqual([
      'annotations[0]: null is not an annotation; ignored',
      'annotations[1]: 7 is not an annotation; ignored',
    ]);
  });
});

describe('newActionProblems: one "field: reason" per problem, shared by the CLI and the panel', () => {
  const ctx = {
    today: '2026-11-16',
    metrics: [{ id: 'nps' }, { id: 'vulns', items: { expected: ['critical', 'high'] } }],
  };
  it.each<[string, Partial<NewAction>, string[]]>([
    ['a good action', {}, []],
    ['an unknown metric', { metricId: 'nope' }, ['metric: "nope" is not a metric of scorecard platform-scorecard']],
    ['an owner without letters', { owner: '1234' }, [expect.stringMatching(/^owner: /) as unknown as string]],
    ['an owner with a colon', { owner: 'Team: SRE' }, [expect.stringMatching(/^owner: .*colons/) as unknown as string]],
    [
      'an owner that reads backwards (a right-to-left override)',
      { owner: 'CISO \u202eretsam' },
      [expect.stringMatching(/^owner: .*text-direction characters/) as unknown as string],
    ],
    [
      'an item with a terminal escape',
      { metricId: 'vulns', item: 'high\u001b[2J' },
      [expect.stringMatching(/^item: .*text-direction characters/) as unknown as string],
    ],
    ['an empty text', { text: '  ' }, ['text: say what is being done, in 1 to 500 characters']],
    [
      'a due day already past',
      { dueDate: '2026-11-15' },
      [expect.stringMatching(/^due: 2026-11-15 is already past/) as unknown as string],
    ],
    [
      'a due day more than 90 days away',
      { dueDate: '2027-03-01' },
      ['due: 2027-03-01 is more than 90 days away; record the next step, due by 2027-02-14'],
    ],
    ['a link that is not http(s)', { link: 'ftp://x' }, ['link: only an http(s) URL is kept']],
    [
      'an item on a metric without items',
      { item: 'eu' },
      [expect.stringMatching(/^item: nps has no items/) as unknown as string],
    ],
    [
      'an item not expected',
      { metricId: 'vulns', item: 'low' },
      [expect.stringMatching(/^item: "low" is not an item of vulns/) as unknown as string],
    ],
  ])('%s', (_name, change, problems) => {
    expect(newActionProblems(createNewAction(change), ctx)).toEqual(problems);
  });
});
