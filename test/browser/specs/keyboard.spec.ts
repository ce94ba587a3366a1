/**
 * Keyboard use of the default scorecard: Tab reaches every metric's status (the evidence trigger), focus is visible,
 * and a focused status shows its evidence, the same content a mouse user gets on hover.
 */
import { expect, test } from '@playwright/test';
import { TEST_ID, openScorecard } from './harness';

const MAX_TABS = 200;

test('Tab reaches every metric status in display order, with a visible focus and the evidence', async ({ page }) => {
  await openScorecard(page, { data: 'fixture' });
  const statuses = page.getByTestId(TEST_ID.metricStatus);
  const total = await statuses.count();
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
        // The full name (the visible text may be cut with an ellipsis).
        name: row.querySelector('[data-testid="candor-metric-name"]')?.getAttribute('title') ?? '',
        describedBy: el.getAttribute('aria-describedby'),
        visibleFocus: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    if (!focused) {
      continue;
    }
    reached.push(focused.key);
    expect(focused.visibleFocus, `focus is visible on ${focused.key}`).toBe(true);
    // The status button is described by its tooltip (the previous one may still be fading out).
    expect(focused.describedBy, `${focused.key} is described by its evidence tooltip`).toBeTruthy();
    const evidence = page.locator(`[id="${focused.describedBy}"]`).getByTestId(TEST_ID.evidence);
    await expect(evidence, `focusing ${focused.key} shows its evidence`).toBeVisible();
    await expect(evidence).toContainText(focused.name);
    await expect(evidence).toContainText('Source');
  }
  const inDisplayOrder = await page
    .getByTestId(TEST_ID.metric)
    .evaluateAll((els) => els.map((el) => `${el.dataset.metricId}/${el.dataset.item ?? ''}`));
  expect(reached).toEqual(inDisplayOrder);
});

test('the evidence of a red row names the status, the source and the owner, and closes when focus moves on', async ({
  page,
}) => {
  await openScorecard(page, { data: 'fixture' });
  const row = page.locator('[data-testid="candor-metric"][data-metric-id="budget-variance"]');
  const status = row.getByTestId(TEST_ID.metricStatus);
  await status.focus();
  const evidence = page
    .locator(`[id="${await status.getAttribute('aria-describedby')}"]`)
    .getByTestId(TEST_ID.evidence);
  await expect(evidence).toBeVisible();
  await expect(evidence).toContainText(/red/i);
  await expect(evidence).toContainText('candor-postgres');
  await expect(evidence).toContainText('CFO');
  // Focus moves on (to the row's drill-down link): the evidence closes again.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'candor-metric-link');
  await expect(evidence).toBeHidden();
});
