/**
 * The `candor` command line. Exit codes: 0 success; 1 the input is readable but wrong (invalid catalog, failing
 * test); 2 the input cannot be read or parsed, or the command line is wrong.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { runCatalogTests, testFileProblems, type TestFile } from '../core/catalogTest';
import { fingerprint } from '../core/fingerprint';
import { loadCatalog, parseYaml } from '../core/parse';
import type { Catalog } from '../core/types';

const USAGE = `usage: candor <command> [arguments]

  validate FILE      check a catalog; one "path: reason" line per problem
  fingerprint FILE   print the catalog's short and full sha256 fingerprint
  test FILE          run catalog unit tests (see docs/catalog.md)`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
const consoleIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number
  ) {
    super(message);
  }
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as Error).message}`, 2);
  }
}

/** A valid catalog, or a CliError: exit 2 for syntax errors (with line:column), exit 1 for invalid content. */
function loadValid(file: string, io: Io): Catalog {
  const loaded = loadCatalog(read(file));
  if (loaded.syntaxErrors.length > 0) {
    loaded.syntaxErrors.forEach((e) => io.err(`${file}:${e.line}:${e.column}: ${e.message}`));
    throw new CliError('', 2);
  }
  if (!loaded.catalog) {
    loaded.problems.forEach((p) => io.err(`${p.path}: ${p.message}`));
    throw new CliError(`${file}: ${loaded.problems.length} problem(s)`, 1);
  }
  return loaded.catalog;
}

function validate(file: string, io: Io): number {
  const c = loadValid(file, io);
  const active = c.metrics.filter((m) => !m.retired).length;
  const fp = fingerprint(c);
  io.out(
    `${file}: valid ${c.apiVersion} catalog "${c.scorecard.id}" v${c.scorecard.version}: ${c.pillars.length} pillars, ${active} active metrics (${c.metrics.length - active} retired), ${fp.short}`
  );
  return 0;
}

function printFingerprint(file: string, io: Io): number {
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    parsed.syntaxErrors.forEach((e) => io.err(`${file}:${e.line}:${e.column}: ${e.message}`));
    return 2;
  }
  const fp = fingerprint(parsed.data);
  io.out(`short: ${fp.short}`);
  io.out(`full:  sha256:${fp.full}`);
  return 0;
}

function test(file: string, io: Io): number {
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    parsed.syntaxErrors.forEach((e) => io.err(`${file}:${e.line}:${e.column}: ${e.message}`));
    return 2;
  }
  const problems = testFileProblems(parsed.data);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    return 2;
  }
  const spec = parsed.data as TestFile;
  const catalogFile = path.resolve(path.dirname(file), spec.catalog);
  const catalog = loadValid(catalogFile, io);
  const outcomes = runCatalogTests(catalog, spec);
  const failed = outcomes.filter((o) => o.failures.length > 0);
  for (const o of failed) {
    io.err(`FAIL ${o.name}`);
    o.failures.forEach((f) => io.err(`  ${f}`));
  }
  io.out(
    `${path.relative(process.cwd(), catalogFile)}: ${outcomes.length - failed.length} passed, ${failed.length} failed`
  );
  return failed.length > 0 ? 1 : 0;
}

const COMMANDS: Record<string, (file: string, io: Io) => number> = { validate, fingerprint: printFingerprint, test };

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, file, ...rest] = argv;
  const run = COMMANDS[command ?? ''];
  if (!run || !file || rest.length > 0) {
    io.err(command && !run ? `candor: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    return run(file, io);
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message) {
        io.err(e.message);
      }
      return e.code;
    }
    throw e;
  }
}
