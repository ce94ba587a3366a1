/**
 * The fault matrix (docs/reliability.md): every way a source can fail, for each source kind, through the same path as
 * a refresh — Grafana's `/api/ds/query` answer as JSON (decodeResponse), the engine, the frame the datasource returns
 * (toScorecardFrame) and the panel's preparation of it (prepareScorecard). For each fault:
 *   - no metric of the failing source is green without evidence;
 *   - the metrics of the other source keep the status they have when nothing fails;
 *   - the panel still has a scorecard to show, and the failing metric's row says what failed.
 * The table in docs/reliability.md is generated from these results; `CANDOR_UPDATE_DOCS=1` rewrites it, otherwise a
 * difference fails the test (the doc says what the code does, never more).
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';

import { decodeResponse } from '../core/response';
import type { ScorecardRow } from '../core/rows';
import { createCatalog, createMetric, createPillar, engineAsOf, FIXED_NOW, MINUTE } from '../core/testing/factories';
import type { MetricDef } from '../core/types';
import { prepareScorecard } from '../panel/prepare';
import { toScorecardFrame } from './toFrame';

type Kind = 'Prometheus' | 'PostgreSQL';
type Result = { frames?: unknown[]; error?: string; status?: number } | undefined;

const source = (kind: Kind, expr: string): MetricDef['source'] =>
  kind === 'Prometheus'
    ? { prometheus: { datasourceUid: 'prom', expr } }
    : { sql: { datasourceUid: 'pg', rawSql: `SELECT time, value FROM ${expr}` } };

/** Two metrics per kind: uptime-like (higher is better) and error-rate-like (lower is better). */
function catalogFor() {
  const metrics = (['Prometheus', 'PostgreSQL'] as Kind[]).flatMap((kind) => {
    const k = kind === 'Prometheus' ? 'prom' : 'pg';
    return [
      createMetric({ id: `${k}-uptime`, name: `${kind} uptime`, source: source(kind, 'uptime') }),
      createMetric({
        id: `${k}-errors`,
        name: `${kind} error rate`,
        direction: 'lower-is-better',
        target: 0.01,
        thresholds: { green: 0.01, amber: 0.05 },
        source: source(kind, 'errors'),
      }),
    ];
  });
  return createCatalog({ pillars: [createPillar()], metrics });
}

/** A healthy wide frame: `points` samples a minute apart ending a minute ago. */
function frame(value: number, opts: { points?: number; end?: number; labels?: Record<string, string> } = {}) {
  const n = opts.points ?? 30;
  const end = opts.end ?? FIXED_NOW - MINUTE;
  return {
    schema: {
      fields: [
        { name: 'time', type: 'time' },
        { name: 'value', type: 'number', ...(opts.labels ? { labels: opts.labels } : {}) },
      ],
    },
    data: { values: [Array.from({ length: n }, (_, i) => end - (n - 1 - i) * MINUTE), Array(n).fill(value)] },
  };
}

const healthyValue = (refId: string) => (refId.endsWith('uptime') ? 0.9995 : 0.002);

/** What the faulty source answers for one of its refIds (undefined: no result at all). */
const FAULTS: Array<{ fault: string; answer: (refId: string) => Result; evidence: boolean }> = [
  {
    fault: 'Source down',
    answer: () => ({ error: 'dial tcp 127.0.0.1:9090: connect: connection refused', status: 500 }),
    evidence: false,
  },
  { fault: 'HTTP 500', answer: () => ({ error: 'HTTP 500: Internal Server Error', status: 500 }), evidence: false },
  { fault: 'Timeout', answer: () => ({ error: 'context deadline exceeded', status: 504 }), evidence: false },
  {
    fault: 'Slow source (answers within the timeout)',
    answer: (r) => ({ frames: [frame(healthyValue(r))] }),
    evidence: true,
  },
  {
    fault: 'Malformed frame (fields of different lengths)',
    answer: () => ({
      frames: [
        {
          schema: {
            fields: [
              { name: 'time', type: 'time' },
              { name: 'value', type: 'number' },
            ],
          },
          data: { values: [[FIXED_NOW - MINUTE, FIXED_NOW], [1]] },
        },
      ],
    }),
    evidence: false,
  },
  { fault: 'Partial result (the query is missing from the answer)', answer: () => undefined, evidence: false },
  {
    fault: 'NaN and ±Inf values',
    answer: () => ({
      frames: [
        {
          schema: frame(0).schema,
          data: {
            values: [
              [FIXED_NOW - 2 * MINUTE, FIXED_NOW - MINUTE],
              [null, null],
            ],
            entities: [null, { NaN: [0], Inf: [1] }],
          },
        },
      ],
    }),
    evidence: false,
  },
  { fault: 'Empty frames', answer: () => ({ frames: [] }), evidence: false },
  {
    fault: 'Clock skew (every sample in the future)',
    answer: (r) => ({ frames: [frame(healthyValue(r), { end: FIXED_NOW + 60 * MINUTE })] }),
    evidence: false,
  },
  {
    fault: 'Duplicate series (same labels, different values)',
    answer: (r) => ({
      frames: [frame(healthyValue(r), { labels: { job: 'a' } }), frame(0.5, { labels: { job: 'a' } })],
    }),
    evidence: false,
  },
];

function evaluate(catalog: ReturnType<typeof catalogFor>, answerOf: (refId: string) => Result) {
  const results: Record<string, Result> = {};
  for (const m of catalog.metrics) {
    const a = answerOf(m.id);
    if (a) {
      results[m.id] = a;
    }
  }
  const { frames, errors } = decodeResponse({ results });
  const out = engineAsOf({ catalog, frames, errors, asOf: FIXED_NOW });
  return { rows: out.result.rows, frame: toScorecardFrame('A', out.result, out.warnings) };
}

const healthy = (refId: string): Result => ({ frames: [frame(healthyValue(refId))] });
const prefix = (kind: Kind) => (kind === 'Prometheus' ? 'prom-' : 'pg-');
const firstSentence = (text: string) => (text.split(/(?<=\.)\s/)[0] ?? '').replace(/\|/g, '\\|').slice(0, 90);

/** Tables compared as Prettier may lay them out: cell padding and dash counts do not matter. */
const loose = (md: string) => md.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');

interface Cell {
  shown: string;
  why: string;
}
const matrix = new Map<string, Partial<Record<Kind, Cell>>>();

describe('the fault matrix: one source fails, the scorecard stays truthful and usable', () => {
  const catalog = catalogFor();
  const baseline = new Map(evaluate(catalog, healthy).rows.map((r) => [r.metric_id, r.status]));

  it('nothing fails: every metric is green, so a fault can only make it worse', () => {
    expect([...baseline.values()]).toEqual(['green', 'green', 'green', 'green']);
  });

  describe.each(['Prometheus', 'PostgreSQL'] as Kind[])('%s fails', (kind) => {
    it.each(FAULTS.map((f) => [f.fault, f] as const))('%s', (_, f) => {
      const failing = (refId: string) => refId.startsWith(prefix(kind));
      const { rows, frame: out } = evaluate(catalog, (r) => (failing(r) ? f.answer(r) : healthy(r)));
      const theirs = rows.filter((r) => failing(r.metric_id));
      const others = rows.filter((r) => !failing(r.metric_id));
      // 1. No metric of the failing source is green without evidence.
      if (!f.evidence) {
        theirs.forEach((r) =>
          expect({ metric: r.metric_id, colour: r.colour }).not.toEqual({ metric: r.metric_id, colour: 'green' })
        );
      }
      // 2. The other source's metrics keep their status.
      others.forEach((r) =>
        expect({ metric: r.metric_id, status: r.status }).toEqual({
          metric: r.metric_id,
          status: baseline.get(r.metric_id),
        })
      );
      // 3. The panel still has a scorecard, and the failing row says why.
      const prepared = prepareScorecard([out]);
      expect(prepared.warn).toBeUndefined();
      expect(prepared.scorecard?.pillars.flatMap((p) => p.rows).length).toBe(4);
      const row: ScorecardRow = theirs[0];
      expect(row.evidence.length).toBeGreaterThan(0);
      matrix.set(f.fault, {
        ...matrix.get(f.fault),
        [kind]: { shown: `${row.status} (${row.colour})`, why: firstSentence(row.evidence) },
      });
    });
  });

  afterAll(() => {
    if (matrix.size !== FAULTS.length) {
      return; // a failed case: the table would be incomplete; the failure says why
    }
    const doc = path.resolve(__dirname, '../../docs/reliability.md');
    const text = readFileSync(doc, 'utf8');
    const start = text.indexOf('<!-- fault-matrix:start -->');
    const end = text.indexOf('<!-- fault-matrix:end -->');
    const table = [
      '<!-- fault-matrix:start -->',
      '',
      '| Fault | Prometheus metric shown as | PostgreSQL metric shown as | Why, as the row says it (Prometheus) |',
      '|---|---|---|---|',
      ...FAULTS.map((f) => {
        const c = matrix.get(f.fault)!;
        return `| ${f.fault} | ${c.Prometheus!.shown} | ${c.PostgreSQL!.shown} | ${c.Prometheus!.why} |`;
      }),
      '',
      "In every case the other source's metrics keep their status and the panel shows the scorecard.",
      '',
      '<!-- fault-matrix:end -->',
    ].join('\n');
    const next = `${text.slice(0, start)}${table}${text.slice(end + '<!-- fault-matrix:end -->'.length)}`;
    if (process.env.CANDOR_UPDATE_DOCS === '1') {
      writeFileSync(doc, next);
    } else if (loose(next) !== loose(text)) {
      throw new Error(
        'docs/reliability.md: the fault matrix differs from what the code does; run CANDOR_UPDATE_DOCS=1 npx jest src/datasource/faultMatrix.test.ts'
      );
    }
  });
});
