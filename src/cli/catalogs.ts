/**
 * Finding and loading catalogs with their lock files, for `check`, `approve` and `provision`. Without explicit
 * files these commands work on every catalog in the catalog folder of the project root (`--root`, default the current
 * directory): `catalogs` in candor.config.yaml, default `provisioning/catalogs/`; `*.yaml`/`*.yml` there, lock files
 * (`*.lock.yaml`) excepted; tests live in a subfolder.
 */
import { existsSync, readdirSync } from 'fs';
import path from 'path';

import { loadCatalog, type SyntaxProblem } from '../core/parse';
import type { Catalog, Problem } from '../core/types';
import { type Lock, lockPathFor, parseLock } from '../provision/lock';
import { CliError, printSyntaxErrors, read } from './common';
import { CONFIG_FILE, loadConfig } from './config';

/** The catalog folder, relative to the project root (candor.config.yaml `catalogs`). */
export const catalogDir = (root: string): string => loadConfig(root).catalogs;

export function findCatalogs(root: string): string[] {
  const dir = path.join(root, catalogDir(root));
  if (!existsSync(dir)) {
    throw new CliError(
      `${dir}: no catalog folder (run from the project root, pass --root, or name the folder in ${CONFIG_FILE}; candor init makes one)`,
      2
    );
  }
  const names = readdirSync(dir);
  const files = names
    .filter((f) => /\.ya?ml$/.test(f) && !/\.lock\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  // Lock files alone are a record of catalogs that were removed: the commands judge them (check.ts orphanLocks).
  if (files.length === 0 && !names.some((f) => /\.lock\.ya?ml$/.test(f))) {
    throw new CliError(`${dir}: no catalogs found`, 2);
  }
  return files;
}

export interface LoadedEntry {
  /** The catalog file as given or found. */
  file: string;
  lockFile: string;
  data?: unknown;
  catalog?: Catalog;
  syntaxErrors: SyntaxProblem[];
  /** Risks the valid catalog does not guard against (core/freshness.ts catalogWarnings). */
  warnings: Problem[];
  lock?: Lock;
  /** Problems of the lock file itself (unreadable YAML, wrong shape). */
  lockProblems: Problem[];
}

export function loadEntry(file: string): LoadedEntry {
  const loaded = loadCatalog(read(file));
  const lockFile = lockPathFor(file);
  const entry: LoadedEntry = {
    file,
    lockFile,
    data: loaded.data,
    catalog: loaded.catalog,
    syntaxErrors: loaded.syntaxErrors,
    warnings: loaded.warnings,
    lockProblems: [],
  };
  if (existsSync(lockFile)) {
    const { lock, problems } = parseLock(read(lockFile));
    entry.lock = lock;
    entry.lockProblems = problems;
  }
  return entry;
}

export { todayUtc } from '../provision/lock';

/** Paths in output and generated headers: relative to the root, with forward slashes. */
export const relativePath = (root: string, file: string) =>
  path.relative(root, path.resolve(file)).split(path.sep).join('/');

/** Prints why an entry cannot be read (YAML syntax, a malformed lock file); returns exit code 2 then, else undefined. */
export function unreadable(entry: LoadedEntry, io: { err: (line: string) => void }): number | undefined {
  if (entry.syntaxErrors.length > 0) {
    printSyntaxErrors(entry.file, entry.syntaxErrors, io);
    return 2;
  }
  if (entry.lockProblems.length > 0) {
    entry.lockProblems.forEach((p) => io.err(`${entry.lockFile}: ${p.path}: ${p.message}`));
    return 2;
  }
  return undefined;
}
