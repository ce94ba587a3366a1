// Where things are, for the harness server and scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(HERE, '..', '..');
export const APP_ID = 'candor-scorecard-app';
export const HOST = '127.0.0.1';
/** The Grafana double's state file, written by test/stack/stack.mjs (same rule as test/stack/lib/util.mjs). */
export const STACK_STATE = path.join(
  path.resolve(process.env.CANDOR_STACK_DIR || path.join(ROOT, '.stack')),
  'state.json'
);
/** The saved /api/ds/query answer of the demo scenario (gzipped JSON), recorded from the double by record-scenario.mjs. */
export const SCENARIO_FIXTURE = path.join(HERE, 'fixtures', 'scenario.json.gz');

/** The running stack's Grafana double ({ url, queryUrl, annotationsUrl, … } of state.json), undefined without one. */
export function liveDouble() {
  try {
    return JSON.parse(fs.readFileSync(STACK_STATE, 'utf8'))?.double;
  } catch {
    return undefined;
  }
}
