/**
 * axe-core on the rendered scorecard (WCAG 2.1 A and AA rules): no serious or critical violation, in both themes,
 * in the full and the tile layout, and with a row's evidence (and the action form) open. Lesser findings are attached
 * to the report.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_ID, openScorecard } from './harness';

async function scan(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="harness-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await test
    .info()
    .attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`
    );
  expect(serious, `serious or critical axe violations (${name})`).toEqual([]);
}

for (const theme of ['dark', 'light']) {
  test(`full scorecard, ${theme} theme`, async ({ page }) => {
    await openScorecard(page, { data: 'fixture', theme });
    await scan(page, `full-${theme}`);
  });

  test(`small tile, ${theme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 260, height: 220 });
    await openScorecard(page, { data: 'fixture', theme }, '/d-solo/candor-platform-scorecard');
    await scan(page, `tile-${theme}`);
  });
}

test('with a row’s evidence open', async ({ page }) => {
  await openScorecard(page, { data: 'fixture' });
  await page.getByTestId(TEST_ID.metricStatus).first().click();
  await expect(page.getByTestId(TEST_ID.evidence)).toBeVisible();
  await scan(page, 'evidence');
});

test('with the evidence and the action form open (an Editor)', async ({ page }) => {
  await openScorecard(page, { data: 'fixture', role: 'Editor' });
  // A row without an action: the form to record one is there.
  await page
    .locator('[data-testid="candor-metric"][data-metric-id="security-incidents"]')
    .getByTestId(TEST_ID.metricStatus)
    .click();
  await expect(page.getByTestId(TEST_ID.actionForm)).toBeVisible();
  await scan(page, 'action-form');
});

/**
 * axe cannot judge text on a gradient (it reports the hatched noData/stale/error rows as "incomplete"), so this
 * measures them itself: every text in a hatched row against both colours of its stripes, composited over the card,
 * must reach WCAG AA (4.5:1; 3:1 for large text).
 */
for (const theme of ['dark', 'light']) {
  test(`hatched rows keep AA text contrast on both stripe colours, ${theme} theme`, async ({ page }) => {
    await openScorecard(page, { data: 'fixture', theme });
    const failures = await page.evaluate(() => {
      type Rgba = [number, number, number, number];
      const parse = (c: string): Rgba => {
        const [r, g, b, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
        return [r, g, b, a];
      };
      const over = (top: Rgba, base: Rgba): Rgba =>
        [0, 1, 2].map((i) => top[i] * top[3] + base[i] * (1 - top[3])).concat(1) as Rgba;
      const lum = ([r, g, b]: Rgba) =>
        [r, g, b]
          .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
          .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
      const ratio = (a: Rgba, b: Rgba) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      const solidBehind = (el: Element): Rgba => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c[3] === 1) {
            return c;
          }
        }
        return [255, 255, 255, 1];
      };
      const out: string[] = [];
      for (const row of document.querySelectorAll<HTMLElement>('[data-testid="candor-metric"]')) {
        const hatch = [row, ...row.querySelectorAll('*')]
          .map((e) => getComputedStyle(e).backgroundImage)
          .find((b) => b.includes('gradient'));
        if (!hatch) {
          continue;
        }
        const base = solidBehind(row);
        const stripes = (hatch.match(/rgba?\([^)]*\)/g) ?? []).map((c) => over(parse(c), base));
        for (const el of row.querySelectorAll<HTMLElement>('*')) {
          const text = [...el.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim();
          if (!text || el.getClientRects().length === 0) {
            continue;
          }
          const style = getComputedStyle(el);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          for (const stripe of stripes) {
            const r = ratio(over(parse(style.color), stripe), stripe);
            if (r < (large ? 3 : 4.5)) {
              out.push(
                `${row.dataset.metricId} (${row.dataset.state}) "${text}": ${r.toFixed(2)}:1 on rgb(${stripe.slice(0, 3).map(Math.round)})`
              );
            }
          }
        }
      }
      return [...new Set(out)];
    });
    expect(failures).toEqual([]);
  });
}
