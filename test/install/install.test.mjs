// node --test test/install/: docs/install.md followed step by step, as far as it goes without a Grafana server.
// The release zip (scripts/release.mjs, from the built dist/) is checked and unzipped into a plugins folder as the
// page says; its allow-list names exactly the plugin ids in the zip; `candor init`, approve and provision write the
// files where the page's table says, and the home dashboard path it gives is a dashboard that was written. The
// steps that need a running Grafana are the plugin-e2e suite's (.github/workflows/e2e-grafana.yml).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { releaseProblems, release } from '../../scripts/release.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE = fs.readFileSync(path.join(ROOT, 'docs/install.md'), 'utf8');
const CANDOR = path.join(ROOT, 'cli/candor.mjs');
let work;

/** The fenced blocks of a section of the page (by its heading's start), in order. */
function blocks(heading) {
  const start = PAGE.indexOf(`\n## ${heading}`);
  assert.ok(start >= 0, `docs/install.md has a section "${heading}"`);
  const end = PAGE.indexOf('\n## ', start + 4);
  const section = PAGE.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]);
}

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-install-'));
});
after(() => fs.rmSync(work, { recursive: true, force: true }));

test('1. the release zip: checked by its .sha256, unzipped into a plugins folder as one folder named after the app', (t) => {
  if (!fs.existsSync(path.join(ROOT, 'dist/plugin.json'))) {
    assert.fail('dist/ is missing: npm test builds before this test; run npm run build');
  }
  // A copy of the tree with a CHANGELOG section for its version, so a release can be cut here without changing it.
  const tree = path.join(work, 'tree');
  fs.mkdirSync(path.join(tree, 'cli'), { recursive: true });
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const file of ['package.json', 'cli/package.json', 'cli/candor.mjs', 'cli/README.md']) {
    fs.copyFileSync(path.join(ROOT, file), path.join(tree, file));
  }
  fs.mkdirSync(path.join(tree, 'cli/dist'));
  fs.writeFileSync(path.join(tree, 'cli/dist/candor.cjs'), '// stand-in: the package test packs the real one\n');
  const pkg = JSON.parse(fs.readFileSync(path.join(tree, 'cli/package.json'), 'utf8'));
  delete pkg.scripts; // no prepack build in the copy: this test is about the plugin zip
  fs.writeFileSync(path.join(tree, 'cli/package.json'), JSON.stringify(pkg));
  fs.cpSync(path.join(ROOT, 'dist'), path.join(tree, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(tree, 'CHANGELOG.md'), `# Changelog\n\n## [Unreleased]\n`);
  assert.deepEqual(releaseProblems(tree).problems, [
    `CHANGELOG.md: no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it (Keep a Changelog)`,
  ]);
  fs.writeFileSync(path.join(tree, 'CHANGELOG.md'), `# Changelog\n\n## [Unreleased]\n\n## [${version}] - 2026-12-07\n`);
  const out = path.join(work, 'artifacts');
  const made = release({ root: tree, out, build: false });
  assert.deepEqual(made.problems, []);
  const zip = path.join(out, `candor-scorecard-app-${version}.zip`);
  assert.deepEqual(made.files, [zip, path.join(out, `candor-scorecard-cli-${version}.tgz`)]);

  // The page's commands, with the version of this tree.
  const [install] = blocks('1. Install the plugin');
  const plugins = path.join(work, 'plugins');
  fs.mkdirSync(plugins);
  for (const line of install.split('\n').filter((l) => /^(sha256sum|unzip) /.test(l))) {
    const [cmd, ...args] = line
      .replace(/#.*$/, '')
      .trim()
      .replaceAll('0.1.0', version)
      .replace('/var/lib/grafana/plugins', plugins)
      .split(/\s+/);
    const r = spawnSync(cmd, args, { cwd: out, encoding: 'utf8' });
    assert.equal(r.status, 0, `${line}: ${r.stderr}`);
  }
  assert.deepEqual(fs.readdirSync(plugins), ['candor-scorecard-app']);
  for (const file of ['module.js', 'plugin.json', 'panel/module.js', 'panel/plugin.json', 'datasource/module.js']) {
    assert.ok(fs.existsSync(path.join(plugins, 'candor-scorecard-app', file)), `${file} is where Grafana looks`);
  }
  t.diagnostic(`unzipped ${zip} into ${plugins}`);
});

test('1. the allow-list names exactly the three plugin ids of the zip, in grafana.ini, the environment and compose', () => {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/plugin.json'), 'utf8'));
  const nested = app.includes
    .filter((i) => i.type === 'panel' || i.type === 'datasource')
    .map((i) => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', i.path), 'utf8')).id);
  const ids = [app.id, ...nested].sort();
  assert.equal(ids.length, 3);
  const lists = [
    /allow_loading_unsigned_plugins = (\S+)/.exec(PAGE)?.[1],
    /GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=(\S+)/.exec(PAGE)?.[1],
    /GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS: (\S+)/.exec(
      fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')
    )?.[1],
  ];
  for (const list of lists) {
    assert.deepEqual(list?.split(',').sort(), ids);
  }
});

test('2-4. init, approve, provision write every file where the page says; the home dashboard path is one of them', () => {
  const repo = path.join(work, 'config');
  fs.mkdirSync(repo);
  const candor = (...args) => {
    const r = spawnSync(process.execPath, [CANDOR, ...args], { cwd: repo, encoding: 'utf8' });
    assert.equal(r.status, 0, `candor ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  candor('init');
  candor('validate', 'catalogs/scorecard.yaml');
  candor('test', 'catalogs/tests/scorecard.test.yaml');
  candor('approve', '--by', 'Jane Doe (CFO)');
  candor('provision');
  candor('provision', '--check');
  // The table of step 4: every "written to" path exists.
  const start = PAGE.indexOf('## 4. Provision into Grafana');
  const table = PAGE.slice(start, PAGE.indexOf('\n## ', start + 4));
  const written = [...table.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
  assert.ok(written.length >= 6, 'the table lists the generated files');
  for (const p of written) {
    assert.ok(fs.existsSync(path.join(repo, p)), `${p} (docs/install.md, step 4) is written`);
  }
  // No source datasource and no policy tree of its own: the defaults.
  assert.ok(!fs.existsSync(path.join(repo, 'grafana/provisioning/datasources/candor-sources.yaml')));
  // Step 5: the home dashboard is the dashboard written, where Grafana reads the dashboards (dashboardsPath).
  const home = /GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH=(\S+)/.exec(PAGE)[1];
  const config = fs.readFileSync(path.join(repo, 'candor.config.yaml'), 'utf8');
  const dashboardsPath = /dashboardsPath: (\S+)/.exec(config)[1];
  assert.equal(path.dirname(home), dashboardsPath);
  assert.ok(fs.existsSync(path.join(repo, 'grafana/dashboards', path.basename(home))));
  // The CI workflow init wrote runs the two checks the page promises.
  const workflow = fs.readFileSync(path.join(repo, '.github/workflows/candor.yml'), 'utf8');
  assert.match(workflow, /npx candor check --against /);
  assert.match(workflow, /npx candor provision --check/);
});
