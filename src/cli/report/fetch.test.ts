/**
 * The report's evaluation through a Grafana, against an in-process double of its HTTP API on 127.0.0.1: each failure
 * the issue names (bad token, unreachable Grafana, missing datasource, partial data, unreadable actions) gives a
 * clear error or says exactly which metrics have no evidence, and never touches the metrics it does not concern.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import { fingerprint } from '../../core/fingerprint';
import { createCatalog, createMetric, createPillar, FIXED_NOW, MINUTE } from '../../core/testing/factories';
import { CliError } from '../common';
import { evaluateThroughGrafana, provisionedDifference } from './fetch';

type Handler = (req: { method: string; path: string; auth?: string; body: any }) => { status: number; json: unknown };

async function startGrafana(handler: Handler): Promise<{ url: URL; close: () => Promise<void>; seen: string[] }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      seen.push(`${req.method} ${path.split('?')[0]}`);
      const out = handler({
        method: req.method ?? '',
        path,
        auth: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      });
      res.writeHead(out.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    seen,
    close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())),
  };
}

/** A time series frame of one value sampled a minute before the evaluation. */
const frame = (value: number) => ({
  schema: {
    fields: [
      { name: 'time', type: 'time' },
      { name: 'value', type: 'number' },
    ],
  },
  data: {
    values: [
      [FIXED_NOW - 2 * MINUTE, FIXED_NOW - MINUTE],
      [value, value],
    ],
  },
});

const catalog = createCatalog({
  pillars: [createPillar()],
  metrics: [
    createMetric({ id: 'uptime' }),
    createMetric({
      id: 'errors',
      name: 'Error rate',
      unit: 'percentunit',
      direction: 'lower-is-better',
      target: 0.01,
      thresholds: { green: 0.01, amber: 0.05 },
      source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } },
    }),
  ],
});

const TOKEN = 'glsa_viewer';
/** A healthy Grafana: every known source answers; the annotations list is empty. */
const healthy =
  (overrides: Partial<Record<'uptime' | 'errors', unknown>> = {}, unknownUid?: string): Handler =>
  ({ method, path, auth, body }) => {
    if (auth !== `Bearer ${TOKEN}`) {
      return { status: 401, json: { message: 'Invalid API key' } };
    }
    if (method === 'GET' && path.startsWith('/api/annotations')) {
      return { status: 200, json: [] };
    }
    const queries = body.queries as Array<{ refId: string; datasource: { uid: string } }>;
    if (unknownUid && queries.some((q) => q.datasource.uid === unknownUid)) {
      return { status: 404, json: { message: 'Data source not found' } };
    }
    const results: Record<string, unknown> = {};
    for (const q of queries) {
      results[q.refId] = overrides[q.refId as 'uptime'] ?? {
        status: 200,
        frames: [frame(q.refId === 'uptime' ? 0.9995 : 0.002)],
      };
    }
    return { status: Object.values(results).some((r: any) => r.error) ? 400 : 200, json: { results } };
  };

const evaluate = (url: URL, token = TOKEN) =>
  evaluateThroughGrafana({
    target: { url, token, timeoutMs: 5000 },
    catalog,
    fingerprint: fingerprint(catalog),
    selection: {},
    asOf: FIXED_NOW,
    asOfIsNow: false,
  });

const statuses = (rows: Array<{ metric_id: string; status: string }>) =>
  Object.fromEntries(rows.map((r) => [r.metric_id, r.status]));

describe('evaluating the catalog through Grafana for the report', () => {
  it('sends one /api/ds/query and one annotations request, and evaluates every metric', async () => {
    const grafana = await startGrafana(healthy());
    try {
      const out = await evaluate(grafana.url);
      expect(statuses(out.output.rows)).toEqual({ uptime: 'green', errors: 'green' });
      expect(grafana.seen.sort()).toEqual(['GET /api/annotations', 'POST /api/ds/query']);
      expect(out.requests).toBe(2);
      expect(out.output.meta.actions).toEqual({ read: true, count: 0 });
    } finally {
      await grafana.close();
    }
  });

  it('a refused token stops with exit 1 and says what token is needed, never showing it', async () => {
    const grafana = await startGrafana(healthy());
    try {
      const err = await evaluate(grafana.url, 'glsa_wrong').catch((e: CliError) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).code).toBe(1);
      expect((err as CliError).message).toMatch(/Grafana refused the token \(HTTP 401: Invalid API key\).*Viewer/);
      expect((err as CliError).message).not.toContain('glsa_wrong');
    } finally {
      await grafana.close();
    }
  });

  it('an unreachable Grafana stops with exit 1, naming the address', async () => {
    const grafana = await startGrafana(healthy());
    await grafana.close();
    const err = await evaluate(grafana.url).catch((e: CliError) => e);
    expect((err as CliError).code).toBe(1);
    expect((err as CliError).message).toContain(`${grafana.url.origin}/api/`);
  });

  it('a datasource Grafana does not know fails only its own metrics; the others keep their status', async () => {
    const grafana = await startGrafana(healthy({}, 'pg'));
    try {
      const out = await evaluate(grafana.url);
      expect(statuses(out.output.rows)).toEqual({ uptime: 'green', errors: 'error' });
      const errors = out.output.rows.find((r) => r.metric_id === 'errors')!;
      expect(errors.colour).toBe('red');
      expect(errors.evidence).toContain('HTTP 404: Data source not found');
      // the whole request, then once per datasource, and the annotations
      expect(out.requests).toBe(4);
    } finally {
      await grafana.close();
    }
  });

  it('partial data: a query that failed is an error row with its message; an empty answer is no data', async () => {
    const grafana = await startGrafana(
      healthy({
        uptime: { status: 500, error: 'prometheus: context deadline exceeded' },
        errors: { status: 200, frames: [] },
      })
    );
    try {
      const out = await evaluate(grafana.url);
      expect(statuses(out.output.rows)).toEqual({ uptime: 'error', errors: 'noData' });
      expect(out.output.rows.find((r) => r.metric_id === 'uptime')!.evidence).toContain('context deadline exceeded');
      expect(out.output.rows.every((r) => r.colour !== 'green')).toBe(true);
    } finally {
      await grafana.close();
    }
  });

  it('unreadable actions are said, not guessed: the metrics are evaluated with no action counted', async () => {
    const base = healthy();
    const grafana = await startGrafana((req) =>
      req.path.startsWith('/api/annotations') ? { status: 500, json: { message: 'database is locked' } } : base(req)
    );
    try {
      const out = await evaluate(grafana.url);
      expect(out.output.meta.actions).toMatchObject({ read: false, error: expect.stringContaining('HTTP 500') });
      expect(statuses(out.output.rows)).toEqual({ uptime: 'green', errors: 'green' });
    } finally {
      await grafana.close();
    }
  });
});

describe('what the dashboard in Grafana pins', () => {
  const FP = 'a'.repeat(64);
  const dashboard = (pins: unknown[]) => ({
    dashboard: {
      uid: 'candor-exec',
      panels: [
        { type: 'text' },
        {
          type: 'row',
          panels: pins.map((p) => ({ type: 'candor-scorecard-panel', options: { approvedFingerprint: p } })),
        },
      ],
    },
  });
  const check = async (answer: { status: number; json: unknown }) => {
    const grafana = await startGrafana(({ auth }) =>
      auth === `Bearer ${TOKEN}` ? answer : { status: 401, json: { message: 'Invalid API key' } }
    );
    try {
      return await provisionedDifference({ url: grafana.url, token: TOKEN }, 'candor-exec', FP);
    } finally {
      await grafana.close();
    }
  };

  it('nothing to say when every Candor panel pins this catalog (panels inside rows too)', async () => {
    expect(await check({ status: 200, json: dashboard([FP, FP]) })).toBe('');
  });
  it('another pinned fingerprint: the report is not about the definitions Grafana shows', async () => {
    expect(await check({ status: 200, json: dashboard([FP, 'b'.repeat(64)]) })).toBe(
      "the dashboard candor-exec pins sha256:bbbbbbbbbbbb, this report evaluated sha256:aaaaaaaaaaaa: the report's definitions are not the ones Grafana shows"
    );
  });
  it('a dashboard that cannot be read, or has no Candor panel, cannot confirm anything', async () => {
    expect(await check({ status: 404, json: { message: 'Dashboard not found' } })).toContain(
      'the dashboard candor-exec could not be read (HTTP 404: Dashboard not found)'
    );
    expect(await check({ status: 200, json: dashboard([]) })).toBe(
      'the dashboard candor-exec has no Candor panel with a pinned fingerprint'
    );
  });
});
