/** @jest-environment node */
/**
 * A Grafana that already has its datasources: candor.config.yaml `sources: existing` (the default) provisions the
 * catalog over them and writes none of its own, and `check --grafana-url` verifies each uid the catalog queries
 * exists there with the type its queries need (a real HTTP server on 127.0.0.1 answers Grafana's datasource API).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { parse } from 'yaml';

import { run, tempProject } from './testing/run';

type Datasources = Record<string, string>;

async function withGrafana(datasources: Datasources, fn: (url: string, seen: string[]) => Promise<void>) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    if (req.headers.authorization !== 'Bearer viewer-token') {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorized"}');
      return;
    }
    const uid = decodeURIComponent(/^\/api\/datasources\/uid\/([^/]+)$/.exec(req.url ?? '')?.[1] ?? '');
    const type = Object.hasOwn(datasources, uid) ? datasources[uid] : undefined;
    res.writeHead(type ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(type ? { uid, name: uid, type } : { message: 'Data source not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const EXISTING = { 'candor-prometheus': 'prometheus', 'candor-postgres': 'grafana-postgresql-datasource' };

describe('a catalog over datasources Grafana already has', () => {
  const token = process.env.CANDOR_GRAFANA_TOKEN;
  beforeEach(() => (process.env.CANDOR_GRAFANA_TOKEN = 'viewer-token'));
  afterAll(() =>
    token === undefined ? delete process.env.CANDOR_GRAFANA_TOKEN : (process.env.CANDOR_GRAFANA_TOKEN = token)
  );

  it('provisions no datasource of its own; its rules and its Candor datasource query the existing uids', async () => {
    const p = tempProject();
    writeFileSync(
      path.join(p.root, 'candor.config.yaml'),
      'apiVersion: candor/config-v1\nsources: existing\norgId: 4\n'
    );
    const r = await run('provision', '--root', p.root);
    expect(r.code).toBe(0);
    const datasources = readdirSync(path.join(p.root, 'provisioning/datasources'));
    expect(datasources).toEqual(['candor-platform-scorecard.yaml']);
    expect(existsSync(path.join(p.root, 'provisioning/alerting/candor-notifications.yaml'))).toBe(false);
    const candor = parse(readFileSync(path.join(p.root, 'provisioning/datasources', datasources[0]), 'utf8'));
    expect(candor.datasources.map((d: { type: string; orgId: number }) => [d.type, d.orgId])).toEqual([
      ['candor-scorecard-datasource', 4],
    ]);
    const rules = parse(
      readFileSync(path.join(p.root, 'provisioning/alerting/candor-platform-scorecard.yaml'), 'utf8')
    );
    const uids = new Set<string>(
      rules.groups.flatMap((g: { orgId: number; rules: Array<{ data: Array<{ datasourceUid: string }> }> }) => {
        expect(g.orgId).toBe(4);
        return g.rules.flatMap((rule) => rule.data.map((d) => d.datasourceUid));
      })
    );
    expect([...uids].filter((u) => !u.startsWith('__')).sort()).toEqual(Object.keys(EXISTING).sort());
    expect((await run('provision', '--check', '--root', p.root)).code).toBe(0);
  });

  it('check --grafana-url: every uid exists with the right type', async () => {
    const p = tempProject();
    await withGrafana(EXISTING, async (url, seen) => {
      const r = await run('check', '--root', p.root, '--grafana-url', url);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.out).toEqual(
        expect.arrayContaining([
          'datasource candor-postgres: grafana-postgresql-datasource in Grafana',
          'datasource candor-prometheus: prometheus in Grafana',
        ])
      );
      expect(seen.every((s) => s.startsWith('GET /api/datasources/uid/'))).toBe(true);
    });
  });

  it.each<[string, Datasources, RegExp]>([
    ['a missing uid', { 'candor-prometheus': 'prometheus' }, /^datasource candor-postgres: not in Grafana/],
    [
      'a wrong type',
      { ...EXISTING, 'candor-prometheus': 'loki' },
      /^datasource candor-prometheus: is a loki datasource; the catalog's queries need prometheus$/,
    ],
  ])('check --grafana-url: %s fails the check by name', async (_name, datasources, message) => {
    const p = tempProject();
    await withGrafana(datasources, async (url) => {
      const r = await run('check', '--root', p.root, '--grafana-url', url);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([expect.stringMatching(message)]);
    });
  });

  it('check --grafana-url: a refused token stops with one line, exit 1', async () => {
    process.env.CANDOR_GRAFANA_TOKEN = 'wrong';
    const p = tempProject();
    await withGrafana(EXISTING, async (url) => {
      const r = await run('check', '--root', p.root, '--grafana-url', url);
      expect(r.code).toBe(1);
      expect(r.err.at(-1)).toMatch(/the token was refused \(HTTP 401\): set CANDOR_GRAFANA_TOKEN$/);
      expect(r.err.join('\n')).not.toContain('wrong');
    });
  });
});
