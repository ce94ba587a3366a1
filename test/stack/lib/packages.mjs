// The Debian packages the stack needs: `prometheus` (prometheus, promtool) and `postgresql` (initdb, postgres, psql).
// Installed with apt-get when missing and running as root; otherwise the script says what to install and fails.
import { spawnSync } from 'node:child_process';

import { pgBinDir } from './postgres.mjs';
import { log, run } from './util.mjs';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function missing() {
  const out = [];
  if (!has('prometheus') || !has('promtool')) {
    out.push('prometheus');
  }
  if (!pgBinDir()) {
    out.push('postgresql');
  }
  return out;
}

export function ensurePackages() {
  const needed = missing();
  if (needed.length === 0) {
    return;
  }
  if (process.getuid() !== 0) {
    throw new Error(
      `missing Debian packages: ${needed.join(' ')}. Install them (as root): ` +
        `apt-get update && apt-get install -y --no-install-recommends ${needed.join(' ')}`
    );
  }
  log(`installing Debian packages: ${needed.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env, timeout: 600_000 });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...needed], { env, timeout: 900_000 });
  const still = missing();
  if (still.length) {
    throw new Error(`still missing after apt-get install: ${still.join(' ')}`);
  }
}
