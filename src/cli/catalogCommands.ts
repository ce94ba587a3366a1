/**
 * `candor validate FILE`, `candor fingerprint FILE`: one catalog each; `candor test FILE|GLOB...`: test files.
 */
import { existsSync, readdirSync } from 'fs';
import path from 'path';

import { runCatalogTests, testFileProblems, type TestFile } from '../core/catalogTest';
import { fingerprint } from '../core/fingerprint';
import { parseYaml } from '../core/parse';
import { CliError, type Command, type Io, loadValid, printSyntaxErrors, read } from './common';

/** Exactly one FILE argument, or a usage error. */
function oneFile(argv: string[], usage: string): string {
  if (argv.length !== 1) {
    throw new CliError(usage, 2);
  }
  return argv[0];
}

export const VALIDATE_USAGE = `usage: candor validate FILE
  Checks one catalog: one "path (metric id, line N): reason" line per problem. Exit 0 valid, 1 invalid, 2 the file
  cannot be read or is not YAML. Format: docs/catalog.md.`;
export const validate: Command = (argv, io) => {
  const file = oneFile(argv, VALIDATE_USAGE);
  const c = loadValid(file, io);
  const active = c.metrics.filter((m) => !m.retired).length;
  const fp = fingerprint(c);
  io.out(
    `${file}: valid ${c.apiVersion} catalog "${c.scorecard.id}" v${c.scorecard.version}: ${c.pillars.length} pillars, ${active} active metrics (${c.metrics.length - active} retired), ${fp.short}`
  );
  return 0;
};

export const FINGERPRINT_USAGE = `usage: candor fingerprint FILE
  Prints the catalog's short and full sha256 fingerprint (of its canonical JSON: comments and key order do not
  count). Exit 0, or 2 when the file cannot be read or is not YAML.`;
export const printFingerprint: Command = (argv, io) => {
  const file = oneFile(argv, FINGERPRINT_USAGE);
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    printSyntaxErrors(file, parsed.syntaxErrors, io);
    return 2;
  }
  const fp = fingerprint(parsed.data);
  io.out(`short: ${fp.short}`);
  io.out(`full:  sha256:${fp.full}`);
  return 0;
};

export const TEST_USAGE = `usage: candor test FILE|GLOB...
  Runs catalog test files (docs/catalog.md#catalog-tests); a GLOB (quoted, e.g. 'provisioning/catalogs/tests/*.yaml')
  matches *, ? and [..] within one folder.`;

/** Files named directly, and the files a simple glob (`*`, `?`, `[..]` in the last path segment) matches, sorted. */
export function expandFiles(args: string[]): string[] {
  return args.flatMap((arg) => {
    if (!/[*?[]/.test(arg)) {
      return [arg];
    }
    const dir = path.dirname(arg);
    if (/[*?[]/.test(dir)) {
      throw new CliError(`${arg}: a glob may only match file names within one folder`, 2);
    }
    const re = new RegExp(
      `^${path
        .basename(arg)
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`
    );
    const found = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => re.test(f))
          .sort()
      : [];
    if (found.length === 0) {
      throw new CliError(`${arg}: no file matches`, 2);
    }
    return found.map((f) => path.join(dir, f));
  });
}

export interface TestRun {
  /** The catalog file the test file names, resolved. */
  catalogFile: string;
  passed: number;
  /** One line per failure: "FAIL name" and indented reasons. */
  failures: string[];
}

/** Runs one test file; a CliError (exit 2) when it cannot be read, exit 1 problems when its catalog is invalid. */
export function runTestFile(file: string, io: Io): TestRun {
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    printSyntaxErrors(file, parsed.syntaxErrors, io);
    throw new CliError('', 2);
  }
  const problems = testFileProblems(parsed.data);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    throw new CliError('', 2);
  }
  const spec = parsed.data as TestFile;
  const catalogFile = path.resolve(path.dirname(file), spec.catalog);
  const catalog = loadValid(catalogFile, io);
  const outcomes = runCatalogTests(catalog, spec);
  const failed = outcomes.filter((o) => o.failures.length > 0);
  return {
    catalogFile,
    passed: outcomes.length - failed.length,
    failures: failed.flatMap((o) => [`FAIL ${o.name}`, ...o.failures.map((f) => `  ${f}`)]),
  };
}

export const test: Command = (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(TEST_USAGE);
    return 0;
  }
  if (argv.length === 0 || argv.some((a) => a.startsWith('-'))) {
    throw new CliError(TEST_USAGE, 2);
  }
  let code = 0;
  for (const file of expandFiles(argv)) {
    try {
      const r = runTestFile(file, io);
      r.failures.forEach((l) => io.err(l));
      const failed = r.failures.filter((l) => l.startsWith('FAIL ')).length;
      io.out(`${file}: ${path.relative(process.cwd(), r.catalogFile)}: ${r.passed} passed, ${failed} failed`);
      code = Math.max(code, failed > 0 ? 1 : 0);
    } catch (e) {
      if (!(e instanceof CliError)) {
        throw e;
      }
      if (e.message) {
        io.err(e.message);
      }
      code = Math.max(code, e.code);
    }
  }
  return code;
};
