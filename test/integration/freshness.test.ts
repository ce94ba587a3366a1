/**
 * Freshness queries on the real PostgreSQL, as Grafana's read-only login runs them (core/freshness.ts):
 * - the load-age query of every generated alert rule (provision/alerting.ts, refId F) runs for every SQL metric of
 *   both demo catalogs and gives the age of the feed's last sync in seconds, +Inf for a feed that never synced;
 * - the stopped escalations feed (9 h, docs/demo-scenario.md) and the never-synced marketing feed read as such.
 */
import fs from 'node:fs';
import path from 'node:path';

import { loadCatalog } from '../../src/core/parse';
import type { Catalog } from '../../src/core/types';
import { loadAgeQuery } from '../../src/provision/alerting';
import { REPO_ROOT, psql, requireStack, type StackState } from './stack';

let state: StackState;

const catalogOf = (name: string): Catalog => {
  const loaded = loadCatalog(fs.readFileSync(path.join(REPO_ROOT, `provisioning/catalogs/${name}.yaml`), 'utf8'));
  if (!loaded.catalog) {
    throw new Error(`${name} is invalid: ${JSON.stringify(loaded.problems)}`);
  }
  return loaded.catalog;
};
const sqlMetrics = ['platform-scorecard', 'executive-performance'].flatMap((name) =>
  catalogOf(name)
    .metrics.filter((m) => 'sql' in m.source)
    .map((m) => [`${name}/${m.id}`, m] as const)
);

/** The F query of the metric's alert rule, run as Grafana's login: the load age in seconds. */
function loadAgeSeconds(m: (typeof sqlMetrics)[number][1]): number {
  const query = loadAgeQuery(m)!;
  const out = psql(state, state.postgres, (query.model as { rawSql: string }).rawSql);
  expect(out).toEqual({ ok: true, output: expect.any(String) });
  return out.output === 'Infinity' ? Infinity : Number(out.output);
}

beforeAll(async () => {
  state = await requireStack();
});

test('every SQL metric of both demo catalogs has a freshness query', () => {
  expect(sqlMetrics.length).toBe(16 + 33);
  expect(sqlMetrics.filter(([, m]) => m.freshness.sql === undefined).map(([id]) => id)).toEqual([]);
});

test.each(sqlMetrics)('%s: its alert rule reads the age of its last load', (_, m) => {
  const age = loadAgeSeconds(m);
  const synced = psql(state, state.postgres, `SELECT count("time") || '/' || count(*) FROM (${m.freshness.sql}) AS f`);
  expect(synced.ok).toBe(true);
  const [withTime, rows] = synced.output.split('/').map(Number);
  if (rows === 0 || withTime < rows) {
    expect(age).toBe(Infinity);
  } else {
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(86_400);
  }
});

test('the stopped escalations feed is 9 h old, the never-synced marketing feed has no load', () => {
  const byId = new Map(sqlMetrics);
  const escalations = loadAgeSeconds(byId.get('platform-scorecard/open-escalations')!);
  const elapsed = (Date.now() - state.t0) / 1000;
  expect(escalations).toBeGreaterThanOrEqual(9 * 3600);
  expect(escalations).toBeLessThanOrEqual(9 * 3600 + elapsed + 5);
  expect(loadAgeSeconds(byId.get('executive-performance/lead-generation')!)).toBe(Infinity);
});
