/**
 * Governance of a catalog against its lock file (docs/provisioning.md, "Governance"). Pure.
 *
 * `candor check` fails when the catalog is invalid (this reuses the catalog validation, which already rejects a
 * metric without an owner and a pillar with only lagging indicators), when an approved metric is missing, and
 * when the definitions (the fingerprint) differ from the last approval. `candor approve` records an approval, and
 * refuses exactly where an approval is not the remedy.
 */
import { fingerprint } from '../core/fingerprint';
import type { MetricDef, Problem } from '../core/types';
import { validateCatalog } from '../core/validate';
import {
  APPROVER_NAME_RULE,
  currentApproval,
  entryHash,
  integrityProblems,
  isApproverName,
  isRealDate,
  LOCK_API_VERSION,
  type Lock,
  todayUtc,
} from './lock';

const APPROVE_HINT = 'record the approval with "candor approve --by NAME"';
const short = (full: string) => `sha256:${full.slice(0, 12)}`;

interface CatalogFacts {
  version?: string;
  metricIds: string[];
  full: string;
}

function factsOf(data: unknown): CatalogFacts {
  const d = (data ?? {}) as { scorecard?: { version?: unknown }; metrics?: unknown };
  const metrics = Array.isArray(d.metrics) ? d.metrics : [];
  const metricIds = metrics
    .map((m) => (m !== null && typeof m === 'object' ? (m as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
  const version = typeof d.scorecard?.version === 'string' ? d.scorecard.version : undefined;
  return { version, metricIds, full: fingerprint(data).full };
}

/** Approved metric ids missing from the catalog: never fixable by an approval. */
export function removedMetricProblems(data: unknown, lock: Lock): Problem[] {
  const present = new Set(factsOf(data).metricIds);
  return lock.approvedMetrics
    .filter((id) => !present.has(id))
    .map((id) => ({
      path: 'metrics',
      message: `approved metric "${id}" is missing: an approved metric is never removed; retire it instead (retired: reason, approvedBy, date; docs/catalog.md#retirement)`,
    }));
}

type ApprovalState =
  | { state: 'approved' }
  /** Needs a new version first: approving would record two definitions under one version. */
  | { state: 'needs-version'; problem: Problem }
  /** A new version awaiting its approval. */
  | { state: 'unapproved'; problem: Problem };

/** Fingerprint and version against the approvals. */
function approvalState(facts: CatalogFacts, lock: Lock): ApprovalState {
  const last = currentApproval(lock);
  if (facts.full === last.fingerprint) {
    return { state: 'approved' };
  }
  const path = 'scorecard.version';
  if (facts.version === last.version) {
    const message = `the definitions changed (${short(facts.full)}, approved ${short(last.fingerprint)}) but the version is still ${last.version} and no approval records the change: bump scorecard.version and ${APPROVE_HINT}`;
    return { state: 'needs-version', problem: { path, message } };
  }
  const earlier = lock.approvals.find((a) => a.version === facts.version && a.fingerprint !== facts.full);
  if (earlier) {
    const message = `version ${facts.version} was approved on ${earlier.date} for other definitions (${short(earlier.fingerprint)}): choose a new version`;
    return { state: 'needs-version', problem: { path, message } };
  }
  const message = `version ${facts.version} (${short(facts.full)}) is not approved; the approval in force is ${last.version} (${short(last.fingerprint)}): ${APPROVE_HINT}`;
  return { state: 'unapproved', problem: { path, message } };
}

export interface GovernanceInput {
  /** The parsed catalog data (also when invalid). */
  data: unknown;
  /** The lock, or undefined when the catalog has none yet. */
  lock?: Lock;
  /** The catalog file name relative to the lock file; when given, the lock must name it. */
  catalogFile?: string;
  /** Today, YYYY-MM-DD (UTC); default the clock's. */
  today?: string;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The approval in force must record what it approved: the catalog's metric ids and its retired ids. An entry that
 * leaves `retired` out would approve a retirement no approval dates (and so hide a metric at once).
 */
function recordProblems(data: unknown, lock: Lock): Problem[] {
  const i = lock.approvals.length - 1;
  const last = lock.approvals[i];
  if (i === 0 && last.metrics === undefined) {
    return []; // the baseline entry predates these fields
  }
  const ids = [...factsOf(data).metricIds].sort();
  const retired = retiredOf(data)
    .map(([, m]) => m.id)
    .sort();
  const problems: Problem[] = [];
  if (last.metrics && !sameList([...last.metrics].sort(), ids)) {
    problems.push({ path: `lock.approvals[${i}].metrics`, message: "does not list the approved catalog's metric ids" });
  }
  if (!sameList([...(last.retired ?? [])].sort(), retired)) {
    problems.push({
      path: `lock.approvals[${i}].retired`,
      message: `lists [${(last.retired ?? []).join(', ')}] but the catalog retires [${retired.join(', ')}]: a retirement is recorded by the approval that approves it`,
    });
  }
  return problems;
}

const retiredOf = (data: unknown): Array<[number, MetricDef]> => {
  const metrics = (data as { metrics?: unknown })?.metrics;
  return (Array.isArray(metrics) ? (metrics as MetricDef[]) : [])
    .map((m, i): [number, MetricDef] => [i, m])
    .filter(([, m]) => m !== null && typeof m === 'object' && m.retired && typeof m.retired.date === 'string');
};

/**
 * The approval that starts the current run of approvals retiring `id` (the latest entries, back to the first of an
 * unbroken run): a metric retired, brought back and retired again counts from the second retirement.
 */
function currentRunStart(lock: Lock | undefined, id: string) {
  const list = lock?.approvals ?? [];
  let i = list.length;
  while (i > 0 && list[i - 1].retired?.includes(id)) {
    i--;
  }
  return i < list.length ? list[i] : undefined;
}

/**
 * A retirement is dated by the approval that records it, never earlier: 90 days of visibility count from its date,
 * so a back-dated retirement (2000-01-01) would hide a red metric at once. `approvalDate` is the approval being
 * recorded; for a check, each retirement is compared with the first approval that lists it.
 */
function retirementProblems(data: unknown, lock: Lock | undefined, approvalDate?: string): Problem[] {
  return retiredOf(data).flatMap(([i, m]) => {
    const recordedBy = currentRunStart(lock, m.id);
    const date = recordedBy?.date ?? approvalDate;
    if (date === undefined || m.retired!.date >= date) {
      return [];
    }
    const by = recordedBy ? 'the approval that recorded the retirement' : 'this approval';
    return [
      {
        path: `metrics[${i}].retired.date`,
        message: `${m.retired!.date} is before ${by} (${date}): a retirement is dated by its approval, never earlier, so a retired metric stays visible for 90 days`,
      },
    ];
  });
}

/** Every reason `candor check` fails, catalog validation first. Empty when the catalog is valid and approved. */
export function governanceProblems({ data, lock, catalogFile, today = todayUtc() }: GovernanceInput): Problem[] {
  const problems = [...validateCatalog(data).problems];
  if (!lock) {
    problems.push({ path: 'lock', message: `no approval record (lock file) for this catalog: ${APPROVE_HINT}` });
    return problems;
  }
  const integrity = catalogFile === undefined ? [] : integrityProblems({ lock, catalogFile, today });
  const state = approvalState(factsOf(data), lock);
  return [
    ...problems,
    ...integrity.map((p) => ({ path: `lock.${p.path}`, message: p.message })),
    ...removedMetricProblems(data, lock),
    ...retirementProblems(data, lock),
    ...(state.state === 'approved' ? recordProblems(data, lock) : [state.problem]),
  ];
}

export interface ApproveInput {
  data: unknown;
  lock?: Lock;
  /** The catalog file name relative to the lock file, recorded in a new lock. */
  catalogFile: string;
  approvedBy: string[];
  /** YYYY-MM-DD. */
  date: string;
  /** Retire the whole catalog, as approved now, for this reason (lock.ts `retiredCatalog`). */
  retireCatalog?: string;
  /** Today, YYYY-MM-DD (UTC); default the clock's. */
  today?: string;
}

export interface ApproveResult {
  /** The new lock; undefined when the approval is refused or nothing changed. */
  lock?: Lock;
  /** Why the approval is refused. */
  problems: Problem[];
  /** True when the catalog was already approved as it is. */
  unchanged: boolean;
}

/** Records an approval of the catalog as it is, unless an approval is not the remedy. */
export function approve(input: ApproveInput): ApproveResult {
  const { data, lock, catalogFile, date } = input;
  const approvedBy = input.approvedBy.map((n) => n.trim().normalize('NFC')).filter((n) => n !== '');
  const refuse = (problems: Problem[]): ApproveResult => ({ problems, unchanged: false });
  if (approvedBy.length === 0) {
    return refuse([{ path: '--by', message: 'name at least one approver' }]);
  }
  if (!approvedBy.every(isApproverName)) {
    return refuse([{ path: '--by', message: APPROVER_NAME_RULE }]);
  }
  if (!isRealDate(date)) {
    return refuse([{ path: '--date', message: 'must be a date written YYYY-MM-DD' }]);
  }
  const { catalog, problems } = validateCatalog(data);
  if (!catalog) {
    return refuse(problems);
  }
  const facts = factsOf(data);
  if (lock) {
    const integrity = integrityProblems({ lock, catalogFile, today: input.today ?? todayUtc() });
    if (integrity.length > 0) {
      return refuse(integrity.map((p) => ({ path: `lock.${p.path}`, message: p.message })));
    }
    const removed = removedMetricProblems(data, lock);
    if (removed.length > 0) {
      return refuse(removed);
    }
    const state = approvalState(facts, lock);
    if (input.retireCatalog !== undefined) {
      if (state.state !== 'approved') {
        const why = 'only the approved definitions can be retired: restore them, or approve the change first';
        return refuse([{ path: '--retire-catalog', message: `${why} (${state.problem.message})` }]);
      }
      if (currentApproval(lock).retiredCatalog) {
        return { problems: [], unchanged: true };
      }
    } else if (state.state === 'approved') {
      return { problems: [], unchanged: true };
    }
    if (state.state === 'needs-version') {
      return refuse([state.problem]);
    }
  }
  const backDated = retirementProblems(data, lock, date);
  if (backDated.length > 0) {
    return refuse(backDated);
  }
  const last = lock ? currentApproval(lock) : undefined;
  if (last && date < last.date) {
    return refuse([{ path: '--date', message: `${date} is before the approval in force (${last.date})` }]);
  }
  const reason = input.retireCatalog?.trim();
  if (input.retireCatalog !== undefined && (!lock || !reason)) {
    const message = lock
      ? 'give the reason for retiring the catalog'
      : 'a catalog never approved has nothing to retire';
    return refuse([{ path: '--retire-catalog', message }]);
  }
  const retired = catalog.metrics.filter((m) => m.retired).map((m) => m.id);
  const approval = {
    version: catalog.scorecard.version,
    fingerprint: facts.full,
    approvedBy,
    date,
    metrics: [...facts.metricIds].sort(),
    ...(retired.length > 0 ? { retired } : {}),
    ...(reason ? { retiredCatalog: { reason } } : {}),
    ...(last ? { previous: entryHash(last) } : {}),
  };
  const next: Lock = {
    apiVersion: LOCK_API_VERSION,
    catalog: lock?.catalog ?? catalogFile,
    approvals: [...(lock?.approvals ?? []), approval],
    approvedMetrics: [...new Set([...(lock?.approvedMetrics ?? []), ...facts.metricIds])].sort(),
  };
  return { lock: next, problems: [], unchanged: false };
}
