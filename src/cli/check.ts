/**
 * `candor check [FILE...] [--root DIR]`: governance of each catalog against its lock file (docs/provisioning.md):
 * valid (an owner for every metric, a leading indicator in every pillar, …), no approved metric missing, and the
 * definitions approved. Exit 0 when all pass, 1 when one fails, 2 when a file cannot be read or parsed.
 */
import { governanceProblems } from '../provision/governance';
import { currentApproval } from '../provision/lock';
import { findCatalogs, loadEntry, unreadable, type LoadedEntry } from './catalogs';
import { type Command, type Io, parseArgs } from './common';

const USAGE = `usage: candor check [FILE...] [--root DIR]
  Checks each catalog (default: every catalog under provisioning/catalogs/) against its lock file.`;

/** Prints the outcome of one catalog; returns its exit code. */
export function reportEntry(entry: LoadedEntry, io: Io): number {
  const { file } = entry;
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const problems = governanceProblems({ data: entry.data, lock: entry.lock });
  if (problems.length > 0) {
    problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    return 1;
  }
  const a = currentApproval(entry.lock!);
  io.out(
    `${file}: approved: v${a.version} (sha256:${a.fingerprint.slice(0, 12)}) by ${a.approvedBy.join(', ')} on ${a.date}`
  );
  return 0;
}

/**
 * Problems across catalogs: two catalogs with one `scorecard.id` would provision colliding files and uids. Each
 * catalog after the first with an id is named, with the file that has it first. Returns the exit code (0 or 1).
 */
export function reportAcrossEntries(entries: LoadedEntry[], io: Io): number {
  const first = new Map<string, string>();
  let code = 0;
  for (const e of entries) {
    const id = e.catalog?.scorecard.id;
    if (id === undefined) {
      continue;
    }
    const owner = first.get(id);
    if (owner === undefined) {
      first.set(id, e.file);
    } else {
      io.err(`${e.file}: scorecard.id: "${id}" is already the id of ${owner}; every catalog needs its own id`);
      code = 1;
    }
  }
  return code;
}

export const check: Command = (argv, io) => {
  const args = parseArgs(argv, { flags: { root: 'string' }, usage: USAGE, maxPositional: Infinity });
  const files = args.positional.length > 0 ? args.positional : findCatalogs(args.strings.root ?? '.');
  const entries = files.map(loadEntry);
  const codes = entries.map((e) => reportEntry(e, io));
  return Math.max(0, ...codes, reportAcrossEntries(entries, io));
};
