// The demo's live exporter: serves the current values of the same series as the backfilled history (same model), so
// Prometheus' scrapes continue the history and the newest samples are fresh.
// Usage: node test/demo/prometheus/exporter.mjs --port PORT --origin ORIGIN_SECONDS --t0 T0_SECONDS [--host HOST]
// HOST is 127.0.0.1 by default; the compose quickstart passes 0.0.0.0, as Prometheus scrapes it from another container.
import http from 'node:http';

import { FAMILIES, labelText, sampleName } from './model.mjs';

export function exposition(nowSec, originSec, t0Sec) {
  const lines = [];
  for (const family of FAMILIES) {
    const name = sampleName(family);
    lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
    for (const series of family.series) {
      lines.push(`${name}${labelText(series.labels)} ${series.value(nowSec, originSec, t0Sec)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : NaN;
  if (!Number.isFinite(value)) {
    throw new Error(`exporter: --${name} NUMBER is required`);
  }
  return value;
}

const port = arg('port');
const originSec = arg('origin');
const t0Sec = arg('t0');
const hostAt = process.argv.indexOf('--host');
const host = hostAt > 0 ? process.argv[hostAt + 1] : '127.0.0.1';

const server = http.createServer((req, res) => {
  if (req.url === '/metrics') {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(exposition(Math.floor(Date.now() / 1000), originSec, t0Sec));
  } else if (req.url === '/ready') {
    res.writeHead(200).end('ok\n');
  } else {
    res.writeHead(404).end('not found\n');
  }
});
server.listen(port, host, () => process.stdout.write(`exporter listening on ${host}:${port}\n`));
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
