#!/usr/bin/env node
// `npm run test:plugincheck`: Grafana's plugin validator (plugincheck2) on the package zip with its source, as the
// plugin catalog runs it, with the analyzers that need the internet disabled (scripts/plugincheck.yaml).
// The validator is a Go program, installed with `go install` at the pinned version into .tools/bin (the npm
// wrapper downloads a binary from outside the registries and does not work here). Verdict: no error, and every
// warning's name explained in docs/grafana-compatibility.md. Exit codes: 0 passed, or NOT RUN with the reason on
// one line (no Go, or the Go module proxy refuses the module); 1 errors or unexplained warnings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { isMain, onPath } from './lib/cli.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
export const VALIDATOR = 'github.com/grafana/plugin-validator/pkg/cmd/plugincheck2';
export const VALIDATOR_VERSION = 'v0.49.2';
const BIN_DIR = path.join(ROOT, '.tools', 'bin');
const DOC = path.join(ROOT, 'docs', 'grafana-compatibility.md');

/** The validator binary, installing it when Go is there; { bin } or { notRun: reason }. */
export function findValidator() {
  // One binary per pinned version: changing VALIDATOR_VERSION installs that version, never reuses an older one.
  const bin = path.join(BIN_DIR, `plugincheck2-${VALIDATOR_VERSION}`);
  if (fs.existsSync(bin)) {
    return { bin };
  }
  if (!onPath('go')) {
    return { notRun: 'Go is not installed (the validator is a Go program: install Go, then run this again)' };
  }
  const r = spawnSync('go', ['install', `${VALIDATOR}@${VALIDATOR_VERSION}`], {
    encoding: 'utf8',
    env: { ...process.env, GOBIN: BIN_DIR },
    timeout: 600_000,
  });
  if (r.status !== 0) {
    const why = (r.stderr || r.error?.message || '').trim().split('\n').filter(Boolean).pop() ?? '';
    return { notRun: `go install ${VALIDATOR}@${VALIDATOR_VERSION} failed: ${why.trim().replace(/\.$/, '')}` };
  }
  fs.renameSync(path.join(BIN_DIR, 'plugincheck2'), bin);
  return { bin };
}

/**
 * The verdict on the validator's JSON report (`{ id, version, "plugin-validator": { analyzer: [diagnostic] } }`,
 * each diagnostic `{ Severity, Title, Detail, Name }`): every error fails; a warning passes only when its Name is
 * listed in the compatibility doc's "Warnings that stay" section (`explained`, see explainedWarnings), with the
 * reason it stays.
 */
export function judgeReport(report, explained) {
  const problems = [];
  const warnings = [];
  for (const [analyzer, diagnostics] of Object.entries(report['plugin-validator'] ?? {})) {
    for (const d of diagnostics ?? []) {
      const line = `${analyzer}/${d.Name}: ${d.Title}`;
      if (d.Severity === 'error') {
        problems.push(`error ${line}`);
      } else if (d.Severity === 'warning') {
        warnings.push(line);
        if (!explained.includes(d.Name)) {
          problems.push(`warning ${line} (not explained in docs/grafana-compatibility.md)`);
        }
      }
    }
  }
  return { problems, warnings };
}

/** The warning names the doc explains: the leading `name` of each item under "### Warnings that stay". */
export function explainedWarnings(doc) {
  const section = doc.split(/^### Warnings that stay.*$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
  return [...section.matchAll(/^- `([^`]+)`:/gm)].map((m) => m[1]);
}

function main() {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'plugin.json'), 'utf8'));
  const zip = `${app.id}-${app.info.version}.zip`;
  if (!fs.existsSync(path.join(ROOT, 'artifacts', zip))) {
    console.error(`plugincheck: artifacts/${zip} is missing: run npm run package first`);
    return 1;
  }
  const found = findValidator();
  if (found.notRun) {
    console.log(`plugincheck: NOT RUN — ${found.notRun}. See docs/grafana-compatibility.md.`);
    return 0;
  }
  const r = spawnSync(
    found.bin,
    [
      '-config',
      path.join(ROOT, 'scripts/plugincheck.yaml'),
      '-sourceCodeUri',
      `file://${ROOT}`,
      path.join(ROOT, 'artifacts', zip),
    ],
    {
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, SKIP_OSV_SCANNER: '1', SKIP_LLM_REVIEW: '1', SKIP_LLM_CODEDIFF: '1' },
    }
  );
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    console.error(
      `plugincheck: the validator gave no JSON report (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').pop()}`
    );
    return 1;
  }
  const { problems, warnings } = judgeReport(report, explainedWarnings(fs.readFileSync(DOC, 'utf8')));
  warnings.forEach((w) => console.log(`plugincheck: warning ${w}`));
  if (problems.length) {
    console.error(problems.map((p) => `plugincheck: ${p}`).join('\n'));
    return 1;
  }
  console.log(`plugincheck: ${zip} passed (${warnings.length} warning(s), each explained)`);
  return 0;
}

if (isMain(import.meta.url)) {
  try {
    process.exit(main());
  } catch (e) {
    console.error(`plugincheck: ${e.message}`);
    process.exit(1);
  }
}
