#!/usr/bin/env node
// Writes docs/screenshots/executive-performance-*.png: the executive performance catalog's executive dashboard
// (1920×1080, the whole page an executive scrolls) and two audience dashboards (the engineering department and the
// board), on the demo stack's LIVE data (docs/demo-scenario.md, "Executive performance"). It needs the stack:
//   npm run build && bash test/stack/with-stack.sh node --import tsx test/browser/executive-screenshots.mjs
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from './chromium.ts';
import { ready } from './page-ready.mjs';
import { startHarness } from './server.mjs';
import { liveQueryUrl } from './server/dsQuery.mjs';
import { ROOT } from './server/paths.mjs';

const uid = (audience) =>
  JSON.parse(
    fs.readFileSync(
      path.join(ROOT, `provisioning/audience-dashboards/executive-performance/${audience}/${audience}.json`),
      'utf8'
    )
  ).uid;

const SHOTS = [
  { audience: 'executive', file: 'executive-performance-1920x1080.png', width: 1920, height: 1080, fullPage: true },
  { audience: 'engineering', file: 'executive-performance-engineering-1280x720.png', width: 1280, height: 720 },
  { audience: 'board', file: 'executive-performance-board-1920x1080.png', width: 1920, height: 1080, fullPage: true },
];

assertChromium();
if (!liveQueryUrl()) {
  console.error('executive-screenshots: the demo stack is not running (bash test/stack/with-stack.sh …)');
  process.exit(1);
}
const { server, url } = await startHarness();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      timezoneId: 'UTC',
      locale: 'en-US',
    });
    await page.goto(new URL(`d/${uid(shot.audience)}?data=live`, url).toString());
    await ready(page);
    const file = path.join(ROOT, 'docs', 'screenshots', shot.file);
    await page.screenshot({ path: file, fullPage: Boolean(shot.fullPage) });
    console.log(`executive-screenshots: ${path.relative(ROOT, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
