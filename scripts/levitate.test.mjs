// node --test scripts/: how the levitate gate reads levitate's report (its exit code alone is not trusted).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { judge, moduleEntries } from './levitate.mjs';
import { oldestGrafana } from './package.mjs';

const PACKAGES = ['@grafana/data', '@grafana/ui'];
const found = PACKAGES.map((p) => `✔ Found ${p} version 12.4.10 locally`).join('\n');
const ok = `${found}\n✔️  entry.ts appears to be compatible with @grafana/data@12.3.0,@grafana/ui@12.3.0`;

test('compatible only when every target was compared and levitate says so', () => {
  assert.deepEqual(judge({ status: 0, output: ok, packages: PACKAGES }), []);
});

test('exit 0 is not enough: a skipped or unprocessed package fails', () => {
  const skipped = ok.replace(
    '✔ Found @grafana/ui version 12.4.10 locally',
    '   Skipping package @grafana/ui because it is not used in the project or not installed locally.'
  );
  assert.deepEqual(judge({ status: 0, output: skipped, packages: PACKAGES }), [
    'a package was not compared: Skipping package @grafana/ui because it is not used in the project or not installed locally.',
    '@grafana/ui: not compared (no "Found @grafana/ui version … locally" line)',
  ]);
  const unprocessed = `${ok}\nCould not process the package @grafana/data`;
  assert.deepEqual(judge({ status: 0, output: unprocessed, packages: PACKAGES }), [
    'a package was not compared: Could not process the package @grafana/data',
  ]);
});

test('an incompatibility fails, whatever the exit code', () => {
  const bad = `${found}\n1) Removed \`getPanelDataSummary\` used in \`src/x.ts:1\`\nentry.ts is not fully compatible with @grafana/data@12.3.0`;
  assert.deepEqual(judge({ status: 0, output: bad, packages: PACKAGES }), [
    'levitate reports incompatibilities (above)',
  ]);
  assert.deepEqual(judge({ status: 1, output: found, packages: PACKAGES }), ['levitate exited 1']);
  assert.deepEqual(judge({ status: 0, output: found, packages: PACKAGES }), [
    'levitate did not say the entry is compatible',
  ]);
});

test('the oldest version is the lower bound of grafanaDependency; anything else is refused with its path', () => {
  assert.equal(oldestGrafana({ dependencies: { grafanaDependency: '>=12.3.0' } }), '12.3.0');
  assert.equal(oldestGrafana({ dependencies: { grafanaDependency: '>=12.3.0 <14' } }), '12.3.0');
  assert.throws(() => oldestGrafana({ dependencies: { grafanaDependency: '^12.3.0' } }), {
    message: 'plugin.json: dependencies.grafanaDependency: a range like ">=12.3.0", found "^12.3.0"',
  });
});

test('every module of the app is an entry: the app and each nested plugin', () => {
  const src = path.resolve(import.meta.dirname, '..', 'src');
  assert.deepEqual(
    moduleEntries(src)
      .map((f) => path.relative(src, f))
      .sort(),
    ['datasource/module.ts', 'module.tsx', 'panel/module.tsx']
  );
});
