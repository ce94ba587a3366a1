/**
 * The lock file of a catalog (`<catalog>.lock.yaml` beside it): the approval record. It lists every approval
 * (version, full fingerprint, approvers, date), newest last, and every metric id ever approved. `candor approve`
 * appends to it; `candor check` compares the catalog with it. Pure: text in, text out.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

import { utcDate } from '../core/duration';
import { canonicalJson } from '../core/fingerprint';
import { parseYaml } from '../core/parse';
import { hasVisibleName } from '../core/validate';
import type { Problem } from '../core/types';
import { toYaml } from './yaml';

export const LOCK_API_VERSION = 'candor/lock-v1';

/** Same shape as the datasource's `Approval` (src/datasource/types.ts), provisioned into jsonData. */
export interface Approval {
  version: string;
  /** Full sha256 of the canonical catalog, 64 hex digits. */
  fingerprint: string;
  approvedBy: string[];
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** Every metric id in the approved catalog, sorted (active and retired): what this approval approved. */
  metrics?: string[];
  /** The catalog's test files approved with it (relative to the catalog's folder): a later removal is refused. */
  tests?: string[];
  /** The metric ids retired in the approved catalog: a retirement counts from the first approval that lists it. */
  retired?: string[];
  /**
   * This entry retires the whole catalog (`candor approve --retire-catalog REASON`): the catalog stays provisioned
   * for 90 days from `date`, like a retired metric, and may be removed from the repository after that, never before.
   */
  retiredCatalog?: { reason: string };
  /** sha256 of the previous entry (`entryHash`); every entry after the first has it, so entries form a chain. */
  previous?: string;
  /** An SSH signature (`ssh-keygen -Y sign`, namespace candor-approval) over `approvalPayload` (signing.ts). */
  signature?: { signer: string; sig: string };
}

/** The hash an entry is chained by: sha256 of its canonical JSON, signature included. */
export function entryHash(a: Approval): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(a))));
}

export interface Lock {
  apiVersion: typeof LOCK_API_VERSION;
  /** The catalog file, relative to the lock file. */
  catalog: string;
  /** Newest last; the last one is the approval in force. */
  approvals: Approval[];
  /** Every metric id ever approved, sorted. Append-only: an approved metric is retired, never removed. */
  approvedMetrics: string[];
}

/** The lock file that belongs to a catalog file: `x.yaml` -> `x.lock.yaml`. */
export function lockPathFor(catalogPath: string): string {
  return catalogPath.replace(/(\.ya?ml|\.json)?$/, '.lock.yaml');
}

/** How long a retired catalog stays before it may be removed: the same 90 days as a retired metric. */
export const CATALOG_RETIREMENT_DAYS = 90;

/** The day a catalog retired by `a` may be removed (YYYY-MM-DD), or undefined when `a` does not retire it. */
export function removableFrom(a: Approval): string | undefined {
  return a.retiredCatalog
    ? new Date(Date.parse(`${a.date}T00:00:00Z`) + CATALOG_RETIREMENT_DAYS * 86_400_000).toISOString().slice(0, 10)
    : undefined;
}

export function currentApproval(lock: Lock): Approval {
  return lock.approvals[lock.approvals.length - 1];
}

/** Today in UTC, YYYY-MM-DD. */
export const todayUtc = () => utcDate(Date.now());

export function isRealDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export const APPROVER_NAME_RULE =
  'an approver is a readable name: a letter, and no control or invisible characters (line breaks, escapes, zero-width)';

/**
 * A name that prints as itself: a letter remains without spaces and invisible characters, and there is no control
 * or format character at all, so a name can never move the cursor, erase a line or hide text in `candor check`'s
 * output, the docs or the panel ("Dana\r\x1b[2K…approved and signed" is refused).
 */
export function isApproverName(text: string): boolean {
  return hasVisibleName(text) && !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text);
}

function approvalProblems(a: unknown, path: string): Problem[] {
  if (a === null || typeof a !== 'object') {
    return [{ path, message: 'must be a mapping with version, fingerprint, approvedBy and date' }];
  }
  const r = a as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!isString(r.version)) {
    problems.push({ path: `${path}.version`, message: 'must be the approved scorecard.version' });
  }
  if (typeof r.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(r.fingerprint)) {
    problems.push({ path: `${path}.fingerprint`, message: 'must be the full sha256 fingerprint (64 hex digits)' });
  }
  if (!Array.isArray(r.approvedBy) || r.approvedBy.length === 0 || !r.approvedBy.every(isString)) {
    problems.push({ path: `${path}.approvedBy`, message: 'must list at least one approver' });
  } else {
    r.approvedBy.forEach((n: string, j: number) => {
      if (!isApproverName(n)) {
        problems.push({ path: `${path}.approvedBy[${j}]`, message: APPROVER_NAME_RULE });
      }
    });
  }
  if (typeof r.date !== 'string' || !isRealDate(r.date)) {
    problems.push({ path: `${path}.date`, message: 'must be a date written YYYY-MM-DD' });
  }
  if (r.metrics !== undefined && (!Array.isArray(r.metrics) || !r.metrics.every(isString))) {
    problems.push({ path: `${path}.metrics`, message: "must list the approved catalog's metric ids" });
  }
  if (r.tests !== undefined && (!Array.isArray(r.tests) || !r.tests.every(isString))) {
    problems.push({ path: `${path}.tests`, message: "must list the catalog's test files" });
  }
  if (r.retired !== undefined && (!Array.isArray(r.retired) || !r.retired.every(isString))) {
    problems.push({ path: `${path}.retired`, message: 'must list the retired metric ids' });
  }
  if (r.previous !== undefined && (typeof r.previous !== 'string' || !/^[0-9a-f]{64}$/.test(r.previous))) {
    problems.push({ path: `${path}.previous`, message: 'must be the sha256 of the previous entry (64 hex digits)' });
  }
  const rc = r.retiredCatalog as { reason?: unknown } | undefined;
  if (
    rc !== undefined &&
    (rc === null || typeof rc !== 'object' || !isString(rc.reason) || Object.keys(rc).length !== 1)
  ) {
    problems.push({
      path: `${path}.retiredCatalog`,
      message: 'must be { reason } (written by candor approve --retire-catalog)',
    });
  }
  const sig = r.signature as { signer?: unknown; sig?: unknown } | undefined;
  if (sig !== undefined && (sig === null || typeof sig !== 'object' || !isString(sig.signer) || !isString(sig.sig))) {
    problems.push({
      path: `${path}.signature`,
      message: 'must have signer and sig (written by candor approve --sign-with)',
    });
  }
  const known = new Set([
    'version',
    'fingerprint',
    'approvedBy',
    'date',
    'metrics',
    'tests',
    'retired',
    'retiredCatalog',
    'previous',
    'signature',
  ]);
  Object.keys(r)
    .filter((k) => !known.has(k))
    .forEach((k) => problems.push({ path: `${path}.${k}`, message: 'is not a lock field' }));
  return problems;
}

/** A lock from its YAML text, or the problems that make it unusable (each with its path). */
export function parseLock(text: string): { lock?: Lock; problems: Problem[] } {
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length > 0) {
    return { problems: parsed.syntaxErrors };
  }
  const d = parsed.data as Record<string, unknown> | null;
  if (d === null || typeof d !== 'object') {
    return {
      problems: [{ path: '', message: 'a lock file is a mapping (apiVersion, catalog, approvals, approvedMetrics)' }],
    };
  }
  const problems: Problem[] = [];
  if (d.apiVersion !== LOCK_API_VERSION) {
    problems.push({ path: 'apiVersion', message: `must be ${LOCK_API_VERSION}` });
  }
  if (!isString(d.catalog)) {
    problems.push({ path: 'catalog', message: 'must name the catalog file (relative to the lock file)' });
  }
  if (!Array.isArray(d.approvals) || d.approvals.length === 0) {
    problems.push({ path: 'approvals', message: 'must list at least one approval' });
  } else {
    d.approvals.forEach((a, i) => problems.push(...approvalProblems(a, `approvals[${i}]`)));
  }
  Object.keys(d)
    .filter((k) => !['apiVersion', 'catalog', 'approvals', 'approvedMetrics'].includes(k))
    .forEach((k) => problems.push({ path: k, message: 'is not a lock field' }));
  if (!Array.isArray(d.approvedMetrics) || !d.approvedMetrics.every(isString)) {
    problems.push({ path: 'approvedMetrics', message: 'must list the metric ids ever approved' });
  }
  return problems.length > 0 ? { problems } : { lock: d as unknown as Lock, problems };
}

export interface IntegrityInput {
  lock: Lock;
  /** The catalog file name relative to the lock file (what `catalog:` must say). */
  catalogFile: string;
  /** Today (UTC, YYYY-MM-DD): no entry is dated later. */
  today: string;
}

/**
 * What a lock must be whatever its history: it names its own catalog file, every entry after the first carries the
 * hash of the one before it, and dates never go back. Catches a pasted or reordered entry and a lock pointing at
 * another catalog; a rewrite of the whole chain needs `candor check --against REF` (history.ts) or signatures.
 */
export function integrityProblems({ lock, catalogFile, today }: IntegrityInput): Problem[] {
  const problems: Problem[] = [];
  if (lock.catalog !== catalogFile) {
    problems.push({
      path: 'catalog',
      message: `names "${lock.catalog}", but this lock belongs to ${catalogFile}: a lock records one catalog, its own`,
    });
  }
  lock.approvals.forEach((a, i) => {
    if (a.date > today) {
      problems.push({
        path: `approvals[${i}].date`,
        message: `${a.date} is in the future: an approval is dated the day it is given`,
      });
    }
    if (i === 0) {
      return;
    }
    if (!a.metrics) {
      problems.push({
        path: `approvals[${i}].metrics`,
        message:
          'is missing: every approval after the first lists the metric ids it approved (written by candor approve)',
      });
    }
    const before = lock.approvals[i - 1];
    if (a.previous !== entryHash(before)) {
      problems.push({
        path: `approvals[${i}].previous`,
        message: a.previous
          ? `does not match approvals[${i - 1}]: an entry before it was edited, removed or reordered`
          : 'is missing: every approval after the first is chained to the one before it (written by candor approve)',
      });
    }
    if (a.date < before.date) {
      problems.push({
        path: `approvals[${i}].date`,
        message: `${a.date} is before the previous approval (${before.date})`,
      });
    }
  });
  return problems;
}

export function serializeLock(lock: Lock): string {
  const header = [
    `Approval record of ${lock.catalog}, written by \`candor approve\` (docs/provisioning.md).`,
    'Review it together with the catalog change; never edit it by hand. approvedMetrics only ever grows:',
    'an approved metric is retired in the catalog, never removed.',
  ];
  const ordered: Lock = {
    apiVersion: LOCK_API_VERSION,
    catalog: lock.catalog,
    approvals: lock.approvals.map((a) => ({
      version: a.version,
      fingerprint: a.fingerprint,
      approvedBy: a.approvedBy,
      date: a.date,
      ...(a.metrics ? { metrics: a.metrics } : {}),
      ...(a.tests ? { tests: a.tests } : {}),
      ...(a.retired ? { retired: a.retired } : {}),
      ...(a.retiredCatalog ? { retiredCatalog: { reason: a.retiredCatalog.reason } } : {}),
      ...(a.previous ? { previous: a.previous } : {}),
      ...(a.signature ? { signature: { signer: a.signature.signer, sig: a.signature.sig } } : {}),
    })),
    approvedMetrics: [...lock.approvedMetrics].sort(),
  };
  return toYaml(ordered, header);
}
