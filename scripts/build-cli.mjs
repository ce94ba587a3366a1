#!/usr/bin/env node
// `npm run cli:build`: the `candor` command as one self-contained file, cli/dist/candor.cjs, for the published package
// @candor-scorecard/cli (cli/package.json): src/cli with the core and the generators, and every library they use
// (yaml, the compiled catalog validator and Ajv's runtime helpers, @noble/hashes, nodemailer), bundled by esbuild. The
// package has no dependencies, so `npm install` of it needs no registry. Not bundled: playwright-core and the
// report page, which `candor report` takes from a Candor clone (docs/report.md).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'cli/dist/candor.cjs');

export async function buildCli() {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'cli/package.json'), 'utf8'));
  mkdirSync(path.dirname(OUT), { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/cli/bin.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['playwright-core'],
    define: { CANDOR_CLI_VERSION: JSON.stringify(version) },
    legalComments: 'inline',
    logLevel: 'error',
  });
  return OUT;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`cli:build: wrote ${path.relative(ROOT, await buildCli())}`);
}
