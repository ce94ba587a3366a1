/**
 * `candor validate FILE`, `candor fingerprint FILE`, `candor test FILE`: one catalog or test file each.
 */
import path from 'path';

import { runCatalogTests, testFileProblems, type TestFile } from '../core/catalogTest';
import { fingerprint } from '../core/fingerprint';
import { parseYaml } from '../core/parse';
import { CliError, type Command, loadValid, printSyntaxErrors, read } from './common';

/** Exactly one FILE argument, or a usage error. */
function oneFile(argv: string[], usage: string): string {
  if (argv.length !== 1) {
    throw new CliError(usage, 2);
  }
  return argv[0];
}

const validateUsage = 'validate FILE';
export const validate: Command = (argv, io) => {
  const file = oneFile(argv, `usage: candor ${validateUsage}`);
  const c = loadValid(file, io);
  const active = c.metrics.filter((m) => !m.retired).length;
  const fp = fingerprint(c);
  io.out(
    `${file}: valid ${c.apiVersion} catalog "${c.scorecard.id}" v${c.scorecard.version}: ${c.pillars.length} pillars, ${active} active metrics (${c.metrics.length - active} retired), ${fp.short}`
  );
  return 0;
};

const fingerprintUsage = 'fingerprint FILE';
export const printFingerprint: Command = (argv, io) => {
  const file = oneFile(argv, `usage: candor ${fingerprintUsage}`);
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

const testUsage = 'test FILE';
export const test: Command = (argv, io) => {
  const file = oneFile(argv, `usage: candor ${testUsage}`);
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    printSyntaxErrors(file, parsed.syntaxErrors, io);
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
};
