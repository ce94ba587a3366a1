/**
 * `npm run bench:sources` (with the demo stack; test/stack/with-stack.sh starts it): what one refresh of the default
 * catalog costs the sources. Prometheus: the samples each range query touches, from Prometheus's own statistics
 * (`stats=all`, totalQueryableSamples), for the query Grafana sends (planned as the Grafana double plans it), and,
 * computed, for the same metric read from its generated recording rule (one recorded sample per step). PostgreSQL:
 * the rows each query returns through the double, and the rows it reads from tables to compute them (PostgreSQL's own
 * count: EXPLAIN ANALYZE of the expanded text, rows kept plus rows removed by filters, at every table scan). Writes
 * docs/benchmarks-sources.md.
 */

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows read from tables in a plan: at every node that scans a relation, the rows it kept and those it removed. */
export function rowsRead(node: PlanNode): number {
  const here =
    node['Relation Name'] === undefined
      ? 0
      : ((node['Actual Rows'] ?? 0) +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        (node['Actual Loops'] ?? 1);
  return here + (node.Plans ?? []).reduce((n, p) => n + rowsRead(p), 0);
}

/** The rows the expanded query reads, by PostgreSQL's EXPLAIN ANALYZE, as the read-only role Grafana uses. */
async function sqlRowsRead(
  login: { host: string; port: number; user: string; password: string; database: string },
  rawSql: string,
  range: { from: number; to: number }
): Promise<number> {
  const conn = await PgConnection.connect(login);
  try {
    const { sql } = expandSql(rawSql, range, 1000);
    const { results, error } = await conn.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    if (error) {
      throw new Error(`EXPLAIN failed: ${error.message}`);
    }
    const [plan] = JSON.parse(results.at(-1)?.rows[0]?.[0] ?? '[]') as Array<{ Plan: PlanNode }>;
    return rowsRead(plan.Plan);
  } finally {
    conn.close();
  }
}
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';

import { loadCatalog } from '../src/core/parse';
import { buildRequests, type PrometheusQuery, type SqlQuery } from '../src/core/queries';
import { decodeResponse } from '../src/core/response';
// The double's own planner: the step and aligned range Grafana's Prometheus datasource would use.
import { planPrometheusQuery } from '../test/grafana-double/prometheus.mjs';
// The double's macro expansion and wire client: the SQL text Grafana's PostgreSQL datasource would send.
import { expandSql } from '../test/grafana-double/sqlMacros.mjs';
import { PgConnection } from '../test/grafana-double/pgwire.mjs';

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const state = JSON.parse(readFileSync(path.join(ROOT, '.stack/state.json'), 'utf8'));
  const { catalog } = loadCatalog(
    readFileSync(path.join(ROOT, 'provisioning/catalogs/platform-scorecard.yaml'), 'utf8')
  );
  const asOf = Date.now();
  const [body] = buildRequests(catalog!.metrics, asOf, (t) => t);
  const range = { from: Number(body.from), to: Number(body.to) };
  const lines: string[] = [];
  let [samples, recorded, rows, read] = [0, 0, 0, 0];
  const login = {
    host: state.postgres.host,
    port: state.postgres.port,
    user: state.postgres.user,
    password: state.postgres.password,
    database: state.postgres.database,
  };
  for (const q of body.queries) {
    if (q.datasource.type === 'prometheus') {
      const plan = planPrometheusQuery(q as PrometheusQuery, range, { scrapeInterval: '15s' });
      const url = new URL('/api/v1/query_range', state.prometheus.url);
      url.search = new URLSearchParams({
        query: plan.expr,
        start: String(plan.start / 1000),
        end: String(plan.end / 1000),
        step: String(plan.stepMs / 1000),
        stats: 'all',
      }).toString();
      const t = Date.now();
      const json = (await (await fetch(url)).json()) as {
        data?: { stats?: { samples?: { totalQueryableSamples?: number } } };
      };
      const ms = Date.now() - t;
      const n = json.data?.stats?.samples?.totalQueryableSamples ?? NaN;
      const steps = Math.floor((plan.end - plan.start) / plan.stepMs) + 1;
      samples += n;
      recorded += steps;
      lines.push(
        `| ${q.refId} | Prometheus | ${n.toLocaleString('en')} samples | ${steps.toLocaleString('en')} samples (computed) | ${ms} ms |`
      );
    } else {
      const t = Date.now();
      const res = await fetch(state.double.queryUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, queries: [q as SqlQuery] }),
      });
      const ms = Date.now() - t;
      const { frames } = decodeResponse(await res.json());
      const n = frames.reduce((sum, f) => sum + (f.fields[0]?.values.length ?? 0), 0);
      const r = await sqlRowsRead(login, (q as SqlQuery).rawSql, range);
      rows += n;
      read += r;
      lines.push(
        `| ${q.refId} | PostgreSQL | ${r.toLocaleString('en')} rows read, ${n.toLocaleString('en')} returned | | ${ms} ms |`
      );
    }
  }
  const md = [
    '# Source cost per refresh',
    '',
    'Generated by `npm run bench:sources` (bench/sources.ts) against the demo stack: one refresh of',
    '`provisioning/catalogs/platform-scorecard.yaml`, each query timed alone. Prometheus figures come from',
    "Prometheus's own statistics (`stats=all`, totalQueryableSamples) for the query Grafana sends. The recording-rule",
    'column is computed, not measured: a metric read from its generated recording rule touches one recorded sample',
    "per step (the demo's Prometheus has no recorded history to measure). PostgreSQL figures are the rows each query",
    "reads from tables (PostgreSQL's EXPLAIN ANALYZE of the text Grafana sends: rows kept and removed by filters at",
    'every table scan) and the rows it returns.',
    '',
    `Run on ${new Date(asOf).toISOString().slice(0, 16)} UTC over ${Math.round((range.to - range.from) / 86_400_000)} days.`,
    '',
    '| Metric | Source | Cost as queried | Cost from the recording rule | Time |',
    '|---|---|---|---|---|',
    ...lines,
    '',
    `Per refresh: ${samples.toLocaleString('en')} Prometheus samples (${recorded.toLocaleString('en')} from recording rules) and ${read.toLocaleString('en')} SQL rows read (${rows.toLocaleString('en')} returned).`,
    '',
  ].join('\n');
  writeFileSync(path.join(ROOT, 'docs/benchmarks-sources.md'), md);
  console.log(md);
}

main().catch((e: Error) => {
  console.error(`bench:sources: ${e.message}`);
  process.exit(1);
});
