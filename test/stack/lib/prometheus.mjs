// Prometheus for the demo: 40 days of history written as OpenMetrics and backfilled with promtool into a fresh TSDB,
// then Prometheus on 127.0.0.1 scraping the live exporter (same model) every 5 s.
import fs from 'node:fs';
import path from 'node:path';

import { prometheusConfig } from '../../demo/prometheus/config.mjs';
import { HISTORY_DAYS, writeHistory } from '../../demo/prometheus/history.mjs';
import { HOST, REPO_ROOT, STACK_DIR, httpGet, log, run, startDetached, waitFor } from './util.mjs';

/** The history's span: it ends 3 minutes before T0 (on the minute); every counter is 0 at its origin. */
export function historySpan(t0Sec) {
  const endSec = Math.floor(t0Sec / 60) * 60 - 180;
  return { originSec: endSec - HISTORY_DAYS * 86400, endSec };
}

/** Starts the exporter; resolves its PID once /ready answers. */
export async function startExporter({ port, originSec, t0Sec }) {
  const pid = startDetached(
    'exporter',
    process.execPath,
    [
      path.join(REPO_ROOT, 'test/demo/prometheus/exporter.mjs'),
      '--port',
      String(port),
      '--origin',
      String(originSec),
      '--t0',
      String(t0Sec),
    ],
    { logFile: path.join(STACK_DIR, 'exporter.log'), pidFile: path.join(STACK_DIR, 'exporter.pid') }
  );
  await waitFor('the exporter', async () => (await httpGet(`http://${HOST}:${port}/ready`, 1000)).status === 200);
  return pid;
}

/** Writes the history, backfills it with promtool, starts Prometheus; resolves once it has scraped the exporter. */
export async function startPrometheus({ port, exporterPort, t0Sec, originSec, endSec }) {
  const dataDir = path.join(STACK_DIR, 'prometheus-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const historyFile = path.join(STACK_DIR, 'history.om');
  const started = Date.now();
  const samples = writeHistory(historyFile, { originSec, endSec, t0Sec });
  // --max-block-duration (a hidden promtool flag): week-long blocks. With the default 2 h blocks promtool re-reads the
  // whole file once per block (480 passes, about 90 s here); with weeks it takes about 2 s.
  run(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', '--max-block-duration=168h', historyFile, dataDir],
    {
      timeout: 300_000,
    }
  );
  fs.rmSync(historyFile);
  log(
    `Prometheus history: ${samples} samples over ${HISTORY_DAYS} days backfilled in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );

  const config = path.join(STACK_DIR, 'prometheus.yml');
  // The same scrape job as the compose quickstart's (test/demo/prometheus/config.mjs), every 5 s on 127.0.0.1.
  fs.writeFileSync(
    config,
    prometheusConfig({ scrapeInterval: '5s', evaluationInterval: '5s', exporterTarget: `${HOST}:${exporterPort}` })
  );
  const pid = startDetached(
    'prometheus',
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${dataDir}`,
      '--storage.tsdb.retention.time=400d',
      `--web.listen-address=${HOST}:${port}`,
      '--log.level=warn',
    ],
    { logFile: path.join(STACK_DIR, 'prometheus.log'), pidFile: path.join(STACK_DIR, 'prometheus.pid') }
  );
  const base = `http://${HOST}:${port}`;
  await waitFor('Prometheus to be ready', async () => (await httpGet(`${base}/-/ready`, 1000)).status === 200);
  // Fresh data: wait for the first scrape of the exporter (the newest probe_success sample is after T0).
  await waitFor('the first scrape of the exporter', async () => {
    const r = await httpGet(`${base}/api/v1/query?query=${encodeURIComponent('timestamp(probe_success)')}`, 2000);
    const result = JSON.parse(r.text).data?.result ?? [];
    return result.length === 3 && result.every((s) => Number(s.value[1]) >= t0Sec);
  });
  log(`Prometheus ready on ${HOST}:${port} (history and live samples)`);
  return { pid, port, url: base, dataDir };
}
