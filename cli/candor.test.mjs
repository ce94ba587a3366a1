// node --test cli/: the `candor` command as a shell user meets it — a closed pipe ends quietly, bad input is one line.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const CANDOR = path.join(import.meta.dirname, 'candor.mjs');
const CATALOG = path.join(ROOT, 'provisioning/catalogs/platform-scorecard.yaml');

test('`candor … | head -1`: a closed pipe ends the command with exit 0 and nothing on stderr', async () => {
  const child = spawn(process.execPath, [CANDOR, 'validate', CATALOG], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.destroy(); // the reader went away before the first line was written
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('a YAML alias bomb and an oversized file are one line each, exit 2, no stack trace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-cli-'));
  try {
    const bomb = path.join(dir, 'bomb.yaml');
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) {
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    fs.writeFileSync(bomb, `${levels.join('\n')}\n`);
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, Buffer.alloc(5 * 1024 * 1024, 0x20));
    for (const [file, message] of [
      [bomb, /^.*bomb\.yaml:1:1: the document cannot be expanded: Excessive alias count/],
      [big, /^.*big\.yaml: 5242880 bytes is more than the 4 MiB an input may have$/],
    ]) {
      const r = spawnSync(process.execPath, [CANDOR, 'validate', file], { encoding: 'utf8' });
      assert.equal(r.status, 2);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], message);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
