/**
 * Mount and re-render in Chromium (Debian's): Candor's scorecard against the do-it-yourself grid of BigValues with
 * the same metrics (bench/page/main.tsx), for the default catalog on the saved demo scenario and for a synthetic
 * 5-pillar × 40-metric catalog. Many runs, sides alternating; the page's DOM size is reported with them.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { gunzipSync } from 'zlib';

import type { EngineOutput } from '../src/core/engine';
import type { FrameLike } from '../src/core/frames';
import { loadCatalog } from '../src/core/parse';
import { decodeResponse } from '../src/core/response';
import { engineAsOf } from '../src/core/testing/factories';
import { benchCatalog } from './catalog';
import { pageHtml, serveReport } from '../src/cli/report/assets';
import { pageBundle } from '../src/cli/report/bundle';
import { chromiumPath } from '../src/cli/report/render';
import { stats, type Figure } from './measure';

/** New data of the same shape: every value and sparkline point 1% higher. */
const nudged = (o: EngineOutput): EngineOutput => ({
  meta: o.meta,
  rows: o.rows.map((r) => ({
    ...r,
    value: r.value === null ? null : r.value * 1.01,
    sparkline: r.sparkline.map(([t, v]): [number, number] => [t, v * 1.01]),
  })),
});

function defaultCase(root: string) {
  const saved = JSON.parse(
    gunzipSync(readFileSync(path.join(root, 'test/browser/fixtures/scenario.json.gz'))).toString()
  );
  const { catalog } = loadCatalog(
    readFileSync(path.join(root, 'provisioning/catalogs/platform-scorecard.yaml'), 'utf8')
  );
  const { frames, errors } = decodeResponse(saved.response);
  const a = engineAsOf({ catalog: catalog!, frames, errors, asOf: Date.parse(saved.asOf) }).result;
  return { name: 'default catalog (20 metrics, 5 pillars)', a, b: nudged(a) };
}

function syntheticCase() {
  const asOf = Date.parse('2026-11-16T12:00:00Z');
  const catalog = benchCatalog({
    id: 'bench',
    metrics: 200,
    pillars: 5,
    metric: () => ({
      target: 0.99,
      thresholds: { green: 0.99, amber: 0.95 },
      freshness: { maxAge: '2h' },
      tier: 'high',
    }),
  });
  const { metrics } = catalog;
  const times = Array.from({ length: 60 }, (_, j) => asOf - (59 - j) * 3_600_000);
  const frames: FrameLike[] = metrics.map((m, i) => ({
    refId: m.id,
    fields: [
      { name: 'Time', type: 'time', values: times },
      { name: 'Value', type: 'number', values: times.map((_, j) => 0.94 + ((i * 7 + j) % 9) / 100) },
    ],
  }));
  const a = engineAsOf({ catalog, frames, errors: [], asOf }).result;
  return { name: '5 pillars × 40 metrics', a, b: nudged(a) };
}

/** Builds the benchmark page, runs it in Chromium with `input`, and returns what the page reports. */
export async function runPage(root: string, input: object, extraArgs: string[] = []): Promise<unknown> {
  const bundle = await pageBundle(root, {
    entry: 'bench/page/main.tsx',
    cacheName: 'candor-bench',
    dirs: ['src', 'bench/page'],
  });
  const html = pageHtml({
    title: 'Candor benchmark',
    theme: 'dark',
    style: 'html, body { margin: 0; background: #111217; }',
    dataId: 'bench-input',
    data: input,
    body: '<div id="styles"></div><div id="bench"></div>',
  });
  const served = await serveReport(root, bundle.dir, html);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-lcd-text', ...extraArgs],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    await page.goto(`${served.origin}/`);
    await page.waitForFunction(() => document.body.dataset.benchState, undefined, {
      timeout: 1_800_000,
      polling: 1000,
    });
    const state = await page.evaluate(() => [document.body.dataset.benchState, document.body.dataset.benchError]);
    if (state[0] !== 'done') {
      throw new Error(`the benchmark page failed: ${state[1]}`);
    }
    return await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench);
  } finally {
    await browser.close();
    await served.close();
  }
}

export const benchCases = (root: string) => [defaultCase(root), syntheticCase()];

export async function browserFigures(root: string, runs: number): Promise<Figure[]> {
  const input = { cases: benchCases(root), runs, width: 1920, height: 1080 };
  const results = (await runPage(root, input)) as Array<{
    case: string;
    side: 'candor' | 'diy';
    mount: number[];
    mountReact: number[];
    rerender: number[];
    rerenderReact: number[];
    nodes: number;
  }>;
  const of = (c: string, side: string) => results.find((r) => r.case === c && r.side === side)!;
  return input.cases.flatMap((c) => {
    const [candor, diy] = [of(c.name, 'candor'), of(c.name, 'diy')];
    const median = (list: number[]) => stats(list).median.toFixed(1);
    // Where a run's time goes: React's render and commit, then the browser's layout (the rest of the run).
    const split = (kind: 'mount' | 'rerender') => {
      const react = (side: typeof candor) => median(kind === 'mount' ? side.mountReact : side.rerenderReact);
      return `${kind} of ${c.name}: React's render and commit ${react(candor)} ms for Candor, ${react(diy)} ms for the DIY grid; the rest of each run is the browser's layout`;
    };
    const baselineName = `DIY grid of BigValues (${diy.nodes.toLocaleString('en')} DOM nodes; Candor ${candor.nodes.toLocaleString('en')})`;
    return [
      {
        name: `mount: ${c.name}`,
        unit: 'ms',
        candor: stats(candor.mount),
        baseline: stats(diy.mount),
        baselineName,
        note: split('mount'),
      },
      {
        name: `re-render, new data: ${c.name}`,
        unit: 'ms',
        candor: stats(candor.rerender),
        baseline: stats(diy.rerender),
        baselineName,
        note: split('rerender'),
      },
    ];
  });
}
