/**
 * The approval record over time (`candor check --against REF`). A lock only ever grows: the lock at REF must be an
 * exact prefix of today's lock (every entry at REF still there, in place, byte-for-byte in canonical form), nothing
 * approved at REF may leave `approvedMetrics`, and an entry appended after REF is not dated before REF's commit.
 * Edits, removals, reorderings and back-dated appends all fail here even when the hash chain was rewritten to match.
 * Pure: both locks come in parsed.
 */
import { canonicalJson } from '../core/fingerprint';
import type { Problem } from '../core/types';
import type { Lock } from './lock';

export interface HistoryInput {
  /** The lock at REF. */
  before: Lock;
  /** Today's lock; undefined when it was deleted. */
  after?: Lock;
  /** How REF is named in messages ("HEAD~1", "abc1234"). */
  ref: string;
  /** REF's commit day, YYYY-MM-DD (UTC). */
  refDate: string;
}

export function historyProblems({ before, after, ref, refDate }: HistoryInput): Problem[] {
  if (!after) {
    return [
      {
        path: 'lock',
        message: `was deleted: at ${ref} it recorded ${before.approvals.length} approval(s) and ${before.approvedMetrics.length} approved metric(s); a lock is never deleted`,
      },
    ];
  }
  const problems: Problem[] = [];
  if (after.catalog !== before.catalog) {
    problems.push({
      path: 'lock.catalog',
      message: `was "${before.catalog}" at ${ref}: a lock never changes its catalog`,
    });
  }
  before.approvals.forEach((a, i) => {
    const now = after.approvals[i];
    if (!now) {
      problems.push({
        path: `lock.approvals[${i}]`,
        message: `was removed (v${a.version} of ${a.date} at ${ref}): approvals are only ever appended`,
      });
    } else if (canonicalJson(now) !== canonicalJson(a)) {
      problems.push({
        path: `lock.approvals[${i}]`,
        message: `differs from ${ref} (v${a.version} of ${a.date}): approvals are only ever appended, never edited or reordered`,
      });
    }
  });
  const kept = new Set(after.approvedMetrics);
  before.approvedMetrics
    .filter((id) => !kept.has(id))
    .forEach((id) =>
      problems.push({
        path: 'lock.approvedMetrics',
        message: `"${id}" was approved at ${ref} and is gone: an approved metric is retired, never removed`,
      })
    );
  after.approvals.slice(before.approvals.length).forEach((a, k) => {
    if (a.date < refDate) {
      problems.push({
        path: `lock.approvals[${before.approvals.length + k}].date`,
        message: `${a.date} is before ${ref} was committed (${refDate}): an approval is never back-dated`,
      });
    }
  });
  return problems;
}

export interface DatingInput {
  /** The lock before the change (the parent commit's); undefined when the lock is new. */
  before?: Lock;
  after: Lock;
  /** The day of the commit the change was made on (the parent's, or HEAD's for the working tree), UTC. */
  baseDate: string;
  /** How the change is named in messages ("abc1234", "the working tree"). */
  where: string;
}

/**
 * An entry that retires something (a metric newly in `retired`, or the whole catalog) is never dated before the
 * commit it was made on: its date starts the 90 days of visibility, so an old date would hide a metric at once.
 * Approvals that retire nothing are not held to this (a rebased branch keeps its approval days).
 */
export function retirementDatingProblems({ before, after, baseDate, where }: DatingInput): Problem[] {
  const from = before?.approvals.length ?? 0;
  return after.approvals.slice(from).flatMap((a, k) => {
    const i = from + k;
    const earlier = new Set(i > 0 ? (after.approvals[i - 1].retired ?? []) : []);
    const retires = (a.retired ?? []).some((id) => !earlier.has(id)) || a.retiredCatalog !== undefined;
    if (!retires || a.date >= baseDate) {
      return [];
    }
    return [
      {
        path: `lock.approvals[${i}].date`,
        message: `${a.date} is before the commit this retirement was recorded on (${baseDate}, ${where}): a retirement is dated the day it is approved, never earlier`,
      },
    ];
  });
}
