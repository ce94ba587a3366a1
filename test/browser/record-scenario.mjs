#!/usr/bin/env node
// Records the saved scenario (fixtures/scenario.json.gz) from the running demo stack: loads the harness page with live
// data in Chromium, so the BUILT datasource sends its usual `POST /api/ds/query` to the Grafana double, and the
// harness server saves the answer with its as-of time. Then it saves the actions beside it: the double's answer to
// the datasource's annotations query as of that time (src/core/actions.ts `actionsQuery` for the demo's scorecard)
// becomes `annotations`. Run after the stack has started (node test/stack/stack.mjs start), as
// `node --import tsx test/browser/record-scenario.mjs`; the screenshot tests replay this file, so their pixels do not
// depend on the wall clock.
import { chromium } from '@playwright/test';
import fs from 'node:fs';

import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from './chromium.ts';
import { startHarness } from './server.mjs';
import { liveQueryUrl, readFixture, writeFixture } from './server/dsQuery.mjs';
import { SCENARIO_FIXTURE, liveDouble } from './server/paths.mjs';
import { actionsQuery, searchParams } from '../../src/core/actions.ts';

const SCORECARD = 'platform-scorecard';

/** The double's answer to the datasource's annotations query as of `asOf` (ISO), as Grafana returns it. */
async function recordAnnotations(asOf) {
  const query = searchParams(actionsQuery(SCORECARD, Date.parse(asOf)));
  const res = await fetch(`${liveDouble().annotationsUrl}?${query}`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) {
    throw new Error(`record-scenario: GET /api/annotations answered ${res.status}: ${await res.text()}`);
  }
  return res.json();
}

assertChromium();
if (!liveQueryUrl() || !liveDouble()?.annotationsUrl) {
  throw new Error(
    'record-scenario: the demo stack is not running (or predates the annotations double); start it with ' +
      'node test/stack/stack.mjs start'
  );
}
const recordTo = `${SCENARIO_FIXTURE}.tmp`;
fs.rmSync(recordTo, { force: true });
const { server, url } = await startHarness({ recordTo });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${url}?data=live`);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.harnessState ?? ''), null, {
    timeout: 60_000,
  });
  const status = await page.evaluate(() => window.__candorHarnessStatus);
  if (status?.state !== 'done' || !fs.existsSync(recordTo)) {
    throw new Error(`record-scenario: the page did not finish (${JSON.stringify(status)})`);
  }
  const recorded = readFixture(recordTo);
  writeFixture(recordTo, { ...recorded, annotations: await recordAnnotations(recorded.asOf) });
  fs.renameSync(recordTo, SCENARIO_FIXTURE);
  const saved = readFixture();
  console.log(
    `record-scenario: ${Object.keys(saved.response.results).length} answers and ${saved.annotations.length} ` +
      `annotations as of ${saved.asOf} in ${SCENARIO_FIXTURE}`
  );
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
