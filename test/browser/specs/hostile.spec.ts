/**
 * The hostile corpus (test/browser/hostile/corpus.mjs) in the built plugin: markup and script in every catalog
 * text, frame label, frame name and notice render as text; unsafe links never become links; nothing but reads
 * and the one /api/ds/query leaves the page.
 */
import { expect, type Page, test } from '@playwright/test';
import { harnessUrl, openScorecard, TEST_ID } from './harness';

declare global {
  interface Window {
    __candorPwned?: number;
  }
}

/** Everything a payload could have produced if it became markup, and every request the page made. */
async function inspect(page: Page, selector = '[data-testid="harness-panel"]') {
  return page.evaluate((root) => {
    const panel = document.querySelector(root) ?? document.body;
    const all = [...panel.querySelectorAll('*')];
    return {
      pwned: window.__candorPwned,
      scripts: panel.querySelectorAll('script, iframe, object, embed').length,
      handlers: all.flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)
      ),
      images: panel.querySelectorAll('img[src="x"], svg[onload]').length,
      links: [...panel.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      text: panel.textContent ?? '',
    };
  }, selector);
}

function watchRequests(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (r.method() !== 'GET' && !(r.method() === 'POST' && p === '/api/ds/query')) {
      writes.push(`${r.method()} ${p}`);
    }
  });
  return writes;
}

test('payloads in catalog texts, labels, frame names and notices render as text, and no script runs', async ({
  page,
}) => {
  const writes = watchRequests(page);
  await openScorecard(page, { data: 'hostile' });
  // Open the evidence of the first rows too: descriptions, owners and link titles render there.
  // The attention strip carries the actions' texts and owners, payloads included.
  await expect(page.getByTestId('candor-attention')).toContainText('Action:');
  const statuses = page.getByTestId(TEST_ID.metricStatus);
  for (let i = 0; i < Math.min(4, await statuses.count()); i++) {
    await statuses.nth(i).click();
    await expect(page.getByTestId(TEST_ID.evidence).first()).toBeVisible();
    const evidence = await inspect(page, '[data-testid="candor-evidence"]');
    expect(evidence.handlers).toEqual([]);
    expect(evidence.images).toBe(0);
    expect(
      evidence.links.every((h) => /^(https?:\/\/|\/explore\?)/.test(h)),
      evidence.links.join(' ')
    ).toBe(true);
    await page.keyboard.press('Escape');
  }
  const seen = await inspect(page);
  expect(seen.pwned).toBeUndefined();
  expect(seen.scripts).toBe(0);
  expect(seen.handlers).toEqual([]);
  expect(seen.images).toBe(0);
  expect(
    seen.links.every((h) => /^https?:\/\//.test(h)),
    seen.links.join(' ')
  ).toBe(true);
  // Shown as text: the payloads are there, literally.
  expect(seen.text).toContain('<img src=x onerror=');
  expect(seen.text).toContain('<script>window.__candorPwned=1</script>');
  expect(writes).toEqual([]);
});

test('javascript: and data: links make the catalog invalid: the reason is shown, the links never are', async ({
  page,
}) => {
  const writes = watchRequests(page);
  await page.goto(harnessUrl({ data: 'hostile-links' }));
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.harnessState ?? ''), null, {
    timeout: 45_000,
  });
  const seen = await inspect(page);
  expect(seen.pwned).toBeUndefined();
  expect(seen.links.filter((h) => !/^https?:\/\//.test(h))).toEqual([]);
  const status = await page.evaluate(() => window.__candorHarnessStatus);
  const shown = `${seen.text} ${status?.error ?? ''}`;
  expect(shown).toContain('only http and https links are allowed');
  expect(writes).toEqual([]);
});
