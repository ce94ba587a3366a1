/**
 * `candor approve --by NAME [--by NAME…] [--catalog FILE] [--date YYYY-MM-DD] [--root DIR]`: records the approval of
 * each catalog as it is now in its lock file (what a reviewer runs in the change that alters a catalog). Without
 * --catalog it approves every catalog under provisioning/catalogs/ that needs it. It refuses, exit 1, where an
 * approval is not the remedy: an invalid catalog, a missing approved metric (retire it instead), changed
 * definitions under an already approved version, a back-dated retirement, a broken lock, or failing catalog tests.
 */
import { writeFileSync } from 'fs';
import path from 'path';

import { approve as recordApproval } from '../provision/governance';
import { removableFrom, serializeLock } from '../provision/lock';
import { describeApproval } from '../core/approval';
import { findCatalogs, loadEntry, todayUtc, unreadable } from './catalogs';
import { testFailures, testsOf } from './catalogTests';
import { shownApproval } from './check';
import { signApproval } from './signing';
import { type Command, type Io, parseArgs } from './common';

export const APPROVE_USAGE = `usage: candor approve --by NAME [--by NAME…] [--catalog FILE] [--date YYYY-MM-DD] [--root DIR] [--sign-with KEY]
                      [--retire-catalog REASON]
  Records an approval in the catalog's lock file (default: every catalog under provisioning/catalogs/), after the
  catalog's tests pass. --sign-with KEY: sign it with that SSH private key (an approver's, provisioning/approvers.yaml).
  --retire-catalog REASON --catalog FILE: retire the whole catalog as approved; it may be removed 90 days later.`;

interface ApproveOne {
  file: string;
  approvedBy: string[];
  date: string;
  io: Io;
  root: string;
  /** A private key file to sign the approval with (signing.ts). */
  signWith?: string;
  /** The reason, when this approval retires the whole catalog. */
  retireCatalog?: string;
}

function approveOne({ file, approvedBy, date, io, root, signWith, retireCatalog }: ApproveOne): number {
  const entry = loadEntry(file);
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const catalogFile = path.relative(path.dirname(entry.lockFile), file).split(path.sep).join('/');
  const result = recordApproval({ data: entry.data, lock: entry.lock, catalogFile, approvedBy, date, retireCatalog });
  if (result.problems.length > 0) {
    result.problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    io.err(`${file}: not approved`);
    return 1;
  }
  if (result.unchanged || !result.lock) {
    io.out(`${file}: already ${retireCatalog ? 'retired' : 'approved as it is'}; ${entry.lockFile} unchanged`);
    return 0;
  }
  const failures = testFailures(file);
  if (failures.length > 0) {
    failures.forEach((l) => io.err(l));
    io.err(`${file}: not approved: an approval never records definitions whose own tests fail`);
    return 1;
  }
  const next = result.lock;
  const last = next.approvals.length - 1;
  const tests = testsOf(file).files.map((t) => path.relative(path.dirname(file), t).split(path.sep).join('/'));
  if (tests.length > 0) {
    next.approvals[last] = { ...next.approvals[last], tests: tests.sort() };
  }
  if (signWith) {
    next.approvals[last] = signApproval({ root, lock: next, approval: next.approvals[last], keyFile: signWith });
  }
  writeFileSync(entry.lockFile, serializeLock(next));
  const until = removableFrom(next.approvals[last]);
  const retiredText = until
    ? `retired the catalog; it stays provisioned until ${until} and may be removed from then: `
    : '';
  io.out(`${file}: ${retiredText}${describeApproval(shownApproval(root, next)).text}; wrote ${entry.lockFile}`);
  return 0;
}

export const approve: Command = (argv, io) => {
  const args = parseArgs(argv, {
    flags: {
      by: 'list',
      catalog: 'list',
      date: 'string',
      root: 'string',
      'sign-with': 'string',
      'retire-catalog': 'string',
    },
    usage: APPROVE_USAGE,
  });
  const approvedBy = args.lists.by ?? [];
  if (approvedBy.length === 0) {
    io.err(`candor: approve needs --by NAME (who approves)\n${APPROVE_USAGE}`);
    return 2;
  }
  const files = args.lists.catalog ?? findCatalogs(args.strings.root ?? '.');
  const date = args.strings.date ?? todayUtc();
  // An approval is recorded the day it is given; yesterday is allowed for a sign-off across time zones. A date any
  // earlier would let a retirement (dated by its approval) hide a metric sooner than its 90 days.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  if (date > todayUtc() || date < yesterday) {
    io.err(`candor: --date: ${date} is not today or yesterday (UTC); an approval is recorded the day it is given`);
    return 2;
  }
  const root = args.strings.root ?? '.';
  const signWith = args.strings['sign-with'];
  const retireCatalog = args.strings['retire-catalog'];
  if (retireCatalog !== undefined && args.lists.catalog?.length !== 1) {
    io.err(`candor: --retire-catalog retires one catalog: name it with --catalog FILE\n${APPROVE_USAGE}`);
    return 2;
  }
  const codes = files.map((file) => approveOne({ file, approvedBy, date, io, root, signWith, retireCatalog }));
  return Math.max(0, ...codes);
};
