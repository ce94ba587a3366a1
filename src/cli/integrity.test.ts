/**
 * The hostile insider against the approval record: hand edits of the lock, a lock without its catalog, a
 * back-dated retirement, failing catalog tests, and rewritten history caught by `check --against REF`.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
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
/** How many approvals the committed lock records: a new one is appended at this index. */
const N = (
  parse(readFileSync(path.join(ROOT, 'provisioning/catalogs/platform-scorecard.lock.yaml'), 'utf8')) as RawLock
).approvals.length;

/** A changed definition (uptime's description) under a new version; the catalog's own tests still pass. */
const loosen = (file: string, version = '2027.1.1') =>
  editCatalog(file, (c) => {
    const m = c.metrics.find((x) => x.id === 'uptime-slo')!;
    m.description = `${m.description} Changed.`;
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
      `lock.approvals[${N}].previous: is missing: every approval after the first is chained to the one before it`
    );
  });

  it('an earlier entry edited in place (a fingerprint pasted over) breaks the chain', async () => {
    const p = tempProject();
    loosen(p.catalog);
    expect((await approve(p.root)).code).toBe(0);
    editLock(p.lock, (l) => (l.approvals[N - 1].approvedBy = ['CFO']));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N}].previous: does not match approvals[${N - 1}]`);
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

  it('approve refuses a date other than today or yesterday', async () => {
    const p = tempProject();
    loosen(p.catalog);
    for (const date of ['2999-01-01', '2026-11-01']) {
      const r = await text('approve', '--by', 'CFO', '--date', date, '--root', p.root);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`--date: ${date} is not today or yesterday (UTC)`)]);
    }
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
    // The same record 90 days on: every entry moved back to January and the chain rebuilt.
    editLock(p.lock, (l) => {
      l.approvals = l.approvals.map((a, k) => ({ ...a, date: `2026-01-0${k + 1}` }));
      for (let k = 1; k < l.approvals.length; k++) {
        l.approvals[k].previous = entryHash(l.approvals[k - 1] as unknown as Approval);
      }
    });
    const later = await text('check', '--root', p.root);
    expect(later.err).toBe('');
    expect(later.out).toContain(
      `catalog retired on 2026-01-0${N + 1} (merged into the company scorecard); removed after 90 days`
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
    unlinkSync(p.tests); // its cases expect error-rate to count; removing them is part of this approved change
    retire(p.catalog, todayUtc());
    expect((await approve(p.root)).code).toBe(0);
    retire(p.catalog, '2000-01-01');
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('retired.date: 2000-01-01 is before the approval that recorded the retirement');
  });
});

describe('catalog tests are a gate', () => {
  /** A project with the catalog's own tests beside it (tempProject copies them). */
  const withTests = () => tempProject();

  it('loosened thresholds under a new version: the tests fail, so approve and check refuse', async () => {
    const p = withTests();
    expect(await text('check', '--root', p.root)).toMatchObject({ code: 0 });
    editCatalog(p.catalog, (c) => {
      c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0;
      c.scorecard.version = '2027.1.1';
    });
    const refused = await text('approve', '--by', 'CTO', '--root', p.root);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("platform-scorecard.test.yaml: the catalog's tests fail:");
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
    editCatalog(p.catalog, (c) => (c.metrics.find((m) => m.id === 'uptime-slo')!.description = 'Quietly redefined.'));
    const fp = (await text('fingerprint', p.catalog)).out.match(/full:\s+sha256:([0-9a-f]{64})/)![1];
    editLock(p.lock, (l) => (l.approvals[N].fingerprint = fp));
    const plain = await text('check', '--root', p.root);
    expect(plain.code).toBe(0);
    const r = await text('check', '--root', p.root, '--against', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N}]: differs from HEAD (v2027.1.1`);
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

describe('found by the adversarial review', () => {
  /** Appends an entry as a forger would: the chain recomputed, the record's fields chosen by hand. */
  const forge = (file: string, entry: Record<string, unknown>) =>
    editLock(file, (l) => {
      const last = l.approvals.at(-1) as unknown as Approval;
      l.approvals.push({ ...entry, previous: entryHash(last) });
    });
  const fingerprintOf = async (file: string) =>
    (await text('fingerprint', file)).out.match(/full:\s+sha256:([0-9a-f]{64})/)![1];

  it('a forged entry that leaves a retirement out of `retired` fails: the retirement is not recorded', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => {
      c.metrics.find((m) => m.id === 'security-incidents')!.retired = {
        reason: 'x',
        approvedBy: 'CTO',
        date: '2000-01-01',
      };
      c.scorecard.version = '2027.1.1';
    });
    const ids = (parse(readFileSync(p.catalog, 'utf8')) as { metrics: Array<{ id: string }> }).metrics.map((m) => m.id);
    forge(p.lock, {
      version: '2027.1.1',
      fingerprint: await fingerprintOf(p.catalog),
      approvedBy: ['CFO'],
      date: todayUtc(),
      metrics: ids.sort(),
    });
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N}].retired: lists [] but the catalog retires [security-incidents]`);
  });

  it('an entry dated in the future fails (it would block every later approval)', async () => {
    const p = tempProject();
    const last = (parse(readFileSync(p.lock, 'utf8')) as RawLock).approvals.at(-1)!;
    forge(p.lock, { ...last, date: '2099-12-31' });
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N}].date: 2099-12-31 is in the future`);
  });

  it('approver names with control characters are refused (they could rewrite the terminal line)', async () => {
    const p = tempProject();
    loosen(p.catalog);
    const r = await text('approve', '--by', 'Dana\r\x1b[2Kapproved and signed', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--by: an approver is a readable name');
  });

  it('an unknown top-level field in a lock is refused', async () => {
    const p = tempProject();
    writeFileSync(p.lock, `${readFileSync(p.lock, 'utf8')}signedOffBy: [Board]\n`);
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('signedOffBy: is not a lock field');
  });

  it('a test file cannot hide from the gate: any spelling of catalog counts, a missing catalog fails', async () => {
    const p = tempProject();
    const dir = path.join(p.root, 'provisioning/catalogs/tests');
    unlinkSync(p.tests);
    mkdirSync(dir, { recursive: true });
    const tests = readFileSync(path.join(ROOT, 'provisioning/catalogs/tests/platform-scorecard.test.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'a.test.yml'), tests.replace(/^catalog:/m, '"catalog":'));
    editCatalog(p.catalog, (c) => {
      c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0;
      c.scorecard.version = '2027.1.1';
    });
    const refused = await text('approve', '--by', 'CTO', '--root', p.root);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("a.test.yml: the catalog's tests fail:");
    writeFileSync(path.join(dir, 'a.test.yml'), tests.replace(/^catalog: .*$/m, 'catalog: ../gone.yaml'));
    const missing = await text('approve', '--by', 'CTO', '--root', p.root);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('a.test.yml: catalog: ../gone.yaml does not exist');
  });

  it('check --history catches a rewrite several commits back, which --against HEAD~1 cannot see', async () => {
    const p = gitProject();
    const inForce = (parse(readFileSync(p.lock, 'utf8')) as RawLock).approvals[N - 1].version as string;
    loosen(p.catalog, inForce);
    const fp = await fingerprintOf(p.catalog);
    editLock(p.lock, (l) => (l.approvals[N - 1].fingerprint = fp));
    expect((await text('check', '--root', p.root)).code).toBe(0);
    git(p.root, 'commit', '-qam', 'rewrite');
    writeFileSync(path.join(p.root, 'README.md'), 'x\n');
    git(p.root, 'add', '-A');
    git(p.root, 'commit', '-qm', 'noise');
    expect((await text('check', '--root', p.root, '--against', 'HEAD~1')).code).toBe(0);
    const r = await text('check', '--root', p.root, '--history');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N - 1}]: differs from`);
  });

  it('a reserved scorecard id (its files would overwrite the shared ones) fails', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => {
      c.scorecard.id = 'notifications';
    });
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('scorecard.id: "notifications" is reserved');
  });
});

describe('found by the second adversarial review', () => {
  it('--history refuses a shallow clone instead of comparing the lock with itself', async () => {
    const p = gitProject();
    const shallow = mkdtempSync(path.join(tmpdir(), 'candor-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${p.root}`, shallow]);
    const r = await text('check', '--root', shallow, '--history');
    expect(r.code).toBe(2);
    expect(r.err).toContain('this is a shallow clone');
  });

  it('--history follows every side of a merge: an unrelated history merged with -s ours cannot hide main', async () => {
    const p = gitProject();
    const main = git(p.root, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    git(p.root, 'checkout', '-q', '--orphan', 'forged');
    editLock(p.lock, (l) => (l.approvals[N - 1].approvedBy = ['Board']));
    git(p.root, 'add', '-A');
    git(p.root, 'commit', '-qm', 'forged');
    git(p.root, 'merge', '-q', '--allow-unrelated-histories', '-s', 'ours', '-m', 'merge', main);
    const r = await text('check', '--root', p.root, '--history');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N - 1}]: differs from`);
  });

  it('a retirement dated before the commit it was recorded on fails --history', async () => {
    const p = gitProject();
    // The catalog's last commit is on 2030-01-01; a retirement recorded on top of it cannot be dated earlier.
    execFileSync(
      'git',
      [
        '-C',
        p.root,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'later',
      ],
      {
        env: { ...process.env, GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z' },
      }
    );
    editCatalog(p.catalog, (c) => {
      c.metrics.find((m) => m.id === 'security-incidents')!.retired = {
        reason: 'x',
        approvedBy: 'CTO',
        date: todayUtc(),
      };
      c.metrics.find((m) => m.id === 'uptime-slo')!.indicator = 'leading';
      c.scorecard.version = '2027.1.1';
    });
    expect((await approve(p.root)).code).toBe(0);
    const r = await text('check', '--root', p.root, '--history');
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `lock.approvals[${N}].date: ${todayUtc()} is before the commit this retirement was recorded on (2030-01-01, the working tree)`
    );
  });

  it('a lock left alone with a forged catalog retirement (unchained, other definitions) is refused', async () => {
    const p = tempProject();
    editLock(p.lock, (l) =>
      l.approvals.push({
        version: 'x',
        fingerprint: '0'.repeat(64),
        approvedBy: ['Nobody'],
        date: todayUtc(),
        retiredCatalog: { reason: 'gone' },
      })
    );
    unlinkSync(p.catalog);
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`lock.approvals[${N}].`);
  });

  it('a test file pointed at a file that is not a catalog fails; a deleted approved test fails', async () => {
    const p = tempProject();
    const dir = path.join(p.root, 'provisioning/catalogs/tests');
    unlinkSync(p.tests);
    mkdirSync(dir, { recursive: true });
    const tests = readFileSync(path.join(ROOT, 'provisioning/catalogs/tests/platform-scorecard.test.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'a.test.yaml'), tests);
    loosen(p.catalog, '2027.1.1');
    editCatalog(p.catalog, (c) => (c.metrics.find((m) => m.id === 'uptime-slo')!.thresholds.amber = 0.995));
    expect((await approve(p.root)).code).toBe(0);
    expect(readFileSync(p.lock, 'utf8')).toContain('tests: [tests/a.test.yaml]');
    writeFileSync(
      path.join(dir, 'a.test.yaml'),
      tests.replace(/^catalog: .*$/m, 'catalog: ../platform-scorecard.lock.yaml')
    );
    const redirected = await text('check', '--root', p.root);
    expect(redirected.code).toBe(1);
    expect(redirected.err).toContain('catalog: ../platform-scorecard.lock.yaml is not a catalog of');
    unlinkSync(path.join(dir, 'a.test.yaml'));
    const deleted = await text('check', '--root', p.root);
    expect(deleted.code).toBe(1);
    expect(deleted.err).toContain('tests/a.test.yaml: was approved with this catalog and no longer tests it');
  });

  it('a scorecard id whose datasource uid is a source uid fails', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => (c.scorecard.id = 'prometheus'));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('scorecard.id: "prometheus" gives the datasource uid candor-prometheus');
  });
});
