#!/usr/bin/env node
// The demo stack: PostgreSQL (seeded), Prometheus (backfilled) + live exporter, and the test double of Grafana's
// `POST /api/ds/query` and `/api/annotations` (seeded with the demo's actions), all on 127.0.0.1 spare ports, started
// and stopped by PID.
//   node test/stack/stack.mjs start   - idempotent: does nothing when the whole stack is already running
//   node test/stack/stack.mjs stop    - stops every process it started (by PID), removes the runtime data
//   node test/stack/stack.mjs status  - exit 0 when everything runs, 1 otherwise
// The chosen ports, PIDs, URLs, the read-only database login and the double's service-account tokens are written to
// .stack/state.json (mode 600) for the tests.
import fs from 'node:fs';
import path from 'node:path';

import { ANNOTATION_SEED_FILE, startDouble } from './lib/double.mjs';
import { loadDemoData, startPostgres } from './lib/postgres.mjs';
import { historySpan, startExporter, startPrometheus } from './lib/prometheus.mjs';
import { setup } from '../../scripts/setup.mjs';
import { STACK_DIR, STATE_FILE, freePort, isAlive, log, readState, stopPid, writeState } from './lib/util.mjs';

const PROCESSES = ['double', 'prometheus', 'exporter', 'postgres'];
// What each process's command line contains (checked before a PID from a file is signalled).
const MARKERS = {
  double: 'grafana-double/server.mjs',
  prometheus: 'prometheus',
  exporter: 'prometheus/exporter.mjs',
  postgres: 'postgres',
};

function running(state) {
  return Object.fromEntries(PROCESSES.map((p) => [p, Boolean(state?.[p]?.pid && isAlive(state[p].pid))]));
}

async function stop() {
  const state = readState();
  for (const name of PROCESSES) {
    const pid = state?.[name]?.pid ?? readPidFile(name);
    if (pid) {
      // PostgreSQL: SIGINT is its "fast" shutdown (disconnects clients, shuts down cleanly).
      const pg = name === 'postgres';
      await stopPid(name, pid, {
        timeoutMs: pg ? 30_000 : 15_000,
        signal: pg ? 'SIGINT' : 'SIGTERM',
        marker: MARKERS[name],
      });
    }
    fs.rmSync(path.join(STACK_DIR, `${name}.pid`), { force: true });
  }
  if (state?.postgres?.root) {
    fs.rmSync(state.postgres.root, { recursive: true, force: true });
  }
  fs.rmSync(path.join(STACK_DIR, 'prometheus-data'), { recursive: true, force: true });
  fs.rmSync(path.join(STACK_DIR, 'double.json'), { force: true });
  fs.rmSync(ANNOTATION_SEED_FILE, { force: true });
  fs.rmSync(STATE_FILE, { force: true });
  log('stopped');
}

function readPidFile(name) {
  try {
    return Number.parseInt(fs.readFileSync(path.join(STACK_DIR, `${name}.pid`), 'utf8'), 10);
  } catch {
    return undefined;
  }
}

async function start() {
  const before = readState();
  const alive = running(before);
  // A stack started by an older version of this script (its double without annotations) counts as partly running.
  if (before?.double?.annotationsUrl && PROCESSES.every((p) => alive[p])) {
    log(`already running (started ${before.startedAt}); state in ${STATE_FILE}`);
    return;
  }
  if (before || PROCESSES.some((p) => readPidFile(p))) {
    log('a previous stack is partly running (or predates the annotations double): stopping it first');
    await stop();
  }
  // The stack's servers (Debian's prometheus and postgresql): installed as root, otherwise one clear message.
  if (setup('preview') !== 0) {
    throw new Error('the demo stack needs the tools named above');
  }
  fs.mkdirSync(STACK_DIR, { recursive: true });
  const started = Date.now();
  const t0 = Math.floor(started / 1000) * 1000;
  const state = { startedAt: new Date(t0).toISOString(), t0 };
  try {
    const pg = await startPostgres(await freePort());
    state.postgres = {
      pid: pg.pid,
      host: pg.host,
      port: pg.port,
      root: pg.root,
      database: 'candor',
      user: 'candor_grafana',
      password: pg.passwords.candor_grafana,
      fixtures: { database: 'candor_fixtures', user: 'candor_fixtures', password: pg.passwords.candor_fixtures },
      feeds: { database: 'candor', user: 'candor_feeds', password: pg.passwords.candor_feeds },
    };
    writeState(state);
    loadDemoData(pg, t0);
    const t0Sec = Math.floor(t0 / 1000);
    const exporterPort = await freePort();
    const promPort = await freePort();
    // The exporter continues the history: both use the same model and the same origin (every counter 0).
    const { originSec, endSec } = historySpan(t0Sec);
    state.exporter = { pid: await startExporter({ port: exporterPort, originSec, t0Sec }), port: exporterPort };
    state.exporter.url = `http://127.0.0.1:${exporterPort}/metrics`;
    writeState(state);
    const prom = await startPrometheus({ port: promPort, exporterPort, t0Sec, originSec, endSec });
    state.prometheus = {
      pid: prom.pid,
      port: prom.port,
      url: prom.url,
      historyStart: originSec * 1000,
      historyEnd: endSec * 1000,
    };
    writeState(state);
    const double = await startDouble(state);
    state.double = double;
    writeState(state);
  } catch (e) {
    log(`start failed: ${e.message}`);
    await stop();
    throw e;
  }
  log(`started in ${((Date.now() - started) / 1000).toFixed(1)} s; double of /api/ds/query: ${state.double.url}`);
}

async function status() {
  const state = readState();
  const alive = running(state);
  for (const p of PROCESSES) {
    process.stdout.write(`${p.padEnd(10)} ${alive[p] ? `running (pid ${state[p].pid})` : 'not running'}\n`);
  }
  if (state?.double?.url) {
    process.stdout.write(`double     ${state.double.url}\n`);
  }
  return PROCESSES.every((p) => alive[p]);
}

const command = process.argv[2];
try {
  if (command === 'start') {
    await start();
  } else if (command === 'stop') {
    await stop();
  } else if (command === 'status') {
    process.exitCode = (await status()) ? 0 : 1;
  } else {
    process.stderr.write('usage: node test/stack/stack.mjs start|stop|status\n');
    process.exitCode = 2;
  }
} catch (e) {
  // One line, never a stack trace (CANDOR_DEBUG=1 shows it).
  process.stderr.write(`[stack] ${process.env.CANDOR_DEBUG ? (e.stack ?? e) : (e.message ?? e)}\n`);
  process.exitCode = 1;
}
