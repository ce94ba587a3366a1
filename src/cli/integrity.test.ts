/**
 * The hostile insider against the approval record: hand edits of the lock, a lock without its catalog, a
 * back-dated retirement, failing catalog tests, and rewritten history caught by `check --against REF`.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import path from 'path';
import { parse, stringify } from 'yaml';

import { type Approval, entryHash } from '../provision/lock';
import { todayUtc } from './catalogs';
import { editCatalog, ROOT, run, tempProject } from './testing/run';

const text = async (...argv: string[]) => {
  const r = await run(...argv);
  return { code: r.code, err: r.err.join('\n'), out: r.out.join('\n') };
};
const approve = (root: string) => run('approve', '--by', 'Executive Team', '--root', root);
interface RawLock {
  catalog: string;
  approvals: Array<Record<string, unknown>>;
}
const editLock = (file: string, change: (l: RawLock) => void) => {
  const lock = parse(readFileSync(file, 'utf8')) as RawLock;
  change(lock);
  writeFileSync(file, stringify(lock));
};
const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
function gitProject() {
  const p = tempProject();
  git(p.root, 'init', '-q');
  git(p.root, 'add', '-A');
  git(p.root, 'commit', '-qm', 'baseline');
  return p;
}
/** A loosened threshold (uptime amber from 0.995 to 0.99) under a new version. */
const loosen = (file: string, version = '2027.1.1') =>
  editCatalog(file, (c) => {
    c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0.99;
    c.scorecard.version = version;
  });

describe('the lock file cannot be edited by hand', () => {
  it('a hand-appended approval (no chain to the entry before it) fails check', async () => {
    const p = tempProject();
    loosen(p.catalog);
    const fp = (await text('fingerprint', p.catalog)).out.match(/full:\s+sha256:([0-9a-f]{64})/)![1];
    editLock(p.lock, (l) =>
      l.approvals.push({ version: '2027.1.1', fingerprint: fp, approvedBy: ['CFO'], date: todayUtc() })
    );
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'lock.approvals[2].previous: is missing: every approval after the first is chained to the one before it'
    );
  });

  it('an earlier entry edited in place (a fingerprint pasted over) breaks the chain', async () => {
    const p = tempProject();
    loosen(p.catalog);
    expect((await approve(p.root)).code).toBe(0);
    editLock(p.lock, (l) => (l.approvals[1].approvedBy = ['CFO']));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('lock.approvals[2].previous: does not match approvals[1]');
  });

  it('a lock whose catalog: names another file fails', async () => {
    const p = tempProject();
    editLock(p.lock, (l) => (l.catalog = 'other.yaml'));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('lock.catalog: names "other.yaml", but this lock belongs to platform-scorecard.yaml');
  });

  it('an unknown field in an approval entry is refused with its path', async () => {
    const p = tempProject();
    editLock(p.lock, (l) => (l.approvals[0].signedOff = true));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('approvals[0].signedOff: is not a lock field');
  });

  it('approve refuses a date in the future and a date before the approval in force', async () => {
    const p = tempProject();
    loosen(p.catalog);
    const future = await text('approve', '--by', 'CFO', '--date', '2999-01-01', '--root', p.root);
    expect([future.code, future.err]).toEqual([2, expect.stringContaining('--date: 2999-01-01 is in the future')]);
    const past = await text('approve', '--by', 'CFO', '--date', '2026-11-01', '--root', p.root);
    expect(past.code).toBe(1);
    expect(past.err).toContain('--date: 2026-11-01 is before the approval in force');
  });
});

describe('a whole catalog cannot disappear', () => {
  it('a lock left without its catalog fails check and provision, naming the approved metrics it would remove', async () => {
    const p = tempProject();
    const other = path.join(p.root, 'provisioning/catalogs/other.yaml');
    copyFileSync(p.catalog, other);
    editCatalog(other, (c) => (c.scorecard.id = 'other'));
    renameSync(p.catalog, path.join(p.root, 'elsewhere.yaml'));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /platform-scorecard\.lock\.yaml: catalog: platform-scorecard\.yaml is missing, which removes its 20 approved metric\(s\) \(budget-variance, /
    );
    expect((await text('provision', '--root', p.root)).code).toBe(1);
  });
});

describe('retiring a whole catalog is an approved, recorded act', () => {
  it('approve --retire-catalog records it; the catalog stays 90 days, and may go after that', async () => {
    const p = tempProject();
    const r = await text(
      'approve',
      '--by',
      'CTO',
      '--retire-catalog',
      'merged into the company scorecard',
      '--catalog',
      p.catalog,
      '--root',
      p.root
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /retired the catalog; it stays provisioned until \d{4}-\d{2}-\d{2} and may be removed from then/
    );
    expect(readFileSync(p.lock, 'utf8')).toContain('retiredCatalog:\n      reason: merged into the company scorecard');
    renameSync(p.catalog, path.join(p.root, 'elsewhere.yaml'));
    const early = await text('check', '--root', p.root);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/was retired on \d{4}-\d{2}-\d{2} and must stay provisioned until /);
    // The same record 90 days on: the first entry moved back (it has no predecessor) and the chain rebuilt.
    editLock(p.lock, (l) => {
      l.approvals = [
        { ...l.approvals[0], date: '2026-01-01' },
        { ...l.approvals.at(-1)!, date: '2026-01-02' },
      ];
      l.approvals[1].previous = entryHash(l.approvals[0] as unknown as Approval);
    });
    const later = await text('check', '--root', p.root);
    expect(later.err).toBe('');
    expect(later.out).toContain(
      'catalog retired on 2026-01-02 (merged into the company scorecard); removed after 90 days'
    );
  });

  it('only the approved definitions can be retired, and only with --catalog', async () => {
    const p = tempProject();
    loosen(p.catalog);
    const r = await text('approve', '--by', 'CTO', '--retire-catalog', 'x', '--catalog', p.catalog, '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--retire-catalog: only the approved definitions can be retired');
    expect((await text('approve', '--by', 'CTO', '--retire-catalog', 'x', '--root', p.root)).code).toBe(2);
  });
});

describe('retirements are dated by their approval', () => {
  const retire = (file: string, date: string) =>
    editCatalog(file, (c) => {
      c.metrics.find((m) => m.id === 'error-rate')!.retired = { reason: 'x', approvedBy: 'CTO', date };
      c.metrics.find((m) => m.id === 'uptime-slo')!.indicator = 'leading';
      c.scorecard.version = '2027.1.1';
    });

  it('approve refuses a back-dated retirement (2000-01-01 would hide a red metric at once)', async () => {
    const p = tempProject();
    retire(p.catalog, '2000-01-01');
    const r = await text('approve', '--by', 'CTO', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/metrics\[\d+\]\.retired\.date: 2000-01-01 is before this approval \(\d{4}-\d{2}-\d{2}\)/);
  });

  it('check refuses a retirement moved earlier after its approval', async () => {
    const p = tempProject();
    retire(p.catalog, todayUtc());
    expect((await approve(p.root)).code).toBe(0);
    retire(p.catalog, '2000-01-01');
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('retired.date: 2000-01-01 is before the approval that recorded the retirement');
  });
});

describe('catalog tests are a gate', () => {
  function withTests() {
    const p = tempProject();
    const dir = path.join(p.root, 'provisioning/catalogs/tests');
    mkdirSync(dir);
    copyFileSync(
      path.join(ROOT, 'provisioning/catalogs/tests/platform-scorecard.test.yaml'),
      path.join(dir, 'a.test.yaml')
    );
    return p;
  }

  it('loosened thresholds under a new version: the tests fail, so approve and check refuse', async () => {
    const p = withTests();
    expect(await text('check', '--root', p.root)).toMatchObject({ code: 0 });
    editCatalog(p.catalog, (c) => {
      c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0;
      c.scorecard.version = '2027.1.1';
    });
    const refused = await text('approve', '--by', 'CTO', '--root', p.root);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("a.test.yaml: the catalog's tests fail:");
    expect(refused.err).toContain('not approved: an approval never records definitions whose own tests fail');
  });
});

describe('check --against REF: history from git', () => {
  it('passes on an append, fails on a rewritten record that is internally consistent', async () => {
    const p = gitProject();
    loosen(p.catalog);
    expect((await approve(p.root)).code).toBe(0);
    expect(await text('check', '--root', p.root, '--against', 'HEAD')).toMatchObject({
      code: 0,
      out: expect.stringContaining('history: 1 lock file(s) at HEAD are each a prefix of today'),
    });
    git(p.root, 'commit', '-qam', 'approve 2027.1.1');
    // The forger loosens again and rewrites the last approval to the new fingerprint: the lock alone is consistent.
    loosen(p.catalog, '2027.1.1');
    editCatalog(p.catalog, (c) => (c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0.9));
    const fp = (await text('fingerprint', p.catalog)).out.match(/full:\s+sha256:([0-9a-f]{64})/)![1];
    editLock(p.lock, (l) => (l.approvals[2].fingerprint = fp));
    const plain = await text('check', '--root', p.root);
    expect(plain.code).toBe(0);
    const r = await text('check', '--root', p.root, '--against', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.err).toContain('lock.approvals[2]: differs from HEAD (v2027.1.1');
  });

  it('a deleted lock is caught; without git it says it could not verify the history', async () => {
    const p = gitProject();
    git(p.root, 'rm', '-q', 'provisioning/catalogs/platform-scorecard.lock.yaml');
    const r = await text('check', '--root', p.root, '--against', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.err).toContain('provisioning/catalogs/platform-scorecard.lock.yaml: lock: was deleted');
    const bare = tempProject();
    const nogit = await text('check', '--root', bare.root, '--against', 'HEAD');
    expect(nogit.code).toBe(2);
    expect(nogit.err).toMatch(/^--against: could not verify the approval history: /m);
  });
});
