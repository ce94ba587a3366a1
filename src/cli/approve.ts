/**
 * `candor approve --by NAME [--by NAME…] [--catalog FILE] [--date YYYY-MM-DD] [--root DIR]`: records the approval of
 * each catalog as it is now in its lock file (what a reviewer runs in the change that alters a catalog). Without
 * --catalog it approves every catalog under provisioning/catalogs/ that needs it. It refuses, exit 1, where an
 * approval is not the remedy: an invalid catalog, a missing approved metric (retire it instead), or changed
 * definitions under an already approved version.
 */
import { writeFileSync } from 'fs';
import path from 'path';

import { approve as recordApproval } from '../provision/governance';
import { serializeLock } from '../provision/lock';
import { findCatalogs, loadEntry, todayUtc, unreadable } from './catalogs';
import { type Command, type Io, parseArgs } from './common';

const USAGE = `usage: candor approve --by NAME [--by NAME…] [--catalog FILE] [--date YYYY-MM-DD] [--root DIR]
  Records an approval in the catalog's lock file (default: every catalog under provisioning/catalogs/).`;

interface ApproveOne {
  file: string;
  approvedBy: string[];
  date: string;
  io: Io;
}

function approveOne({ file, approvedBy, date, io }: ApproveOne): number {
  const entry = loadEntry(file);
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const catalogFile = path.relative(path.dirname(entry.lockFile), file).split(path.sep).join('/');
  const result = recordApproval({ data: entry.data, lock: entry.lock, catalogFile, approvedBy, date });
  if (result.problems.length > 0) {
    result.problems.forEach((p) => io.err(`${file}: ${p.path}: ${p.message}`));
    io.err(`${file}: not approved`);
    return 1;
  }
  if (result.unchanged || !result.lock) {
    io.out(`${file}: already approved as it is; ${entry.lockFile} unchanged`);
    return 0;
  }
  writeFileSync(entry.lockFile, serializeLock(result.lock));
  const a = result.lock.approvals[result.lock.approvals.length - 1];
  io.out(
    `${file}: approved v${a.version} (sha256:${a.fingerprint.slice(0, 12)}) by ${a.approvedBy.join(', ')} on ${a.date}; wrote ${entry.lockFile}`
  );
  return 0;
}

export const approve: Command = (argv, io) => {
  const args = parseArgs(argv, {
    flags: { by: 'list', catalog: 'list', date: 'string', root: 'string' },
    usage: USAGE,
  });
  const approvedBy = args.lists.by ?? [];
  if (approvedBy.length === 0) {
    io.err(`candor: approve needs --by NAME (who approves)\n${USAGE}`);
    return 2;
  }
  const files = args.lists.catalog ?? findCatalogs(args.strings.root ?? '.');
  const date = args.strings.date ?? todayUtc();
  const codes = files.map((file) => approveOne({ file, approvedBy, date, io }));
  return Math.max(0, ...codes);
};
