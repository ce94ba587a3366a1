/**
 * The default scorecard in Grafana's dark and light themes, on the saved scenario: screenshot baselines (committed
 * under test/browser/screenshots/), and the page really switches theme (canvas colour, status colours differ).
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ID, openScorecard } from './harness';

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const background = (page: Page) =>
  page.getByTestId('harness-page').evaluate((el) => getComputedStyle(el).backgroundColor);

for (const theme of ['dark', 'light'] as const) {
  test.describe(`${theme} theme`, () => {
    test(`1920×1080 matches its baseline`, async ({ page }) => {
      await openScorecard(page, { data: 'fixture', theme });
      const lum = luminance(await background(page));
      expect(theme === 'dark' ? lum < 0.05 : lum > 0.8, `canvas luminance ${lum.toFixed(3)}`).toBe(true);
      await expect(page).toHaveScreenshot(`scorecard-${theme}-1920x1080.png`);
    });

    test(`1280×720 matches its baseline`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openScorecard(page, { data: 'fixture', theme });
      await expect(page).toHaveScreenshot(`scorecard-${theme}-1280x720.png`);
    });
  });
}

test('the status colours differ between the themes (theme tokens, not fixed colours)', async ({ page }) => {
  const lights: Record<string, string[]> = {};
  for (const theme of ['dark', 'light']) {
    await openScorecard(page, { data: 'fixture', theme });
    lights[theme] = await page
      .getByTestId(TEST_ID.pillar)
      .evaluateAll((els) => els.map((el) => `${el.dataset.status}:${getComputedStyle(el).borderTopColor}`));
  }
  expect(lights.dark).not.toEqual(lights.light);
});
