/**
 * The lock file of a catalog (`<catalog>.lock.yaml` beside it): the approval record. It lists every approval
 * (version, full fingerprint, approvers, date), newest last, and every metric id ever approved. `candor approve`
 * appends to it; `candor check` compares the catalog with it. Pure: text in, text out.
 */
import { parseYaml } from '../core/parse';
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

export function currentApproval(lock: Lock): Approval {
  return lock.approvals[lock.approvals.length - 1];
}

export function isRealDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

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
  }
  if (typeof r.date !== 'string' || !isRealDate(r.date)) {
    problems.push({ path: `${path}.date`, message: 'must be a date written YYYY-MM-DD' });
  }
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
  if (!Array.isArray(d.approvedMetrics) || !d.approvedMetrics.every(isString)) {
    problems.push({ path: 'approvedMetrics', message: 'must list the metric ids ever approved' });
  }
  return problems.length > 0 ? { problems } : { lock: d as unknown as Lock, problems };
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
    })),
    approvedMetrics: [...lock.approvedMetrics].sort(),
  };
  return toYaml(ordered, header);
}
