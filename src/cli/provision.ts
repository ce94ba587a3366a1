/**
 * `candor provision [--check] [--root DIR]`: generates the Grafana and Prometheus provisioning, the locked
 * dashboards and docs/metrics.md from every catalog under provisioning/catalogs/ (src/provision/). Only approved
 * catalogs are provisioned: it first runs the same governance as `candor check`.
 *
 * --check writes nothing: it exits 1 and names each file that differs from what would be generated (a hand edit,
 * or a catalog change not yet provisioned), is missing, or was generated earlier but no longer is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import path from 'path';

import { type CatalogInput, GENERATED_MARK, type GeneratedFile } from '../provision/context';
import { generateFiles } from '../provision/generate';
import { currentApproval } from '../provision/lock';
import { findCatalogs, loadEntry, relativePath } from './catalogs';
import { reportEntry } from './check';
import { type Command, type Io, parseArgs } from './common';

const USAGE = `usage: candor provision [--check] [--root DIR]
  Generates every file from the catalogs under provisioning/catalogs/; --check only reports differences.`;

/** Folders that hold generated files; a file there that carries the generated mark but is not generated is stale. */
const GENERATED_DIRS = [
  'dashboards',
  'provisioning/alerting',
  'provisioning/dashboards',
  'provisioning/datasources',
  'provisioning/plugins',
  'provisioning/prometheus',
];

function staleFiles(root: string, files: GeneratedFile[]): string[] {
  const generated = new Set(files.map((f) => f.path));
  return GENERATED_DIRS.flatMap((dir) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) {
      return [];
    }
    return readdirSync(abs)
      .map((name) => `${dir}/${name}`)
      .filter((p) => !generated.has(p) && /\.(ya?ml|json)$/.test(p))
      .filter((p) => readFileSync(path.join(root, p), 'utf8').slice(0, 600).includes(GENERATED_MARK));
  }).sort();
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

interface Outcome {
  root: string;
  files: GeneratedFile[];
  stale: string[];
  io: Io;
}

function checkDrift({ root, files, stale, io }: Outcome): number {
  let problems = 0;
  for (const f of files) {
    const current = readIfExists(path.join(root, f.path));
    if (current !== f.content) {
      problems++;
      io.err(
        current === undefined
          ? `${f.path}: missing (run npm run provision)`
          : `${f.path}: differs from what candor provision generates (hand edit or catalog change not provisioned: run npm run provision)`
      );
    }
  }
  stale.forEach((p) =>
    io.err(`${p}: generated earlier but no catalog generates it now (run npm run provision to delete it)`)
  );
  problems += stale.length;
  if (problems > 0) {
    io.err(`candor provision --check: ${problems} file(s) out of date`);
    return 1;
  }
  io.out(`candor provision --check: ${files.length} generated files up to date`);
  return 0;
}

function write({ root, files, stale, io }: Outcome): number {
  let written = 0;
  for (const f of files) {
    const target = path.join(root, f.path);
    if (readIfExists(target) !== f.content) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.content);
      io.out(`wrote ${f.path}`);
      written++;
    }
  }
  stale.forEach((p) => {
    unlinkSync(path.join(root, p));
    io.out(`deleted ${p} (no catalog generates it now)`);
  });
  io.out(
    `candor provision: ${files.length} files, ${written} written, ${files.length - written} unchanged, ${stale.length} deleted`
  );
  return 0;
}

export const provision: Command = (argv, io) => {
  const args = parseArgs(argv, { flags: { check: 'boolean', root: 'string' }, usage: USAGE });
  const root = args.strings.root ?? '.';
  const entries = findCatalogs(root).map(loadEntry);
  // The same gate as `candor check`: nothing unapproved is provisioned.
  const quiet: Io = { out: () => undefined, err: io.err };
  const code = Math.max(0, ...entries.map((e) => reportEntry(e, quiet)));
  if (code > 0) {
    io.err('candor provision: only valid, approved catalogs are provisioned; fix the problems above (candor check)');
    return code;
  }
  const inputs: CatalogInput[] = entries.map((e) => ({
    file: relativePath(root, e.file),
    data: e.data,
    catalog: e.catalog!,
    approval: currentApproval(e.lock!),
  }));
  const files = generateFiles(inputs);
  const outcome = { root, files, stale: staleFiles(root, files), io };
  return args.booleans.check ? checkDrift(outcome) : write(outcome);
};
