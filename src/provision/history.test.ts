import fc from 'fast-check';

import { historyProblems } from './history';
import { entryHash, type Approval, type Lock } from './lock';

const hex = (n: number) => n.toString(16).padStart(64, '0');

/** A lock of `n` chained approvals over metrics m0…m(k-1), dated from 2026-11-01 on. */
function createLock(n = 3, k = 4): Lock {
  const approvals: Approval[] = [];
  for (let i = 0; i < n; i++) {
    const a: Approval = {
      version: `2026.11.${i + 1}`,
      fingerprint: hex(i + 1),
      approvedBy: ['CTO'],
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      metrics: Array.from({ length: k }, (_, j) => `m${j}`),
      ...(i > 0 ? { previous: entryHash(approvals[i - 1]) } : {}),
    };
    approvals.push(a);
  }
  return {
    apiVersion: 'candor/lock-v1',
    catalog: 'c.yaml',
    approvals,
    approvedMetrics: Array.from({ length: k }, (_, j) => `m${j}`),
  };
}

const against = (before: Lock, after?: Lock) =>
  historyProblems({ before, after, ref: 'HEAD~1', refDate: '2026-11-03' });
const clone = (l: Lock): Lock => JSON.parse(JSON.stringify(l));

/** Edits that are not an append: each must be caught, whatever entry or field it touches. */
const edits: Array<[string, (l: Lock, i: number) => void]> = [
  ['edit a version', (l, i) => (l.approvals[i].version = `${l.approvals[i].version}x`)],
  ['edit a fingerprint', (l, i) => (l.approvals[i].fingerprint = hex(99))],
  ['add an approver', (l, i) => l.approvals[i].approvedBy.push('Anyone')],
  ['re-date', (l, i) => (l.approvals[i].date = '2026-10-01')],
  ['remove an entry', (l, i) => l.approvals.splice(i, 1)],
  ['swap two entries', (l, i) => l.approvals.splice(i, 2, ...l.approvals.slice(i, i + 2).reverse())],
  ['drop an approved metric', (l, i) => l.approvedMetrics.splice(i % l.approvedMetrics.length, 1)],
  ['point at another catalog', (l) => (l.catalog = 'other.yaml')],
];

describe('historyProblems: the lock at REF must be a prefix of today', () => {
  it('an append passes', () => {
    const before = createLock(2);
    const after = createLock(3);
    after.approvedMetrics.push('new-metric');
    expect(against(before, after)).toEqual([]);
  });

  it('a deleted lock is named with what it recorded', () => {
    expect(against(createLock())).toEqual([
      {
        path: 'lock',
        message: 'was deleted: at HEAD~1 it recorded 3 approval(s) and 4 approved metric(s); a lock is never deleted',
      },
    ]);
  });

  it('an appended entry dated before REF was committed is refused', () => {
    const after = createLock(4);
    after.approvals[3].date = '2026-11-02';
    expect(against(createLock(3), after).map((p) => p.path)).toEqual(['lock.approvals[3].date']);
  });

  it.each(edits)('%s is caught', (_name, edit) => {
    const after = clone(createLock());
    edit(after, 1);
    expect(against(createLock(), after).length).toBeGreaterThan(0);
  });

  it('property: any edit that is not an append fails, even with appends after it and the chain recomputed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...edits),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 3 }),
        ([, edit], i, appended) => {
          const before = createLock();
          const after = clone(createLock(3 + appended));
          edit(after, i);
          // A careful forger rechains every entry after the edit so that the lock alone looks intact.
          for (let j = 1; j < after.approvals.length; j++) {
            after.approvals[j].previous = entryHash(after.approvals[j - 1]);
          }
          return against(before, after).length > 0;
        }
      )
    );
  });
});
