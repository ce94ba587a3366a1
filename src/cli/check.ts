/**
 * `candor check [FILE...] [--root DIR] [--against REF] [--require-signatures]`: governance of each catalog against
 * its lock file (docs/governance.md): valid, no approved metric missing, retirements dated by their approval, the
 * lock intact (its own catalog, a chained record), the definitions approved, and the catalog's tests passing.
 * Without FILE it also refuses a lock whose catalog is gone. `--against REF` compares every lock with git at REF.
 * Exit 0 when all pass, 1 when one fails, 2 when a file cannot be read or parsed, or the history cannot be read.
 */
import { readdirSync } from 'fs';
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
import { checkSources } from './sourcesCheck';
import { catalogDir, findCatalogs, loadEntry, todayUtc, unreadable, type LoadedEntry } from './catalogs';
import { missingTests, testFailures } from './catalogTests';
import { sourceUid } from '../core/types';
import { type Command, type Io, parseArgs, read } from './common';
import { reportAllHistory, reportHistory } from './historyReport';
import { verifyApproval } from './signing';

export const CHECK_USAGE = `usage: candor check [FILE...] [--root DIR] [--against REF] [--history] [--require-signatures]
                    [--grafana-url URL]
  Checks each catalog (default: every catalog under provisioning/catalogs/) against its lock file, and runs its
  tests (provisioning/catalogs/tests/). --against REF: every lock at git REF must be a prefix of today's.
  --history: the same against every commit that changed provisioning/catalogs/.
  --require-signatures: the approval in force must carry a verified signature of a listed approver.
  --grafana-url URL: the datasources the catalogs query exist in that Grafana with the right type (service-account
  token in CANDOR_GRAFANA_TOKEN; its organisation is the one checked).`;

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
  entry.warnings.forEach((w) => io.err(`${file}: warning: ${w.path}: ${w.message}`));
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

/**
 * A lock whose catalog is gone removes every metric it approved: refused like the removal of one metric.
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
  const dir = path.join(root, catalogDir(root));
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

export const check: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    flags: {
      root: 'string',
      against: 'string',
      history: 'boolean',
      'require-signatures': 'boolean',
      'grafana-url': 'string',
    },
    usage: CHECK_USAGE,
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
  const grafanaUrl = args.strings['grafana-url'];
  if (grafanaUrl !== undefined) {
    const catalogs = entries.flatMap((e) => (e.catalog ? [e.catalog] : []));
    const token = process.env.CANDOR_GRAFANA_TOKEN ?? '';
    codes.push(await checkSources({ grafanaUrl, token, catalogs, io }));
  } else {
    io.out('datasources: not verified in Grafana (candor check --grafana-url URL does)');
  }
  return Math.max(0, ...codes);
};
