/**
 * Keyboard use of the default scorecard: Tab reaches every row's one button (its status and name) in display order,
 * focus is visible, Enter opens the row's evidence and Escape closes it, the same content a mouse user gets.
 */
import { expect, test } from '@playwright/test';
import { TEST_ID, openScorecard } from './harness';

const MAX_TABS = 200;

test('Tab reaches every row button in display order, with a visible focus', async ({ page }) => {
  await openScorecard(page, { data: 'fixture' });
  const total = await page.getByTestId(TEST_ID.metricStatus).count();
  expect(total).toBeGreaterThan(0);
  const reached: string[] = [];
  for (let i = 0; i < MAX_TABS && reached.length < total; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el?.dataset.testid !== 'candor-metric-status') {
        return null;
      }
      const row = el.closest<HTMLElement>('[data-testid="candor-metric"]')!;
      const style = getComputedStyle(el);
      return {
        key: `${row.dataset.metricId}/${row.dataset.item ?? ''}`,
        visibleFocus: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    if (focused) {
      reached.push(focused.key);
      expect(focused.visibleFocus, `focus is visible on ${focused.key}`).toBe(true);
    }
  }
  const inDisplayOrder = await page
    .getByTestId(TEST_ID.metric)
    .evaluateAll((els) => els.map((el) => `${el.dataset.metricId}/${el.dataset.item ?? ''}`));
  expect(reached).toEqual(inDisplayOrder);
});

test('Enter opens the evidence of a red row: status, definition, source, owner, links; Escape closes it', async ({
  page,
}) => {
  // The evidence is a lazy chunk: fetched on the first open, from the app's folder where the build writes it.
  const scripts: string[] = [];
  const failed: string[] = [];
  page.on('response', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.js')) {
      (r.ok() ? scripts : failed).push(p);
    }
  });
  await openScorecard(page, { data: 'fixture' });
  const before = scripts.length;
  const row = page.locator('[data-testid="candor-metric"][data-metric-id="budget-variance"]');
  const button = row.getByTestId(TEST_ID.metricStatus);
  await button.focus();
  await page.keyboard.press('Enter');
  const evidence = page.getByTestId(TEST_ID.evidence);
  await expect(evidence).toBeVisible();
  await expect(evidence).toContainText(/Red/);
  expect(scripts.slice(before)).toEqual([expect.stringMatching(/^\/public\/plugins\/candor-scorecard-app\/\d+\.js$/)]);
  expect(failed).toEqual([]);
  await expect(evidence).toContainText('candor-postgres');
  await expect(evidence).toContainText('CFO');
  await expect(evidence).toContainText('Thresholds');
  // The full name heads it; the row shows the label.
  await expect(page.getByText('Budget variance (month to date)')).toBeVisible();
  await expect(evidence.getByRole('link', { name: /The source query in Explore/ })).toHaveAttribute(
    'href',
    /^\/explore\?schemaVersion=1&panes=/
  );
  await page.keyboard.press('Escape');
  await expect(evidence).toBeHidden();
});
