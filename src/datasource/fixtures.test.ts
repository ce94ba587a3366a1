import { toDataQueryResponse } from '@grafana/runtime';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { runEngine } from '../core/engine';
import { fingerprint } from '../core/fingerprint';
import { decodeResponse } from '../core/response';
import { createCatalog, createMetric, createPillar } from '../core/testing/factories';
import type { MetricDef } from '../core/types';
import {
  DEFAULT_FIXTURES,
  FIXTURES_ENV,
  allGoldenFiles,
  describeWithGolden,
  goldenFolder,
  responseOf,
} from './testing/fixtures';

const plain = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
const shape = (
  frames: Array<{ fields: Array<{ name: string; type: string; labels?: unknown; values: ArrayLike<unknown> }> }>
) =>
  frames.map((f) =>
    f.fields.map((x) => ({ name: x.name, type: x.type, labels: x.labels ?? {}, values: Array.from(x.values, plain) }))
  );

describe("where Grafana's golden files are read from", () => {
  it(`${FIXTURES_ENV} names the folder, relative to the repository; a folder without SOURCES.md fails, never skips`, () => {
    expect(() => goldenFolder({ [FIXTURES_ENV]: 'no/such/folder' })).toThrow(
      `${FIXTURES_ENV}=no/such/folder: no Grafana fixtures there (SOURCES.md is missing)`
    );
    expect(() => goldenFolder({ [FIXTURES_ENV]: 'src' })).toThrow('SOURCES.md is missing');
  });

  it('set but empty, it fails too', () => {
    expect(() => goldenFolder({ [FIXTURES_ENV]: '' })).toThrow(`${FIXTURES_ENV}=: no Grafana fixtures there`);
  });

  it('unset, it is the default folder when that holds SOURCES.md, else a one-line reason to skip', () => {
    const here = path.resolve(__dirname, 'testing');
    expect(goldenFolder({}, here)).toEqual({
      why: `Grafana's golden frames are not beside this clone (${here}) and ${FIXTURES_ENV} is not set`,
    });
    const withSources = mkdtempSync(path.join(os.tmpdir(), 'candor-golden-'));
    try {
      writeFileSync(path.join(withSources, 'SOURCES.md'), '# sources');
      expect(goldenFolder({}, withSources)).toEqual({ dir: withSources });
      expect(goldenFolder({ [FIXTURES_ENV]: withSources }, here)).toEqual({ dir: withSources });
    } finally {
      rmSync(withSources, { recursive: true, force: true });
    }
    expect(DEFAULT_FIXTURES).toBe(path.resolve(__dirname, '../../../shared/fixtures/grafana'));
  });
});

const describeGolden = describeWithGolden("Grafana's golden frames (src/datasource/fixtures.test.ts)");

describeGolden("Grafana's golden frames", () => {
  const files = goldenFolder().dir ? allGoldenFiles() : [];

  it('are all there', () => {
    // 19 golden frame files are listed in SOURCES.md; the raw inputs (.json, .sql) are not frames.
    expect(files.length).toBeGreaterThanOrEqual(19);
  });

  it.each(files.length ? files : ['(none)'])('%s: the CLI decoder reads what toDataQueryResponse reads', (file) => {
    const body = responseOf(file, 'm');
    const grafana = toDataQueryResponse({ data: body });
    const ours = decodeResponse(body);
    expect(shape(ours.frames)).toEqual(shape(grafana.data));
    expect(ours.frames.every((f) => f.refId === 'm')).toBe(true);
  });
});

/** Evaluates one golden file as the answer to one metric, through toDataQueryResponse like the datasource. */
function evaluateGolden(file: string, def: MetricDef, now: number) {
  const catalog = createCatalog({ pillars: [createPillar()], metrics: [def] });
  const parsed = toDataQueryResponse({ data: responseOf(file, def.id) });
  return runEngine({
    catalog,
    fingerprint: fingerprint(catalog),
    selection: {},
    frames: parsed.data,
    errors: [],
    asOf: now,
    asOfIsNow: false,
    now,
  });
}
const rowsOf = (out: ReturnType<typeof evaluateGolden>) =>
  out.result.rows.map((r) => [r.item, r.status, r.value, r.last_sample, r.change_quality]);

describeGolden('golden frames through the evaluation', () => {
  const upByInstance = createMetric({
    id: 'up',
    thresholds: { green: 1, amber: 0.5 },
    target: 1,
    freshness: { maxAge: '5m' },
    items: { label: 'instance' },
  });

  it('Prometheus matrix: one item per series, with its trend', () => {
    const out = evaluateGolden('prometheus/prom-matrix-frame.jsonc', upByInstance, 1435781460781 + 60_000);
    expect(rowsOf(out)).toEqual([
      ['localhost:9090', 'green', 1, 1435781460781, 'same'],
      ['localhost:9091', 'green', 1, 1435781460781, 'better'],
    ]);
  });

  it('Prometheus vector: one sample per series; ±Inf is an impossible value', () => {
    const out = evaluateGolden(
      'prometheus/prom-vector-frame.jsonc',
      createMetric({ ...upByInstance, items: { label: 'location' } }),
      1645029699000
    );
    const moon = out.result.rows.find((r) => r.item === 'moon');
    expect(moon).toMatchObject({ status: 'error', colour: 'red', value: null });
    // The golden frame has three series for moon that differ only in their ±Inf: none is scored.
    expect(moon!.evidence).toMatch(/^Conflicting data: 3 series for location="moon" \(latest values .*Inf/);
  });

  it('Prometheus range of +Inf only is an error (a division by zero), never green', () => {
    const out = evaluateGolden(
      'prometheus/range_infinity.result.golden.jsonc',
      createMetric({ id: 'ratio', freshness: { maxAge: '1h' } }),
      1641889532000
    );
    expect(rowsOf(out).map((r) => r.slice(0, 3))).toEqual([['', 'error', null]]);
    expect(out.warnings).toEqual([expect.stringMatching(/^ratio: Not scored: \+Inf is no possible value/)]);
  });

  it('passes Prometheus warnings on as notices naming the metric', () => {
    const out = evaluateGolden(
      'prometheus/prom-warnings-frame.jsonc',
      createMetric({ ...upByInstance, items: { label: 'job' } }),
      1645029699000
    );
    expect(out.warnings).toEqual(
      expect.arrayContaining(['up: Prometheus (prom): warning 1', 'up: Prometheus (prom): warning 2'])
    );
  });

  it('a frame shape Candor cannot read (a string result) is an error with a notice, not a crash', () => {
    const out = evaluateGolden('prometheus/prom-string-frame.jsonc', createMetric({ id: 'str' }), 1651680139104);
    expect(out.result.rows[0]).toMatchObject({ status: 'error', colour: 'red' });
    expect(out.result.rows[0].evidence).toMatch(
      /^Prometheus \(prom\): unsupported data: the query returned a frame without a number field/
    );
    expect(out.warnings[0]).toMatch(/^str: frame 1 returned a frame without a number field/);
  });

  const byC = createMetric({
    id: 'v',
    direction: 'lower-is-better',
    unit: 'short',
    target: 0,
    thresholds: { green: 50, amber: 100 },
    freshness: { maxAge: '10m' },
    items: { label: 'c' },
    source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } },
  });

  it('PostgreSQL time_series (wide, new frame type version): one item per label', () => {
    const out = evaluateGolden('postgres/time_series/simple.golden.jsonc', byC, 1703428383000);
    expect(rowsOf(out)).toEqual([
      ['a', 'green', 40, 1703428383000, 'worse'],
      ['b', 'red', 140, 1703428383000, 'worse'],
    ]);
    expect(out.result.rows[1].source).toBe('SQL (pg)');
  });

  it('PostgreSQL table (long, old frame type version): string columns become item labels', () => {
    const out = evaluateGolden('postgres/table/simple.golden.jsonc', byC, 1703428263000);
    expect(rowsOf(out)).toEqual([
      ['a', 'green', 20, 1703428263000, 'worse'],
      ['b', 'red', 120, 1703428263000, 'worse'],
    ]);
  });

  it('PostgreSQL fill_previous: leading nulls are skipped', () => {
    const out = evaluateGolden('postgres/time_series/fill_previous.golden.jsonc', byC, 1703428200000);
    expect(rowsOf(out)).toEqual([
      ['a', 'green', 15, 1703428200000, 'same'],
      ['b', 'red', 115, 1703428200000, 'same'],
    ]);
  });

  it('PostgreSQL no rows is noData', () => {
    const out = evaluateGolden('postgres/table/no_rows.golden.jsonc', { ...byC, items: undefined }, 1703428263000);
    expect(rowsOf(out)).toEqual([['', 'noData', null, null, '']]);
  });

  it('a table without a time column is an error naming why', () => {
    const out = evaluateGolden('postgres/table/multi_stat1.golden.jsonc', { ...byC, items: undefined }, 1703428263000);
    expect(out.result.rows[0].status).toBe('error');
    expect(out.result.rows[0].evidence).toContain('without a time field');
  });
});
