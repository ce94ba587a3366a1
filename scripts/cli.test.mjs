// node --test scripts/: a script runs as a script wherever the clone is (spaces, `%`, symlinks).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { onPath } from './lib/cli.mjs';

test('a script in a folder with a space and a % sign, and one run through a symlink, still runs its main', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor cli %20 '));
  try {
    const script = path.join(dir, 'main.mjs');
    const lib = pathToFileURL(path.join(import.meta.dirname, 'lib', 'cli.mjs')).href;
    fs.writeFileSync(
      script,
      `import { isMain } from ${JSON.stringify(lib)};\nif (isMain(import.meta.url)) { process.exit(7); }\n`
    );
    fs.symlinkSync(script, path.join(dir, 'link.mjs'));
    for (const run of [script, path.join(dir, 'link.mjs')]) {
      assert.equal(spawnSync(process.execPath, [run]).status, 7, run);
    }
    // Imported, not run: main stays quiet.
    fs.writeFileSync(path.join(dir, 'importer.mjs'), `import ${JSON.stringify(pathToFileURL(script).href)};\n`);
    assert.equal(spawnSync(process.execPath, [path.join(dir, 'importer.mjs')]).status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('onPath finds commands and is not fooled by shell syntax in a name', () => {
  assert.equal(onPath('sh'), true);
  assert.equal(onPath('no-such-command-candor'), false);
  assert.equal(onPath('sh; true'), false);
});
