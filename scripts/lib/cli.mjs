// Small helpers shared by the project's Node scripts (scripts/, test/demo/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Whether the module at `metaUrl` is the script node was asked to run. Compares real file URLs, so a path with
 * spaces or `%`, or a script run through a symlink, is still recognised (a bare `file://${argv[1]}` is not).
 */
export function isMain(metaUrl) {
  const script = process.argv[1];
  if (!script) {
    return false;
  }
  try {
    return pathToFileURL(fs.realpathSync(script)).href === metaUrl;
  } catch {
    return false;
  }
}

/** Whether `cmd` is a command on PATH. */
export const onPath = (cmd) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' }).status === 0;
