#!/usr/bin/env node
// Runs the real-Grafana suite when GRAFANA_URL names a running Grafana (docker compose up); otherwise says clearly
// that it did NOT run, so nobody mistakes it for a pass. Not part of `npm test` (no Docker engine there).
import { spawnSync } from 'node:child_process';

if (!process.env.GRAFANA_URL) {
  console.log(
    'test:e2e-grafana: NOT RUN — GRAFANA_URL is not set. Start Grafana with `npm run build && docker compose up -d`, then ' +
      '`GRAFANA_URL=http://localhost:3000 npm run test:e2e-grafana` (CI: .github/workflows/e2e-grafana.yml).'
  );
  process.exit(0);
}
const r = spawnSync('npx', ['playwright', 'test', '-c', 'test/e2e-grafana/playwright.config.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
