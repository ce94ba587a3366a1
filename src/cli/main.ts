/**
 * The `candor` command line. Each command lives in its own module, gets its own arguments and parses its own
 * flags. Exit codes: 0 success; 1 the input is readable but wrong (invalid or unapproved catalog, failing test,
 * drift); 2 the input cannot be read or parsed, or the command line is wrong.
 */
import { readFileSync, realpathSync } from 'fs';
import path from 'path';

import { ACTION_USAGE, actionCommand } from './action';
import { approve, APPROVE_USAGE } from './approve';
import { FINGERPRINT_USAGE, printFingerprint, test, TEST_USAGE, validate, VALIDATE_USAGE } from './catalogCommands';
import { check, CHECK_USAGE } from './check';
import { CliError, type Command, consoleIo, type Io } from './common';
import { EVALUATE_USAGE, evaluateCommand } from './evaluate';
import { init, INIT_USAGE } from './init';
import { lock, LOCK_USAGE } from './lock';
import { migrate, MIGRATE_USAGE } from './migrate';
import { provision, PROVISION_USAGE } from './provision';
import { reportCommand } from './report/command';
import { REPORT_USAGE } from './report/options';
import { own } from '../core/own';

export type { Io } from './common';

interface Entry {
  run: Command;
  synopsis: string;
  summary: string;
  /** What `candor COMMAND --help` prints. */
  usage: string;
}

const COMMANDS: Record<string, Entry> = {
  init: {
    run: init,
    synopsis: 'init [DIR]',
    summary: 'start a config repository: a catalog, its test, candor.config.yaml, CI',
    usage: INIT_USAGE,
  },
  validate: {
    run: validate,
    synopsis: 'validate FILE',
    summary: 'check a catalog; one "path: reason" line per problem',
    usage: VALIDATE_USAGE,
  },
  fingerprint: {
    run: printFingerprint,
    synopsis: 'fingerprint FILE',
    summary: "print the catalog's short and full sha256 fingerprint",
    usage: FINGERPRINT_USAGE,
  },
  test: {
    run: test,
    synopsis: 'test FILE',
    summary: 'run catalog unit tests (see docs/catalog.md)',
    usage: TEST_USAGE,
  },
  evaluate: {
    run: (argv, io) => evaluateCommand(argv, io),
    synopsis: 'evaluate --catalog FILE --response FILE',
    summary: 'evaluate a saved /api/ds/query response (and actions): rows as JSON or text',
    usage: EVALUATE_USAGE,
  },
  check: {
    run: check,
    synopsis: 'check [FILE...]',
    summary: 'governance: valid, approved, no approved metric removed; datasources in Grafana',
    usage: CHECK_USAGE,
  },
  approve: {
    run: approve,
    synopsis: 'approve --by NAME',
    summary: "record the catalog's approval in its lock file",
    usage: APPROVE_USAGE,
  },
  migrate: {
    run: migrate,
    synopsis: 'migrate FILE',
    summary: 'rewrite a catalog into the current format after an upgrade',
    usage: MIGRATE_USAGE,
  },
  provision: {
    run: provision,
    synopsis: 'provision [--check]',
    summary: 'generate provisioning, dashboards, the definitions doc',
    usage: PROVISION_USAGE,
  },
  lock: {
    run: lock,
    synopsis: 'lock --url URL --token TOKEN',
    summary: 'set the dashboard folder permissions in Grafana',
    usage: LOCK_USAGE,
  },
  report: {
    run: (argv, io) => reportCommand(argv, io),
    synopsis: 'report --grafana-url URL --out FILE',
    summary: 'the weekly executive review as PDF, HTML or PNG, with FILE.json (docs/report.md)',
    usage: REPORT_USAGE,
  },
  action: {
    run: (argv, io) => actionCommand(argv, io),
    synopsis: 'action add|list|done …',
    summary: "record, list and close owners' actions (Grafana annotations)",
    usage: ACTION_USAGE,
  },
};

const width = Math.max(...Object.values(COMMANDS).map((c) => c.synopsis.length)) + 2;
export const USAGE = `usage: candor <command> [arguments]    (candor <command> --help for one command)

${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis.padEnd(width)}${c.summary}`)
  .join('\n')}

Exit codes: 0 done; 1 the input is readable but wrong (invalid or unapproved catalog, failing test, drift); 2 it
cannot be read, or the command line is wrong (report: 3 written but incomplete). Documentation: docs/catalog.md
(validate, fingerprint, test), docs/governance.md (check, approve), docs/provisioning.md (provision, lock) and
docs/install.md (init, candor.config.yaml) in Candor's repository.`;

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** Set by the package's build (scripts/build-cli.mjs); in a clone the version is cli/package.json's. */
declare const CANDOR_CLI_VERSION: string | undefined;

function cliVersion(): string {
  if (typeof CANDOR_CLI_VERSION === 'string') {
    return CANDOR_CLI_VERSION;
  }
  try {
    // The command that runs: cli/candor.mjs of a clone (through node_modules/.bin, a link).
    const bin = realpathSync(process.argv[1] ?? '');
    return JSON.parse(readFileSync(path.join(path.dirname(bin), 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  // `candor`, `candor --help`, `candor help`: what there is, on standard output.
  if (command === undefined || isHelp(command)) {
    io.out(USAGE);
    return 0;
  }
  if (command === '--version') {
    io.out(`candor ${cliVersion()}`);
    return 0;
  }
  const entry = own(COMMANDS, command);
  if (!entry) {
    io.err(`candor: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  // `candor COMMAND --help` for every command; `candor action add --help` is the subcommand's own (action.ts).
  if (rest.length === 1 && isHelp(rest[0]) && rest[0] !== 'help') {
    io.out(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      // Code 0: help that was asked for (common.ts parseArgs), on standard output.
      if (e.message) {
        (e.code === 0 ? io.out : io.err)(e.message);
      }
      return e.code;
    }
    // A defect, not bad input: one line, never a stack trace (CANDOR_DEBUG=1 shows it). Exit 1.
    io.err(`candor ${command}: unexpected error: ${(e as Error).message ?? e} (CANDOR_DEBUG=1 shows where)`);
    if (process.env.CANDOR_DEBUG) {
      io.err(String((e as Error).stack ?? e));
    }
    return 1;
  }
}
