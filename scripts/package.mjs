#!/usr/bin/env node
// `npm run package`: the distributable zip as Grafana's plugin catalog expects it, from the built dist/.
//   node scripts/package.mjs [--dist DIR] [--out DIR]     (defaults: dist/, artifacts/)
// Writes OUT/candor-scorecard-app-VERSION.zip (one top folder named after the plugin id, holding the built app with
// its nested panel and datasource, README, CHANGELOG, LICENSE, the logos and screenshots plugin.json names) and
// its .md5 and .sha1 beside it. Before zipping, the folder is checked (checkPackage): each problem is one
// `path: reason` line. Exit codes: 0 written, 1 the package is not what the catalog accepts, 2 bad arguments or
// no dist/ (run `npm run build`).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { isMain } from './lib/cli.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// Grafana's plugin id rule: organisation, optional name, then the type.
const ID = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// `>=X.Y.Z`, optionally with an upper bound (`>=12.3.0 <14`): the lower bound is the oldest Grafana supported.
const GRAFANA_RANGE = /^>=\s*(\d+\.\d+\.\d+)(\s+<\s*\d+(\.\d+){0,2})?$/;

/** The oldest Grafana version a manifest's grafanaDependency admits; throws `path: reason` when it is not a range. */
export function oldestGrafana(manifest, where = 'plugin.json') {
  const range = manifest.dependencies?.grafanaDependency;
  const m = GRAFANA_RANGE.exec(range ?? '');
  if (!m) {
    throw new Error(`${where}: dependencies.grafanaDependency: a range like ">=12.3.0", found "${range}"`);
  }
  return m[1];
}

/** Every file below `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        walk(child);
      } else {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort();
}

function manifestProblems(manifest, where, files, prefix) {
  const problems = [];
  const info = manifest.info ?? {};
  const need = (ok, field, reason) => ok || problems.push(`${where}: ${field}: ${reason}`);
  need(ID.test(manifest.id ?? ''), 'id', `"${manifest.id}" is not organisation-name-type`);
  need(typeof manifest.name === 'string' && manifest.name.length > 0, 'name', 'missing');
  need(SEMVER.test(info.version ?? ''), 'info.version', `"${info.version}" is not a semantic version`);
  need(DATE.test(info.updated ?? ''), 'info.updated', `"${info.updated}" is not YYYY-MM-DD`);
  need(Array.isArray(info.keywords) && info.keywords.length > 0, 'info.keywords', 'at least one keyword');
  need(Boolean(info.description), 'info.description', 'missing');
  try {
    oldestGrafana(manifest, where);
  } catch (e) {
    problems.push(e.message);
  }
  const assets = [
    ['info.logos.small', info.logos?.small],
    ['info.logos.large', info.logos?.large],
    ...(info.screenshots ?? []).map((s, i) => [`info.screenshots[${i}].path`, s.path]),
  ];
  for (const [field, file] of assets) {
    if (!file) {
      problems.push(`${where}: ${field}: missing`);
    } else if (file.startsWith('/') || file.startsWith('.')) {
      problems.push(`${where}: ${field}: "${file}" must be relative to the plugin folder`);
    } else if (!files.includes(`${prefix}${file}`)) {
      problems.push(`${where}: ${field}: ${prefix}${file} is not in the package`);
    }
  }
  return problems;
}

/**
 * What Grafana's catalog requires of an app package, checked on its file list and manifests:
 * `files` are paths relative to the zip's root (`candor-scorecard-app/plugin.json`, ...), `read(file)` their text.
 * Returns `path: reason` lines; none means the package is acceptable.
 */
export function checkPackage({ files, read, version }) {
  const tops = [...new Set(files.map((f) => f.split('/')[0]))];
  if (tops.length !== 1 || !files.every((f) => f.includes('/'))) {
    return [`archive: one top folder named after the plugin id, found ${tops.join(', ') || 'nothing'}`];
  }
  const top = tops[0];
  const problems = [];
  if (!files.includes(`${top}/plugin.json`)) {
    return [`${top}/plugin.json: missing`];
  }
  const app = JSON.parse(read(`${top}/plugin.json`));
  if (app.id !== top) {
    problems.push(`archive: the top folder "${top}" is not the plugin id "${app.id}"`);
  }
  if (app.type !== 'app') {
    problems.push(`${top}/plugin.json: type: "${app.type}", expected app (it nests the panel and datasource)`);
  }
  if (app.info?.version !== version) {
    problems.push(`${top}/plugin.json: info.version: ${app.info?.version}, but package.json says ${version}`);
  }
  if ((app.info?.screenshots ?? []).length === 0) {
    problems.push(`${top}/plugin.json: info.screenshots: the catalog shows them; name at least one`);
  }
  problems.push(...manifestProblems(app, `${top}/plugin.json`, files, `${top}/`));
  for (const file of ['module.js', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (!files.includes(`${top}/${file}`) || read(`${top}/${file}`).trim() === '') {
      problems.push(`${top}/${file}: missing or empty`);
    }
  }
  if (files.some((f) => f.startsWith(`${top}/dist/`))) {
    problems.push(`${top}/dist/: the built files belong at the top folder, not in dist/`);
  }
  const nested = files.filter((f) => /^[^/]+\/.+\/plugin\.json$/.test(f));
  const includes = (app.includes ?? []).filter((i) => i.path?.endsWith('plugin.json'));
  for (const file of nested) {
    const rel = file.slice(top.length + 1);
    const dir = path.posix.dirname(rel);
    const manifest = JSON.parse(read(file));
    const listed = includes.find((i) => i.path === rel);
    if (!listed) {
      problems.push(`${top}/plugin.json: includes: ${rel} is not listed`);
    } else if (listed.type !== manifest.type) {
      problems.push(`${top}/plugin.json: includes: ${rel} is listed as ${listed.type}, but it is a ${manifest.type}`);
    }
    if (manifest.info?.version !== version) {
      problems.push(`${file}: info.version: ${manifest.info?.version}, but package.json says ${version}`);
    }
    if (!files.includes(`${top}/${dir}/module.js`)) {
      problems.push(`${top}/${dir}/module.js: missing`);
    }
    problems.push(...manifestProblems(manifest, file, files, `${top}/${dir}/`));
  }
  for (const i of includes) {
    if (!nested.includes(`${top}/${i.path}`)) {
      problems.push(`${top}/plugin.json: includes: ${i.path} is listed but not in the package`);
    }
  }
  return problems;
}

const digest = (algorithm, file) => crypto.createHash(algorithm).update(fs.readFileSync(file)).digest('hex');

/** Stages dist/ under the plugin id, checks it, zips it; returns { zip, problems }. */
export function buildPackage({ dist, out }) {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const stage = path.join(out, 'stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.cpSync(dist, path.join(stage, app.id), { recursive: true });
  const files = listFiles(stage);
  const problems = checkPackage({ files, read: (f) => fs.readFileSync(path.join(stage, f), 'utf8'), version });
  if (problems.length) {
    return { problems };
  }
  const zip = path.join(out, `${app.id}-${version}.zip`);
  fs.rmSync(zip, { force: true });
  // -X: no extra file attributes (uid/gid), so the same dist/ gives the same listing.
  const r = spawnSync('zip', ['-q', '-r', '-X', zip, app.id], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    return { problems: [`${zip}: zip failed (exit ${r.status ?? r.error?.code}); is zip installed? (npm run setup)`] };
  }
  fs.rmSync(stage, { recursive: true, force: true });
  fs.writeFileSync(`${zip}.md5`, `${digest('md5', zip)}  ${path.basename(zip)}\n`);
  fs.writeFileSync(`${zip}.sha1`, `${digest('sha1', zip)}  ${path.basename(zip)}\n`);
  return { zip, files, problems: [] };
}

if (isMain(import.meta.url)) {
  let args;
  try {
    args = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } }).values;
  } catch (e) {
    process.stderr.write(`package: ${e.message}\nusage: node scripts/package.mjs [--dist DIR] [--out DIR]\n`);
    process.exit(2);
  }
  const dist = path.resolve(args.dist ?? path.join(ROOT, 'dist'));
  const out = path.resolve(args.out ?? path.join(ROOT, 'artifacts'));
  if (!fs.existsSync(path.join(dist, 'plugin.json'))) {
    process.stderr.write(`package: ${dist}/plugin.json is missing: run npm run build first\n`);
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  const { zip, files, problems } = buildPackage({ dist, out });
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\npackage: not written (${problems.length} problem(s))\n`);
    process.exit(1);
  }
  process.stdout.write(
    `package: ${path.relative(process.cwd(), zip)} (${files.length} files, ${fs.statSync(zip).size} bytes)\n`
  );
}
