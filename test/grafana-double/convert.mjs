#!/usr/bin/env node
// The double's converters as a command: prints `{ "status", "frames" }` (plus "error" for a failed query) in
// Grafana's data-frame JSON, the form of Grafana's golden files.
//
//   node test/grafana-double/convert.mjs prometheus RAW.json [--expr EXPR] [--step 15s] [--legend FORMAT]
//                                                            [--stage query|converter]
//     RAW.json is a raw Prometheus HTTP API response. --stage converter prints the converter's frames only
//     (fields "Time"/"Value"); the default, query, adds what Grafana's query path adds (value field named after
//     __name__, display name, step interval, executed query string, calculated min step) for the given expr/step.
//
//   node test/grafana-double/convert.mjs postgres FILE.sql [--format time_series|table] [--from ISO] [--to ISO]
//                                                         [--login fixtures|grafana] [--query SQL]
//     Runs FILE.sql on the stack's PostgreSQL (.stack/state.json) in ONE session: the whole file first (setup), then
//     the query on its first line (`-- SELECT ...`), as Grafana's golden tests do. Default login: `fixtures`
//     (may create temporary tables, in the scratch database); `grafana` is the datasource's read-only login.
//     Default format: the file's folder name when it is `table` or `time_series`, else time_series. --query runs
//     another query after the file's setup (e.g. a golden whose own .sql file is not available).
import fs from 'node:fs';
import path from 'node:path';

import { frameJson } from './frames.mjs';
import { PgConnection } from './pgwire.mjs';
import { parseDuration } from './prometheus.mjs';
import { convertPrometheus, finishPrometheusFrames } from './promConvert.mjs';
import { runSqlOnConnection } from './postgres.mjs';

const STATE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '.stack', 'state.json');

function options(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      out[argv[i].slice(2)] = argv[i + 1] ?? '';
      i++;
    } else {
      out._.push(argv[i]);
    }
  }
  return out;
}

function print(response) {
  const out = {};
  if (response.error) {
    out.error = response.error;
  }
  out.status = response.status ?? (response.error ? 500 : 200);
  out.frames = (response.frames ?? []).map(frameJson);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

function prometheus(file, opts) {
  const converted = convertPrometheus(JSON.parse(fs.readFileSync(file, 'utf8')));
  const status = converted.error ? 400 : 200;
  if (opts.stage === 'converter') {
    return { ...converted, status };
  }
  const query = { expr: opts.expr ?? '', stepMs: parseDuration(opts.step ?? '15s'), legendFormat: opts.legend ?? '' };
  return { ...converted, status, frames: finishPrometheusFrames(converted.frames ?? [], query) };
}

async function postgres(file, opts) {
  if (!fs.existsSync(STATE)) {
    throw new Error(`the stack is not running (no ${STATE}): start it with node test/stack/stack.mjs start`);
  }
  const state = JSON.parse(fs.readFileSync(STATE, 'utf8'));
  const pg = state.postgres;
  const login =
    opts.login === 'grafana'
      ? { user: pg.user, password: pg.password, database: pg.database }
      : { user: pg.fixtures.user, password: pg.fixtures.password, database: pg.fixtures.database };
  const sql = fs.readFileSync(file, 'utf8');
  const first = /^-- (.+)\n/.exec(sql);
  if (!first) {
    throw new Error(`${file}: the first line must be the query, as "-- SELECT ..."`);
  }
  const folder = path.basename(path.dirname(path.resolve(file)));
  const format = opts.format ?? (['table', 'time_series'].includes(folder) ? folder : 'time_series');
  const range = {
    from: opts.from ? Date.parse(opts.from) : Date.now() - 6 * 3600_000,
    to: opts.to ? Date.parse(opts.to) : Date.now(),
  };
  const conn = await PgConnection.connect({ host: pg.host, port: pg.port, ...login });
  try {
    const setup = await conn.query(sql);
    if (setup.error) {
      throw new Error(`${file}: setup failed: ${setup.error.message}`);
    }
    return await runSqlOnConnection(conn, { rawSql: opts.query ?? first[1].trim(), format }, range);
  } finally {
    conn.close();
  }
}

const opts = options(process.argv.slice(2));
const [kind, file] = opts._;
try {
  if (kind === 'prometheus' && file) {
    print(prometheus(file, opts));
  } else if (kind === 'postgres' && file) {
    print(await postgres(file, opts));
  } else {
    process.stderr.write(
      'usage: convert.mjs prometheus RAW.json [options] | convert.mjs postgres FILE.sql [options]\n'
    );
    process.exitCode = 2;
  }
} catch (e) {
  process.stderr.write(`convert: ${e.message}\n`);
  process.exitCode = 1;
}
