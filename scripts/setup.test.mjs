// node --test scripts/: the setup step's decisions, as a user on a fresh machine meets them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { NEEDS, TOOLS, chromiumPath, installLine, missingTools, pgBinDir, plan, removeOwnPolicy } from './setup.mjs';

const none = () => false;
const all = () => true;

test('every tool npm test runs is checked, and preview needs only the demo stack servers', () => {
  assert.deepEqual(NEEDS.test, [
    'promtool',
    'prometheus',
    'initdb',
    'docker-compose',
    'chromium',
    'zip',
    'unzip',
    'ssh-keygen',
    'git',
    'pdftotext',
  ]);
  assert.ok(NEEDS.preview.every((t) => NEEDS.test.includes(t)));
  assert.equal(missingTools(NEEDS.test, all).length, 0);
  assert.equal(missingTools(NEEDS.preview, none).length, 3);
});

test('nothing missing: ready, whoever runs it', () => {
  assert.deepEqual(plan({ missing: [], isRoot: false, hasApt: false }), { action: 'ready' });
});

test('root with apt-get installs each package once', () => {
  const missing = missingTools(NEEDS.test, none);
  assert.deepEqual(plan({ missing, isRoot: true, hasApt: true }), {
    action: 'install',
    packages: [
      'prometheus',
      'postgresql',
      'docker-compose',
      'chromium',
      'zip',
      'unzip',
      'openssh-client',
      'git',
      'poppler-utils',
    ],
  });
});

test('not root: one message naming each missing tool and the exact install line', () => {
  const missing = missingTools(NEEDS.test, (t) => !['promtool', 'prometheus', 'chromium'].includes(t));
  const { action, message } = plan({ missing, isRoot: false, hasApt: true });
  assert.equal(action, 'stop');
  const lines = message.split('\n');
  assert.equal(lines[0], 'setup: missing tools:');
  for (const tool of ['promtool', 'prometheus', 'chromium']) {
    assert.ok(
      lines.some((l) => l.trimStart().startsWith(`${tool} `)),
      `${tool} is named`
    );
  }
  assert.equal(lines.at(-1).trim(), installLine(['prometheus', 'chromium']));
  assert.equal(
    installLine(['prometheus', 'chromium']),
    'sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus chromium'
  );
});

test('root without apt-get stops too, naming the Debian packages', () => {
  const { action, message } = plan({ missing: [TOOLS[4]], isRoot: true, hasApt: false });
  assert.equal(action, 'stop');
  assert.match(message, /no apt-get: install the equivalents of the Debian packages chromium/);
});

test('PostgreSQL is found by its newest versioned bin folder with initdb', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-pg-'));
  try {
    assert.equal(pgBinDir(root), undefined);
    for (const v of ['13', '15', '9']) {
      fs.mkdirSync(path.join(root, v, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(root, v, 'bin', 'initdb'), '');
    }
    fs.mkdirSync(path.join(root, '16', 'bin'), { recursive: true }); // a client-only install: no initdb
    assert.equal(pgBinDir(root), path.join(root, '15', 'bin'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the command: a bad purpose is a usage error (exit 2), and --check installs nothing', () => {
  const script = path.join(import.meta.dirname, 'setup.mjs');
  const bad = spawnSync(process.execPath, [script, 'toString'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^usage: node scripts\/setup\.mjs \[test\|preview\] \[--check\]/);
  const check = spawnSync(process.execPath, [script, 'preview', '--check'], { encoding: 'utf8' });
  assert.ok([0, 1].includes(check.status));
  assert.doesNotMatch(check.stderr, /installing/);
});

test('Chromium is looked for where the browser tests launch it: CHROMIUM_PATH, else /usr/bin/chromium', () => {
  assert.equal(chromiumPath({}), '/usr/bin/chromium');
  assert.equal(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' }), '/opt/chromium/chrome');
});

test("a leftover policy-rc.d of this step is removed; anybody else's is kept", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-policy-'));
  try {
    const ours = path.join(dir, 'ours');
    fs.writeFileSync(ours, '#!/bin/sh\n# written by candor scripts/setup.mjs for one apt-get install\nexit 101\n');
    removeOwnPolicy(ours);
    assert.equal(fs.existsSync(ours), false);
    const theirs = path.join(dir, 'theirs');
    fs.writeFileSync(theirs, '#!/bin/sh\nexit 101\n');
    removeOwnPolicy(theirs);
    assert.equal(fs.existsSync(theirs), true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
