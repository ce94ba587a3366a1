/**
 * The `candor` command line. Each command lives in its own module, gets its own arguments and parses its own
 * flags. Exit codes: 0 success; 1 the input is readable but wrong (invalid or unapproved catalog, failing test,
 * drift); 2 the input cannot be read or parsed, or the command line is wrong.
 */
import { actionCommand } from './action';
import { approve } from './approve';
import { printFingerprint, test, validate } from './catalogCommands';
import { check } from './check';
import { CliError, type Command, consoleIo, type Io } from './common';
import { evaluateCommand } from './evaluate';
import { lock } from './lock';
import { provision } from './provision';
import { reportCommand } from './report/command';
import { own } from '../core/own';

export type { Io } from './common';

interface Entry {
  run: Command;
  synopsis: string;
  summary: string;
}

const COMMANDS: Record<string, Entry> = {
  validate: {
    run: validate,
    synopsis: 'validate FILE',
    summary: 'check a catalog; one "path: reason" line per problem',
  },
  fingerprint: {
    run: printFingerprint,
    synopsis: 'fingerprint FILE',
    summary: "print the catalog's short and full sha256 fingerprint",
  },
  test: { run: test, synopsis: 'test FILE', summary: 'run catalog unit tests (see docs/catalog.md)' },
  evaluate: {
    run: (argv, io) => evaluateCommand(argv, io),
    synopsis: 'evaluate --catalog FILE --response FILE',
    summary: 'evaluate a saved /api/ds/query response (and actions): rows as JSON or text',
  },
  check: {
    run: check,
    synopsis: 'check [FILE...]',
    summary: 'governance: valid, approved, no approved metric removed',
  },
  approve: { run: approve, synopsis: 'approve --by NAME', summary: "record the catalog's approval in its lock file" },
  provision: {
    run: provision,
    synopsis: 'provision [--check]',
    summary: 'generate provisioning, dashboards, docs/metrics.md',
  },
  lock: {
    run: lock,
    synopsis: 'lock --url URL --token TOKEN',
    summary: 'set the dashboard folder permissions in Grafana',
  },
  report: {
    run: (argv, io) => reportCommand(argv, io),
    synopsis: 'report --grafana-url URL --out FILE',
    summary: 'the weekly executive review as PDF, HTML or PNG, with FILE.json (docs/report.md)',
  },
  action: {
    run: (argv, io) => actionCommand(argv, io),
    synopsis: 'action add|list|done …',
    summary: "record, list and close owners' actions (Grafana annotations)",
  },
};

const width = Math.max(...Object.values(COMMANDS).map((c) => c.synopsis.length)) + 2;
const USAGE = `usage: candor <command> [arguments]

${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis.padEnd(width)}${c.summary}`)
  .join('\n')}

Details: docs/catalog.md (validate, fingerprint, test), docs/governance.md (check, approve) and docs/provisioning.md (provision, lock).`;

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  const entry = own(COMMANDS, command ?? '');
  if (!entry) {
    io.err(command ? `candor: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message) {
        io.err(e.message);
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
