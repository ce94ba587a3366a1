/**
 * The default scorecard on LIVE data: the built datasource queries the Grafana double, which runs the catalog's
 * queries on the real Prometheus and PostgreSQL of the demo stack. Every state of the seeded scenario must appear
 * with the right `data-status`, and the scorecard must fit one screen.
 */
import { expect, test } from '@playwright/test';
import { TEST_ID, measureOverflow, openScorecard, readScenario, shownColour } from './harness';

const scenario = readScenario();

/** [metric id, item, expected status] for every row the scenario names. */
const expectedRows = Object.entries(scenario.metrics).flatMap(([id, m]) =>
  m.items ? Object.entries(m.items).map(([item, status]) => [id, item, status]) : [[id, '', m.status]]
);

test.describe('live data from the demo stack', () => {
  test('every metric of the scenario shows its status, its colour, and every state appears', async ({ page }) => {
    await openScorecard(page, { data: 'live' });
    const rows = page.getByTestId(TEST_ID.metric);
    await expect(rows).toHaveCount(expectedRows.length);
    const seen = await rows.evaluateAll((els) =>
      els.map((el) => [el.dataset.metricId, el.dataset.item ?? '', el.dataset.state, el.dataset.status])
    );
    const actual = Object.fromEntries(seen.map(([id, item, state, status]) => [`${id}/${item}`, { state, status }]));
    const expected = Object.fromEntries(
      expectedRows.map(([id, item, status]) => [`${id}/${item}`, { state: status, status: shownColour(status) }])
    );
    expect(actual).toEqual(expected);
    const states = new Set(seen.map(([, , state]) => state));
    for (const state of ['green', 'amber', 'red', 'noData', 'stale']) {
      expect(states, `state ${state} appears on the demo dashboard`).toContain(state);
    }
  });

  test('pillars and the overall status follow the scenario', async ({ page }) => {
    await openScorecard(page, { data: 'live' });
    const pillars = await page
      .getByTestId(TEST_ID.pillar)
      .evaluateAll((els) => els.map((el) => [el.dataset.pillarId, el.dataset.status]));
    expect(Object.fromEntries(pillars)).toEqual(scenario.pillars);
    // Pillars in catalog order.
    expect(pillars.map(([id]) => id)).toEqual(Object.keys(scenario.pillars));
    await expect(page.getByTestId(TEST_ID.header)).toHaveAttribute('data-status', scenario.overall);
  });

  test('one POST /api/ds/query per refresh, with every metric of the catalog', async ({ page }) => {
    const bodies: Array<{ queries: Array<{ refId: string }> }> = [];
    page.on('request', (r) => r.url().endsWith('/api/ds/query') && bodies.push(r.postDataJSON()));
    await openScorecard(page, { data: 'live' });
    expect(bodies).toHaveLength(1);
    expect(bodies[0].queries.map((q) => q.refId).sort()).toEqual(Object.keys(scenario.metrics).sort());
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    test(`fits one screen at ${viewport.width}×${viewport.height} (kiosk, no scrolling)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openScorecard(page, { data: 'live' });
      await expect(page.getByTestId(TEST_ID.scorecard)).toHaveAttribute('data-size-mode', 'full');
      expect(await measureOverflow(page)).toEqual({ pageScrolls: false, scrollers: [], rowsOutside: 0 });
    });
  }
});
