/**
 * Test factories: a small valid catalog and metric, changed by overrides. Everything is relative to FIXED_NOW so
 * no test depends on the clock.
 */
import { runEngine } from '../engine';
import { fingerprint } from '../fingerprint';
import type { FrameLike } from '../frames';
import type { Catalog, MetricDef, PillarDef, Series } from '../types';

export const FIXED_NOW = Date.parse('2026-11-16T12:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function createMetric(overrides: Partial<MetricDef> = {}): MetricDef {
  return {
    id: 'uptime',
    pillar: 'reliability',
    name: 'Uptime',
    description: 'Share of successful probes over 30 days.',
    owner: 'Head of SRE',
    indicator: 'leading',
    unit: 'percentunit',
    direction: 'higher-is-better',
    target: 0.999,
    thresholds: { green: 0.999, amber: 0.995 },
    freshness: { maxAge: '15m' },
    tier: 'critical',
    trend: { window: '7d' },
    links: [{ title: 'Runbook', url: 'https://runbooks.example.com/uptime' }],
    source: { prometheus: { datasourceUid: 'prom', expr: 'avg_over_time(probe_success[30d])' } },
    ...overrides,
  };
}

export function createPillar(overrides: Partial<PillarDef> = {}): PillarDef {
  return {
    id: 'reliability',
    title: 'Platform Reliability',
    question: 'Is the platform stable right now?',
    order: 1,
    ...overrides,
  };
}

export function createCatalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    apiVersion: 'candor/v1',
    scorecard: { id: 'test-scorecard', title: 'Test scorecard', version: '1' },
    pillars: [createPillar()],
    metrics: [createMetric()],
    ...overrides,
  };
}

/** A series of `values` one `stepMs` apart, the last at `end` (default FIXED_NOW). */
export function createSeries(
  values: Array<number | null>,
  opts: { end?: number; stepMs?: number; labels?: Record<string, string> } = {}
): Series {
  const end = opts.end ?? FIXED_NOW;
  const step = opts.stepMs ?? HOUR;
  return { labels: opts.labels, times: values.map((_, i) => end - (values.length - 1 - i) * step), values };
}

const TABLE = { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1', format: 'table' as const } };

/**
 * A SQL metric with a freshness query (freshness.ts): late orders, a fraction, lower is better, green to 2%, amber
 * to 5%, stale 2 h after the last load.
 */
export function createSqlMetric(overrides: Partial<MetricDef> = {}): MetricDef {
  return createMetric({
    id: 'orders-late',
    name: 'Late orders',
    unit: 'percentunit',
    direction: 'lower-is-better',
    target: 0.01,
    thresholds: { green: 0.02, amber: 0.05 },
    freshness: { maxAge: '2h', sql: 'SELECT max(loaded_at) AS time FROM load_log' },
    source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } },
    ...overrides,
  });
}

/** A risk register as the executive catalog has it: exposure (0–5) green to 1.5, amber to 3. */
export function createRisks(overrides: Partial<MetricDef> = {}): MetricDef {
  return createMetric({
    id: 'risks',
    unit: 'none',
    domain: { min: 0, max: 5 },
    direction: 'lower-is-better',
    target: 1.5,
    thresholds: { green: 1.5, amber: 3 },
    freshness: { maxAge: '7d' },
    register: { kind: 'risks' },
    items: { label: 'risk' },
    source: TABLE,
    ...overrides,
  });
}

/** An initiatives register: points against the plan, on track within 10, red beyond 30 behind. */
export function createInitiatives(overrides: Partial<MetricDef> = {}): MetricDef {
  return createMetric({
    id: 'initiatives',
    unit: 'percent',
    domain: { change: true },
    target: 0,
    thresholds: { green: -10, amber: -30 },
    freshness: { maxAge: '7d' },
    register: { kind: 'initiatives' },
    items: { label: 'initiative' },
    source: TABLE,
    ...overrides,
  });
}

/** The whole catalog through the engine as a dashboard ending at `asOf` shows it (a past `to`: `now` is `asOf`). */
export function engineAsOf(input: {
  catalog: Catalog;
  frames: FrameLike[];
  errors: Array<{ refId: string; message: string }>;
  asOf: number;
}) {
  const { catalog, frames, errors, asOf } = input;
  return runEngine({
    catalog,
    fingerprint: fingerprint(catalog),
    selection: {},
    frames,
    errors,
    asOf,
    asOfIsNow: false,
    now: asOf,
  });
}
