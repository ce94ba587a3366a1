/**
 * The annotation store and request handling of the Grafana double (test/grafana-double/annotations.mjs,
 * annotationsApi.mjs) on their own, in memory: no stack needed. The edges of Grafana's SQL store and API that a live
 * request cannot easily reach: tag parsing, the key-only filter's counting, the time filter needing both bounds, limit
 * parsing, ordering, time defaults, tag length, binding, the order of the checks.
 */
import { actionsQuery } from '../../src/core/actions';
import {
  createAnnotationStore,
  filterAnnotations,
  joinTagPairs,
  parseTagPairs,
  readQuery,
  type AnnotationStore,
  type NewAnnotation,
  type QueryInput,
  type StoredAnnotation,
} from '../grafana-double/annotations.mjs';
import { USERS, handleAnnotationRequest } from '../grafana-double/annotationsApi.mjs';

const NOW = Date.parse('2026-12-09T10:00:00Z');
const user = USERS.session;
const newStore = () => createAnnotationStore({ now: () => NOW });

/** Adds an annotation as the session's Editor; fails the test when the store refuses it. */
function added(store: AnnotationStore, item: NewAnnotation): StoredAnnotation {
  const a = store.add(item, user);
  if ('error' in a) {
    throw new Error(`refused: ${a.error}`);
  }
  return a;
}

describe('tags as Grafana parses them', () => {
  test('key:value pairs keep the first two parts, trim spaces, drop empty keys and repeats', () => {
    expect(
      parseTagPairs(['owner: CFO ', 'link:https://x.example', 'a:b:c', ':orphan', ' ', 'k', 'k', 'owner:CFO'])
    ).toEqual([
      { key: 'owner', value: 'CFO' },
      { key: 'link', value: 'https' },
      { key: 'a', value: 'b' },
      { key: 'k', value: '' },
    ]);
    expect(joinTagPairs(parseTagPairs(['owner: CFO ', 'k']))).toEqual(['owner:CFO', 'k']);
  });

  test('a new annotation stores its tags rewritten from their pairs; a PATCH stores them as sent', () => {
    const store = newStore();
    const a = added(store, { text: 'x', tags: ['owner: Head of FinOps ', 'note:a:b', 'owner:Head of FinOps'] });
    expect(a.tags).toEqual(['owner:Head of FinOps', 'note:a']);
    store.patch(a.id, { tags: ['owner: CFO '] });
    expect(store.get(a.id)?.tags).toEqual(['owner: CFO ']);
    expect(store.find({ tags: 'owner:CFO' }).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('the filter', () => {
  const at = (time: number, timeEnd: number, tags: string[], extra = {}) => ({ time, timeEnd, tags, ...extra });
  const list = [
    { id: 1, ...at(100, 100, ['a', 'owner:x', 'owner:y']) },
    { id: 2, ...at(200, 300, ['a', 'b:1']) },
    { id: 3, ...at(250, 250, ['b:2'], { alertId: 7 }) },
  ];
  const found = (query: QueryInput) => filterAnnotations(list, query).map((a: { id: number }) => a.id);

  test("a key-only filter matches by key, and counts every matching pair (Grafana's match-all quirk)", () => {
    expect(found({ tags: 'b' })).toEqual([2, 3]);
    // Annotation 1 has two owner pairs: one filter, two matches, so match-all (count = 1 filter) drops it...
    expect(found({ tags: 'owner' })).toEqual([]);
    // ...and with two filters it passes although it has no tag "c".
    expect(found({ tags: ['owner', 'c'] })).toEqual([1]);
    expect(found({ tags: ['owner', 'c'], matchAny: 'true' })).toEqual([1]);
    expect(found({ tags: ['a', 'b:1'] })).toEqual([2]);
    expect(found({ tags: ['a', 'b:2'], matchAny: '1' })).toEqual([2, 3, 1]);
    expect(found({ tags: ['a', 'b:2'], matchAny: 'yes' })).toEqual([]);
    expect(found({ tags: '' })).toEqual([2, 3, 1]);
  });

  test('the time filter needs both from and to above 0 (Go integers; anything else is 0)', () => {
    expect(found({ from: '150', to: '260' })).toEqual([2, 3]);
    expect(found({ from: '300', to: '300' })).toEqual([2]);
    expect(found({ from: '150' })).toEqual([2, 3, 1]);
    expect(found({ from: 'now-6h', to: '260' })).toEqual([2, 3, 1]);
    expect(found({ from: '1.5e2', to: '260' })).toEqual([2, 3, 1]);
  });

  test('type, limit and the order (end time, then start time, newest first)', () => {
    expect(found({ type: 'annotation' })).toEqual([2, 1]);
    expect(found({ type: 'alert' })).toEqual([3]);
    expect(found({ type: 'other' })).toEqual([2, 3, 1]);
    expect(found({ limit: '1' })).toEqual([2]);
    expect(found({ limit: '0' })).toEqual([2, 3, 1]);
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, time: i, timeEnd: i, tags: [] }));
    expect(filterAnnotations(many, {})).toHaveLength(100);
    expect(filterAnnotations(many, 'limit=abc')).toHaveLength(100);
    expect(filterAnnotations(many, '?limit=-1')).toHaveLength(150);
    expect(filterAnnotations(many, { limit: '3' }).map((a: { id: number }) => a.id)).toEqual([150, 149, 148]);
  });

  test("reads the datasource's actionsQuery as the HTTP query it becomes", () => {
    const asOf = NOW;
    const q = readQuery(actionsQuery('platform-scorecard', asOf));
    expect(q).toMatchObject({
      tags: ['candor-action', 'scorecard:platform-scorecard'],
      type: 'annotation',
      from: asOf - 365 * 86_400_000,
      to: asOf,
      limit: 5000,
      matchAny: false,
    });
    const repeated = `tags=candor-action&tags=scorecard:platform-scorecard&type=annotation&from=${q.from}&to=${asOf}&limit=5000`;
    expect(readQuery(repeated)).toEqual(q);
  });

  test('tags must be repeated parameters: a comma-joined list is one tag and finds nothing', () => {
    const actions = [{ id: 1, time: 1, timeEnd: 1, tags: ['candor-action', 'scorecard:s'] }];
    expect(filterAnnotations(actions, 'tags=candor-action&tags=scorecard:s')).toHaveLength(1);
    // What `new URLSearchParams({ tags: ['candor-action', 'scorecard:s'] })` sends: one pair, key "candor-action,scorecard".
    expect(filterAnnotations(actions, 'tags=candor-action,scorecard:s')).toEqual([]);
  });
});

describe('the store', () => {
  test('time 0 is now, timeEnd 0 is time, a reversed range is swapped; PATCH keeps what it is not given', () => {
    const store = newStore();
    expect(store.add({ text: 'now' }, user)).toMatchObject({ time: NOW, timeEnd: NOW, created: NOW, updated: NOW });
    const a = added(store, { text: 'r', time: 500, timeEnd: 200 });
    expect(a).toMatchObject({ time: 200, timeEnd: 500, tags: [], data: {}, login: 'editor', userId: 2 });
    store.patch(a.id, { timeEnd: 100 });
    expect(store.get(a.id)).toMatchObject({ time: 100, timeEnd: 200, text: 'r', tags: [] });
    store.patch(a.id, { text: '', time: 0 });
    expect(store.get(a.id)).toMatchObject({ time: 100, text: 'r' });
  });

  test('what a caller gets is a copy; tags longer than Grafana allows (500) are refused', () => {
    const store = newStore();
    const a = added(store, { text: 'x', tags: ['t'] });
    a.tags.push('changed');
    store.find({})[0].tags.push('changed');
    expect(store.get(a.id)?.tags).toEqual(['t']);
    expect(store.add({ text: 'x', tags: ['x'.repeat(497)] }, user)).toEqual({ error: 'tags-length' });
    expect(store.add({ text: 'x', tags: ['x'.repeat(496)] }, user)).toHaveProperty('id');
  });
});

describe('requests', () => {
  const tokens = { viewer: 'glsa_viewer', editor: 'glsa_editor' };
  const call = (store: AnnotationStore, method: string, pathname: string, body?: unknown, token?: string) =>
    handleAnnotationRequest(
      store,
      { tokens },
      {
        method,
        pathname,
        search: '',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
      }
    );

  test('fields bind as Go binds them: any case, null is absent, a wrong type fails the body', () => {
    const store = newStore();
    expect(call(store, 'POST', '/api/annotations', { Text: 'x', TAGS: ['a'], time: null })).toEqual({
      status: 200,
      json: { message: 'Annotation added', id: 1 },
    });
    expect(store.get(1)).toMatchObject({ text: 'x', tags: ['a'], time: NOW });
    for (const bad of [{ text: 'x', time: '1' }, { text: 'x', time: 1.5 }, { text: 'x', tags: [1] }, [], '"x"']) {
      expect(call(store, 'POST', '/api/annotations', bad)?.json).toEqual({ message: 'bad request data' });
    }
    expect(call(store, 'POST', '/api/annotations', 'null')?.json).toEqual({ message: 'Failed to save annotation' });
  });

  test("checks run in Grafana's order: binding, then permission, then the text", () => {
    const store = newStore();
    store.add({ text: 'seed' }, user);
    expect(call(store, 'POST', '/api/annotations', '{', tokens.viewer)?.json).toEqual({ message: 'bad request data' });
    expect(call(store, 'POST', '/api/annotations', {}, tokens.viewer)?.json).toEqual({
      message: 'Access denied to this dashboard',
    });
    expect(call(store, 'POST', '/api/annotations', {}, tokens.editor)?.json).toEqual({
      message: 'Failed to save annotation',
    });
    // A Viewer's PATCH is refused by the access-control middleware before the body is read.
    expect(call(store, 'PATCH', '/api/annotations/1', '{', tokens.viewer)?.status).toBe(403);
    expect(call(store, 'PATCH', '/api/annotations/1', '{', tokens.editor)?.json).toEqual({
      message: 'bad request data',
    });
  });

  test('a dashboard annotation: the Viewer passes access control and the handler refuses', () => {
    const store = newStore();
    store.add({ text: 'on a dashboard', dashboardUID: 'abc' }, user);
    expect(call(store, 'DELETE', '/api/annotations/1', undefined, tokens.viewer)).toEqual({
      status: 403,
      json: { message: 'Access denied to this dashboard' },
    });
    expect(store.find({ dashboardUID: 'abc' })).toHaveLength(1);
    expect(store.find({ dashboardUID: 'other' })).toHaveLength(0);
  });

  test('GET of one annotation; paths the double does not serve are left to the server (undefined)', () => {
    const store = newStore();
    store.add({ text: 'one' }, user);
    expect(call(store, 'GET', '/api/annotations/1', undefined, tokens.viewer)).toMatchObject({
      status: 200,
      json: { id: 1, text: 'one' },
    });
    expect(call(store, 'GET', '/api/annotations/2')).toEqual({
      status: 404,
      json: { message: 'Annotation not found' },
    });
    for (const [method, path] of [
      ['GET', '/api/annotations/tags'],
      ['PUT', '/api/annotations/1'],
      ['POST', '/api/annotations/graphite'],
      ['GET', '/api/annotations/1/x'],
      ['GET', '/api/annotationsx'],
    ]) {
      expect(call(store, method, path)).toBeUndefined();
    }
    expect(call(store, 'GET', '/api/annotations', undefined, 'glsa_unknown')?.status).toBe(401);
  });
});
