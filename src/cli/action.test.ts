import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import path from 'path';
import { stringify } from 'yaml';

import { ACTION_LOOKBACK_MS, actionsQuery, annotationForAction } from '../core/actions';
import { createCatalog, createMetric } from '../core/testing/factories';
import { actionCommand, type ActionDeps, DEFAULT_CATALOG } from './action';
import { CliError } from './common';
import { run } from './testing/run';

const TOKEN = 'glsa_editor_token_never_printed_0123456789';
const VIEWER_TOKEN = 'glsa_viewer_token_never_printed_9876543210';
/** A catalog of its own (the repository's may change under other work): a temp project with it at the default path. */
const PROJECT = mkdtempSync(path.join(tmpdir(), 'candor-action-'));
const CATALOG = path.join(PROJECT, DEFAULT_CATALOG);
mkdirSync(path.dirname(CATALOG), { recursive: true });
writeFileSync(
  CATALOG,
  stringify(
    createCatalog({
      scorecard: { id: 'platform-scorecard', title: 'Platform scorecard', version: '1' },
      metrics: [
        createMetric({ id: 'mttr', name: 'MTTR' }),
        createMetric({
          id: 'open-security-issues',
          name: 'Open security issues',
          items: { label: 'severity', expected: ['critical', 'high', 'medium', 'low'] },
        }),
        createMetric({ id: 'infra-cost-trend', name: 'Infra cost trend' }),
        createMetric({ id: 'nps', name: 'NPS' }),
      ],
    })
  )
);
const SCORECARD = 'platform-scorecard';
const NOW = Date.parse('2026-11-16T12:00:00.000Z');
const DAY = 86_400_000;

interface Annotation {
  id: number;
  time: number;
  timeEnd: number;
  text: string;
  tags: string[];
  dashboardUID?: string;
}

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  authorization?: string;
  body?: unknown;
}

/**
 * A Grafana stand-in on 127.0.0.1 answering like Grafana's annotations API: an Editor token may read and write, a
 * Viewer token may only read (403 on writes), any other token gets 401. Every request is recorded.
 */
function fakeGrafana() {
  const requests: Recorded[] = [];
  let store: Annotation[] = [];
  let nextId = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://grafana');
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(key);
        query[key] = all.length === 1 ? all[0] : all;
      }
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method!, path: url.pathname, query, authorization: req.headers.authorization, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const auth = req.headers.authorization;
      if (auth !== `Bearer ${TOKEN}` && auth !== `Bearer ${VIEWER_TOKEN}`) {
        return send(401, { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 });
      }
      if (req.method !== 'GET' && auth !== `Bearer ${TOKEN}`) {
        const needed = req.method === 'POST' ? 'annotations:create' : 'annotations:write';
        return send(403, {
          message: `You'll need additional permissions to perform this action. Permissions needed: ${needed}`,
          title: 'Access denied',
        });
      }
      const byId = /^\/api\/annotations\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/api/annotations' && req.method === 'POST') {
        const a: Annotation = {
          id: nextId++,
          time: body.time,
          timeEnd: body.timeEnd ?? body.time,
          text: body.text,
          tags: body.tags,
        };
        store.push(a);
        return send(200, { message: 'Annotation added', id: a.id });
      }
      if (url.pathname === '/api/annotations' && req.method === 'GET') {
        const tags = url.searchParams.getAll('tags');
        const [from, to] = [Number(query.from ?? 0), Number(query.to ?? Infinity)];
        const found = store
          .filter((a) => tags.every((t) => a.tags.includes(t)) && a.time <= to && a.timeEnd >= from)
          .sort((a, b) => b.time - a.time)
          .slice(0, Number(query.limit ?? 100));
        return send(200, found);
      }
      const found = byId ? store.find((a) => a.id === Number(byId[1])) : undefined;
      if (byId && !found) {
        return send(404, { message: 'Annotation not found' });
      }
      if (found && req.method === 'GET') {
        return send(200, { ...found, dashboardUID: found.dashboardUID ?? '', panelId: 0, userId: 1, data: {} });
      }
      if (found && req.method === 'PATCH') {
        found.tags = body.tags ?? found.tags;
        found.timeEnd = body.timeEnd ?? found.timeEnd;
        return send(200, { message: 'Annotation patched' });
      }
      return send(404, { message: 'Not found' });
    });
  });
  return {
    requests,
    seed(annotations: Array<Omit<Annotation, 'id' | 'timeEnd'> & { timeEnd?: number }>): number[] {
      return annotations.map((a) => {
        const stored = { ...a, id: nextId++, timeEnd: a.timeEnd ?? a.time };
        store.push(stored);
        return stored.id;
      });
    },
    reset() {
      requests.length = 0;
      store = [];
      nextId = 1;
    },
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `candor action …` with a fixed clock, handling errors as main() does; the token must never show. */
async function action(argv: string[], deps: ActionDeps = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  let code: number;
  try {
    code = await actionCommand(argv, io, { now: () => NOW, env: {}, ...deps });
  } catch (e) {
    if (!(e instanceof CliError)) {
      throw e;
    }
    if (e.message) {
      err.push(e.message);
    }
    code = e.code;
  }
  const all = [...out, ...err].join('\n');
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(VIEWER_TOKEN);
  return { code, out, err };
}

const grafana = fakeGrafana();
let url = '';
beforeAll(async () => {
  url = await grafana.start();
});
afterAll(() => grafana.stop());
beforeEach(() => grafana.reset());

const conn = (token = TOKEN) => ['--catalog', CATALOG, '--grafana-url', url, '--token', token];
const ADD = ['add', '--metric', 'mttr', '--owner', 'Jane Doe', '--text', 'Add on-call runbooks', '--due', '2026-11-30'];
const tagsOf = (metric: string, owner: string, due: string, extra: string[] = []) => [
  'candor',
  'candor-action',
  `scorecard:${SCORECARD}`,
  `metric:${metric}`,
  ...extra,
  `owner:${owner}`,
  `due:${due}`,
];

describe('candor action add', () => {
  it('posts an organization annotation with the tags of annotationForAction and the clock time', async () => {
    const cwd = process.cwd();
    process.chdir(PROJECT); // no --catalog: the default path, relative to the working directory
    const r = await action(
      [
        'add',
        '--metric',
        'open-security-issues',
        '--item',
        'high',
        '--owner',
        'Jane Doe',
        '--text',
        'Patch the high findings',
        '--due',
        '2026-11-20',
        '--link',
        'https://tickets.example.com/SEC-1',
        '--grafana-url',
        `${url}/`,
        '--token',
        TOKEN,
      ],
      { now: () => NOW }
    ).finally(() => process.chdir(cwd));
    expect(r).toEqual({ code: 0, out: ['action 1 recorded for open-security-issues/high (due 2026-11-20)'], err: [] });
    const expected = annotationForAction({
      scorecardId: SCORECARD,
      metricId: 'open-security-issues',
      item: 'high',
      owner: 'Jane Doe',
      text: 'Patch the high findings',
      dueDate: '2026-11-20',
      link: 'https://tickets.example.com/SEC-1',
    });
    expect(grafana.requests).toEqual([
      {
        method: 'POST',
        path: '/api/annotations',
        query: {},
        authorization: `Bearer ${TOKEN}`,
        body: {
          time: NOW,
          tags: expected.tags,
          text: 'Patch the high findings\nLink: https://tickets.example.com/SEC-1',
        },
      },
    ]);
    expect(expected.tags).toEqual(tagsOf('open-security-issues', 'Jane Doe', '2026-11-20', ['item:high']));
  });

  it('takes the token from CANDOR_GRAFANA_TOKEN, and accepts an action due today', async () => {
    const argv = [...ADD.slice(0, -1), '2026-11-16', '--catalog', CATALOG, '--grafana-url', url];
    const r = await action(argv, { env: { CANDOR_GRAFANA_TOKEN: TOKEN } });
    expect(r).toEqual({ code: 0, out: ['action 1 recorded for mttr (due 2026-11-16)'], err: [] });
    expect(grafana.requests.map((q) => [q.method, q.authorization])).toEqual([['POST', `Bearer ${TOKEN}`]]);
  });

  it.each([
    [
      'an owner without letters',
      ['--owner', '1234'],
      'owner: needs a readable name (letters), at most 100 characters, without commas, colons, line breaks or text-direction characters',
    ],
    [
      'an owner with a comma',
      ['--owner', 'Doe, Jane'],
      'owner: needs a readable name (letters), at most 100 characters, without commas, colons, line breaks or text-direction characters',
    ],
    ['an empty text', ['--text', '  '], 'text: say what is being done, in 1 to 500 characters'],
    ['a text over 500 characters', ['--text', 'x'.repeat(501)], 'text: say what is being done, in 1 to 500 characters'],
    ['a due day that does not exist', ['--due', '2026-02-30'], 'due: "2026-02-30" is not a day written YYYY-MM-DD'],
    ['a due day not written YYYY-MM-DD', ['--due', '30/11/2026'], 'due: "30/11/2026" is not a day written YYYY-MM-DD'],
    [
      'a due day already past (UTC)',
      ['--due', '2026-11-15'],
      'due: 2026-11-15 is already past (today is 2026-11-16); an action is due today or later',
    ],
    ['a link that is not http(s)', ['--link', 'javascript:alert(1)'], 'link: only an http(s) URL is kept'],
    ['an unknown metric', ['--metric', 'nope'], `metric: "nope" is not a metric of scorecard ${SCORECARD}`],
    [
      'an item the metric does not expect',
      ['--metric', 'open-security-issues', '--item', 'urgent'],
      'item: "urgent" is not an item of open-security-issues (expected: critical, high, medium, low)',
    ],
    [
      'an item on a metric without items',
      ['--item', 'eu'],
      'item: mttr has no items (an item action would never apply); leave it out',
    ],
    [
      'an item with a comma',
      ['--item', 'a,b'],
      'item: must be a non-empty item name without commas, colons, line breaks or text-direction characters',
    ],
    [
      'an owner with a colon (Grafana keeps a tag only up to its second colon)',
      ['--owner', 'Team: SRE'],
      'owner: needs a readable name (letters), at most 100 characters, without commas, colons, line breaks or text-direction characters',
    ],
  ])('refuses %s with one "field: reason" line, exit 1, nothing sent', async (_name, change, line) => {
    const r = await action([...ADD, ...change, ...conn()]);
    expect(r).toEqual({ code: 1, out: [], err: [line] });
    expect(grafana.requests).toEqual([]);
  });

  it('prints every problem at once', async () => {
    const r = await action([...ADD, '--owner', '42', '--due', '2020-01-01', '--link', 'ftp://x', ...conn()]);
    expect(r.code).toBe(1);
    expect(r.err.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['owner', 'due', 'link']);
    expect(grafana.requests).toEqual([]);
  });
});

describe('candor action: the command line', () => {
  it.each([
    [
      'no token at all',
      [...ADD, '--catalog', CATALOG, '--grafana-url', 'URL'],
      'needs a Grafana token: set CANDOR_GRAFANA_TOKEN',
    ],
    ['no --grafana-url', [...ADD, '--token', TOKEN], 'needs --grafana-url URL'],
    [
      'a non-http --grafana-url',
      [...ADD, '--grafana-url', 'ftp://grafana', '--token', TOKEN],
      'must be an http:// or https://',
    ],
    ['a --grafana-url that is not a URL', [...ADD, '--grafana-url', 'grafana 3000', '--token', TOKEN], 'is not a URL'],
    [
      'a --grafana-url without a scheme',
      [...ADD, '--grafana-url', 'grafana:3000', '--token', TOKEN],
      'must be an http',
    ],
    [
      'a missing required flag',
      ['add', '--metric', 'mttr', '--owner', 'Jane', ...['--token', TOKEN, '--grafana-url', 'URL']],
      'needs --text, --due',
    ],
    [
      'an unknown option',
      ['list', '--colour', ...['--token', TOKEN, '--grafana-url', 'URL']],
      'unknown option --colour',
    ],
    ['an unknown subcommand', ['remove', '12'], 'unknown subcommand "remove"'],
    [
      'a bad --as-of',
      ['list', '--as-of', 'yesterday', ...['--token', TOKEN, '--grafana-url', 'URL']],
      '--as-of "yesterday" is not',
    ],
    ['done without an id', ['done', ...['--token', TOKEN, '--grafana-url', 'URL']], 'needs the action id'],
    [
      'done with a non-numeric id',
      ['done', 'abc', ...['--token', TOKEN, '--grafana-url', 'URL']],
      '"abc" is not an annotation id',
    ],
    [
      'an unreadable catalog',
      ['list', '--catalog', '/nonexistent.yaml', ...['--token', TOKEN, '--grafana-url', 'URL']],
      '/nonexistent.yaml: cannot read',
    ],
  ])('exits 2 on %s, sending nothing', async (_name, argv, message) => {
    const r = await action(argv.map((a) => (a === 'URL' ? url : a)));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain(message);
    expect(grafana.requests).toEqual([]);
  });

  it('is registered in candor and prints its usage with --help (exit 0)', async () => {
    const top = await run('action', '--help');
    expect(top.code).toBe(0);
    expect(top.out.join('\n')).toMatch(
      /candor action add --metric ID .*\n.*candor action list .*\n.*candor action done ID/
    );
    expect(top.out.join('\n')).toContain('Prefer CANDOR_GRAFANA_TOKEN');
    const add = await run('action', 'add', '--help');
    expect(add.code).toBe(0);
    expect(add.out[0]).toMatch(/^usage: candor action add --metric ID/);
    expect((await run('action')).code).toBe(2);
  });
});

describe('candor action: Grafana refusing or missing', () => {
  it.each([
    [
      'add with a wrong token',
      ADD,
      'glsa_wrong',
      /^candor action: Grafana refused the token \(HTTP 401: Invalid API key\)/,
    ],
    ['list with a wrong token', ['list'], 'glsa_wrong', /^candor action: Grafana refused the token \(HTTP 401/],
    [
      'add with a Viewer token',
      ADD,
      VIEWER_TOKEN,
      /^candor action: the token's role cannot write annotations \(HTTP 403: .*annotations:create\); writing needs Editor, or annotations:create and annotations:write/,
    ],
  ])('exits 1 on %s, with one line', async (_name, argv, token, line) => {
    const r = await action([...argv, ...conn(token)]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(line);
  });

  it('exits 1 with one line naming the URL when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await action([
      ...ADD,
      '--catalog',
      CATALOG,
      '--grafana-url',
      `http://127.0.0.1:${port}`,
      '--token',
      TOKEN,
    ]);
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        `candor action: cannot reach Grafana at http://127.0.0.1:${port}/ (connect ECONNREFUSED 127.0.0.1:${port})`,
      ],
    });
  });
});

describe('candor action list', () => {
  const seed = () =>
    grafana.seed([
      // 1: open, due in the future
      {
        time: NOW - 2 * DAY,
        text: 'Add on-call runbooks\nLink: https://wiki.example.com/runbooks',
        tags: tagsOf('mttr', 'Jane Doe', '2026-11-30'),
      },
      // 2: open and overdue (due at the end of 2026-11-15, before NOW)
      {
        time: NOW - 9 * DAY,
        text: 'Patch the critical CVEs',
        tags: tagsOf('open-security-issues', 'Sam Lee', '2026-11-15', ['item:critical']),
      },
      // 3: closed a day ago
      {
        time: NOW - 20 * DAY,
        timeEnd: NOW - DAY,
        text: 'Renegotiate the CDN contract',
        tags: [...tagsOf('infra-cost-trend', 'Ana Ruiz', '2026-11-10'), 'candor-done'],
      },
      // 4: another scorecard's action: not listed
      {
        time: NOW - DAY,
        text: 'Other',
        tags: ['candor', 'candor-action', 'scorecard:other', 'metric:mttr', 'owner:X', 'due:2026-12-01'],
      },
      // 5: an action without an owner: a warning, not listed
      {
        time: NOW - DAY,
        text: 'Nobody',
        tags: ['candor', 'candor-action', `scorecard:${SCORECARD}`, 'metric:nps', 'due:2026-12-01'],
      },
      // 6: not an action at all
      { time: NOW - DAY, text: 'deploy', tags: ['deploy'] },
    ]);

  it('asks Grafana with actionsQuery and prints the open actions, overdue marked, warnings on stderr', async () => {
    seed();
    const r = await action(['list', ...conn(VIEWER_TOKEN)]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'ID  METRIC                         OWNER     DUE         STATE    TEXT',
      '2   open-security-issues/critical  Sam Lee   2026-11-15  overdue  Patch the critical CVEs',
      '1   mttr                           Jane Doe  2026-11-30  open     Add on-call runbooks <https://wiki.example.com/runbooks>',
    ]);
    expect(r.err).toEqual(['warning: action 5 (nps): needs exactly one owner:<name> tag; not counted']);
    expect(grafana.requests).toEqual([
      {
        method: 'GET',
        path: '/api/annotations',
        query: actionsQuery(SCORECARD, NOW),
        authorization: `Bearer ${VIEWER_TOKEN}`,
        body: undefined,
      },
    ]);
    expect(grafana.requests[0].query).toMatchObject({
      tags: ['candor-action', `scorecard:${SCORECARD}`],
      type: 'annotation',
      from: String(NOW - ACTION_LOOKBACK_MS),
      to: String(NOW),
      limit: '5000',
    });
  });

  it('adds the closed ones with --all, filters with --metric, and prints JSON with --json', async () => {
    seed();
    const all = await action(['list', '--all', ...conn()]);
    expect(all.out.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['3', 'infra-cost-trend', 'Ana Ruiz', '2026-11-10', 'closed 2026-11-15'],
      ['2', 'open-security-issues/critical', 'Sam Lee', '2026-11-15', 'overdue'],
      ['1', 'mttr', 'Jane Doe', '2026-11-30', 'open'],
    ]);
    const one = await action(['list', '--metric', 'mttr', ...conn()]);
    expect(one.out.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['1']);
    const json = await action(['list', '--all', '--json', ...conn()]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out.join('\n')) as Array<Record<string, unknown>>;
    expect(parsed.map((a) => [a.id, a.metricId, a.item, a.state, a.dueDate, a.done])).toEqual([
      ['3', 'infra-cost-trend', undefined, 'closed', '2026-11-10', NOW - DAY],
      ['2', 'open-security-issues', 'critical', 'overdue', '2026-11-15', undefined],
      ['1', 'mttr', undefined, 'open', '2026-11-30', undefined],
    ]);
    expect(parsed[2]).toMatchObject({
      owner: 'Jane Doe',
      text: 'Add on-call runbooks',
      link: 'https://wiki.example.com/runbooks',
      created: NOW - 2 * DAY,
    });
  });

  it('reads as of --as-of: an action closed later was still open then', async () => {
    seed();
    const asOf = '2026-11-05T00:00:00Z';
    const r = await action(['list', '--as-of', asOf, '--json', ...conn()]);
    expect(grafana.requests[0].query).toEqual(actionsQuery(SCORECARD, Date.parse(asOf)));
    expect((JSON.parse(r.out.join('\n')) as Array<{ id: string; state: string }>).map((a) => [a.id, a.state])).toEqual([
      ['3', 'open'],
    ]);
  });

  it('shows control characters in the text as spaces (no terminal escapes from annotation text)', async () => {
    grafana.seed([
      { time: NOW - DAY, text: 'Fix \u001b[31mred\u001b[0m now', tags: tagsOf('mttr', 'Jane Doe', '2026-11-30') },
    ]);
    const r = await action(['list', ...conn()]);
    expect(r.out[1]).toMatch(/ open +Fix  \[31mred \[0m now$/);
    expect(r.out.join('')).not.toContain('\u001b');
  });

  it('refuses an unknown --metric (exit 1) and says when there is nothing to list', async () => {
    const unknown = await action(['list', '--metric', 'nope', ...conn()]);
    expect(unknown).toEqual({
      code: 1,
      out: [],
      err: [`candor action: "nope" is not a metric of scorecard ${SCORECARD}`],
    });
    const none = await action(['list', ...conn()]);
    expect(none).toEqual({
      code: 0,
      out: [`no open actions for ${SCORECARD} as of 2026-11-16T12:00:00.000Z`],
      err: [],
    });
  });
});

describe('candor action done', () => {
  it('patches the tags with candor-done and timeEnd with the clock, then is idempotent', async () => {
    const [id] = grafana.seed([
      { time: NOW - DAY, text: 'Add runbooks', tags: tagsOf('mttr', 'Jane Doe', '2026-11-30') },
    ]);
    const first = await action(['done', String(id), ...conn()]);
    expect(first).toEqual({ code: 0, out: [`action ${id} closed`], err: [] });
    expect(grafana.requests.map((q) => [q.method, q.path, q.query, q.body])).toEqual([
      ['GET', `/api/annotations/${id}`, {}, undefined],
      [
        'PATCH',
        `/api/annotations/${id}`,
        {},
        { tags: [...tagsOf('mttr', 'Jane Doe', '2026-11-30'), 'candor-done'], timeEnd: NOW },
      ],
    ]);
    const second = await action(['done', String(id), ...conn()], { now: () => NOW + DAY });
    expect(second).toEqual({
      code: 0,
      out: [`action ${id} is already closed since 2026-11-16T12:00:00.000Z; nothing changed`],
      err: [],
    });
    expect(grafana.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
  });

  it.each([
    ['an annotation that is not an action', ['deploy', 'production'], 'is not a Candor action (no candor-action tag)'],
    [
      "another scorecard's action",
      ['candor', 'candor-action', 'scorecard:other', 'metric:mttr', 'owner:X', 'due:2026-12-01'],
      'belongs to scorecard other, not platform-scorecard',
    ],
    [
      'an unreadable action',
      ['candor', 'candor-action', `scorecard:${SCORECARD}`, 'metric:mttr', 'owner:X'],
      'needs one due:<YYYY-MM-DD> tag',
    ],
  ])('refuses %s (exit 1) and changes nothing', async (_name, tags, message) => {
    const [id] = grafana.seed([{ time: NOW - DAY, text: 'x', tags }]);
    const r = await action(['done', String(id), ...conn()]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
    expect(r.err[0]).toMatch(/nothing changed$/);
    expect(grafana.requests.map((q) => q.method)).toEqual(['GET']);
  });

  it('exits 1 for an id Grafana does not have, and 1 with the role named for a Viewer token', async () => {
    const missing = await action(['done', '999', ...conn()]);
    expect(missing).toEqual({
      code: 1,
      out: [],
      err: ['candor action: no annotation 999 in Grafana (or the token cannot see it); nothing changed'],
    });
    const [id] = grafana.seed([{ time: NOW - DAY, text: 'x', tags: tagsOf('mttr', 'Jane Doe', '2026-11-30') }]);
    const viewer = await action(['done', String(id), ...conn(VIEWER_TOKEN)]);
    expect(viewer.code).toBe(1);
    expect(viewer.err[0]).toMatch(
      /^candor action: the token's role cannot write annotations \(HTTP 403: .*annotations:write\)/
    );
  });
});
