/**
 * The catalog tests as a gate of `check` and `approve` (docs/governance.md): which test files test a catalog, their
 * failures, and the test files an approval recorded that are gone.
 */
import { existsSync, readdirSync } from 'fs';
import path from 'path';

import { parseYaml } from '../core/parse';
import { currentApproval } from '../provision/lock';
import type { LoadedEntry } from './catalogs';
import { runTestFile } from './catalogCommands';
import { CliError, type Io, read } from './common';

/**
 * The catalog's test files: every `*.yaml`/`*.yml` in tests/ beside it whose `catalog:` names it, read as YAML (so
 * any spelling of the key counts). A file there that names no catalog, or one that does not exist, is a problem of
 * every catalog beside it: a test that silently tests nothing is how a gate is skipped.
 */
export function testsOf(file: string): { files: string[]; problems: string[] } {
  const dir = path.join(path.dirname(file), 'tests');
  if (!existsSync(dir)) {
    return { files: [], problems: [] };
  }
  const target = path.resolve(file);
  const files: string[] = [];
  const problems: string[] = [];
  for (const t of readdirSync(dir)
    .filter((f) => !/^\./.test(f))
    .sort()
    .map((f) => path.join(dir, f))) {
    if (!/\.ya?ml$/.test(t)) {
      problems.push(`${t}: not a test file (*.yaml): only catalog tests belong in tests/`);
      continue;
    }
    const parsed = parseYaml(read(t));
    const named = (parsed.data as { catalog?: unknown } | null)?.catalog;
    if (parsed.syntaxErrors.length > 0 || typeof named !== 'string') {
      problems.push(`${t}: catalog: a test file names the catalog it tests`);
      continue;
    }
    const resolved = path.resolve(path.dirname(t), named);
    if (!existsSync(resolved)) {
      problems.push(`${t}: catalog: ${named} does not exist`);
    } else if (
      path.dirname(resolved) !== path.dirname(target) ||
      !/\.ya?ml$/.test(resolved) ||
      /\.lock\.ya?ml$/.test(resolved)
    ) {
      problems.push(`${t}: catalog: ${named} is not a catalog of ${path.dirname(target)}`);
    } else if (resolved === target) {
      files.push(t);
    }
  }
  return { files, problems };
}

/** Failures of the catalog's tests, as lines; a test that cannot run is a failure too. */
export function testFailures(file: string): string[] {
  const { files, problems } = testsOf(file);
  return problems.concat(
    files.flatMap((t) => {
      const lines: string[] = [];
      const quiet: Io = { out: () => undefined, err: (l) => lines.push(l) };
      try {
        const r = runTestFile(t, quiet);
        return r.failures.length > 0 ? [`${t}: the catalog's tests fail:`, ...r.failures] : [];
      } catch (e) {
        if (!(e instanceof CliError)) {
          throw e;
        }
        return [`${t}: the catalog's tests cannot run:`, ...lines, ...(e.message ? [e.message] : [])];
      }
    })
  );
}

/** Test files the approval in force was given with that no longer test this catalog. */
export function missingTests(entry: LoadedEntry): string[] {
  const recorded = entry.lock ? (currentApproval(entry.lock).tests ?? []) : [];
  const present = new Set(
    testsOf(entry.file).files.map((t) => path.relative(path.dirname(entry.file), t).split(path.sep).join('/'))
  );
  return recorded
    .filter((t) => !present.has(t))
    .map(
      (t) =>
        `${entry.file}: ${t}: was approved with this catalog and no longer tests it: a test is removed by an approval`
    );
}
