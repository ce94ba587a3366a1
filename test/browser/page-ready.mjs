// For the screenshot scripts: the refresh done, every icon fetched (Grafana's Icon shows an empty <svg> until then)
// and the fonts loaded, each wait bounded.
export async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.harnessState === 'done', null, { timeout: 60_000 });
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      [...document.querySelectorAll('[data-testid="harness-panel"] svg')].every(
        (s) => s.hasAttribute('data-testid') || s.childElementCount > 0
      ),
    null,
    { timeout: 15_000 }
  );
}
