/**
 * End-to-end tests against a REAL Grafana (`docker compose up`), with @grafana/plugin-e2e. No Grafana server can
 * run on our development machines (no Docker engine), so this suite runs where Docker exists: the GitHub Actions
 * workflow .github/workflows/e2e-grafana.yml runs it against the oldest (12.3.0) and the newest supported Grafana.
 * Start it with `npm run test:e2e-grafana` (test/e2e-grafana/run.mjs), which refuses to pretend when GRAFANA_URL is
 * unset.
 */
import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import path from 'path';

const authFile = path.join(__dirname, '../../playwright/.auth/admin.json');

export default defineConfig<PluginOptions>({
  testDir: __dirname,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: { baseURL: process.env.GRAFANA_URL, trace: 'retain-on-failure' },
  projects: [
    // plugin-e2e's own login (admin:admin by default; override with grafanaAPICredentials).
    {
      name: 'auth',
      testDir: path.join(__dirname, '../../node_modules/@grafana/plugin-e2e/dist/auth'),
      testMatch: [/.*\.js/],
    },
    {
      name: 'grafana',
      testMatch: [/.*\.spec\.ts/],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, storageState: authFile },
      dependencies: ['auth'],
    },
  ],
});
