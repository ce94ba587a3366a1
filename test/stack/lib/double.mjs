// Starts the test double of Grafana's `POST /api/ds/query` (test/grafana-double/server.mjs) for the running stack:
// Prometheus as `candor-prometheus`, PostgreSQL as `candor-postgres` with the read-only login.
import fs from 'node:fs';
import path from 'node:path';

import { HOST, REPO_ROOT, STACK_DIR, freePort, startDetached, waitFor } from './util.mjs';

export async function startDouble(state) {
  const port = await freePort();
  const config = {
    prometheus: { uid: 'candor-prometheus', url: state.prometheus.url, scrapeInterval: '15s' },
    postgres: {
      uid: 'candor-postgres',
      host: state.postgres.host,
      port: state.postgres.port,
      user: state.postgres.user,
      password: state.postgres.password,
      database: state.postgres.database,
    },
  };
  const configFile = path.join(STACK_DIR, 'double.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  const pid = startDetached(
    'double',
    process.execPath,
    [path.join(REPO_ROOT, 'test/grafana-double/server.mjs'), '--port', String(port), '--config', configFile],
    { logFile: path.join(STACK_DIR, 'double.log'), pidFile: path.join(STACK_DIR, 'double.pid') }
  );
  const url = `http://${HOST}:${port}`;
  await waitFor(
    'the /api/ds/query double',
    async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) })).ok
  );
  return { pid, port, url, queryUrl: `${url}/api/ds/query` };
}
