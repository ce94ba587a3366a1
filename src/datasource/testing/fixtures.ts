/**
 * Grafana's own backend outputs (golden frames and their inputs, SOURCES.md in that folder), read as Grafana's HTTP
 * API would send them. The folder is not part of this repository:
 * - `CANDOR_GRAFANA_FIXTURES` names it. Set, it must exist: a wrong path fails the tests, never skips them (.ci/run
 *   sets it, so CI always runs them).
 * - Unset, `../shared/fixtures/grafana` beside the clone is used when it is there; in a plain clone the tests that
 *   need it are skipped, with one line saying why.
 */
import type { BackendDataSourceResponse } from '@grafana/runtime';
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

export const FIXTURES_ENV = 'CANDOR_GRAFANA_FIXTURES';
const REPO_ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/grafana');

export type GoldenFolder = { dir: string; why?: undefined } | { dir?: undefined; why: string };

/** Where Grafana's golden files are (see the top of this file); throws when the variable names a missing folder. */
export function goldenFolder(
  env: Record<string, string | undefined> = process.env,
  defaultDir = DEFAULT_FIXTURES
): GoldenFolder {
  const named = env[FIXTURES_ENV];
  // Set but empty is a mistake too (a CI variable that expanded to nothing): it fails, it does not skip.
  if (named !== undefined) {
    const dir = path.resolve(REPO_ROOT, named);
    if (named === '' || !existsSync(path.join(dir, 'SOURCES.md'))) {
      throw new Error(`${FIXTURES_ENV}=${named}: no Grafana fixtures there (SOURCES.md is missing)`);
    }
    return { dir };
  }
  if (existsSync(path.join(defaultDir, 'SOURCES.md'))) {
    return { dir: defaultDir };
  }
  return {
    why: `Grafana's golden frames are not beside this clone (${defaultDir}) and ${FIXTURES_ENV} is not set`,
  };
}

/** `describe`, or `describe.skip` with one line on stderr saying why, for tests that read Grafana's golden files. */
export function describeWithGolden(what: string): jest.Describe {
  const found = goldenFolder();
  if (found.dir) {
    return describe;
  }
  process.stderr.write(`SKIPPED ${what}: ${found.why}.\n`);
  return describe.skip;
}

/** The golden folder; only called inside `describeWithGolden` blocks (or where the folder is required). */
export function fixturesDir(): string {
  const found = goldenFolder();
  if (!found.dir) {
    throw new Error(found.why);
  }
  return found.dir;
}

/** The `{ status, frames }` of a golden `.jsonc` (its leading `//` lines removed). */
export function readGolden(relative: string): { status: number; frames: unknown[] } {
  const text = readFileSync(path.join(fixturesDir(), relative), 'utf8');
  return JSON.parse(
    text
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('//'))
      .join('\n')
  );
}

export function allGoldenFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(fixturesDir(), dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(rel);
      } else if (entry.name.endsWith('.jsonc')) {
        out.push(rel);
      }
    }
  };
  walk('.');
  return out.sort();
}

/** A `/api/ds/query` response body answering `refId` with the golden file's frames. */
export function responseOf(relative: string, refId: string): BackendDataSourceResponse {
  return { results: { [refId]: { status: 200, frames: readGolden(relative).frames as never } } };
}
