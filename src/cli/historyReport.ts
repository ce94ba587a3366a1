/**
 * `candor check --against REF` and `--history`: today's locks against git (src/cli/history.ts reads git,
 * src/provision/history.ts judges). Each prints its problems and returns an exit code.
 */
import { existsSync, readdirSync } from 'fs';
import path from 'path';

import { retirementDatingProblems } from '../provision/history';
import { type Lock, parseLock } from '../provision/lock';
import { catalogDir } from './catalogs';
import { type Io, read } from './common';
import { catalogCommits, historyByFile, locksAt, parentOf, type RefLocks } from './history';

/** Every lock at REF against today's; prints each problem; returns the exit code. */
export function reportHistory(root: string, ref: string, io: Io, quiet = false): number {
  const at = locksAt(root, ref);
  const today = todaysLocks(
    root,
    at.locks.map((l) => l.file)
  );
  let code = 0;
  historyByFile(at, today).forEach((problems, file) => {
    problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    code = problems.length > 0 ? 1 : code;
  });
  if (code === 0 && !quiet) {
    io.out(`history: ${at.locks.length} lock file(s) at ${ref} are each a prefix of today's`);
  }
  return code;
}

/** Today's locks, by path relative to the root, for the lock files that exist at REF. */
function todaysLocks(root: string, files: string[]): Map<string, Lock | undefined> {
  const today = new Map<string, Lock | undefined>();
  for (const file of files) {
    const full = path.join(root, file);
    today.set(file, existsSync(full) ? parseLock(read(full)).lock : undefined);
  }
  return today;
}

/**
 * Every commit that touched the catalogs folder, each as --against would check it; and every retirement recorded
 * in one of them (or in the working tree) dated no earlier than the commit it was made on.
 */
export function reportAllHistory(root: string, io: Io): number {
  const commits = catalogCommits(root);
  let code = Math.max(0, ...commits.map((c) => reportHistory(root, c.slice(0, 12), io, true)));
  const changes: Array<{ at?: RefLocks; base: RefLocks; where: string }> = commits.flatMap((c) => {
    const parent = parentOf(root, c);
    return parent ? [{ at: locksAt(root, c), base: locksAt(root, parent), where: c.slice(0, 12) }] : [];
  });
  changes.push({ base: locksAt(root, 'HEAD'), where: 'the working tree' });
  for (const { at, base, where } of changes) {
    const after = at ? new Map(at.locks.map((l) => [l.file, l.lock])) : todaysLocks(root, findLockFiles(root));
    after.forEach((lock, file) => {
      if (!lock) {
        return;
      }
      const before = base.locks.find((l) => l.file === file)?.lock;
      retirementDatingProblems({ before, after: lock, baseDate: base.date, where }).forEach((p) => {
        io.err(`${file}: ${p.path}: ${p.message}`);
        code = 1;
      });
    });
  }
  if (code === 0) {
    io.out(`history: today's locks extend the locks of all ${commits.length} commit(s) that changed the catalogs`);
  }
  return code;
}

/** The lock files under provisioning/catalogs/ today, relative to the root. */
function findLockFiles(root: string): string[] {
  const dir = path.join(root, catalogDir(root));
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.lock\.ya?ml$/.test(f))
        .map((f) => `${catalogDir(root)}/${f}`)
    : [];
}
