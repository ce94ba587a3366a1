/**
 * The default catalog end to end on the demo stack: every query, exactly as the datasource builds it (buildRequests),
 * goes through the double of Grafana's `/api/ds/query` to the real Prometheus and the real PostgreSQL (read-only
 * role); the owners' actions come from the double's annotations API with the datasource's query; the answer is
 * decoded (decodeResponse) and evaluated (runEngine) like a panel refresh, and every metric must show the status, the
 * colour and the action of the seeded scenario (test/demo/scenario.json, docs/demo-scenario.md).
 */
import fs from 'node:fs';
import path from 'node:path';

import { actionsQuery, searchParams, type AnnotationLike } from '../../src/core/actions';
import { runEngine, type EngineOutput } from '../../src/core/engine';
import { fingerprint } from '../../src/core/fingerprint';
import { freshnessRefId } from '../../src/core/freshness';
import { loadCatalog } from '../../src/core/parse';
import { buildRequests } from '../../src/core/queries';
import { decodeResponse, type DecodedResponse } from '../../src/core/response';
import type { Catalog } from '../../src/core/types';
import scenario from '../demo/scenario.json';
import { REPO_ROOT, dsQuery, requireStack, type StackState } from './stack';

const CATALOG_FILE = path.join(REPO_ROOT, 'provisioning/catalogs/platform-scorecard.yaml');

interface Expected {
  status: string;
  items?: Record<string, string>;
  /** The colour shown when escalation changed it. */
  shown?: string;
  action?: 'on time' | 'overdue' | 'closed';
}
const expected = scenario.metrics as Record<string, Expected>;

let state: StackState;
let catalog: Catalog;
let output: EngineOutput;
let decoded: DecodedResponse;
let httpStatus: number[];
let annotations: AnnotationLike[];

/** The datasource's annotations query (src/datasource/fetchActions.ts) sent to the double. */
async function readAnnotations(asOf: number): Promise<AnnotationLike[]> {
  const query = searchParams(actionsQuery('platform-scorecard', asOf));
  const res = await fetch(`${state.double.annotationsUrl}?${query}`, { signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  state = await requireStack();
  const loaded = loadCatalog(fs.readFileSync(CATALOG_FILE, 'utf8'));
  if (!loaded.catalog) {
    throw new Error(`the default catalog is invalid: ${JSON.stringify(loaded.problems)}`);
  }
  catalog = loaded.catalog;
  const now = Date.now();
  decoded = { frames: [], errors: [] };
  httpStatus = [];
  for (const body of buildRequests(catalog.metrics, now, (text) => text)) {
    const res = await dsQuery(state, body);
    httpStatus.push(res.status);
    const part = decodeResponse(res.json);
    decoded.frames.push(...part.frames);
    decoded.errors.push(...part.errors);
  }
  annotations = await readAnnotations(now);
  output = runEngine({
    catalog,
    fingerprint: fingerprint(loaded.data),
    selection: {},
    frames: decoded.frames,
    errors: decoded.errors,
    asOf: now,
    asOfIsNow: true,
    now,
    annotations: { list: annotations },
  }).result;
});

test('the scenario names every metric of the default catalog, and only those', () => {
  expect(Object.keys(expected).sort()).toEqual(catalog.metrics.map((m) => m.id).sort());
});

test('every query of the default catalog runs without error against the real Prometheus and PostgreSQL', () => {
  expect(decoded.errors).toEqual([]);
  expect(httpStatus.every((s) => s === 200)).toBe(true);
  const answered = new Set(decoded.frames.map((f) => f.refId));
  // Each metric answers its query, and each SQL metric its freshness query too (core/freshness.ts).
  const refIds = catalog.metrics.flatMap((m) => [m.id, ...(m.freshness.sql ? [freshnessRefId(m.id)] : [])]);
  expect(refIds.filter((r) => r.endsWith('.freshness'))).toHaveLength(16);
  expect([...answered].sort()).toEqual(refIds.sort());
});

test('the stopped feed is judged by its load: the escalations desk last synced 9 h ago', () => {
  const row = output.rows.find((r) => r.metric_id === 'open-escalations')!;
  expect(row.evidence).toMatch(/^Stale: data last loaded 9 h ago, allowed 6 h; /);
});

test.each(Object.entries(expected))('%s shows the scenario status', (metricId, want) => {
  const rows = output.rows.filter((r) => r.metric_id === metricId);
  expect(rows.length).toBeGreaterThan(0);
  if (want.items) {
    const byItem = Object.fromEntries(rows.map((r) => [r.item, r.status]));
    expect(byItem).toEqual(want.items);
  } else {
    expect(rows.map((r) => `${r.status}: ${r.evidence}`)).toEqual([
      expect.stringMatching(new RegExp(`^${want.status}: `)),
    ]);
  }
});

test('every status of the scorecard appears except error: green, amber, red, stale and noData', () => {
  const statuses = new Set(output.rows.map((r) => r.status));
  expect([...statuses].sort()).toEqual(['amber', 'green', 'noData', 'red', 'stale']);
  const counts = Object.values(expected).reduce<Record<string, number>>((acc, m) => {
    acc[m.status] = (acc[m.status] ?? 0) + 1;
    return acc;
  }, {});
  // Most green, some amber, at least two red, one stale, one with no data.
  expect(counts.green).toBeGreaterThan(Object.keys(expected).length / 2);
  expect(counts.amber).toBeGreaterThanOrEqual(2);
  expect(counts.red).toBeGreaterThanOrEqual(2);
  expect(counts.stale).toBe(1);
  expect(counts.noData).toBe(1);
});

test('pillars and the overall colour roll up as the scenario says', () => {
  expect(Object.fromEntries(output.meta.pillars.map((p) => [p.id, p.colour]))).toEqual(scenario.pillars);
  expect(output.meta.overall.colour).toBe(scenario.overall);
});

test('the Prometheus metrics have a point from the last 15 minutes (their maxAge)', () => {
  const promMetrics = catalog.metrics.filter((m) => 'prometheus' in m.source).map((m) => m.id);
  expect(promMetrics).toHaveLength(4);
  for (const id of promMetrics) {
    const row = output.rows.find((r) => r.metric_id === id)!;
    expect(row.last_sample).not.toBeNull();
    expect(Date.now() - row.last_sample!).toBeLessThanOrEqual(15 * 60_000);
  }
});

test('trends come from the history: every metric with data has a value one trend window earlier', () => {
  for (const row of output.rows.filter((r) => r.status !== 'noData')) {
    expect({ metric: row.metric_id, item: row.item, previous: row.previous }).toEqual({
      metric: row.metric_id,
      item: row.item,
      previous: expect.any(Number),
    });
    expect(row.sparkline.length).toBeGreaterThan(3);
  }
});

test('docs/demo-scenario.md documents exactly these statuses', () => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/demo-scenario.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` +\| (\w+) +\|/gm)].map((m) => [m[1], m[2]]);
  expect(Object.fromEntries(rows)).toEqual(
    Object.fromEntries(Object.entries(expected).map(([id, m]) => [id, m.status]))
  );
});

const SHOWN: Record<string, string> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
  noData: 'red',
  error: 'red',
  stale: 'amber',
};

test.each(Object.entries(expected))(
  '%s is shown in the scenario colour, with the scenario action',
  (metricId, want) => {
    const rows = output.rows.filter((r) => r.metric_id === metricId && r.status !== 'green');
    for (const row of rows) {
      expect({ row: `${row.metric_id}/${row.item}`, colour: row.colour }).toEqual({
        row: `${row.metric_id}/${row.item}`,
        colour: want.shown ?? SHOWN[row.status],
      });
      const state = row.action ? (row.action.overdue ? 'overdue' : 'on time') : undefined;
      expect({ row: row.metric_id, action: state }).toEqual({
        row: row.metric_id,
        action: want.action === 'closed' ? undefined : want.action,
      });
    }
  }
);

test('the demo actions read back: four open, one closed, the annotation that is no action ignored', () => {
  expect(annotations).toHaveLength(5);
  expect(output.meta.actions).toEqual({ read: true, count: 5 });
  const escalated = output.rows.filter((r) => r.escalation).map((r) => [r.metric_id, r.escalation]);
  expect(Object.fromEntries(escalated)).toMatchObject({
    'critical-patch-time': expect.stringMatching(
      /^Action overdue since \d{4}-\d{2}-\d{2} \(Head of Security Engineering\): shown red$/
    ),
    'infra-cost-trend': expect.stringMatching(
      /^Amber for ≥? ?\d+ days, no open action since \d{4}-\d{2}-\d{2}: shown red$/
    ),
  });
});

test('the attention list holds every row off target, worst first, and each pillar answers its question', () => {
  const off = output.rows.filter((r) => r.colour !== 'green').map((r) => `${r.metric_id}/${r.item}`);
  const listed = (output.meta.attention ?? []).map((a) => `${a.metricId}/${a.item}`);
  expect([...listed].sort()).toEqual([...off].sort());
  const colours = (output.meta.attention ?? []).map((a) => a.colour);
  expect(colours).toEqual([...colours].sort((a, b) => (a === b ? 0 : a === 'red' ? -1 : 1)));
  for (const p of output.meta.pillars) {
    expect(p.answer).toMatch(p.colour === 'green' ? /^Yes: / : /^(No|Unknown): /);
  }
});
