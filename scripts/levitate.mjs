#!/usr/bin/env node
// `npm run test:levitate`: every module's use of @grafana/data, @grafana/ui and @grafana/runtime against the OLDEST
// Grafana that plugin.json's grafanaDependency admits, with @grafana/levitate (a devDependency; it fetches the two
// versions' tarballs from the npm registry, nothing else).
// levitate takes one entry file; a generated entry (artifacts/levitate/entry.ts) imports the app, panel and
// datasource modules, and levitate follows the imports. Its exit code alone is not trusted (it exits 0 when it
// could not process a package, and skips packages it does not find installed), so the output must say that every
// target was checked and found compatible. A canary (one export that the oldest version lacks) must be reported
// incompatible, or the check itself is broken. Exit codes: 0 compatible, 1 not compatible or not checked.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { isMain } from './lib/cli.mjs';
import { oldestGrafana } from './package.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'artifacts', 'levitate');
const PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime'];
// Added in @grafana/data 12.4: absent from the oldest supported version. Pick another when grafanaDependency moves.
const CANARY = { package: '@grafana/data', name: 'getPanelDataSummary' };

/** The plugin's module entries: src/module.ts(x) and src/<nested>/module.ts(x). */
export function moduleEntries(src = path.join(ROOT, 'src')) {
  const dirs = [
    '',
    ...fs
      .readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  ];
  return dirs
    .flatMap((d) => ['module.ts', 'module.tsx'].map((f) => path.join(src, d, f)))
    .filter(
      (f) => fs.existsSync(f) && (path.dirname(f) === src || fs.existsSync(path.join(path.dirname(f), 'plugin.json')))
    );
}

/**
 * Reads levitate's report: compatible only when it says so for the entry and checked every target package
 * (a "Skipping package" or "Could not process" line means a package was not compared).
 */
export function judge({ status, output, packages }) {
  const problems = [];
  if (/not fully compatible/.test(output)) {
    problems.push('levitate reports incompatibilities (above)');
  }
  for (const line of output.split('\n').filter((l) => /Skipping package|Could not process/.test(l))) {
    problems.push(`a package was not compared: ${line.trim()}`);
  }
  for (const p of packages) {
    if (!new RegExp(`Found ${p.replace('/', '\\/')} version \\S+ locally`).test(output)) {
      problems.push(`${p}: not compared (no "Found ${p} version … locally" line)`);
    }
  }
  if (status !== 0 && problems.length === 0) {
    problems.push(`levitate exited ${status}`);
  }
  if (problems.length === 0 && !/appears to be compatible/.test(output)) {
    problems.push('levitate did not say the entry is compatible');
  }
  return problems;
}

function levitate(entry, targets) {
  const r = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'levitate'),
    ['is-compatible', '--path', path.relative(ROOT, entry), '--target', targets.join(',')],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LEVITATE_CACHE: 'true', FORCE_COLOR: '0' }, timeout: 600_000 }
  );
  return {
    status: r.status ?? 1,
    output: `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`,
  };
}

function main() {
  const oldest = oldestGrafana(JSON.parse(fs.readFileSync(path.join(ROOT, 'plugin.json'), 'utf8')));
  const entries = moduleEntries();
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const importOf = (f) => {
    const rel = path.relative(WORK, f).replace(/\.tsx?$/, '');
    return `import '${rel.startsWith('.') ? rel : `./${rel}`}';`;
  };
  const entry = path.join(WORK, 'entry.ts');
  fs.writeFileSync(entry, `${entries.map(importOf).join('\n')}\n`);
  const targets = PACKAGES.map((p) => `${p}@${oldest}`);
  console.log(`levitate: ${entries.map((f) => path.relative(ROOT, f)).join(', ')} against ${targets.join(', ')}`);
  const run = levitate(entry, targets);
  const problems = judge({ ...run, packages: PACKAGES });

  // The canary goes through the same kind of generated entry (side-effect imports of other files), so it proves
  // both that levitate follows such imports and that it reports a missing export.
  const canaryUse = path.join(WORK, 'canary', 'use.ts');
  fs.mkdirSync(path.dirname(canaryUse), { recursive: true });
  fs.writeFileSync(
    canaryUse,
    `import { ${CANARY.name} } from '${CANARY.package}';\nexport const canary = ${CANARY.name};\n`
  );
  const canaryEntry = path.join(WORK, 'canary-entry.ts');
  fs.writeFileSync(canaryEntry, `${importOf(canaryUse)}\n`);
  const control = levitate(canaryEntry, [`${CANARY.package}@${oldest}`]);
  if (!new RegExp(`Removed \`${CANARY.name}\``).test(control.output) || control.status === 0) {
    problems.push(
      `the canary (${CANARY.name}, absent from ${CANARY.package}@${oldest}) was not reported: the check is not working` +
        ` (or ${oldest} has it: pick another canary in scripts/levitate.mjs)`
    );
  }
  if (problems.length) {
    console.log(run.output);
    console.error(problems.map((p) => `levitate: ${p}`).join('\n'));
    return 1;
  }
  console.log(`levitate: compatible with Grafana ${oldest} (${PACKAGES.join(', ')}); the canary was caught`);
  return 0;
}

if (isMain(import.meta.url)) {
  try {
    process.exit(main());
  } catch (e) {
    console.error(`levitate: ${e.message}`);
    process.exit(1);
  }
}
