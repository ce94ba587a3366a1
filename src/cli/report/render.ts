/**
 * The report drawn by headless Chromium (Debian's, as the browser tests use; CHROMIUM_PATH overrides) and written as
 * PDF (A4 landscape, two pages at most), PNG (both sheets, one image) or self-contained HTML (the rendered page with
 * its styles, fonts and charts inlined, no script, nothing loaded from anywhere).
 */

import { CliError } from '../common';
import { reportHtml, serveReport } from './assets';
import { reportBundle } from './bundle';
import { snapshotPage } from './snapshot';
import type { Page } from 'playwright-core';

export type OutputFormat = 'pdf' | 'html' | 'png';

/** A4 landscape at 96 px per inch, less the 8 mm margins, less a little for rounding. */
export const SHEET = { width: 1060, height: 726 };
const READY_TIMEOUT_MS = 60_000;

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface RenderInput {
  root: string;
  /** What the page shows (src/report/ReportPage.tsx props, less the sheet size). */
  page: Record<string, unknown>;
  format: OutputFormat;
  step: (text: string) => void;
}

export interface Drawn {
  content: Buffer;
  /** One line per sheet that does not fit its page even at the smallest zoom (the PDF has more than two pages). */
  overflow: string[];
}

/** What Chromium inherits: enough to run, none of the command's secrets (token, SMTP URL, webhook). */
function browserEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'FONTCONFIG_PATH', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'];
  return Object.fromEntries(keep.filter((k) => env[k] !== undefined).map((k) => [k, env[k]!]));
}

export async function renderReport({ root, page, format, step }: RenderInput): Promise<Drawn> {
  // options.ts has checked that it exists, before anything was fetched.
  const executablePath = chromiumPath();
  step('preparing the report page');
  const bundle = await reportBundle(root);
  const served = await serveReport(
    root,
    bundle.dir,
    reportHtml({ ...page, sheetWidth: SHEET.width, sheetHeight: SHEET.height })
  );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    env: browserEnv(process.env),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-lcd-text'],
  });
  try {
    step('drawing the report in Chromium');
    const tab = await browser.newPage({ viewport: { width: SHEET.width + 64, height: 900 }, deviceScaleFactor: 1 });
    await tab.emulateMedia({ media: 'print' });
    await tab.goto(`${served.origin}/`);
    await tab.waitForFunction(() => document.body.dataset.reportState, undefined, { timeout: READY_TIMEOUT_MS });
    const state = await tab.evaluate(() => [document.body.dataset.reportState, document.body.dataset.reportError]);
    if (state[0] !== 'ready') {
      throw new CliError(`the report page failed: ${state[1] ?? 'unknown error'}`, 1);
    }
    const overflow = (
      await tab.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-sheet]'))
          .filter((s) => s.dataset.overflow === 'true')
          .map((s) => s.dataset.sheet ?? '')
      )
    ).map((n) => `sheet ${n} does not fit one page even at half size: the PDF has more than two pages`);
    const content = await draw(tab, format, served.origin);
    return { content, overflow };
  } finally {
    await browser.close();
    await served.close();
  }
}

async function draw(tab: Page, format: OutputFormat, origin: string): Promise<Buffer> {
  {
    if (format === 'pdf') {
      // Explicit: @grafana/ui's global styles carry their own @page rule, which would win over the page's.
      return await tab.pdf({
        format: 'A4',
        landscape: true,
        margin: { top: '8mm', right: '8mm', bottom: '8mm', left: '8mm' },
        printBackground: true,
      });
    }
    if (format === 'png') {
      return await tab.screenshot({ fullPage: true, type: 'png' });
    }
    return Buffer.from(await snapshotPage(tab, origin), 'utf8');
  }
}
