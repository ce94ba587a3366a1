import { copyFileSync, readFileSync, unlinkSync, writeFileSync } from 'fs';

import { todayUtc } from './catalogs';
import { DEFAULT_VERSION, DEFAULT_VERSION_RE, editCatalog, run, tempProject } from './testing/run';

/** `candor check` on the temporary project: exit code and all error lines as one text. */
async function check(root: string) {
  const r = await run('check', '--root', root);
  return { code: r.code, err: r.err.join('\n'), out: r.out.join('\n') };
}

const approveBy = (root: string) => run('approve', '--by', 'Executive Team', '--root', root);
const bumpVersion = (file: string, version = '2027.1.1') => editCatalog(file, (c) => (c.scorecard.version = version));

describe('candor check', () => {
  it('passes on the committed catalog and lock, and on a reformatted copy', async () => {
    expect((await run('check')).code).toBe(0);
    const p = tempProject();
    editCatalog(p.catalog, () => undefined);
    const r = await check(p.root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The baseline says its executive sign-off is pending: recorded, never shown as approved.
    expect(r.out).toMatch(
      new RegExp(
        `: sign-off pending, not yet approved: v${DEFAULT_VERSION_RE} \\(sha256:[0-9a-f]{12}\\) recorded by .+ on \\d{4}-\\d{2}-\\d{2}\\n`
      )
    );
    expect(r.out).not.toMatch(/: approved/);
  });

  it('fails when the definitions changed but the version and the approval did not; a new version plus approve fixes it', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => (c.metrics[0].description = 'Redefined.'));
    let r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('scorecard.version: the definitions changed (sha256:');
    expect(r.err).toContain(`but the version is still ${DEFAULT_VERSION} and no approval records the change`);
    // Approving the same version is refused: one version names one definition.
    const refused = await approveBy(p.root);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain('bump scorecard.version');
    bumpVersion(p.catalog);
    r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('version 2027.1.1 (sha256:');
    expect(r.err).toContain(`is not approved; the approval in force is ${DEFAULT_VERSION}`);
    const approved = await approveBy(p.root);
    expect(approved.code).toBe(0);
    expect(approved.out.join('\n')).toContain('approved (unsigned): v2027.1.1');
    expect(await check(p.root)).toMatchObject({ code: 0, err: '' });
    const lock = readFileSync(p.lock, 'utf8');
    expect(lock).toContain('version: "2026.11.1"');
    expect(lock).toContain('version: "2027.1.1"');
  });

  it('refuses a version that was approved for other definitions', async () => {
    const p = tempProject();
    bumpVersion(p.catalog);
    expect((await approveBy(p.root)).code).toBe(0);
    editCatalog(p.catalog, (c) => {
      c.scorecard.version = '2026.11.1';
      c.metrics[0].name = 'Renamed';
    });
    const r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('version 2026.11.1 was approved on');
    expect((await approveBy(p.root)).code).toBe(1);
  });

  it('fails when an approved metric is missing, and no approval ever makes that pass; retiring it does', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => {
      c.metrics = c.metrics.filter((m) => m.id !== 'error-rate');
      c.metrics.find((m) => m.id === 'uptime-slo')!.indicator = 'leading'; // keep the pillar valid without error-rate
      c.scorecard.version = '2027.1.1';
    });
    const expected =
      'metrics: approved metric "error-rate" is missing: an approved metric is never removed; retire it instead';
    let r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected);
    const refused = await approveBy(p.root);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain(expected);
    r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected);
    // The remedy: keep the metric, retired.
    const p2 = tempProject();
    unlinkSync(p2.tests); // its cases expect error-rate to count; removing them is part of this approved change
    editCatalog(p2.catalog, (c) => {
      c.metrics.find((m) => m.id === 'error-rate')!.retired = {
        reason: 'replaced',
        approvedBy: 'Executive Team',
        date: todayUtc(),
      };
      c.metrics.find((m) => m.id === 'uptime-slo')!.indicator = 'leading';
      c.scorecard.version = '2027.1.1';
    });
    expect((await approveBy(p2.root)).code).toBe(0);
    expect((await check(p2.root)).code).toBe(0);
    expect(readFileSync(p2.lock, 'utf8')).toContain('retired: [error-rate]');
  });

  it('fails when a metric has no owner (catalog validation); approve refuses', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => {
      c.metrics[2].owner = ' ';
    });
    const r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('metrics[2].owner: every metric needs an owner');
    expect((await approveBy(p.root)).code).toBe(1);
    expect((await check(p.root)).code).toBe(1);
  });

  it('fails when a pillar has only lagging indicators (catalog validation); approve refuses', async () => {
    const p = tempProject();
    editCatalog(p.catalog, (c) => {
      c.metrics.filter((m) => m.pillar === 'delivery-execution').forEach((m) => (m.indicator = 'lagging'));
    });
    const r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'pillar "delivery-execution" has only lagging indicators; add at least one leading indicator'
    );
    expect((await approveBy(p.root)).code).toBe(1);
  });

  it('two catalogs with one scorecard id fail check by name; provision refuses them instead of crashing', async () => {
    const p = tempProject();
    const copy = p.catalog.replace(/platform-scorecard\.yaml$/, 'copy.yaml');
    copyFileSync(p.catalog, copy);
    writeFileSync(
      copy.replace(/\.yaml$/, '.lock.yaml'),
      readFileSync(p.lock, 'utf8').replace('catalog: platform-scorecard.yaml', 'catalog: copy.yaml')
    );
    const checked = await run('check', '--root', p.root);
    expect(checked.code).toBe(1);
    expect(checked.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /platform-scorecard\.yaml: scorecard\.id: "platform-scorecard" is already the id of .*copy\.yaml; every catalog needs its own id$/
        ),
      ])
    );
    for (const args of [['provision'], ['provision', '--check']]) {
      const r = await run(...args, '--root', p.root);
      expect(r.code).toBe(1);
      expect(r.err.at(-1)).toMatch(/^candor provision: only valid, approved catalogs are provisioned/);
    }
  });

  it('fails without a lock file; the first approve creates it', async () => {
    const p = tempProject();
    unlinkSync(p.lock);
    const r = await check(p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('lock: no approval record (lock file) for this catalog');
    expect((await approveBy(p.root)).code).toBe(0);
    expect((await check(p.root)).code).toBe(0);
    expect(readFileSync(p.lock, 'utf8')).toContain('catalog: platform-scorecard.yaml');
  });

  it('leaves an approved catalog alone and needs --by', async () => {
    const p = tempProject();
    const before = readFileSync(p.lock, 'utf8');
    const r = await approveBy(p.root);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('already approved');
    expect(readFileSync(p.lock, 'utf8')).toBe(before);
    expect((await run('approve', '--root', p.root)).code).toBe(2);
    expect((await run('approve', '--by', 'X', '--bogus')).code).toBe(2);
  });
});
