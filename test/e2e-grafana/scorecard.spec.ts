import { expect, test } from '@grafana/plugin-e2e';

const DASHBOARD_UID = 'candor-platform-scorecard';
const DATASOURCE_UID = 'candor-platform-scorecard';

test('the provisioned scorecard loads with all five pillars', async ({ gotoDashboardPage, page }) => {
  await gotoDashboardPage({ uid: DASHBOARD_UID });
  await expect(page.getByTestId('candor-scorecard')).toBeVisible();
  await expect(page.getByTestId('candor-pillar')).toHaveCount(5);
  await expect(page.getByTestId('candor-fingerprint-banner')).toHaveCount(0);
});

test('saving the locked dashboard is refused', async ({ request }) => {
  const current = await request.get(`/api/dashboards/uid/${DASHBOARD_UID}`);
  expect(current.ok()).toBe(true);
  const { dashboard } = await current.json();
  const save = await request.post('/api/dashboards/db', {
    data: { dashboard: { ...dashboard, title: `${dashboard.title} (edited)` }, overwrite: true },
  });
  expect(save.ok()).toBe(false);
  expect(await save.text()).toMatch(/provisioned/i);
});

test("the Candor datasource's Test passes", async ({ gotoDataSourceConfigPage, page }) => {
  await gotoDataSourceConfigPage(DATASOURCE_UID);
  // Provisioned with editable: false, so Grafana shows a plain "Test" button and no "Save & test".
  await expect(page.getByRole('button', { name: 'Save & test', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/queries ran/)).toBeVisible({ timeout: 30_000 });
});

test('one alert rule per metric is provisioned', async ({ request }) => {
  const rules = await request.get('/api/v1/provisioning/alert-rules');
  expect(rules.ok()).toBe(true);
  const candor = ((await rules.json()) as Array<{ uid: string; labels?: Record<string, string> }>).filter((r) =>
    r.uid.startsWith('candor-')
  );
  expect(candor).toHaveLength(20);
  expect(candor.every((r) => r.labels?.pillar && r.labels?.metric && r.labels?.owner && r.labels?.tier)).toBe(true);
});
