/**
 * Test helpers for the CLI: run `candor` in-process and capture its output, and a temporary project root holding a
 * copy of the default catalog and its lock file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { parse, stringify } from 'yaml';

import type { Catalog } from '../../core/types';
import { main } from '../main';

export const ROOT = path.resolve(__dirname, '../../..');
export const CATALOG_NAME = 'platform-scorecard.yaml';
/** The committed default catalog's version: the approval in force, which every approved change moves on. */
export const DEFAULT_VERSION = (
  parse(readFileSync(path.join(ROOT, 'provisioning/catalogs', CATALOG_NAME), 'utf8')) as Catalog
).scorecard.version;
/** The version as a regular expression, dots escaped. */
export const DEFAULT_VERSION_RE = DEFAULT_VERSION.replace(/\./g, '\\.');

export interface RunResult {
  code: number;
  out: string[];
  err: string[];
}

export async function run(...argv: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A temporary project root with the default catalog and its lock under provisioning/catalogs/. */
export const TESTS_NAME = 'platform-scorecard.test.yaml';

export function tempProject(): { root: string; catalog: string; lock: string; tests: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'candor-project-'));
  const dir = path.join(root, 'provisioning/catalogs');
  mkdirSync(dir, { recursive: true });
  const catalog = path.join(dir, CATALOG_NAME);
  const lock = path.join(dir, 'platform-scorecard.lock.yaml');
  copyFileSync(path.join(ROOT, 'provisioning/catalogs', CATALOG_NAME), catalog);
  copyFileSync(path.join(ROOT, 'provisioning/catalogs/platform-scorecard.lock.yaml'), lock);
  // The catalog's tests come along: the approval in force records them (docs/governance.md).
  mkdirSync(path.join(dir, 'tests'));
  copyFileSync(path.join(ROOT, 'provisioning/catalogs/tests', TESTS_NAME), path.join(dir, 'tests', TESTS_NAME));
  return { root, catalog, lock, tests: path.join(dir, 'tests', TESTS_NAME) };
}

/** Rewrites a catalog file through a change to its data (comments are lost; the definitions are what count). */
export function editCatalog(file: string, change: (c: Catalog) => void): void {
  const data = parse(readFileSync(file, 'utf8')) as Catalog;
  change(data);
  writeFileSync(file, stringify(data));
}
