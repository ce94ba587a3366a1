#!/usr/bin/env node
// Writes src/img/screenshots/scorecard-dark.png and scorecard-light.png (README and plugin.json show them): the default
// scorecard on the saved scenario in a 1920×1080 kiosk page drawn at 0.65 device pixels per CSS pixel (so each image
// stays within the plugin bundle's budget of 244 KiB an asset), cropped below the last pillar card (the rest of the
// screen is empty canvas); and docs/screenshots/scorecard-dark-1920x1080.png and -1280x720.png, the whole screen an
// executive sees at each size (docs/panel.md).
//   node --import tsx test/browser/docs-screenshots.mjs
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from './chromium.ts';
import { ready } from './page-ready.mjs';
import { startHarness } from './server.mjs';
import { ROOT } from './server/paths.mjs';

assertChromium();
const out = path.join(ROOT, 'src', 'img', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const { server, url } = await startHarness();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const theme of ['dark', 'light']) {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 0.65,
      timezoneId: 'UTC',
      locale: 'en-US',
    });
    await page.goto(`${url}?data=fixture&theme=${theme}`);
    await ready(page);
    const bottom = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('[data-testid="candor-pillar"]')].map(
          (el) => el.getBoundingClientRect().bottom
        )
      )
    );
    const file = path.join(out, `scorecard-${theme}.png`);
    await page.screenshot({
      path: file,
      clip: { x: 0, y: 0, width: 1920, height: Math.min(1080, Math.ceil(bottom) + 24) },
      scale: 'device',
    });
    console.log(`docs-screenshots: ${path.relative(ROOT, file)}`);
    await page.close();
  }
  const docs = path.join(ROOT, 'docs', 'screenshots');
  fs.mkdirSync(docs, { recursive: true });
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ]) {
    const page = await browser.newPage({ viewport: { width, height }, timezoneId: 'UTC', locale: 'en-US' });
    await page.goto(`${url}?data=fixture`);
    await ready(page);
    const file = path.join(docs, `scorecard-dark-${width}x${height}.png`);
    await page.screenshot({ path: file });
    console.log(`docs-screenshots: ${path.relative(ROOT, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
