/**
 * `candor check --against REF`: reads the lock files at REF from git and compares them with today's
 * (src/provision/history.ts). Git is run with an argument list (never a shell); REF is checked to name a commit
 * first. Without git, outside a repository or with an unknown REF, the check fails with exit 2 and says it could
 * not verify the history: an unverified history is never reported as a verified one.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { parse } from 'yaml';

import type { Problem } from '../core/types';
import { historyProblems } from '../provision/history';
import { type Lock, parseLock } from '../provision/lock';
import { catalogDir } from './catalogs';
import { CliError } from './common';
import { CONFIG_FILE, DEFAULT_CONFIG, projectPath } from './config';

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    const why = err.code === 'ENOENT' ? 'git is not installed' : (err.stderr || err.message).trim().split('\n')[0];
    throw new CliError(`--against: could not verify the approval history: ${why}`, 2);
  }
}

export interface LockAtRef {
  /**
   * Where the lock file is TODAY, relative to the root, forward slashes: today's catalog folder and its name at REF.
   * A catalog folder moved (or aliased) since REF is compared lock by lock, never read as "no locks at REF".
   */
  file: string;
  lock: Lock;
}

export interface RefLocks {
  ref: string;
  /** REF's commit day (UTC). */
  date: string;
  locks: LockAtRef[];
}

/** The catalog folder a commit's own candor.config.yaml names (the default without one). */
export function catalogDirAt(root: string, commit: string): string {
  const listed = git(root, ['ls-tree', '--name-only', commit, '--', CONFIG_FILE]).trim();
  if (listed === '') {
    return DEFAULT_CONFIG.catalogs;
  }
  // Only the catalog folder is read, leniently: a config refused today (a field since added to the rules, a stray
  // key in a commit of a merged branch) still says where that commit kept its catalogs.
  let data: unknown;
  try {
    data = parse(git(root, ['show', `${commit}:./${CONFIG_FILE}`]));
  } catch {
    return DEFAULT_CONFIG.catalogs;
  }
  const catalogs = (data as { catalogs?: unknown } | null)?.catalogs;
  if (catalogs === undefined) {
    return DEFAULT_CONFIG.catalogs;
  }
  const { path: folder, problem } = projectPath(catalogs);
  if (!folder) {
    throw new CliError(`${CONFIG_FILE} at ${commit.slice(0, 12)}: catalogs: ${problem}`, 2);
  }
  return folder;
}

/** The lock files of the catalog folder at REF (the folder REF's config names), parsed. */
export function locksAt(root: string, ref: string): RefLocks {
  if (ref.startsWith('-')) {
    throw new CliError(`--against: "${ref}" is not a git revision`, 2);
  }
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  const date = new Date(Number(git(root, ['show', '-s', '--format=%ct', commit]).trim()) * 1000)
    .toISOString()
    .slice(0, 10);
  const dirThen = catalogDirAt(root, commit);
  const dirNow = catalogDir(root);
  const names = git(root, ['ls-tree', '--name-only', commit, '--', `${dirThen}/`])
    .split('\n')
    .filter((f) => /\.lock\.ya?ml$/.test(f));
  const locks = names.map((file) => {
    const { lock, problems } = parseLock(git(root, ['show', `${commit}:./${file}`]));
    if (!lock) {
      throw new CliError(`${file} at ${ref}: ${problems[0]?.path}: ${problems[0]?.message}`, 2);
    }
    return { file: `${dirNow}/${path.posix.basename(file)}`, lock };
  });
  return { ref, date, locks };
}

/**
 * Every commit of HEAD's history that changed a file under provisioning/catalogs/, newest first: `check --history`
 * compares today's locks with each, so a rewrite several commits back (a push of many commits) is caught too.
 */
export function catalogCommits(root: string): string[] {
  if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    throw new CliError(
      '--history: could not verify the approval history: this is a shallow clone (git clone --depth); fetch the whole history first (git fetch --unshallow)',
      2
    );
  }
  // Every folder that was ever the catalog folder (each config's), and the config itself: a commit that moves the
  // folder, or aliases it, is one of them.
  const configCommits = git(root, ['rev-list', '--full-history', 'HEAD', '--', CONFIG_FILE])
    .split('\n')
    .filter((c) => /^[0-9a-f]{40}$/.test(c));
  const dirs = new Set([catalogDir(root), ...configCommits.map((c) => catalogDirAt(root, c))].map((d) => `${d}/`));
  // --full-history: every side of a merge, so a merge cannot hide the branch whose history it discards.
  return git(root, ['rev-list', '--full-history', 'HEAD', '--', ...dirs, CONFIG_FILE])
    .split('\n')
    .filter((c) => /^[0-9a-f]{40}$/.test(c));
}

/** The first parent of a commit, or undefined for a root commit. */
export function parentOf(root: string, commit: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${commit}^1`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Problems of today's locks against REF, keyed by lock file (relative to the root). */
export function historyByFile(at: RefLocks, today: Map<string, Lock | undefined>): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const { file, lock } of at.locks) {
    out.set(file, historyProblems({ before: lock, after: today.get(file), ref: at.ref, refDate: at.date }));
  }
  return out;
}
