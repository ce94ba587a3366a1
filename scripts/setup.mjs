#!/usr/bin/env node
// The project's setup step: the system tools that `npm test` and `npm run preview` run, from Debian's packages.
//   node scripts/setup.mjs test      - everything `npm test` needs (the default)
//   node scripts/setup.mjs preview   - what `npm run preview` needs (the demo stack's servers)
//   node scripts/setup.mjs --check   - say what is missing, install nothing (exit 1 when something is)
// As root with apt-get it installs what is missing (services kept from starting: a policy-rc.d that refuses every
// start, only for the install); otherwise it stops at once with one message naming each missing tool and the exact
// install line. Exit codes: 0 ready, 1 something missing and not installable here, 2 bad arguments.
// Nothing is downloaded from outside Debian's archive; `go` is optional and handled by scripts/plugincheck.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { isMain, onPath } from './lib/cli.mjs';

/** One tool a step runs: how it is found, and the Debian package that brings it. */
export const TOOLS = [
  { tool: 'promtool', package: 'prometheus', why: 'checks the recording rules, backfills the demo history' },
  { tool: 'prometheus', package: 'prometheus', why: 'the demo stack' },
  { tool: 'initdb', package: 'postgresql', why: 'the demo stack (a throwaway PostgreSQL)' },
  { tool: 'docker-compose', package: 'docker-compose', why: 'validates docker-compose.yml' },
  { tool: 'chromium', package: 'chromium', why: 'the browser tests' },
  { tool: 'zip', package: 'zip', why: 'npm run package' },
  { tool: 'unzip', package: 'unzip', why: 'the package test lists the zip' },
  { tool: 'ssh-keygen', package: 'openssh-client', why: 'signs and verifies approvals (candor approve --sign-with)' },
  { tool: 'git', package: 'git', why: 'candor check --against REF reads the approval history' },
  { tool: 'pdftotext', package: 'poppler-utils', why: 'the report tests read the PDF back (pdfinfo, pdftoppm, pdftotext)' },
];
// The browser the tests launch (test/browser/chromium.ts reads the same variable and default).
export const chromiumPath = (env = process.env) => env.CHROMIUM_PATH || '/usr/bin/chromium';
export const NEEDS = {
  test: TOOLS.map((t) => t.tool),
  preview: ['prometheus', 'promtool', 'initdb'],
};

/** PostgreSQL's server programs are not on PATH in Debian: the newest /usr/lib/postgresql/N/bin with initdb. */
export function pgBinDir(root = '/usr/lib/postgresql') {
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function found(tool) {
  if (tool === 'initdb') {
    return Boolean(pgBinDir());
  }
  return tool === 'chromium' ? fs.existsSync(chromiumPath()) : onPath(tool);
}

/** The tools of `need` that are missing, given a `found` predicate. */
export function missingTools(need, isFound = found) {
  return TOOLS.filter((t) => need.includes(t.tool) && !isFound(t.tool));
}

/** The distinct Debian packages that bring the missing tools, in TOOLS order. */
export const packagesOf = (missing) => [...new Set(missing.map((t) => t.package))];

export const installLine = (packages) =>
  `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;

/**
 * What to do about the missing tools: nothing, install them (root with apt-get), or stop with one message.
 * Pure, so the message is tested as a user reads it.
 */
export function plan({ missing, isRoot, hasApt }) {
  if (missing.length === 0) {
    return { action: 'ready' };
  }
  const packages = packagesOf(missing);
  if (isRoot && hasApt) {
    return { action: 'install', packages };
  }
  const width = Math.max(...missing.map((t) => t.tool.length));
  const tools = missing.map((t) => `  ${t.tool.padEnd(width)}  Debian package ${t.package}: ${t.why}`);
  const how = hasApt
    ? ['Install them as root, then run the command again:', `  ${installLine(packages)}`]
    : [`This machine has no apt-get: install the equivalents of the Debian packages ${packages.join(', ')}.`];
  return { action: 'stop', message: ['setup: missing tools:', ...tools, ...how].join('\n') };
}

const POLICY = '/usr/sbin/policy-rc.d';
// The policy file this step writes carries this line, so a leftover (the machine lost power mid-install) is known.
const POLICY_MARK = '# written by candor scripts/setup.mjs for one apt-get install';

/** Removes a policy-rc.d this step left behind; never one somebody else wrote. */
export function removeOwnPolicy(file = POLICY) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(POLICY_MARK)) {
    fs.rmSync(file, { force: true });
  }
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  removeOwnPolicy();
  const ownPolicy = !fs.existsSync(POLICY);
  if (ownPolicy) {
    // Debian's maintainer scripts ask policy-rc.d before starting a service; 101 = "not allowed".
    fs.writeFileSync(POLICY, `#!/bin/sh\n${POLICY_MARK}\nexit 101\n`, { mode: 0o755 });
  }
  // Ctrl-C or SIGTERM reach apt-get too; node then finishes here (the finally below) instead of dying at once.
  let interrupted;
  const onSignal = (signal) => (interrupted = signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const args of [
      ['update', '-q'],
      ['install', '-y', '-q', '--no-install-recommends', ...packages],
    ]) {
      const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'], timeout: 900_000 });
      if (interrupted || r.status !== 0) {
        return `apt-get ${args[0]} ${interrupted ? `interrupted (${interrupted})` : `failed (exit ${r.status ?? r.signal})`}`;
      }
    }
    return undefined;
  } finally {
    if (ownPolicy) {
      removeOwnPolicy();
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Makes sure the tools of `purpose` are there; returns the exit code. */
export function setup(purpose, { checkOnly = false } = {}) {
  const need = NEEDS[purpose];
  const missing = missingTools(need);
  const isRoot = process.getuid?.() === 0;
  const decided = plan({ missing, isRoot: isRoot && !checkOnly, hasApt: onPath('apt-get') });
  if (decided.action === 'ready') {
    return 0;
  }
  if (decided.action === 'stop') {
    process.stderr.write(`${decided.message}\n`);
    return 1;
  }
  process.stderr.write(`setup: installing the Debian packages ${decided.packages.join(' ')}\n`);
  const failed = aptInstall(decided.packages);
  const still = missingTools(need);
  if (failed || still.length) {
    const names = still.map((t) => t.tool).join(', ');
    process.stderr.write(`setup: ${[failed, names && `still missing: ${names}`].filter(Boolean).join('; ')}\n`);
    return 1;
  }
  process.stderr.write('setup: ready\n');
  return 0;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const checkOnly = args.includes('--check');
  const purposes = args.filter((a) => a !== '--check');
  const purpose = purposes[0] ?? 'test';
  if (purposes.length > 1 || !Object.hasOwn(NEEDS, purpose)) {
    process.stderr.write(`usage: node scripts/setup.mjs [${Object.keys(NEEDS).join('|')}] [--check]\n`);
    process.exit(2);
  }
  process.exit(setup(purpose, { checkOnly }));
}
