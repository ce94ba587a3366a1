// Starts the test double of Grafana's `POST /api/ds/query` and `/api/annotations` (test/grafana-double/server.mjs)
// for the running stack: Prometheus as `candor-prometheus`, PostgreSQL as `candor-postgres` with the read-only login,
// the annotation store seeded with the demo's actions relative to the stack's T0 (test/demo/actions.mjs), and two
// random service-account tokens (a Viewer's, an Editor's) for tests of the API's permissions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { HOST, REPO_ROOT, STACK_DIR, freePort, startDetached, waitFor } from './util.mjs';

export const ANNOTATION_SEED_FILE = path.join(STACK_DIR, 'annotations-seed.json');

/** A random token shaped like Grafana's service-account tokens (`glsa_<32 characters>_<8 hex>`). */
function serviceAccountToken() {
  return `glsa_${crypto.randomBytes(16).toString('hex')}_${crypto.randomBytes(4).toString('hex')}`;
}

export async function startDouble(state) {
  const port = await freePort();
  // Loaded here, not at the top: it compiles src/core/actions.ts (tsx), which `stop` and `status` do not need.
  const { demoActions } = await import('../../demo/actions.mjs');
  fs.writeFileSync(ANNOTATION_SEED_FILE, JSON.stringify(demoActions(state.t0), null, 2), { mode: 0o600 });
  const tokens = { viewer: serviceAccountToken(), editor: serviceAccountToken() };
  const config = {
    annotations: { seedFile: ANNOTATION_SEED_FILE },
    tokens,
    dashboards: { dirs: [path.join(REPO_ROOT, 'dashboards'), path.join(REPO_ROOT, 'provisioning/audience-dashboards')] },
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
  return { pid, port, url, queryUrl: `${url}/api/ds/query`, annotationsUrl: `${url}/api/annotations`, tokens };
}
