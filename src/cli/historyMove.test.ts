/** @jest-environment node */
/**
 * The approval history follows the catalog folder: `check --against` and `--history` read each commit's own
 * candor.config.yaml, so moving the folder (or aliasing it) compares lock by lock instead of finding no lock at all.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { run } from './testing/run';

function repo() {
  const root = mkdtempSync(path.join(tmpdir(), 'candor-move-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-C', root, ...args], {
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  return { root, git };
}

async function approvedRepo() {
  const r = repo();
  expect((await run('init', r.root)).code).toBe(0);
  expect((await run('approve', '--by', 'Ada Lovelace', '--root', r.root)).code).toBe(0);
  r.git('add', '-A');
  r.git('commit', '-q', '-m', 'approved');
  return r;
}

const moveCatalogs = (root: string, to: string) => {
  renameSync(path.join(root, 'catalogs'), path.join(root, to));
  const config = path.join(root, 'candor.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('catalogs: catalogs', `catalogs: ${to}`));
};

describe('the approval history when the catalog folder moves', () => {
  it('a moved folder with its locks intact passes --against and --history', async () => {
    const { root, git } = await approvedRepo();
    moveCatalogs(root, 'scorecards');
    git('add', '-A');
    git('commit', '-q', '-m', 'move');
    for (const args of [['--against', 'HEAD~1'], ['--history']]) {
      const r = await run('check', '--root', root, ...args);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
    }
  });

  it('a moved folder whose lock was rewritten from scratch fails, as it would in place', async () => {
    const { root, git } = await approvedRepo();
    moveCatalogs(root, 'scorecards');
    rmSync(path.join(root, 'scorecards/scorecard.lock.yaml'));
    expect((await run('approve', '--by', 'Mallory', '--root', root)).code).toBe(0);
    const against = await run('check', '--root', root, '--against', 'HEAD');
    expect(against.code).toBe(1);
    expect(against.err.join('\n')).toMatch(/scorecards\/scorecard\.lock\.yaml: /);
    git('add', '-A');
    git('commit', '-q', '-m', 'move and rewrite');
    expect((await run('check', '--root', root, '--history')).code).toBe(1);
  });

  it('a commit whose config today would refuse still says where its catalogs were: --history keeps working', async () => {
    const { root, git } = await approvedRepo();
    const config = path.join(root, 'candor.config.yaml');
    const good = readFileSync(config, 'utf8');
    writeFileSync(config, `${good}color: blue\n`);
    git('commit', '-q', '-am', 'a stray key');
    writeFileSync(config, good);
    git('commit', '-q', '-am', 'fixed');
    const r = await run('check', '--root', root, '--history');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });
});
