/**
 * First paint, cold and warm: from navigation to every pillar drawn, in the browser harness (test/browser: the BUILT
 * plugin loaded by SystemJS as Grafana loads it, the saved scenario as Grafana's answer), against the do-it-yourself
 * dashboard of the same catalog in the same page setup (`?view=diy`: one Stat panel per metric, one request each).
 *   - cold: a new browser profile (empty cache), as the first visit of the day;
 *   - warm: the same profile navigating again (static files cached, as Grafana caches its public files).
 * Sides alternate run by run. For Candor's cold runs the page's own timings say where the time goes: the document,
 * the harness host (React, @grafana/ui: what Grafana itself has loaded before any panel), the three plugin modules,
 * the query, and drawing after the answer.
 */
import type { Browser, Page } from 'playwright-core';

import { chromiumPath } from '../src/cli/report/render';
import { stats, type Figure } from './measure';

type Side = 'candor' | 'diy';

interface Timing {
  painted: number;
  document: number;
  host: number;
  plugins: number;
  queryStart: number;
  queryEnd: number;
}

/** Waits, frame by frame, until the side is drawn, and returns the page's own timings (ms from navigation start). */
async function drawn(page: Page, side: Side): Promise<Timing> {
  await page.waitForFunction(
    (s) => {
      const w = window as unknown as { __painted?: number };
      const done = document.body.dataset.harnessState === 'done';
      const shown =
        s === 'diy'
          ? document.querySelectorAll('[data-testid="harness-diy"] canvas, [data-testid="harness-diy"] svg').length > 0
          : document.querySelectorAll('[data-testid="candor-pillar"]').length > 0;
      if (done && shown) {
        w.__painted ??= performance.now();
      }
      return w.__painted !== undefined;
    },
    side,
    { timeout: 60_000, polling: 'raf' }
  );
  // A string, not a function: tsx would wrap the function's inner helpers in its own `__name`, unknown in the page.
  return page.evaluate(`(() => {
    const resources = performance.getEntriesByType('resource');
    const end = (match) => Math.max(0, ...resources.filter((r) => match(r.name)).map((r) => r.responseEnd));
    const queries = resources.filter((r) => r.name.endsWith('/api/ds/query'));
    return {
      painted: window.__painted,
      document: performance.getEntriesByType('navigation')[0].responseEnd,
      host: end((n) => n.includes('/harness/host/')),
      plugins: end((n) => n.includes('/public/plugins/') && n.endsWith('module.js')),
      queryStart: Math.min(...queries.map((q) => q.startTime)),
      queryEnd: end((n) => n.endsWith('/api/ds/query')),
    };
  })()`);
}

async function visit(browser: Browser, url: string, side: Side): Promise<{ cold: Timing; warm: Timing }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  try {
    const first = await context.newPage();
    await first.goto(url);
    const cold = await drawn(first, side);
    await first.close();
    const second = await context.newPage();
    await second.goto(url);
    const warm = await drawn(second, side);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

export interface FirstPaint {
  figures: Figure[];
  /** Candor's cold runs, medians: where the time to first paint goes. */
  breakdown: Array<{ step: string; ms: number }>;
}

/** `data`: `fixture`, the saved scenario (the default: no stack needed), or `live`, the demo stack's double. */
export async function firstPaintFigures(runs: number, data: 'fixture' | 'live' = 'fixture'): Promise<FirstPaint> {
  const { startHarness } = await import('../test/browser/server.mjs');
  const { server, url } = await startHarness({ cacheStatic: true });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-lcd-text'],
  });
  const pages: Record<Side, string> = { candor: `${url}?data=${data}`, diy: `${url}?data=${data}&view=diy` };
  const seen: Record<Side, Array<{ cold: Timing; warm: Timing }>> = { candor: [], diy: [] };
  try {
    // One visit of each side first, not counted: the server reads its files and the browser starts its processes.
    for (let i = 0; i <= runs; i++) {
      for (const side of (i % 2 ? ['diy', 'candor'] : ['candor', 'diy']) as Side[]) {
        const t = await visit(browser, pages[side], side);
        if (i > 0) {
          seen[side].push(t);
        }
      }
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  const of = (side: Side, kind: 'cold' | 'warm') => stats(seen[side].map((t) => t[kind].painted));
  const baselineName = (kind: string) =>
    `DIY dashboard, ${kind}: one Stat panel (BigValue) per metric, one request each, same page setup`;
  const figures: Figure[] = (['cold', 'warm'] as const).map((kind) => ({
    name: `first paint, ${kind}: default catalog, navigation to every pillar drawn`,
    unit: 'ms',
    candor: of('candor', kind),
    baseline: of('diy', kind),
    baselineName: baselineName(kind),
  }));
  const median = (pick: (t: Timing) => number) => stats(seen.candor.map((t) => pick(t.cold))).median;
  const breakdown = [
    { step: 'document received', ms: median((t) => t.document) },
    { step: 'harness host loaded (React, @grafana/ui: Grafana itself)', ms: median((t) => t.host) },
    { step: 'Candor plugin modules loaded', ms: median((t) => t.plugins) },
    { step: 'query sent', ms: median((t) => t.queryStart) },
    { step: 'answer received', ms: median((t) => t.queryEnd) },
    { step: 'every pillar drawn', ms: median((t) => t.painted) },
  ];
  return { figures, breakdown };
}
