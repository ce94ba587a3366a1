import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { parse, stringify } from 'yaml';

import { createCatalog, createMetric } from '../core/testing/factories';
import type { Catalog } from '../core/types';
import { main } from './main';

const ROOT = path.resolve(__dirname, '../..');
const CATALOG = path.join(ROOT, 'provisioning/catalogs/platform-scorecard.yaml');
const CATALOG_TESTS = path.join(ROOT, 'provisioning/catalogs/tests/platform-scorecard.test.yaml');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'candor-')), name);
  writeFileSync(file, text);
  return file;
}

describe('candor, candor --help, candor COMMAND --help', () => {
  it('candor alone, --help and help print every command on standard output, exit 0', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.err).toEqual([]);
      expect(r.out.join('\n')).toMatch(/^usage: candor <command>/);
      expect(r.out.join('\n')).toContain('  init [DIR]');
    }
  });

  it.each([
    'init',
    'validate',
    'fingerprint',
    'test',
    'evaluate',
    'check',
    'approve',
    'provision',
    'lock',
    'report',
    'action',
  ])('candor %s --help prints its usage on standard output, exit 0, and does nothing else', async (command) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(command, flag);
      expect(r.code).toBe(0);
      expect(r.err).toEqual([]);
      expect(r.out.join('\n')).toMatch(new RegExp(`^usage: candor ${command}\\b`));
    }
  });

  it('--help anywhere among the options of a command is help too', async () => {
    const r = await run('provision', '--check', '--help');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/^usage: candor provision/);
  });
});

describe('candor migrate', () => {
  it('leaves a current catalog byte for byte, refuses an unknown format with exit 2', async () => {
    const text = `# a comment migrate keeps\n${stringify(createCatalog())}`;
    const file = tempFile('c.yaml', text);
    for (const argv of [
      ['migrate', file],
      ['migrate', file, '--check'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toEqual([`${file}: already candor/v1, nothing to migrate`]);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    const old = tempFile('old.yaml', stringify({ ...createCatalog(), apiVersion: 'candor/v0' }));
    const r = await run('migrate', old);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`${old}: apiVersion: "candor/v0" is no format Candor reads (known: candor/v1)`]);
  });
});

describe('candor validate', () => {
  it('exits 0 with one summary line for a valid catalog', async () => {
    const r = await run('validate', tempFile('c.yaml', stringify(createCatalog())));
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(
      /valid candor\/v1 catalog "test-scorecard" v1: 1 pillars, 1 active metrics \(0 retired\), sha256:[0-9a-f]{12}$/
    );
  });

  it('exits 1 with one "path: reason" line per problem, naming the metric by id and the line', async () => {
    const bad = createCatalog({ metrics: [createMetric({ owner: '', unit: 'percentage' })] });
    const text = stringify(bad);
    const line = (field: string) => text.split('\n').findIndex((l) => l.trim().startsWith(`${field}:`)) + 1;
    const r = await run('validate', tempFile('c.yaml', text));
    expect(r.code).toBe(1);
    expect(r.err.slice(0, 2)).toEqual([
      `metrics[0].owner: every metric needs an owner (metric uptime, line ${line('owner')})`,
      `metrics[0].unit: unknown Grafana unit "percentage" (did you mean percent?) (metric uptime, line ${line('unit')})`,
    ]);
  });

  it("says to quote a version YAML read as a number (1.0 is the number 1), with the field's line", async () => {
    const text = stringify(createCatalog()).replace(/version: "?1"?/, 'version: 1.0');
    const r = await run('validate', tempFile('c.yaml', text));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(
      /^scorecard\.version: must be a string, .*write the value in quotes .*'1\.0'.* \(line \d+\)$/
    );
  });

  it('exits 2 with line:column when the YAML cannot be parsed', async () => {
    const file = tempFile('c.yaml', 'apiVersion: candor/v1\npillars: [\n  - a\n');
    const r = await run('validate', file);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+: `));
  });

  it('exits 2 when the file cannot be read, and on a wrong command line', async () => {
    expect((await run('validate', '/nonexistent/catalog.yaml')).code).toBe(2);
    expect((await run('frobnicate', 'x')).code).toBe(2);
    // Command and option names are looked up as own entries: Object.prototype's members are not commands.
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = await run(name);
      expect(r.code).toBe(2);
      expect(r.err[0]).toMatch(new RegExp(`^candor: unknown command "${name}"`));
    }
    const option = await run('check', '--constructor');
    expect(option.code).toBe(2);
    expect(option.err.join('\n')).toContain('unknown option --constructor');
  });

  it('accepts the default catalog', async () => {
    const r = await run('validate', CATALOG);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/5 pillars, 20 active metrics/);
  });
});

describe('candor fingerprint', () => {
  it('prints the short and the full fingerprint, the same for a reformatted copy', async () => {
    const a = await run('fingerprint', tempFile('a.yaml', stringify(createCatalog())));
    const b = await run('fingerprint', tempFile('b.json', JSON.stringify(createCatalog(), null, 4)));
    expect(a.code).toBe(0);
    expect(a.out[0]).toMatch(/^short: sha256:[0-9a-f]{12}$/);
    expect(a.out[1]).toMatch(/^full: {2}sha256:[0-9a-f]{64}$/);
    expect(b.out).toEqual(a.out);
  });
});

describe('candor test', () => {
  it('passes the shipped tests of the default catalog', async () => {
    const r = await run('test', CATALOG_TESTS);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/: \d+ passed, 0 failed$/);
  });

  it('fails when a threshold in a copy of the catalog is loosened', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-'));
    const catalog = parse(readFileSync(CATALOG, 'utf8')) as Catalog;
    const m = catalog.metrics[0];
    // Loosen the first metric's amber boundary (uptime, a fraction) to the lowest valid value: it can never be red.
    expect([m.unit, m.direction]).toEqual(['percentunit', 'higher-is-better']);
    m.thresholds.amber = 0;
    writeFileSync(path.join(dir, 'platform-scorecard.yaml'), stringify(catalog));
    const spec = parse(readFileSync(CATALOG_TESTS, 'utf8'));
    writeFileSync(path.join(dir, 'copy.test.yaml'), stringify({ ...spec, catalog: './platform-scorecard.yaml' }));
    const r = await run('test', path.join(dir, 'copy.test.yaml'));
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain(`metric ${m.id}: expected red, got amber`);
  });

  it('reports a broken test file with its path', async () => {
    const r = await run('test', tempFile('t.yaml', 'catalog: 3\ntests: []\n'));
    expect(r.code).toBe(2);
    expect(r.err.map((l) => l.replace(/^.*?: /, ''))).toEqual([
      'catalog: must name the catalog file (relative to the test file)',
      'evaluationTime: must be an ISO 8601 time with a zone, such as 2026-11-16T12:00:00Z',
      'tests: must list at least one test',
    ]);
  });
});
