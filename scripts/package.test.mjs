// node --test scripts/: the package check, table-driven ("a good package + one change"), and the real zip of dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { buildPackage, checkPackage } from './package.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOP = 'candor-scorecard-app';

function manifest(type, id, extra = {}) {
  return {
    type,
    id,
    name: `Candor ${type}`,
    info: {
      description: 'd',
      keywords: ['scorecard'],
      logos: { small: 'img/logo.svg', large: 'img/logo.svg' },
      screenshots: [],
      version: '1.2.3',
      updated: '2026-12-03',
      ...extra,
    },
    dependencies: { grafanaDependency: '>=12.3.0' },
  };
}

/** A good package: the app with its panel and datasource, as maps of path -> text. */
function createPackage() {
  const app = manifest('app', TOP, { screenshots: [{ name: 's', path: 'img/s.png' }] });
  app.includes = [
    { type: 'panel', path: 'panel/plugin.json' },
    { type: 'datasource', path: 'datasource/plugin.json' },
  ];
  return {
    [`${TOP}/plugin.json`]: app,
    [`${TOP}/module.js`]: 'define()',
    [`${TOP}/README.md`]: '# Candor',
    [`${TOP}/CHANGELOG.md`]: '# Changelog',
    [`${TOP}/LICENSE`]: 'Apache License',
    [`${TOP}/img/logo.svg`]: '<svg/>',
    [`${TOP}/img/s.png`]: 'png',
    [`${TOP}/panel/plugin.json`]: manifest('panel', 'candor-scorecard-panel'),
    [`${TOP}/panel/module.js`]: 'define()',
    [`${TOP}/panel/img/logo.svg`]: '<svg/>',
    [`${TOP}/datasource/plugin.json`]: manifest('datasource', 'candor-scorecard-datasource'),
    [`${TOP}/datasource/module.js`]: 'define()',
    [`${TOP}/datasource/img/logo.svg`]: '<svg/>',
  };
}

function check(pkg, version = '1.2.3') {
  const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
  return checkPackage({ files: Object.keys(pkg).sort(), read: (f) => text(pkg[f]), version });
}

test('a good package has no problems', () => {
  assert.deepEqual(check(createPackage()), []);
});

const cases = [
  [
    'two top folders',
    (p) => (p['other/x'] = 'x'),
    `archive: one top folder named after the plugin id, found ${TOP}, other`,
  ],
  [
    'a folder that is not the id',
    (p) => (p[`${TOP}/plugin.json`].id = 'candor-other-app'),
    `archive: the top folder "${TOP}" is not the plugin id "candor-other-app"`,
  ],
  [
    'a version other than package.json',
    (p) => (p[`${TOP}/panel/plugin.json`].info.version = '1.2.2'),
    `${TOP}/panel/plugin.json: info.version: 1.2.2, but package.json says 1.2.3`,
  ],
  [
    'no screenshots',
    (p) => (p[`${TOP}/plugin.json`].info.screenshots = []),
    `${TOP}/plugin.json: info.screenshots: the catalog shows them; name at least one`,
  ],
  [
    'a screenshot not in the zip',
    (p) => delete p[`${TOP}/img/s.png`],
    `${TOP}/plugin.json: info.screenshots[0].path: ${TOP}/img/s.png is not in the package`,
  ],
  [
    'a logo path that climbs out',
    (p) => (p[`${TOP}/datasource/plugin.json`].info.logos.large = '../img/logo.svg'),
    `${TOP}/datasource/plugin.json: info.logos.large: "../img/logo.svg" must be relative to the plugin folder`,
  ],
  ['an empty CHANGELOG', (p) => (p[`${TOP}/CHANGELOG.md`] = '  \n'), `${TOP}/CHANGELOG.md: missing or empty`],
  ['no LICENSE', (p) => delete p[`${TOP}/LICENSE`], `${TOP}/LICENSE: missing or empty`],
  [
    'a nested plugin not in includes',
    (p) => p[`${TOP}/plugin.json`].includes.pop(),
    `${TOP}/plugin.json: includes: datasource/plugin.json is not listed`,
  ],
  [
    'an include of the wrong type',
    (p) => (p[`${TOP}/plugin.json`].includes[0].type = 'datasource'),
    `${TOP}/plugin.json: includes: panel/plugin.json is listed as datasource, but it is a panel`,
  ],
  ['a nested plugin without module.js', (p) => delete p[`${TOP}/panel/module.js`], `${TOP}/panel/module.js: missing`],
  [
    'the build nested in dist/',
    (p) => (p[`${TOP}/dist/module.js`] = 'x'),
    `${TOP}/dist/: the built files belong at the top folder, not in dist/`,
  ],
  [
    'an unreplaced %TODAY%',
    (p) => (p[`${TOP}/plugin.json`].info.updated = '%TODAY%'),
    `${TOP}/plugin.json: info.updated: "%TODAY%" is not YYYY-MM-DD`,
  ],
  [
    'an open grafanaDependency',
    (p) => (p[`${TOP}/plugin.json`].dependencies.grafanaDependency = '*'),
    `${TOP}/plugin.json: dependencies.grafanaDependency: a range like ">=12.3.0", found "*"`,
  ],
];
for (const [name, change, expected] of cases) {
  test(`one change: ${name}`, () => {
    const pkg = createPackage();
    change(pkg);
    assert.deepEqual(check(pkg), [expected]);
  });
}

test('a grafanaDependency with an upper bound is a range too', () => {
  const pkg = createPackage();
  pkg[`${TOP}/plugin.json`].dependencies.grafanaDependency = '>=12.3.0 <14';
  assert.deepEqual(check(pkg), []);
});

test('the real package: dist/ zipped under the plugin id with its checksums (npm test builds dist/ first)', () => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'plugin.json')), 'dist/ is built (npm run build)');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-package-'));
  try {
    const { zip, problems } = buildPackage({ dist: path.join(ROOT, 'dist'), out });
    assert.deepEqual(problems, []);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(path.basename(zip), `${TOP}-${version}.zip`);
    const unzip = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
    assert.equal(
      unzip.status,
      0,
      `unzip -Z1 lists the zip (npm run setup installs unzip): ${unzip.error?.message ?? unzip.stderr}`
    );
    const listing = unzip.stdout.split('\n').filter(Boolean);
    for (const file of [
      'plugin.json',
      'module.js',
      'panel/module.js',
      'datasource/module.js',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'img/logo.svg',
      'img/screenshots/scorecard-dark.png',
    ]) {
      assert.ok(listing.includes(`${TOP}/${file}`), `${file} is in the zip`);
    }
    assert.ok(listing.every((f) => f.startsWith(`${TOP}/`)));
    const [md5] = fs.readFileSync(`${zip}.md5`, 'utf8').split(' ');
    assert.match(md5, /^[0-9a-f]{32}$/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
