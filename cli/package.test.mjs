// node --test cli/: the published package as an adopter meets it. `npm pack` builds and packs @candor-scorecard/cli;
// it is installed, with no registry (it has no dependencies), into a folder outside this repository, and the
// installed `candor` takes a new config repository through init -> validate -> test -> approve -> provision ->
// check --against, with git history, then provision --check and a hand edit caught.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
let work;
let candor;
let repo;

function run(args, cwd = repo) {
  const r = spawnSync(candor, args, { cwd, encoding: 'utf8', env: { ...process.env, CANDOR_GRAFANA_TOKEN: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const git = (...args) =>
  execFileSync('git', ['-c', 'user.name=Adopter', '-c', 'user.email=adopter@example.com', ...args], { cwd: repo });

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-adopt-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: path.join(ROOT, 'cli'),
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  const install = path.join(work, 'install');
  fs.mkdirSync(install);
  fs.writeFileSync(path.join(install, 'package.json'), '{ "name": "adopter", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed)], { cwd: install });
  candor = path.join(install, 'node_modules/.bin/candor');
  repo = path.join(work, 'scorecards');
  fs.mkdirSync(repo);
  git('init', '-q', '-b', 'main');
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

test('the package holds the command only: no sources of this repository, no dependencies', () => {
  const pkg = path.join(path.dirname(path.dirname(candor)), '@candor-scorecard/cli');
  const files = fs.readdirSync(pkg, { recursive: true }).sort();
  assert.deepEqual(files, ['README.md', 'candor.mjs', 'dist', 'dist/candor.cjs', 'package.json']);
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
  assert.match(run(['--version'], work).out, new RegExp(`^candor ${manifest.version.replace(/\./g, '\\.')}\\n$`));
});

test('init -> validate -> test -> approve -> provision -> check --against, outside any clone of Candor', () => {
  const init = run(['init']);
  assert.equal(init.code, 0, init.err);
  for (const file of ['candor.config.yaml', 'catalogs/scorecard.yaml', 'catalogs/tests/scorecard.test.yaml']) {
    assert.ok(fs.existsSync(path.join(repo, file)), `${file} is written`);
  }
  assert.ok(fs.existsSync(path.join(repo, '.github/workflows/candor.yml')));
  assert.equal(run(['init']).code, 1, 'init never writes over a file');

  const validate = run(['validate', 'catalogs/scorecard.yaml']);
  assert.equal(validate.code, 0, validate.err);
  assert.match(validate.out, /valid candor\/v1 catalog "scorecard"/);
  const tests = run(['test', 'catalogs/tests/scorecard.test.yaml']);
  assert.equal(tests.code, 0, tests.out + tests.err);
  assert.match(tests.out, /3 passed, 0 failed/);

  // Not approved yet: nothing is provisioned.
  assert.equal(run(['provision']).code, 1);
  const approve = run(['approve', '--by', 'Ada Lovelace']);
  assert.equal(approve.code, 0, approve.err);
  const provision = run(['provision']);
  assert.equal(provision.code, 0, provision.err);
  // Where candor.config.yaml says, and no datasource of its own: the catalog queries existing ones.
  for (const file of [
    'grafana/provisioning/datasources/candor-scorecard.yaml',
    'grafana/provisioning/dashboards/candor.yaml',
    'grafana/provisioning/alerting/candor-scorecard.yaml',
    'grafana/provisioning/plugins/candor.yaml',
    'grafana/dashboards/scorecard.json',
    'prometheus/recording-rules.yaml',
    'docs/metrics.md',
    '.github/CODEOWNERS',
  ]) {
    assert.ok(fs.existsSync(path.join(repo, file)), `${file} is generated`);
  }
  assert.ok(!fs.existsSync(path.join(repo, 'grafana/provisioning/datasources/candor-sources.yaml')));
  assert.ok(!fs.existsSync(path.join(repo, 'grafana/provisioning/alerting/candor-notifications.yaml')));
  assert.match(
    fs.readFileSync(path.join(repo, 'grafana/provisioning/dashboards/candor.yaml'), 'utf8'),
    /path: \/var\/lib\/grafana\/dashboards\/candor/
  );

  git('add', '-A');
  git('commit', '-q', '-m', 'scorecard approved');
  const check = run(['check', '--against', 'HEAD']);
  assert.equal(check.code, 0, check.out + check.err);
  assert.match(check.out, /approved/);
  assert.equal(run(['provision', '--check']).code, 0);

  // A hand edit of a generated file is drift; a rewritten approval is caught against history.
  const dashboard = path.join(repo, 'grafana/dashboards/scorecard.json');
  fs.appendFileSync(dashboard, ' ');
  const drift = run(['provision', '--check']);
  assert.equal(drift.code, 1);
  assert.match(drift.err, /grafana\/dashboards\/scorecard\.json: differs/);
  git('checkout', '--', '.');
  const lockFile = path.join(repo, 'catalogs/scorecard.lock.yaml');
  fs.writeFileSync(lockFile, fs.readFileSync(lockFile, 'utf8').replace('Ada Lovelace', 'Mallory'));
  assert.equal(run(['check', '--against', 'HEAD']).code, 1);
});
