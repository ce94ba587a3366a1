/**
 * The demo stack itself: the PostgreSQL schema is the documented one (docs/demo-schema.md), Grafana's login is
 * read-only, the seed spans 90+ days and the feeds' syncs are as the scenario says; Prometheus holds 30+ days of
 * backfilled history that the live exporter continues; everything listens on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, psql, requireStack, type StackState } from './stack';

const DAY = 86_400_000;
let state: StackState;

beforeAll(async () => {
  state = await requireStack();
});

/** The CREATE statements of the doc's "## Tables" section. */
function docTablesSql(): string {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/demo-schema.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Tables\n'));
  return [...(section ?? '').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

const COLUMNS_SQL = (schema: string) =>
  `SELECT string_agg(format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-')), E'\\n' ORDER BY table_name, ordinal_position)
     FROM information_schema.columns WHERE table_schema = '${schema}'`;
const CONSTRAINTS_SQL = (schema: string) =>
  `SELECT string_agg(format('%s %s %s', c.conrelid::regclass::text, c.contype, regexp_replace(pg_get_constraintdef(c.oid), '${schema}\\.', '', 'g')), E'\\n')
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = '${schema}'`;
const INDEXES_SQL = (schema: string) =>
  `SELECT string_agg(regexp_replace(indexdef, '${schema}\\.', '', 'g'), E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '${schema}'`;

describe('PostgreSQL', () => {
  test('the database schema is exactly the CREATE statements of docs/demo-schema.md', () => {
    const scratch = state.postgres.fixtures;
    const build = psql(
      state,
      scratch,
      `DROP SCHEMA IF EXISTS doc CASCADE; CREATE SCHEMA doc; SET search_path = doc; ${docTablesSql()}`
    );
    expect(build).toEqual({ ok: true, output: expect.any(String) });
    const strip = (s: string) =>
      s
        .replace(/\bdoc\./g, '')
        .replace(/\bpublic\./g, '')
        .split('\n')
        .sort();
    for (const query of [COLUMNS_SQL, CONSTRAINTS_SQL, INDEXES_SQL]) {
      const fromDoc = psql(state, scratch, query('doc'));
      const live = psql(state, state.postgres, query('public'));
      expect(live.ok).toBe(true);
      expect(strip(live.output)).toEqual(strip(fromDoc.output));
      expect(live.output.length).toBeGreaterThan(100);
    }
    psql(state, scratch, 'DROP SCHEMA doc CASCADE');
  });

  test("Grafana's login reads every table", () => {
    const tables = docTablesSql()
      .match(/CREATE TABLE (\w+)/g)!
      .map((t) => t.split(' ')[2]);
    // 15 of the platform scorecard, 3 of the executive performance catalog (kpi_daily, initiatives, risks).
    expect(tables).toHaveLength(18);
    for (const table of tables) {
      expect(psql(state, state.postgres, `SELECT count(*) FROM ${table}`).ok).toBe(true);
    }
  });

  test.each([
    ['INSERT', "INSERT INTO feed_sync VALUES ('security_incidents', now())"],
    ['UPDATE in a read-write transaction', 'BEGIN READ WRITE; UPDATE feed_sync SET synced_at = now(); COMMIT'],
    ['DELETE', 'BEGIN READ WRITE; DELETE FROM incidents; COMMIT'],
    ['CREATE TABLE', 'BEGIN READ WRITE; CREATE TABLE x (a int); COMMIT'],
    ['CREATE TEMP TABLE', 'BEGIN READ WRITE; CREATE TEMP TABLE x (a int); COMMIT'],
    ['CREATE FUNCTION', "BEGIN READ WRITE; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; COMMIT"],
  ])("Grafana's login is read-only: %s is refused", (_, sql) => {
    const out = psql(state, state.postgres, sql);
    expect(out.ok).toBe(false);
    expect(out.output).toMatch(/permission denied|read-only transaction/);
  });

  test("Grafana's login defaults to read-only transactions", () => {
    expect(psql(state, state.postgres, 'SHOW default_transaction_read_only').output).toBe('on');
  });

  test('the seed has 90+ days of history and every feed synced as the scenario says', () => {
    const oldest = psql(
      state,
      state.postgres,
      `SELECT extract(epoch FROM least((SELECT min(started_at) FROM incidents), (SELECT min(deployed_at) FROM deployments),
              (SELECT min(checked_at) FROM compliance_checks), (SELECT min(responded_at) FROM nps_responses),
              (SELECT min(usage_date)::timestamptz FROM cloud_costs))) * 1000`
    );
    expect(state.t0 - Number(oldest.output)).toBeGreaterThan(90 * DAY);
    const syncs = psql(
      state,
      state.postgres,
      "SELECT feed || '=' || (extract(epoch FROM synced_at) * 1000)::bigint FROM feed_sync ORDER BY 1"
    );
    const byFeed = Object.fromEntries(
      syncs.output
        .split('\n')
        .map((l) => l.split('='))
        .map(([f, t]) => [f, state.t0 - Number(t)])
    );
    expect(Object.keys(byFeed).sort()).toEqual(
      [
        'cloud_costs',
        'compliance',
        'crm',
        'deployments',
        'escalations',
        'incidents',
        'surveys',
        'vulnerabilities',
        // The executive performance catalog's feeds; marketing never synced (its department shows no data).
        'finance',
        'sales',
        'customer_success',
        'engineering',
        'people',
        'market',
        'initiatives',
        'risks',
      ].sort()
    );
    expect(byFeed.escalations).toBe(9 * 3_600_000); // stopped: older than its 6 h maxAge
    for (const age of Object.values(byFeed)) {
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(DAY);
    }
  });

  test('PostgreSQL listens on 127.0.0.1 only', () => {
    expect(state.postgres.host).toBe('127.0.0.1');
    expect(psql(state, state.postgres, 'SELECT inet_server_addr()').output).toBe('127.0.0.1');
  });
});

describe('Prometheus and the live exporter', () => {
  const instant = async (query: string, time?: number) => {
    const params = new URLSearchParams({ query, ...(time ? { time: String(time / 1000) } : {}) });
    const res = await fetch(`${state.prometheus.url}/api/v1/query?${params}`, { signal: AbortSignal.timeout(10_000) });
    const json = await res.json();
    return json.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
  };

  test('30+ days of backfilled history: every series has samples 35 days ago', async () => {
    expect(state.t0 - state.prometheus.historyStart).toBeGreaterThanOrEqual(30 * DAY);
    const at = state.t0 - 35 * DAY;
    const names = [
      'probe_success',
      'http_requests_total',
      'sla_checks_total',
      'sla_breaches_total',
      'cloud_cost_usd_total',
    ];
    for (const name of names) {
      expect((await instant(name, at)).length).toBeGreaterThan(0);
    }
  });

  test('the live exporter serves the same series, and Prometheus has scraped them since the history ended', async () => {
    const text = await (await fetch(state.exporter.url)).text();
    const live = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.slice(0, l.lastIndexOf(' ')));
    expect(live.length).toBeGreaterThanOrEqual(20);
    const history = await instant(
      '{__name__=~"probe_success|http_requests_total|sla_.*_total|cloud_cost_usd_total"}',
      state.t0 - DAY
    );
    const key = (m: Record<string, string>) =>
      `${m.__name__}{${Object.entries(m)
        .filter(([k]) => k !== '__name__')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}}`;
    const liveKeys = live.map((l) => {
      const name = l.slice(0, l.indexOf('{'));
      const labels = Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return key({ __name__: name, ...labels });
    });
    expect(history.map((s) => key(s.metric)).sort()).toEqual(liveKeys.sort());
    const latest = await instant('timestamp(probe_success)');
    for (const s of latest) {
      expect(Number(s.value[1]) * 1000).toBeGreaterThan(state.prometheus.historyEnd);
    }
  });

  test('counters continue across the join of history and live samples (no reset)', async () => {
    const resets = await instant(
      'sum(resets(http_requests_total[2h])) + sum(resets(sla_checks_total[2h])) + sum(resets(cloud_cost_usd_total[2h]))'
    );
    expect(resets.map((s) => Number(s.value[1]))).toEqual([0]);
  });

  test('every service of the stack listens on 127.0.0.1', () => {
    for (const url of [state.prometheus.url, state.exporter.url, state.double.url]) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
    }
  });
});
