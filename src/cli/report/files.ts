/** Files of `candor report`: the report and its record written together or not at all, JSON read with its path. */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { createHash } from 'crypto';
import path from 'path';

import { CliError, read } from '../common';

/**
 * Writes every file to a temporary name first, then renames them all: a report is never half a file, and never
 * beside a record of another run. A failure removes the temporary files.
 */
export function writeTogether(files: Array<{ file: string; content: string | Buffer }>): void {
  const tmp = files.map((f) => ({ ...f, tmp: `${f.file}.tmp-${process.pid}` }));
  try {
    tmp.forEach((f) => writeFileSync(f.tmp, f.content));
    tmp.forEach((f) => renameSync(f.tmp, f.file));
  } catch (e) {
    tmp.forEach((f) => rmSync(f.tmp, { force: true }));
    throw new CliError(`${path.dirname(files[0].file)}: cannot write the report: ${(e as Error).message}`, 2);
  }
}

/** A JSON file's value and the sha256 of its bytes, or exit 2 naming the file. */
export function readJson(file: string): { value: unknown; sha256: string } {
  const text = read(file);
  try {
    return { value: JSON.parse(text), sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
  } catch (e) {
    throw new CliError(`${file}: not JSON: ${(e as Error).message}`, 2);
  }
}

/** The Candor repository this command runs from (its page sources and node_modules), whatever the working folder. */
export function candorRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'src', 'report', 'main.tsx'))) {
    const up = path.dirname(dir);
    if (up === dir) {
      throw new CliError('candor report: cannot find the report page sources (src/report) beside this command', 2);
    }
    dir = up;
  }
  return dir;
}
