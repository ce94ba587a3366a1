import http from 'http';
import type { AddressInfo } from 'net';

import { readFileSync } from 'fs';

import { loadCatalog } from '../core/parse';
import { audienceFolderUid } from '../provision/audiences';
import { editCatalog, run, tempProject } from './testing/run';

const TOKEN = 'glsa_test_token_never_printed_0123456789';

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
}

/** A fake Grafana on 127.0.0.1 that records every request; folder permissions live in `state`. */
const TEAMS = [
  { id: 7, name: 'Platform Team' },
  { id: 11, name: 'Board' },
  { id: 12, name: 'Executives' },
];

function fakeGrafana(initial: unknown[], audienceFolders: string[] = []) {
  const requests: Recorded[] = [];
  let state = initial;
  // Audience folders start as Grafana creates them: every Viewer may see them.
  const folders = new Map<string, unknown[]>(audienceFolders.map((f) => [f, [{ role: 'Viewer', permission: 1 }]]));
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = body ? JSON.parse(body) : undefined;
      requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: parsed });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return send(401, { message: 'Unauthorized' });
      }
      if (req.url?.startsWith('/api/teams/search')) {
        const name = new URL(req.url, 'http://x').searchParams.get('name');
        return send(200, { teams: TEAMS.filter((t) => t.name === name) });
      }
      const folder = /^\/api\/folders\/([^/]+)\/permissions$/.exec(req.url ?? '')?.[1];
      if (folder && (folder === 'candor' || folders.has(folder))) {
        if (req.method === 'GET') {
          return send(200, folders.get(folder) ?? state);
        }
        const items = (parsed as { items: Array<Record<string, unknown>> }).items.map((i) => ({
          ...i,
          ...(i.teamId ? { team: TEAMS.find((t) => t.id === i.teamId)?.name } : {}),
        }));
        if (folder === 'candor') {
          state = items;
        } else {
          folders.set(folder, items);
        }
        return send(200, { message: 'Folder permissions updated' });
      }
      return send(404, { message: 'Not found' });
    });
  });
  return {
    requests,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('candor lock', () => {
  const grafana = fakeGrafana([
    { role: 'Viewer', permission: 1, permissionName: 'View' },
    { role: 'Editor', permission: 2, permissionName: 'Edit' },
    { role: 'Admin', permission: 4, permissionName: 'Admin' },
  ]);
  let url = '';
  beforeAll(async () => {
    url = await grafana.start();
  });
  afterAll(() => grafana.stop());

  it('applies viewers View, the platform team Admin and nobody Edit, then changes nothing the second time', async () => {
    const first = await run('lock', '--url', url, '--token', TOKEN);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toEqual([
      'folder candor: permissions locked; changed:',
      '  + team Platform Team: Admin',
      '  - role Editor: Edit (removed)',
    ]);
    const posts = grafana.requests.filter((r) => r.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        url: '/api/folders/candor/permissions',
        authorization: `Bearer ${TOKEN}`,
        body: {
          items: [
            { role: 'Viewer', permission: 1 },
            { teamId: 7, permission: 4 },
          ],
        },
      },
    ]);
    // The permissions are read before anything is written.
    expect(grafana.requests.find((r) => r.url.includes('/permissions'))).toMatchObject({
      method: 'GET',
      url: '/api/folders/candor/permissions',
    });

    const second = await run('lock', '--url', `${url}/`, '--token', TOKEN);
    expect(second.code).toBe(0);
    expect(second.out).toEqual([
      'folder candor: permissions already locked (Viewer View, Platform Team Admin, nobody Edit); nothing changed',
    ]);
    expect(grafana.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    for (const r of [first, second]) {
      expect([...r.out, ...r.err].join('\n')).not.toContain(TOKEN);
    }
  });

  it('fails clearly, without printing the token, on a missing folder, a wrong token or a missing team', async () => {
    const missing = await run('lock', '--url', url, '--token', TOKEN, '--folder', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('folder "nope" not found');
    const denied = await run('lock', '--url', url, '--token', 'wrong-token-abcdef');
    expect(denied.code).toBe(1);
    expect(denied.err.join('\n')).toContain('HTTP 401 (Unauthorized)');
    expect(denied.err.join('\n')).not.toContain('wrong-token-abcdef');
    const team = await run('lock', '--url', url, '--token', TOKEN, '--team', 'Nobody');
    expect(team.code).toBe(1);
    expect(team.err.join('\n')).toContain('team "Nobody" not found');
    expect((await run('lock', '--url', url)).code).toBe(2);
  });
});

describe('candor lock --audiences', () => {
  const project = tempProject();
  editCatalog(project.catalog, (c) => {
    c.audiences = [
      { id: 'everyone', title: 'Executives', teams: ['Executives'] },
      { id: 'board', title: 'Board', pillars: [c.pillars[0].id], teams: ['Board'] },
    ];
  });
  const catalog = loadCatalog(readFileSync(project.catalog, 'utf8')).catalog!;
  const uids = catalog.audiences!.map((a) => audienceFolderUid(catalog, a));
  const grafana = fakeGrafana([{ role: 'Viewer', permission: 1 }], uids);
  let url = '';
  beforeAll(async () => {
    url = await grafana.start();
  });
  afterAll(() => grafana.stop());

  it("gives each audience folder its teams View and the platform team Admin, and takes the Viewer role's view away", async () => {
    const first = await run('lock', '--url', url, '--token', TOKEN, '--audiences', '--root', project.root);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toEqual([
      'folder candor: permissions locked; changed:',
      '  + team Platform Team: Admin',
      'LocalizeVideos Executive Platform Scorecard · Executives:',
      `folder ${uids[0]}: permissions locked; changed:`,
      '  + team Executives: View',
      '  + team Platform Team: Admin',
      '  - role Viewer: View (removed)',
      'LocalizeVideos Executive Platform Scorecard · Board:',
      `folder ${uids[1]}: permissions locked; changed:`,
      '  + team Board: View',
      '  + team Platform Team: Admin',
      '  - role Viewer: View (removed)',
    ]);
    const second = await run('lock', '--url', url, '--token', TOKEN, '--audiences', '--root', project.root);
    expect(second.out.filter((l) => l.includes('nothing changed'))).toHaveLength(3);
  });

  it('names a team the catalog gives that Grafana does not have', async () => {
    editCatalog(project.catalog, (c) => {
      c.audiences![1].teams = ['Boardroom'];
    });
    const out = await run('lock', '--url', url, '--token', TOKEN, '--audiences', '--root', project.root);
    expect(out.code).toBe(1);
    expect(out.err.join('\n')).toContain(
      'team "Boardroom" not found in Grafana: create it, or change the catalog\'s audiences'
    );
  });
});

describe('candor lock --audiences with an invalid catalog', () => {
  const project = tempProject();
  editCatalog(project.catalog, (c) => {
    (c.scorecard as unknown as Record<string, unknown>).bogus = 1;
  });
  const grafana = fakeGrafana([{ role: 'Viewer', permission: 1 }]);
  let url = '';
  beforeAll(async () => {
    url = await grafana.start();
  });
  afterAll(() => grafana.stop());

  it('names the problem and changes no folder', async () => {
    const out = await run('lock', '--url', url, '--token', TOKEN, '--audiences', '--root', project.root);
    expect(out.code).toBe(2);
    expect(out.err.join('\n')).toContain('scorecard.bogus: is not a catalog field');
    expect(out.err.join('\n')).toContain('no folder was changed');
    expect(grafana.requests).toEqual([]);
  });
});
