/**
 * The embedded sizes of docs/panel.md ("Size modes"), as a d-solo iframe shows them, on the saved scenario (recorded
 * from the demo stack, so the pixels do not depend on the clock): a one-pillar tile, a narrow column, a small tile.
 */
import { expect, test } from '@playwright/test';
import { TEST_ID, cutNames, measureOverflow, openScorecard, readScenario } from './harness';

const scenario = readScenario();
const solo = '/d-solo/candor-platform-scorecard';
const notGreen = Object.values(scenario.metrics).flatMap((m) =>
  m.items ? Object.values(m.items).filter((s) => s !== 'green') : m.status === 'green' ? [] : [m.status]
).length;

test.describe('embedded sizes (d-solo)', () => {
  test('one pillar: a compact header and that pillar only', async ({ page }) => {
    await page.setViewportSize({ width: 520, height: 560 });
    await openScorecard(page, { data: 'fixture', pillars: 'security-risk' }, solo);
    await expect(page.getByTestId(TEST_ID.scorecard)).toHaveAttribute('data-size-mode', 'pillar');
    await expect(page.getByTestId(TEST_ID.pillar)).toHaveCount(1);
    await expect(page.getByTestId(TEST_ID.pillar)).toHaveAttribute('data-status', scenario.pillars['security-risk']);
    const items = Object.keys(scenario.metrics['open-security-issues'].items ?? {}).length;
    await expect(page.getByTestId(TEST_ID.metric)).toHaveCount(items + 3);
    expect(await measureOverflow(page)).toEqual({ pageScrolls: false, scrollers: [], rowsOutside: 0 });
    expect(await cutNames(page)).toEqual([]);
    await expect(page).toHaveScreenshot('embed-pillar-security-dark.png');
  });

  test('narrow column: the pillars stacked in one column, scrolling inside the panel', async ({ page }) => {
    await page.setViewportSize({ width: 600, height: 900 });
    await openScorecard(page, { data: 'fixture' }, solo);
    await expect(page.getByTestId(TEST_ID.scorecard)).toHaveAttribute('data-size-mode', 'column');
    const lefts = await page
      .getByTestId(TEST_ID.pillar)
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
    expect(lefts).toHaveLength(Object.keys(scenario.pillars).length);
    expect(new Set(lefts).size, 'every pillar starts at the same x').toBe(1);
    const overflow = await measureOverflow(page);
    expect(overflow.pageScrolls, 'the page itself never scrolls; the panel does').toBe(false);
    expect(await cutNames(page)).toEqual([]);
    // What needs attention leads here too, each entry on two lines.
    await expect(page.getByTestId(TEST_ID.attentionItem)).toHaveCount(notGreen);
    await expect(page).toHaveScreenshot('embed-column-dark.png');
  });

  test('small tile: overall status, the worst three, and how many more are not green', async ({ page }) => {
    await page.setViewportSize({ width: 260, height: 220 });
    await openScorecard(page, { data: 'fixture' }, solo);
    await expect(page.getByTestId(TEST_ID.scorecard)).toHaveAttribute('data-size-mode', 'tile');
    await expect(page.getByTestId(TEST_ID.header)).toHaveAttribute('data-status', scenario.overall);
    const rows = page.getByTestId(TEST_ID.metric);
    await expect(rows).toHaveCount(3);
    // The worst first: both red rows of the scenario lead.
    const shown = await rows.evaluateAll((els) => els.map((el) => el.dataset.status));
    expect(shown.slice(0, 2)).toEqual(['red', 'red']);
    await expect(page.getByTestId(TEST_ID.tileMore)).toContainText(`+${notGreen - 3} more`);
    expect(await measureOverflow(page)).toEqual({ pageScrolls: false, scrollers: [], rowsOutside: 0 });
    expect(await cutNames(page)).toEqual([]);
    await expect(page).toHaveScreenshot('embed-tile-dark.png');
  });
});
