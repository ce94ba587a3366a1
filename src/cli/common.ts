/**
 * What every `candor` command shares: output, errors with an exit code, reading files, and flag parsing.
 * Exit codes: 0 success; 1 the input is readable but wrong; 2 the input cannot be read or parsed, or the command
 * line is wrong.
 */
import { readFileSync, statSync } from 'fs';

import { locate, locationText } from '../core/locate';
import { loadCatalog } from '../core/parse';
import type { Catalog } from '../core/types';
import { own } from '../core/own';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** Each command gets its own arguments (after the command name) and the output. */
export type Command = (argv: string[], io: Io) => number | Promise<number>;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number
  ) {
    super(message);
  }
}

/** The largest input file read (a catalog is tens of KiB): anything bigger is refused before parsing. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export function read(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES) {
      throw new CliError(
        `${file}: ${size} bytes is more than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB an input may have`,
        2
      );
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) {
      throw e;
    }
    throw new CliError(`${file}: cannot read: ${(e as Error).message}`, 2);
  }
}

/** YAML errors cascade after the first: at most this many are printed, then how many more there are. */
export const MAX_SYNTAX_ERRORS = 5;

/** `file:line:column: message` per YAML syntax error, the first MAX_SYNTAX_ERRORS of them and a count of the rest. */
export function printSyntaxErrors(
  file: string,
  errors: ReadonlyArray<{ line: number; column: number; message: string }>,
  io: { err: (line: string) => void }
): void {
  errors.slice(0, MAX_SYNTAX_ERRORS).forEach((e) => io.err(`${file}:${e.line}:${e.column}: ${e.message}`));
  if (errors.length > MAX_SYNTAX_ERRORS) {
    io.err(`${file}: ${errors.length - MAX_SYNTAX_ERRORS} more YAML error(s), most caused by the first; fix it first`);
  }
}

/** A valid catalog, or a CliError: exit 2 for syntax errors (with line:column), exit 1 for invalid content. */
export function loadValid(file: string, io: Io): Catalog {
  const text = read(file);
  const loaded = loadCatalog(text);
  if (loaded.syntaxErrors.length > 0) {
    printSyntaxErrors(file, loaded.syntaxErrors, io);
    throw new CliError('', 2);
  }
  if (!loaded.catalog) {
    // Each problem names its metric by id and its line, for the person fixing it (core/locate.ts).
    loaded.problems.forEach((p) => io.err(`${p.path}: ${p.message}${locationText(locate(text, p.path))}`));
    throw new CliError(`${file}: ${loaded.problems.length} problem(s)`, 1);
  }
  // Risks the catalog does not guard against: named, never fatal (core/freshness.ts catalogWarnings).
  loaded.warnings.forEach((w) => io.err(`warning: ${w.path}: ${w.message}${locationText(locate(text, w.path))}`));
  return loaded.catalog;
}

export type FlagKind = 'string' | 'boolean' | 'list';

export interface ParsedArgs {
  positional: string[];
  strings: Record<string, string | undefined>;
  booleans: Record<string, boolean>;
  lists: Record<string, string[]>;
}

/**
 * `--name value`, `--name=value` and boolean `--name`; a `list` flag may repeat. Anything unknown, a missing value
 * or more positional arguments than `maxPositional` is a usage error (exit 2).
 */
export interface ArgSpec {
  flags: Record<string, FlagKind>;
  usage: string;
  /** How many positional arguments are allowed (default none). */
  maxPositional?: number;
}

export function parseArgs(argv: string[], { flags, usage, maxPositional = 0 }: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], strings: {}, booleans: {}, lists: {} };
  const fail = (why: string): never => {
    throw new CliError(`candor: ${why}\n${usage}`, 2);
  };
  if (argv.some((a) => a === '--help' || a === '-h')) {
    // Asked for: the usage on standard output, exit 0 (main prints a CliError of code 0 there).
    throw new CliError(usage, 0);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = own(flags, name) ?? fail(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq >= 0) {
        fail(`--${name} takes no value`);
      }
      parsed.booleans[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      fail(`--${name} needs a value`);
    }
    if (kind === 'list') {
      parsed.lists[name] = [...(parsed.lists[name] ?? []), value];
    } else {
      parsed.strings[name] = value;
    }
  }
  if (parsed.positional.length > maxPositional) {
    fail(`unexpected argument "${parsed.positional[maxPositional]}"`);
  }
  return parsed;
}
