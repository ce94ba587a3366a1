/**
 * Helpers of the browser tests: open the harness page, read the demo scenario's expectations, measure overflow.
 */
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export const TEST_ID = {
  scorecard: 'candor-scorecard',
  header: 'candor-header',
  pillar: 'candor-pillar',
  pillarAnswer: 'candor-pillar-answer',
  metric: 'candor-metric',
  metricName: 'candor-metric-name',
  metricValue: 'candor-metric-value',
  metricStatus: 'candor-metric-status',
  evidence: 'candor-evidence',
  tileMore: 'candor-tile-more',
  attention: 'candor-attention',
  attentionItem: 'candor-attention-item',
  actionForm: 'candor-action-form',
} as const;

export type Params = Record<string, string | number>;

/**
 * Grafana's Icon fetches its SVG after the first render and shows an empty `<svg>` (no test id, no children) until
 * then; screenshots and checks wait until every icon is in and the fonts are loaded.
 */
export function iconsAndFontsReady(): boolean {
  const svgs = [...document.querySelectorAll('[data-testid="harness-panel"] svg')];
  return (
    document.fonts.status === 'loaded' && svgs.every((s) => s.hasAttribute('data-testid') || s.childElementCount > 0)
  );
}

export function harnessUrl(params: Params = {}, pathname = '/'): string {
  const base = process.env.CANDOR_HARNESS_URL;
  if (!base) {
    throw new Error('CANDOR_HARNESS_URL is not set: run the browser tests through playwright.config.ts (global setup)');
  }
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${new URL(pathname, base)}${query.size ? `?${query}` : ''}`;
}

/** Opens the page and waits (bounded) until the refresh has finished and the fonts are in. Fails on a harness error. */
export async function openScorecard(page: Page, params: Params = {}, pathname = '/'): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harnessUrl(params, pathname));
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.harnessState ?? ''), null, {
    timeout: 45_000,
  });
  const status = await page.evaluate(() => window.__candorHarnessStatus);
  expect(status?.error ?? '', `the refresh failed: ${status?.error}`).toBe('');
  expect(status?.state).toBe('done');
  await expect(page.getByTestId(TEST_ID.scorecard)).toBeVisible();
  await page.waitForFunction(iconsAndFontsReady, null, { timeout: 15_000 });
  expect(errors, 'uncaught errors in the page').toEqual([]);
}

export interface ScenarioExpectation {
  /** `shown`: the colour when escalation changed it (docs/demo-scenario.md). */
  metrics: Record<string, { status: string; items?: Record<string, string>; shown?: string; action?: string }>;
  pillars: Record<string, string>;
  overall: string;
}

/** The seeded demo scenario (test/demo/scenario.json, docs/demo-scenario.md), maintained with the demo data. */
export function readScenario(): ScenarioExpectation {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test/demo/scenario.json'), 'utf8'));
}

/** The colour the panel must show for a status (docs/panel.md, "Status mapping"). */
export function shownColour(status: string): string {
  return (
    { green: 'green', amber: 'amber', red: 'red', noData: 'red', error: 'red', stale: 'amber' }[status] ?? 'unknown'
  );
}

export interface Overflow {
  pageScrolls: boolean;
  /** Elements inside the panel whose content is taller or wider than their box and that can scroll. */
  scrollers: Array<{ testId: string | null; className: string; overflowY: number; overflowX: number }>;
  /** Metric rows whose box is not entirely inside the viewport. */
  rowsOutside: number;
}

export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const scrollers = [...document.querySelectorAll('[data-testid="harness-panel"] *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrollable = /(auto|scroll)/.test(style.overflowY + style.overflowX);
        return scrollable && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      })
      .map((el) => ({
        testId: el.getAttribute('data-testid'),
        className: String(el.className).slice(0, 80),
        overflowY: el.scrollHeight - el.clientHeight,
        overflowX: el.scrollWidth - el.clientWidth,
      }));
    const rowsOutside = [...document.querySelectorAll('[data-testid="candor-metric"]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth;
    }).length;
    return {
      pageScrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
      scrollers,
      rowsOutside,
    };
  });
}

/**
 * Names, labels and titles in the panel that are cut: text overflowing its box, or drawn with an ellipsis. A name is
 * never cut (it wraps); an action sentence in the attention strip may be (it is whole in its title and evidence).
 */
export function cutNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors = [
      '[data-testid="candor-metric-name"]',
      '[data-testid="candor-pillar"] h3',
      '[data-testid="candor-header"] h2',
      '[data-testid="candor-attention-item"] strong',
    ];
    return [...document.querySelectorAll<HTMLElement>(selectors.join(', '))]
      .filter((el) => {
        const style = getComputedStyle(el);
        return el.scrollWidth > el.clientWidth + 1 || style.textOverflow === 'ellipsis';
      })
      .map((el) => el.textContent ?? '');
  });
}
