/**
 * The default scorecard on LIVE data: the built datasource queries the Grafana double, which runs the catalog's
 * queries on the real Prometheus and PostgreSQL of the demo stack and keeps the owners' actions as annotations.
 * Every state of the seeded scenario must appear with the right colour, what needs attention must lead, names are
 * never cut, and the scorecard fits one screen. The tests run in order: the last one records and changes an action.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ID, cutNames, measureOverflow, openScorecard, readScenario, shownColour } from './harness';

test.describe.configure({ mode: 'serial' });

const scenario = readScenario();

/** [metric id, item, expected status, expected shown colour] for every row the scenario names. */
const expectedRows = Object.entries(scenario.metrics).flatMap(([id, m]) =>
  m.items
    ? Object.entries(m.items).map(([item, status]) => [id, item, status, shownColour(status)])
    : [[id, '', m.status, m.shown ?? shownColour(m.status)]]
);

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

test.describe('live data from the demo stack', () => {
  test('every metric of the scenario shows its status and its colour, and every state appears', async ({ page }) => {
    await openScorecard(page, { data: 'live' });
    const rows = page.getByTestId(TEST_ID.metric);
    await expect(rows).toHaveCount(expectedRows.length);
    const seen = await rows.evaluateAll((els) =>
      els.map((el) => [el.dataset.metricId, el.dataset.item ?? '', el.dataset.state, el.dataset.status])
    );
    const actual = Object.fromEntries(seen.map(([id, item, state, status]) => [`${id}/${item}`, { state, status }]));
    const expected = Object.fromEntries(
      expectedRows.map(([id, item, status, shown]) => [`${id}/${item}`, { state: status, status: shown }])
    );
    expect(actual).toEqual(expected);
    const states = new Set(seen.map(([, , state]) => state));
    for (const state of ['green', 'amber', 'red', 'noData', 'stale']) {
      expect(states, `state ${state} appears on the demo dashboard`).toContain(state);
    }
  });

  test('pillars and the overall status follow the scenario; each pillar answers its question', async ({ page }) => {
    await openScorecard(page, { data: 'live' });
    const pillars = await page
      .getByTestId(TEST_ID.pillar)
      .evaluateAll((els) => els.map((el) => [el.dataset.pillarId, el.dataset.status]));
    expect(Object.fromEntries(pillars)).toEqual(scenario.pillars);
    await expect(page.getByTestId(TEST_ID.header)).toHaveAttribute('data-status', scenario.overall);
    const answers = await page.getByTestId(TEST_ID.pillarAnswer).allTextContents();
    expect(answers).toHaveLength(Object.keys(scenario.pillars).length);
    for (const answer of answers) {
      expect(answer).toMatch(/\? — (Yes: all \d+ metrics on target|No: .+ (above|below|outside) .+|Unknown: .+)\.$/);
    }
  });

  test('the attention strip lists every red and amber row above the pillars, red first, each with its owner', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' });
    const strip = page.getByTestId(TEST_ID.attention);
    const entries = await strip
      .getByTestId(TEST_ID.attentionItem)
      .evaluateAll((els) => els.map((el) => [`${el.dataset.metricId}/${el.dataset.item ?? ''}`, el.dataset.status]));
    const offTarget = expectedRows.filter(([, , , shown]) => shown !== 'green').map(([id, item]) => `${id}/${item}`);
    expect(entries.map(([key]) => key).sort()).toEqual(offTarget.sort());
    const colours = entries.map(([, colour]) => colour);
    expect(colours).toEqual([...colours].sort((a, b) => (a === b ? 0 : a === 'red' ? -1 : 1)));
    const stripBox = (await strip.boundingBox())!;
    const firstPillar = (await page.getByTestId(TEST_ID.pillar).first().boundingBox())!;
    expect(stripBox.y + stripBox.height).toBeLessThanOrEqual(firstPillar.y);
    // An action on time, and none recorded, each said in its line.
    await expect(strip.locator('[data-metric-id="nps"]')).toContainText('Action: Interview the detractors');
    await expect(strip.locator('[data-metric-id="security-incidents"]')).toContainText('No action recorded');
  });

  test('one POST /api/ds/query and one annotations read per refresh, with every metric of the catalog', async ({
    page,
  }) => {
    const bodies: Array<{ queries: Array<{ refId: string }> }> = [];
    const annotationReads: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/ds/query') {
        bodies.push(r.postDataJSON());
      }
      if (url.pathname === '/api/annotations' && r.method() === 'GET') {
        annotationReads.push(url.searchParams.getAll('tags').join(','));
      }
    });
    await openScorecard(page, { data: 'live' });
    expect(bodies).toHaveLength(1);
    // Every metric's own query, and the freshness query of each metric that has one (docs/catalog.md), in one body.
    const refIds = bodies[0].queries.map((q) => q.refId);
    expect(refIds.filter((r) => !r.endsWith('.freshness')).sort()).toEqual(Object.keys(scenario.metrics).sort());
    expect(refIds.filter((r) => r.endsWith('.freshness')).map((r) => r.replace(/\.freshness$/, ''))).toEqual(
      refIds.filter((r, i) => refIds[i + 1] === `${r}.freshness`)
    );
    expect(refIds.filter((r) => r.endsWith('.freshness'))).toHaveLength(16);
    expect(annotationReads).toEqual(['candor-action,scorecard:platform-scorecard']);
  });

  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height}: one screen, no name cut, one button per row, human numbers`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await openScorecard(page, { data: 'live' });
      await expect(page.getByTestId(TEST_ID.scorecard)).toHaveAttribute('data-size-mode', 'full');
      expect(await measureOverflow(page)).toEqual({ pageScrolls: false, scrollers: [], rowsOutside: 0 });
      expect(await cutNames(page)).toEqual([]);
      const affordances = await page
        .getByTestId(TEST_ID.metric)
        .evaluateAll((els) => els.map((el) => [el.querySelectorAll('button').length, el.querySelectorAll('a').length]));
      expect(new Set(affordances.map((a) => a.join('/')))).toEqual(new Set(['1/0']));
      const values = await page.getByTestId(TEST_ID.metricValue).allTextContents();
      for (const value of values) {
        // At most four significant digits on the demo (three, plus one where a target needs it), durations in words.
        expect(value.replace(/\D/g, '').replace(/^0+/, '').length, value).toBeLessThanOrEqual(5);
        expect(value).not.toMatch(/hour|weeks?$|\.\d+ (days?|h|min)/);
      }
    });
  }
});

/** The annotations API through the harness (proxied to the double), from the page: the session's Editor. */
function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'Content-Type': 'application/json', 'X-Candor-Harness-Data': 'live' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, json: await res.json() };
    },
    [method, path, body] as const
  );
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe('an owner records an action: shown, escalation prevented, overdue, escalated', () => {
  test('the round trip through the panel and Grafana’s annotations API', async ({ page }) => {
    const metric = 'infra-cost-trend';
    const row = page.locator(`[data-testid="candor-metric"][data-metric-id="${metric}"]`);
    const entry = page.locator(`[data-testid="candor-attention-item"][data-metric-id="${metric}"]`);
    let id: number | undefined;
    try {
      // Amber for a month, its last action closed: shown red, escalated.
      await openScorecard(page, { data: 'live', role: 'Editor' });
      await expect(row).toHaveAttribute('data-state', 'amber');
      await expect(row).toHaveAttribute('data-status', 'red');
      await expect(entry).toContainText('escalated');

      // Record an action from the row's evidence; the dashboard refreshes by itself.
      await row.getByTestId(TEST_ID.metricStatus).click();
      const form = page.getByTestId(TEST_ID.actionForm);
      await form.getByLabel('What is being done').fill('Rightsize the production cluster');
      await form.getByLabel('Due').fill(day(7));
      await form.getByRole('button', { name: 'Record action' }).click();
      await expect(row).toHaveAttribute('data-status', 'amber');
      await expect(entry).toContainText('Action: Rightsize the production cluster');
      await expect(entry).not.toContainText('escalated');
      await expect(row).toHaveAttribute('data-state', 'amber');

      // The action is a Grafana annotation with Candor's tags.
      const found = await api(page, 'GET', `/api/annotations?tags=candor-action&tags=metric:${metric}&type=annotation`);
      const mine = (found.json as Array<{ id: number; text: string; tags: string[] }>).find((a) =>
        a.text.startsWith('Rightsize the production cluster')
      );
      expect(mine?.tags).toEqual(expect.arrayContaining(['candor-action', `metric:${metric}`, `due:${day(7)}`]));
      id = mine!.id;

      // Its due day passes with the metric still amber: escalated again, saying why.
      const overdue = mine!.tags.map((t) => (t.startsWith('due:') ? `due:${day(-1)}` : t));
      expect((await api(page, 'PATCH', `/api/annotations/${id}`, { tags: overdue })).status).toBe(200);
      await openScorecard(page, { data: 'live', role: 'Editor' });
      await expect(row).toHaveAttribute('data-status', 'red');
      await expect(entry).toContainText('escalated');
      await expect(entry.getByText(/escalated/)).toHaveAttribute(
        'title',
        new RegExp(`^Action overdue since ${day(-1)}`)
      );
    } finally {
      if (id !== undefined) {
        await api(page, 'DELETE', `/api/annotations/${id}`);
      }
    }
  });
});
