/**
 * The page loads the BUILT plugin the way Grafana does: the three module.js files from /public/plugins/<app>/ through
 * SystemJS, every shared dependency from the host, every icon and font it asks for present, no error in the console.
 */
import { expect, test } from '@playwright/test';
import { TEST_ID, openScorecard, readScenario } from './harness';

const APP = '/public/plugins/candor-scorecard-app/';

test('the built modules load through SystemJS and render without console errors or missing files', async ({ page }) => {
  const requested: string[] = [];
  const failed: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await openScorecard(page, { data: 'fixture' });

  for (const file of ['module.js', 'datasource/module.js', 'panel/module.js']) {
    expect(requested, `${APP}${file} is loaded`).toContain(`${APP}${file}`);
  }
  // Grafana's own instances: the plugin bundles never carry React or @grafana/* (they are AMD externals).
  const registered = await page.evaluate(() =>
    ['react', '@grafana/data', '@grafana/ui', '@grafana/runtime', 'rxjs'].map((n) => window.System.resolve(n))
  );
  expect(registered.every((id: string) => id.startsWith('package:'))).toBe(true);
  expect(requested.filter((p) => p.startsWith('/public/fonts/')).length, 'Grafana fonts requested').toBeGreaterThan(0);
  expect(requested.filter((p) => p.startsWith('/public/build/img/icons/')).length, 'icons requested').toBeGreaterThan(
    0
  );
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
  const diagnostics = await page.evaluate(() => fetch('/harness/diagnostics').then((r) => r.json()));
  expect(diagnostics.missingIcons, 'icons the npm package lacks (shown empty)').toEqual([]);
});

test('the saved scenario replays the statuses the live stack shows (re-record it when the scenario changes)', async ({
  page,
}) => {
  const states = async () =>
    page
      .getByTestId(TEST_ID.metric)
      .evaluateAll((els) => els.map((el) => `${el.dataset.metricId}/${el.dataset.item}:${el.dataset.state}`).sort());
  await openScorecard(page, { data: 'live' });
  const live = await states();
  await openScorecard(page, { data: 'fixture' });
  expect(await states()).toEqual(live);
  expect(live).toHaveLength(
    Object.values(readScenario().metrics).reduce((n, m) => n + (m.items ? Object.keys(m.items).length : 1), 0)
  );
});

test('an unknown metric id in the selection is named on the scorecard, not silently dropped', async ({ page }) => {
  await openScorecard(page, { data: 'fixture', metrics: 'no-such-metric' });
  await expect(page.getByTestId(TEST_ID.scorecard)).toContainText(/no-such-metric/);
});
