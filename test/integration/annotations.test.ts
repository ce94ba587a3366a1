/**
 * The Grafana double's `/api/annotations` on the running stack, as Candor uses it: the seeded demo actions read back
 * through src/core/actions.ts as docs/demo-scenario.md tells them; an action written with POST is found by the
 * datasource's query and closed with PATCH; Grafana's filters (tags match-all or any, time overlap, limit, type);
 * tokens (unknown 401, Viewer 403 on writes, Editor allowed) and Grafana's error answers.
 * What these tests write carries a scorecard id of their own and is deleted afterwards: the demo's platform scorecard
 * (which the browser tests read) is never changed.
 */
import {
  actionsFromAnnotations,
  actionsQuery,
  annotationForAction,
  closedTags,
  openActionsFor,
  searchParams,
  type AnnotationLike,
} from '../../src/core/actions';
import { requireStack, type StackState } from './stack';

type State = StackState & {
  double: StackState['double'] & { annotationsUrl: string; tokens: { viewer: string; editor: string } };
};
interface Reply {
  status: number;
  json: any;
}

const DAY = 86_400_000;
const RUN = `it-${Date.now().toString(36)}`;
const TEST_SCORECARD = `integration-${RUN}`;
let state: State;
const created: number[] = [];

beforeAll(async () => {
  state = (await requireStack()) as State;
  if (!state.double.annotationsUrl || !state.double.tokens?.editor) {
    throw new Error('The running stack predates the annotations double: stop it and start it again.');
  }
});

afterAll(async () => {
  for (const id of created) {
    await api('DELETE', `/${id}`);
  }
});

async function api(
  method: string,
  path = '',
  { query, body, token }: { query?: Record<string, string | string[]>; body?: unknown; token?: string } = {}
): Promise<Reply> {
  const res = await fetch(`${state.double.annotationsUrl}${path}${query ? `?${searchParams(query)}` : ''}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, json: await res.json() };
}

/** POSTs an annotation (as the session's Editor unless a token is given), remembers it for cleanup, returns its id. */
async function add(body: Record<string, unknown>, token?: string): Promise<number> {
  const { status, json } = await api('POST', '', { body, token });
  expect({ status, message: json.message }).toEqual({ status: 200, message: 'Annotation added' });
  created.push(json.id);
  return json.id;
}

const ids = (reply: Reply) => (reply.json as AnnotationLike[]).map((a) => Number(a.id));
const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('the demo actions seeded at T0', () => {
  // docs/demo-scenario.md: [metric, owner, recorded (days from T0), due (days from T0), closed (days from T0)].
  const DEMO: Array<[string, string, number, number, number?]> = [
    ['p0-p1-incidents', 'VP Engineering', -8, 7],
    ['critical-patch-time', 'Head of Security Engineering', -2, -1],
    ['nps', 'VP Customer Success', -20, 21],
    ['budget-variance', 'CFO', -5, 3],
    ['infra-cost-trend', 'Head of FinOps', -30, -12, -10],
  ];

  test("read back through actionsFromAnnotations with the scenario's owners, due days and open or closed states", async () => {
    const reply = await api('GET', '', { query: actionsQuery('platform-scorecard', Date.now()) });
    expect(reply.status).toBe(200);
    const { actions, warnings } = actionsFromAnnotations(reply.json, 'platform-scorecard');
    expect(warnings).toEqual([]);
    const t0 = state.t0;
    for (const [metricId, owner, recorded, due, closed] of DEMO) {
      const action = actions.find((a) => a.metricId === metricId && a.created === t0 + recorded * DAY);
      expect(action).toMatchObject({ owner, dueDate: utcDay(t0 + due * DAY) });
      expect(action?.done).toBe(closed === undefined ? undefined : t0 + closed * DAY);
    }
    const open = (metricId: string) => openActionsFor(actions, { metricId }, t0);
    expect(open('p0-p1-incidents')[0].link).toBe('https://grafana.example.com/d/incidents/incident-review');
    expect(open('critical-patch-time')[0].due).toBeLessThan(t0);
    expect(open('budget-variance')[0].due).toBeGreaterThan(t0);
    expect(open('infra-cost-trend')).toEqual([]);
  });

  test('the deploy marker is stored, but the query does not return it and Candor would not read it as an action', async () => {
    const deploy = await api('GET', '', { query: { tags: 'deploy' } });
    expect(deploy.json).toEqual([expect.objectContaining({ text: 'Deploy v2.14', tags: ['deploy'] })]);
    expect(actionsFromAnnotations(deploy.json, 'platform-scorecard')).toEqual({ actions: [], warnings: [] });
    const query = await api('GET', '', { query: actionsQuery('platform-scorecard', Date.now()) });
    expect(ids(query)).not.toContain(deploy.json[0].id);
  });

  test("every annotation has the fields of Grafana's annotation DTO", async () => {
    const [first] = (await api('GET', '', { query: { limit: '1' } })).json;
    expect(Object.keys(first).sort()).toEqual(
      [
        'id',
        'alertId',
        'alertName',
        'dashboardId',
        'dashboardUID',
        'panelId',
        'userId',
        'newState',
        'prevState',
        'created',
        'updated',
        'time',
        'timeEnd',
        'text',
        'tags',
        'login',
        'email',
        'avatarUrl',
        'data',
      ].sort()
    );
    expect(first).toMatchObject({ alertId: 0, dashboardId: 0, dashboardUID: '', panelId: 0, data: {} });
  });
});

describe('writing an action as Candor does', () => {
  const NEW = {
    scorecardId: TEST_SCORECARD,
    metricId: 'nps',
    owner: 'Head of Support',
    text: 'Call every detractor',
    dueDate: utcDay(Date.now() + 10 * DAY),
    link: 'https://wiki.example.com/nps',
  };
  let id: number;
  let tags: string[];

  test("POST adds it (time defaults to now, timeEnd to time) and the datasource's query finds it", async () => {
    const before = Date.now();
    ({ tags } = annotationForAction(NEW));
    id = await add(annotationForAction(NEW));
    const reply = await api('GET', '', { query: actionsQuery(TEST_SCORECARD, Date.now()) });
    expect(ids(reply)).toEqual([id]);
    const [stored] = reply.json;
    expect(stored.time).toBeGreaterThanOrEqual(before);
    expect(stored.time).toBeLessThanOrEqual(Date.now());
    expect(stored.timeEnd).toBe(stored.time);
    expect(stored.created).toBe(stored.time);
    const { actions } = actionsFromAnnotations(reply.json, TEST_SCORECARD);
    expect(actions).toEqual([expect.objectContaining({ id: String(id), owner: NEW.owner, link: NEW.link })]);
    expect(openActionsFor(actions, { metricId: 'nps' }, Date.now())).toHaveLength(1);
  });

  test('PATCH closes it (its tags plus candor-done, the close time in timeEnd): openActionsFor no longer lists it', async () => {
    const closeAt = Date.now();
    const patched = await api('PATCH', `/${id}`, { body: { tags: closedTags(tags), timeEnd: closeAt } });
    expect(patched).toEqual({ status: 200, json: { message: 'Annotation patched' } });
    const reply = await api('GET', '', { query: actionsQuery(TEST_SCORECARD, Date.now()) });
    expect(reply.json[0]).toMatchObject({ id, timeEnd: closeAt, tags: closedTags(tags), text: expect.any(String) });
    expect(reply.json[0].updated).toBeGreaterThanOrEqual(closeAt);
    const { actions } = actionsFromAnnotations(reply.json, TEST_SCORECARD);
    expect(actions[0].done).toBe(closeAt);
    expect(openActionsFor(actions, { metricId: 'nps' }, closeAt)).toEqual([]);
    expect(openActionsFor(actions, { metricId: 'nps' }, closeAt - 1)).toHaveLength(1);
  });

  test('DELETE removes it; a second DELETE, or a PATCH of it, is 404 Annotation not found', async () => {
    expect(await api('DELETE', `/${id}`)).toEqual({ status: 200, json: { message: 'Annotation deleted' } });
    expect(ids(await api('GET', '', { query: actionsQuery(TEST_SCORECARD, Date.now()) }))).toEqual([]);
    const notFound = { status: 404, json: { message: 'Annotation not found' } };
    expect(await api('DELETE', `/${id}`)).toEqual(notFound);
    expect(await api('PATCH', `/${id}`, { body: { text: 'x' } })).toEqual(notFound);
    expect(await api('PATCH', '/abc', { body: { text: 'x' } })).toEqual({
      status: 400,
      json: { message: 'annotationId is invalid' },
    });
  });
});

describe("Grafana's filters", () => {
  const run = (name: string) => `run:${RUN}-${name}`;

  test('tags match all by default, any with matchAny=true; a tag without a value matches by key', async () => {
    // Keys of this run only, so annotations left by other runs cannot match.
    const [color, size] = [`color-${RUN}`, `size-${RUN}`];
    const red = await add({ text: 'red big', tags: [run('tags'), `${color}:red`, `${size}:big`] });
    const blue = await add({ text: 'blue', tags: [run('tags'), `${color}:blue`] });
    const big = await add({ text: 'big', tags: [run('tags'), `${size}:big`] });
    const get = async (tags: string[], matchAny?: string) =>
      ids(await api('GET', '', { query: { tags, ...(matchAny ? { matchAny } : {}) } })).sort();
    expect(await get([run('tags'), `${size}:big`])).toEqual([red, big].sort());
    expect(await get([run('tags'), `${color}:red`, `${size}:big`])).toEqual([red]);
    expect(await get([run('tags'), color])).toEqual([red, blue].sort());
    expect(await get([`${color}:red`, `${color}:blue`])).toEqual([]);
    expect(await get([`${color}:red`, `${color}:blue`], 'true')).toEqual([red, blue].sort());
    expect(await get([`${size}:big`, `${color}:blue`], 'true')).toEqual([red, blue, big].sort());
  });

  test('from and to (both needed) keep the annotations whose [time, timeEnd] overlaps them, bounds included', async () => {
    const base = Date.parse('2020-01-01T00:00:00Z');
    const early = await add({ text: 'early region', tags: [run('time')], time: base + 1000, timeEnd: base + 2000 });
    const point = await add({ text: 'point', tags: [run('time')], time: base + 3000 });
    const late = await add({ text: 'late region', tags: [run('time')], time: base + 2500, timeEnd: base + 4000 });
    const get = async (from?: number, to?: number) =>
      ids(
        await api('GET', '', {
          query: { tags: run('time'), ...(from ? { from: String(from) } : {}), ...(to ? { to: String(to) } : {}) },
        })
      ).sort();
    expect(await get(base + 2100, base + 2400)).toEqual([]);
    expect(await get(base + 1500, base + 2600)).toEqual([early, late].sort());
    expect(await get(base + 3000, base + 3000)).toEqual([point, late].sort());
    expect(await get(base + 2000, base + 2000)).toEqual([early]);
    expect(await get(base + 5000)).toEqual([early, point, late].sort());
  });

  test('limit keeps the newest by end time (default 100, negative: all); type=annotation keeps them, type=alert not', async () => {
    const base = Date.parse('2021-06-01T00:00:00Z');
    const made: number[] = [];
    for (let i = 0; i < 101; i++) {
      made.push(await add({ text: `n${i}`, tags: [run('limit')], time: base + i * 1000 }));
    }
    const get = async (query: Record<string, string>) =>
      ids(await api('GET', '', { query: { tags: run('limit'), ...query } }));
    expect(await get({ limit: '2' })).toEqual([made[100], made[99]]);
    expect(await get({})).toHaveLength(100);
    expect(await get({ limit: '-1' })).toHaveLength(101);
    expect(await get({ type: 'annotation', limit: '-1' })).toHaveLength(101);
    expect(await get({ type: 'alert' })).toEqual([]);
  });
});

describe('tokens and errors', () => {
  test('an unknown token is 401 Invalid API key, for reads and writes', async () => {
    const invalid = {
      status: 401,
      json: { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 },
    };
    expect(await api('GET', '', { token: 'glsa_not_a_token' })).toEqual(invalid);
    expect(await api('POST', '', { token: 'glsa_not_a_token', body: { text: 'x' } })).toEqual(invalid);
  });

  test("the Viewer's token reads, but POST is 403 and PATCH/DELETE are refused by access control; nothing changes", async () => {
    const viewer = state.double.tokens.viewer;
    const read = await api('GET', '', { token: viewer, query: actionsQuery('platform-scorecard', Date.now()) });
    expect(read.status).toBe(200);
    expect(read.json.length).toBeGreaterThanOrEqual(5);
    const post = await api('POST', '', { token: viewer, body: { text: 'by a viewer', tags: [`run:${RUN}-viewer`] } });
    expect(post).toEqual({ status: 403, json: { message: 'Access denied to this dashboard' } });
    const target = read.json[0].id;
    for (const [method, action] of [
      ['PATCH', 'annotations:write'],
      ['DELETE', 'annotations:delete'],
    ]) {
      const denied = await api(method, `/${target}`, { token: viewer, body: { text: 'changed' } });
      expect(denied).toEqual({
        status: 403,
        json: {
          title: 'Access denied',
          message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
          accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
        },
      });
    }
    expect(ids(await api('GET', '', { query: { tags: `run:${RUN}-viewer` } }))).toEqual([]);
    expect((await api('GET', `/${target}`)).json).toEqual(read.json[0]);
  });

  test("the Editor's token writes, and the annotation is its service account's", async () => {
    const editor = state.double.tokens.editor;
    const id = await add({ text: 'by the editor token', tags: [`run:${RUN}-editor`] }, editor);
    const [stored] = (await api('GET', '', { token: editor, query: { tags: `run:${RUN}-editor` } })).json;
    expect(stored).toMatchObject({ id, login: 'sa-1-candor-editor', text: 'by the editor token' });
    expect(await api('PATCH', `/${id}`, { token: editor, body: { text: 'edited' } })).toEqual({
      status: 200,
      json: { message: 'Annotation patched' },
    });
    expect(await api('DELETE', `/${id}`, { token: editor })).toEqual({
      status: 200,
      json: { message: 'Annotation deleted' },
    });
  });

  test("a POST without text or with a malformed body gets Grafana's 400", async () => {
    expect(await api('POST', '', { body: { tags: ['x'] } })).toEqual({
      status: 400,
      json: { message: 'Failed to save annotation' },
    });
    expect(await api('POST', '', { body: '{"text": ' })).toEqual({
      status: 400,
      json: { message: 'bad request data' },
    });
    expect(await api('POST', '', { body: { text: 'x', tags: 'not-a-list' } })).toEqual({
      status: 400,
      json: { message: 'bad request data' },
    });
  });
});
