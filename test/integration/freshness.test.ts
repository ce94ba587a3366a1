/**
 * Freshness queries on the real PostgreSQL, as Grafana's read-only login runs them (core/freshness.ts):
 * - the load-age query of every generated alert rule (provision/alerting.ts, refId F) runs for every SQL metric of
 *   both demo catalogs and gives the age of the feed's last sync in seconds, +Inf for a feed that never synced;
 * - the stopped escalations feed (9 h, docs/demo-scenario.md) and the never-synced marketing feed read as such;
 * - every rule's source query cut at the load (refId A) runs and returns exactly the rows at or before the load,
 *   none for a feed that never synced; the demo's queries stop at the sync already, so nothing else is cut.
 */
import fs from 'node:fs';
import path from 'node:path';

import { loadCatalog } from '../../src/core/parse';
import type { Catalog, SqlSource } from '../../src/core/types';
import { loadAgeSql } from '../../src/provision/alertFreshness';
import { loadAgeQuery, sourceQuery } from '../../src/provision/alerting';
import { expandSql } from '../grafana-double/sqlMacros.mjs';
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

/** How many rows a SQL text returns over the last 30 days (Grafana's macros expanded), as Grafana's login. */
function countRows(sql: string): number {
  const to = Date.now();
  const { sql: expanded } = expandSql(sql, { from: to - 30 * 86_400_000, to }, 1000);
  const out = psql(state, state.postgres, `SELECT count(*) FROM (${expanded}) AS q`);
  expect(out).toEqual({ ok: true, output: expect.any(String) });
  return Number(out.output);
}

test.each(sqlMetrics)('%s: its alert rule reads the metric query cut at the load, as the scorecard does', (_, m) => {
  const query = (m.source as SqlSource).sql.rawSql;
  const cut = (sourceQuery(m).model as { rawSql: string }).rawSql;
  expect(cut).not.toBe(query);
  const all = countRows(query);
  expect(countRows(cut)).toBe(loadAgeSeconds(m) === Infinity ? 0 : all);
});

test.each(['UTC', 'America/New_York', 'Asia/Tokyo'])(
  'a load time without a time zone is UTC, as Grafana reads it, in a session in %s',
  (zone) => {
    // A timestamp without time zone three hours old in UTC, read in a session of another zone.
    const naive = "SELECT (now() AT TIME ZONE 'UTC') - interval '3 hours' AS time";
    const out = psql(state, state.postgres, `SET TimeZone = '${zone}'; ${loadAgeSql(naive)}`);
    expect(out.ok).toBe(true);
    const age = Number(out.output.split('\n').pop());
    expect(age).toBeGreaterThanOrEqual(3 * 3600);
    expect(age).toBeLessThan(3 * 3600 + 60);
  }
);
