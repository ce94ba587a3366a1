/**
 * The double is faithful: from the inputs of Grafana's golden files (../shared/fixtures/grafana/, SOURCES.md there)
 * its converter command reproduces Grafana's golden frames — every field's name, type, typeInfo, labels and config,
 * every value (NaN/Inf entities and sub-millisecond nanos included) and the frame meta. The comparison is of the
 * whole JSON; the one accepted difference (no_rows) is documented in test/grafana-double/README.md.
 * Prometheus inputs: Grafana's raw response where the fixtures have it (prom-matrix.json); the others are
 * reconstructed in test/grafana-double/fixtures/ (see its README). SQL inputs run on the stack's PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';

import { decodeResponse } from '../../src/core/response';
import { describeWithGolden, goldenFolder } from '../../src/datasource/testing/fixtures';
import { REPO_ROOT, convert, requireStack } from './stack';

// CANDOR_GRAFANA_FIXTURES, or ../shared/fixtures/grafana beside the clone (src/datasource/testing/fixtures.ts).
const GOLDEN = goldenFolder().dir ?? '';
const describeGolden = describeWithGolden(
  "the double against Grafana's golden frames (test/integration/fidelity.test.ts)"
);
const OURS = path.join(REPO_ROOT, 'test', 'grafana-double', 'fixtures');
// Grafana's test time range (postgres_snapshot_test.go), to the millisecond.
const RANGE = ['--from', '2023-12-24T14:15:22.123Z', '--to', '2023-12-24T14:45:13.876Z'];

function golden(file: string): unknown {
  const text = fs.readFileSync(path.join(GOLDEN, file), 'utf8');
  return JSON.parse(
    text
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n')
  );
}

const prometheusCases: Array<[string, string[]]> = [
  ['prometheus/prom-matrix-frame.jsonc', [path.join(GOLDEN, 'prometheus/prom-matrix.json'), '--stage', 'converter']],
  ['prometheus/prom-vector-frame.jsonc', [path.join(OURS, 'prom-vector.json'), '--stage', 'converter']],
  ['prometheus/prom-warnings-frame.jsonc', [path.join(OURS, 'prom-warnings.json'), '--stage', 'converter']],
  ['prometheus/prom-string-frame.jsonc', [path.join(OURS, 'prom-string.json'), '--stage', 'converter']],
  ['prometheus/range_simple.result.golden.jsonc', [path.join(OURS, 'range_simple.json'), '--expr', '', '--step', '1s']],
  [
    'prometheus/range_infinity.result.golden.jsonc',
    [path.join(OURS, 'range_infinity.json'), '--expr', '1 / 0', '--step', '1s'],
  ],
];

const sqlFiles = GOLDEN
  ? ['table', 'time_series'].flatMap((dir) =>
      fs
        .readdirSync(path.join(GOLDEN, 'postgres', dir))
        .filter((f) => f.endsWith('.sql'))
        .map((f) => `postgres/${dir}/${f}`)
    )
  : ['(none)'];

describeGolden('Prometheus: raw API responses -> Grafana frames', () => {
  test.each(prometheusCases)('%s', (goldenFile, args) => {
    expect(convert(['prometheus', ...args])).toEqual(golden(goldenFile));
  });

  test("the full query path on Grafana's own raw input names fields as Grafana does", () => {
    const out = convert([
      'prometheus',
      path.join(GOLDEN, 'prometheus/prom-matrix.json'),
      '--expr',
      'up',
      '--step',
      '15s',
    ]);
    const first = out.frames[0].schema;
    expect(first.fields[1].name).toBe('up');
    expect(first.fields[1].config).toEqual({ displayNameFromDS: 'up{instance="localhost:9090", job="prometheus"}' });
    expect(first.fields[0].config).toEqual({ interval: 15000 });
    expect(first.meta.executedQueryString).toBe('Expr: up\nStep: 15s');
    expect(first.meta.custom).toEqual({ resultType: 'matrix', calculatedMinStep: 15000 });
  });

  test('a Prometheus error body becomes the per-query error Grafana reports', () => {
    const out = convert(['prometheus', path.join(OURS, 'prom-error.json'), '--expr', 'sum(rate(', '--step', '15s']);
    expect(out.error).toBe('bad_data: invalid parameter "query": 1:9: parse error: unexpected end of input');
    expect(out.frames).toHaveLength(1);
    expect(out.frames[0].schema.fields).toEqual([]);
  });
});

describeGolden('PostgreSQL: SQL fixtures run on the real database -> Grafana frames', () => {
  beforeAll(async () => {
    await requireStack();
  });

  test('every shared SQL fixture has its golden file', () => {
    expect(sqlFiles.length).toBeGreaterThanOrEqual(11);
  });

  test.each(sqlFiles)('%s', (sqlFile) => {
    const out = convert(['postgres', path.join(GOLDEN, sqlFile), ...RANGE]);
    expect(out).toEqual(golden(sqlFile.replace(/\.sql$/, '.golden.jsonc')));
  });

  test('postgres/time_series/simple.golden.jsonc (its .sql is table/simple.sql: same table, same query)', () => {
    const out = convert([
      'postgres',
      path.join(GOLDEN, 'postgres/table/simple.sql'),
      '--format',
      'time_series',
      ...RANGE,
    ]);
    expect(out).toEqual(golden('postgres/time_series/simple.golden.jsonc'));
  });

  test('postgres/table/no_rows.golden.jsonc: same meta; the fields of a 0-row result are dropped (README: accepted difference)', () => {
    const args = [
      'postgres',
      path.join(GOLDEN, 'postgres/table/simple.sql'),
      '--format',
      'table',
      '--query',
      'SELECT * FROM tbl WHERE false',
    ];
    const out = convert([...args, ...RANGE]);
    const want = golden('postgres/table/no_rows.golden.jsonc') as {
      frames: Array<{ schema: { fields: unknown[] }; data: unknown }>;
    };
    const withoutFields = {
      ...want,
      frames: want.frames.map((f) => ({ schema: { ...f.schema, fields: [] }, data: { values: [] } })),
    };
    expect(out).toEqual(withoutFields);
    // Both shapes mean the same to Candor: no rows, no series.
    expect(decodeResponse(want).frames[0].fields.every((f) => f.values.length === 0)).toBe(true);
    expect(decodeResponse(out).frames[0].fields).toEqual([]);
  });
});
