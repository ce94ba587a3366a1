#!/usr/bin/env node
// `npm run release`: what a release of Candor ships, in artifacts/ (docs/install.md, "Upgrade"):
//   candor-scorecard-app-VERSION.zip (+ .sha256, .md5, .sha1)   the plugin for Grafana's plugins folder
//   candor-scorecard-cli-VERSION.tgz (+ .sha256)                 the candor command (@candor-scorecard/cli)
// Refused, with one `path: reason` line each, unless the plugin, the command and CHANGELOG.md agree on the version:
// package.json and cli/package.json carry the same version, and CHANGELOG.md has its section, `## [VERSION] - DATE`
// (the Unreleased entries moved under it). It builds first (npm run build), then packages (scripts/package.mjs).
//   node scripts/release.mjs [--root DIR] [--out DIR] [--no-build]
// Exit codes: 0 written; 1 refused (versions or CHANGELOG), or packaging failed; 2 bad arguments.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { isMain } from './lib/cli.mjs';
import { buildPackage } from './package.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Why a release of this tree is refused: versions that disagree, no CHANGELOG section for the version. */
export function releaseProblems(root) {
  const problems = [];
  const { version } = readJson(path.join(root, 'package.json'));
  const cli = readJson(path.join(root, 'cli/package.json')).version;
  if (cli !== version) {
    problems.push(`cli/package.json: version ${cli}, but package.json says ${version}: release both together`);
  }
  const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  const escaped = version.replace(/[.+-]/g, (c) => `\\${c}`);
  if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
    problems.push(
      `CHANGELOG.md: no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it (Keep a Changelog)`
    );
  }
  return { version, problems };
}

function sha256File(file) {
  const sum = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  fs.writeFileSync(`${file}.sha256`, `${sum}  ${path.basename(file)}\n`);
  return sum;
}

export function release({ root, out, build = true }) {
  const { version, problems } = releaseProblems(root);
  if (problems.length > 0) {
    return { problems };
  }
  if (build) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      return { problems: [`npm run build: exit ${r.status}`] };
    }
  }
  fs.mkdirSync(out, { recursive: true });
  const plugin = buildPackage({ dist: path.join(root, 'dist'), out });
  if (plugin.problems.length > 0) {
    return { problems: plugin.problems };
  }
  sha256File(plugin.zip);
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], {
    cwd: path.join(root, 'cli'),
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  const cli = path.join(out, `candor-scorecard-cli-${version}.tgz`);
  if (path.join(out, packed) !== cli) {
    fs.renameSync(path.join(out, packed), cli);
  }
  sha256File(cli);
  return { version, files: [plugin.zip, cli], problems: [] };
}

if (isMain(import.meta.url)) {
  let args;
  try {
    args = parseArgs({
      options: { root: { type: 'string' }, out: { type: 'string' }, 'no-build': { type: 'boolean' } },
    }).values;
  } catch (e) {
    process.stderr.write(
      `release: ${e.message}\nusage: node scripts/release.mjs [--root DIR] [--out DIR] [--no-build]\n`
    );
    process.exit(2);
  }
  const root = path.resolve(args.root ?? path.join(import.meta.dirname, '..'));
  const out = path.resolve(args.out ?? path.join(root, 'artifacts'));
  const { version, files, problems } = release({ root, out, build: !args['no-build'] });
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nrelease: nothing released (${problems.length} problem(s))\n`);
    process.exit(1);
  }
  process.stdout.write(
    `release ${version}:\n${files.map((f) => `  ${path.relative(process.cwd(), f)} (sha256 in ${path.basename(f)}.sha256)`).join('\n')}\n`
  );
}
