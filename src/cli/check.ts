/**
 * `candor check [FILE...] [--root DIR] [--against REF] [--require-signatures]`: governance of each catalog against
 * its lock file (docs/governance.md): valid, no approved metric missing, retirements dated by their approval, the
 * lock intact (its own catalog, a chained record), the definitions approved, and the catalog's tests passing.
 * Without FILE it also refuses a lock whose catalog is gone. `--against REF` compares every lock with git at REF.
 * Exit 0 when all pass, 1 when one fails, 2 when a file cannot be read or parsed, or the history cannot be read.
 */
import { existsSync, readdirSync } from 'fs';
import path from 'path';

import { governanceProblems } from '../provision/governance';
import {
  type Approval,
  currentApproval,
  integrityProblems,
  type Lock,
  parseLock,
  removableFrom,
} from '../provision/lock';
import { type ApprovalShown, describeApproval } from '../core/approval';
import { CATALOG_DIR, findCatalogs, loadEntry, todayUtc, unreadable, type LoadedEntry } from './catalogs';
import { runTestFile } from './catalogCommands';
import { parseYaml } from '../core/parse';
import { sourceUid } from '../core/types';
import { CliError, type Command, type Io, parseArgs, read } from './common';
import { catalogCommits, historyByFile, locksAt, parentOf, type RefLocks } from './history';
import { retirementDatingProblems } from '../provision/history';
import { verifyApproval } from './signing';

const USAGE = `usage: candor check [FILE...] [--root DIR] [--against REF] [--history] [--require-signatures]
  Checks each catalog (default: every catalog under provisioning/catalogs/) against its lock file, and runs its
  tests (provisioning/catalogs/tests/). --against REF: every lock at git REF must be a prefix of today's.
  --history: the same against every commit that changed provisioning/catalogs/.
  --require-signatures: the approval in force must carry a verified signature of a listed approver.`;

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
function missingTests(entry: LoadedEntry): string[] {
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

interface EntryCheck {
  entry: LoadedEntry;
  io: Io;
  requireSignatures: boolean;
  root: string;
}

/** The approval in force, with what its signature says: how every output shows it (src/core/approval.ts). */
export function shownApproval(root: string, lock: Lock): Approval & ApprovalShown {
  const approval = currentApproval(lock);
  return { ...approval, verified: verifyApproval({ root, lock, approval }) };
}

/** Prints the outcome of one catalog; returns its exit code. */
export function reportEntry({ entry, io, requireSignatures, root }: EntryCheck): number {
  const { file } = entry;
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const catalogFile = path.relative(path.dirname(entry.lockFile), file).split(path.sep).join('/');
  const problems = governanceProblems({ data: entry.data, lock: entry.lock, catalogFile });
  problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
  const failures = problems.length === 0 ? [...testFailures(file), ...missingTests(entry)] : [];
  failures.forEach((l) => io.err(l));
  if (problems.length > 0 || failures.length > 0) {
    return 1;
  }
  const d = describeApproval(shownApproval(root, entry.lock!));
  // A signature that does not verify, or that cannot be checked here, is no evidence of an approval.
  if (d.standing === 'invalid' || d.standing === 'unverified') {
    io.err(`${file}: ${d.text}`);
    return 1;
  }
  if (requireSignatures && d.standing !== 'verified') {
    io.err(`${file}: --require-signatures: ${d.text}`);
    return 1;
  }
  const from = removableFrom(currentApproval(entry.lock!));
  io.out(`${file}: ${from ? `retired catalog, may be removed from ${from}: ` : ''}${d.text}`);
  return 0;
}

/** Scorecard ids whose per-catalog files would be the shared ones (candor-<id>.yaml in provisioning/datasources and provisioning/alerting). */
const RESERVED_IDS = new Set(['sources', 'notifications']);

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
    if (RESERVED_IDS.has(id)) {
      io.err(
        `${e.file}: scorecard.id: "${id}" is reserved: its generated files would overwrite the shared candor-${id}.yaml`
      );
      code = 1;
      continue;
    }
    const clash = entries.find((other) => other.catalog?.metrics.some((m) => sourceUid(m.source) === `candor-${id}`));
    if (clash) {
      io.err(
        `${e.file}: scorecard.id: "${id}" gives the datasource uid candor-${id}, which ${clash.file} uses as a source`
      );
      code = 1;
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

/** A lock whose catalog is gone removes every metric it approved: refused like the removal of one metric. */
/**
 * Why a lock without its catalog does not record a valid retirement of it, or undefined when it does: the lock is
 * intact, and its last entry retires exactly the definitions approved before it, with its record, its signature
 * verified when signatures are required, and the 90 days over.
 */
function retiredCatalogProblem(input: { root: string; lockFile: string; lock: Lock; requireSignatures: boolean }) {
  const { root, lockFile, lock, requireSignatures } = input;
  const catalogFile = path.basename(lockFile).replace(/\.lock\.ya?ml$/, '.yaml');
  const integrity = integrityProblems({ lock, catalogFile, today: todayUtc() });
  if (integrity.length > 0) {
    return `lock.${integrity[0].path}: ${integrity[0].message}`;
  }
  const n = lock.approvals.length;
  const last = lock.approvals[n - 1];
  const before = lock.approvals[n - 2];
  if (!before || last.fingerprint !== before.fingerprint || last.version !== before.version || !last.metrics) {
    return `lock.approvals[${n - 1}]: a catalog retirement retires the definitions approved before it (same version and fingerprint, written by candor approve --retire-catalog)`;
  }
  const d = describeApproval(shownApproval(root, lock));
  if (d.standing === 'invalid' || d.standing === 'unverified' || (requireSignatures && d.standing !== 'verified')) {
    return `lock.approvals[${n - 1}]: ${requireSignatures ? '--require-signatures: ' : ''}${d.text}`;
  }
  const from = removableFrom(last)!;
  return todayUtc() >= from
    ? undefined
    : `catalog: ${lock.catalog} was retired on ${last.date} and must stay provisioned until ${from} (90 days, like a retired metric): restore it`;
}

export function orphanLocks(root: string, entries: LoadedEntry[], io: Io, requireSignatures = false): number {
  const dir = path.join(root, CATALOG_DIR);
  const paired = new Set(entries.map((e) => path.resolve(e.lockFile)));
  let code = 0;
  for (const f of readdirSync(dir).filter((n) => /\.lock\.ya?ml$/.test(n))) {
    const lockFile = path.join(dir, f);
    if (paired.has(path.resolve(lockFile))) {
      continue;
    }
    const { lock, problems } = parseLock(read(lockFile));
    if (!lock) {
      problems.forEach((p) => io.err(`${lockFile}: ${p.path}: ${p.message}`));
      code = 2;
      continue;
    }
    const last = currentApproval(lock);
    if (last.retiredCatalog) {
      const why = retiredCatalogProblem({ root, lockFile, lock, requireSignatures });
      if (!why) {
        io.out(`${lockFile}: catalog retired on ${last.date} (${last.retiredCatalog.reason}); removed after 90 days`);
        continue;
      }
      io.err(`${lockFile}: ${why}`);
      code = Math.max(code, 1);
      continue;
    }
    const ids = lock.approvedMetrics;
    io.err(
      `${lockFile}: catalog: ${lock.catalog} is missing, which removes its ${ids.length} approved metric(s)${ids.length ? ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})` : ''}: restore it and retire the metrics, or the catalog with candor approve --retire-catalog (docs/governance.md)`
    );
    code = Math.max(code, 1);
  }
  return code;
}

/** Every lock at REF against today's; prints each problem; returns the exit code. */
function reportHistory(root: string, ref: string, io: Io, quiet = false): number {
  const at = locksAt(root, ref);
  const today = todaysLocks(
    root,
    at.locks.map((l) => l.file)
  );
  let code = 0;
  historyByFile(at, today).forEach((problems, file) => {
    problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    code = problems.length > 0 ? 1 : code;
  });
  if (code === 0 && !quiet) {
    io.out(`history: ${at.locks.length} lock file(s) at ${ref} are each a prefix of today's`);
  }
  return code;
}

/** Today's locks, by path relative to the root, for the lock files that exist at REF. */
function todaysLocks(root: string, files: string[]): Map<string, Lock | undefined> {
  const today = new Map<string, Lock | undefined>();
  for (const file of files) {
    const full = path.join(root, file);
    today.set(file, existsSync(full) ? parseLock(read(full)).lock : undefined);
  }
  return today;
}

/**
 * Every commit that touched the catalogs folder, each as --against would check it; and every retirement recorded
 * in one of them (or in the working tree) dated no earlier than the commit it was made on.
 */
function reportAllHistory(root: string, io: Io): number {
  const commits = catalogCommits(root);
  let code = Math.max(0, ...commits.map((c) => reportHistory(root, c.slice(0, 12), io, true)));
  const changes: Array<{ at?: RefLocks; base: RefLocks; where: string }> = commits.flatMap((c) => {
    const parent = parentOf(root, c);
    return parent ? [{ at: locksAt(root, c), base: locksAt(root, parent), where: c.slice(0, 12) }] : [];
  });
  changes.push({ base: locksAt(root, 'HEAD'), where: 'the working tree' });
  for (const { at, base, where } of changes) {
    const after = at ? new Map(at.locks.map((l) => [l.file, l.lock])) : todaysLocks(root, findLockFiles(root));
    after.forEach((lock, file) => {
      if (!lock) {
        return;
      }
      const before = base.locks.find((l) => l.file === file)?.lock;
      retirementDatingProblems({ before, after: lock, baseDate: base.date, where }).forEach((p) => {
        io.err(`${file}: ${p.path}: ${p.message}`);
        code = 1;
      });
    });
  }
  if (code === 0) {
    io.out(`history: today's locks extend the locks of all ${commits.length} commit(s) that changed the catalogs`);
  }
  return code;
}

/** The lock files under provisioning/catalogs/ today, relative to the root. */
function findLockFiles(root: string): string[] {
  const dir = path.join(root, CATALOG_DIR);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.lock\.ya?ml$/.test(f))
        .map((f) => `${CATALOG_DIR}/${f}`)
    : [];
}

export const check: Command = (argv, io) => {
  const args = parseArgs(argv, {
    flags: { root: 'string', against: 'string', history: 'boolean', 'require-signatures': 'boolean' },
    usage: USAGE,
    maxPositional: Infinity,
  });
  const root = args.strings.root ?? '.';
  const explicit = args.positional.length > 0;
  const files = explicit ? args.positional : findCatalogs(root);
  const entries = files.map(loadEntry);
  const requireSignatures = args.booleans['require-signatures'] === true;
  const codes = entries.map((entry) => reportEntry({ entry, io, requireSignatures, root }));
  codes.push(reportAcrossEntries(entries, io));
  if (!explicit) {
    codes.push(orphanLocks(root, entries, io, requireSignatures));
  }
  if (args.booleans.history) {
    codes.push(reportAllHistory(root, io));
  }
  if (args.strings.against !== undefined) {
    codes.push(reportHistory(root, args.strings.against, io));
  } else if (!args.booleans.history) {
    io.out(`history: not verified against git (candor check --against REF does; docs/governance.md)`);
  }
  return Math.max(0, ...codes);
};
