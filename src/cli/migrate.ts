/**
 * `candor migrate FILE [--check]`: rewrites a catalog into the current format (core/migrate.ts), step by step,
 * saying each step. A catalog already in it is left untouched, byte for byte. The rewritten catalog is valid or
 * nothing is written. --check writes nothing and exits 1 when the file would change (for CI after an upgrade).
 * Exit codes: 0 current or migrated; 1 --check and it would change, or the migrated catalog is invalid; 2 unreadable,
 * an unknown format, or the command line is wrong.
 */
import { writeFileSync } from 'fs';
import { stringify } from 'yaml';

import { migrateCatalog } from '../core/migrate';
import { parseYaml } from '../core/parse';
import { validateCatalog } from '../core/validate';
import { CliError, type Command, parseArgs, printSyntaxErrors, read } from './common';

export const MIGRATE_USAGE = `usage: candor migrate FILE [--check]
  Rewrites a catalog into the current format (apiVersion candor/v1), step by step, saying each step; a catalog
  already in it is left as it is. A migrated catalog has a new fingerprint: approve it like any change.
  --check: write nothing; exit 1 when the file would change. Exit 2: unreadable or an unknown format.`;

export const migrate: Command = (argv, io) => {
  const args = parseArgs(argv, { flags: { check: 'boolean' }, usage: MIGRATE_USAGE, maxPositional: 1 });
  const file =
    args.positional[0] ??
    (() => {
      throw new CliError(MIGRATE_USAGE, 2);
    })();
  const parsed = parseYaml(read(file));
  if (parsed.syntaxErrors.length > 0) {
    printSyntaxErrors(file, parsed.syntaxErrors, io);
    return 2;
  }
  const out = migrateCatalog(parsed.data);
  if ('error' in out) {
    throw new CliError(`${file}: ${out.error}`, 2);
  }
  if (out.steps.length === 0) {
    io.out(`${file}: already ${out.from}, nothing to migrate`);
    return 0;
  }
  out.steps.forEach((s) => io.out(`${file}: ${s}`));
  const { problems } = validateCatalog(out.data);
  if (problems.length > 0) {
    problems.forEach((p) => io.err(`${file} (migrated): ${p.path}: ${p.message}`));
    throw new CliError(`${file}: the migrated catalog is not valid; nothing was written`, 1);
  }
  if (args.booleans.check) {
    io.err(`${file}: would be migrated from ${out.from} (run candor migrate ${file})`);
    return 1;
  }
  writeFileSync(file, stringify(out.data));
  io.out(`${file}: migrated from ${out.from}; approve it again (candor approve), its fingerprint changed`);
  return 0;
};
