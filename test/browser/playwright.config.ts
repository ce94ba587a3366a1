/**
 * The browser tests: the BUILT plugin (dist/) in Debian's Chromium, loaded by the harness page (test/browser/README.md).
 * Run with `npm run test:browser`, which starts the demo stack around them. The harness server is started and
 * stopped by global-setup.ts; its URL reaches the tests as CANDOR_HARNESS_URL.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export default defineConfig({
  testDir: './specs',
  // The scaffold's places for Playwright output (git and ESLint ignore them), at the repository root.
  outputDir: '../../test-results',
  // Baselines are committed beside the tests, one file per name, whatever the platform.
  snapshotPathTemplate: '{testDir}/../screenshots/{arg}{ext}',
  globalSetup: './global-setup.ts',
  timeout: 60_000,
  globalTimeout: 20 * 60_000,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { outputFolder: '../../playwright-report', open: 'never' }]],
  expect: {
    timeout: 15_000,
    // Anti-aliasing may move a few pixels between runs; a changed colour, word or layout moves far more.
    toHaveScreenshot: { threshold: 0.2, maxDiffPixelRatio: 0.002, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
});
