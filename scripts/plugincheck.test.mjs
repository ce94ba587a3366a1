// node --test scripts/: the verdict on Grafana's plugin validator report.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import fs from 'node:fs';
import path from 'node:path';

import { explainedWarnings, judgeReport } from './plugincheck.mjs';

const diag = (Severity, Name, Title = Name) => ({ Severity, Name, Title, Detail: '' });
const report = (diagnostics) => ({ id: 'candor-scorecard-app', version: '0.1.0', 'plugin-validator': diagnostics });

test('a clean report passes', () => {
  assert.deepEqual(judgeReport(report({ readme: [diag('ok', 'readme')] }), []), { problems: [], warnings: [] });
});

test('every error fails, explained or not', () => {
  const out = judgeReport(report({ modulejs: [diag('error', 'missing-module-js', 'missing module.js')] }), [
    'missing-module-js',
  ]);
  assert.deepEqual(out.problems, ['error modulejs/missing-module-js: missing module.js']);
});

test('a warning passes only when the compatibility doc explains it by name', () => {
  const r = report({
    manifest: [diag('warning', 'unsigned-plugin', 'unsigned')],
    readme: [diag('warning', 'readme-relative-links')],
  });
  const out = judgeReport(r, ['unsigned-plugin']);
  assert.deepEqual(out.warnings, [
    'manifest/unsigned-plugin: unsigned',
    'readme/readme-relative-links: readme-relative-links',
  ]);
  assert.deepEqual(out.problems, [
    'warning readme/readme-relative-links: readme-relative-links (not explained in docs/grafana-compatibility.md)',
  ]);
});

test('recommendations and suspected findings do not fail', () => {
  const r = report({ jargon: [diag('recommendation', 'developer-jargon')], x: [diag('suspected', 'y')] });
  assert.deepEqual(judgeReport(r, []).problems, []);
});

test('only the items of "Warnings that stay" explain a warning; a name elsewhere in the doc does not', () => {
  const doc = [
    '## Analyzers',
    '| `org` | grafana.com |',
    '### Warnings that stay, and why',
    '',
    '- `unsigned-plugin`: new plugins are unsigned.',
    '- `relative-link`: no public URL yet.',
    '',
    '## Lint',
    '- `x`: y',
  ].join('\n');
  assert.deepEqual(explainedWarnings(doc), ['unsigned-plugin', 'relative-link']);
  const real = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'grafana-compatibility.md'), 'utf8');
  assert.ok(explainedWarnings(real).includes('unsigned-plugin'));
  assert.ok(!explainedWarnings(real).includes('org'));
});
