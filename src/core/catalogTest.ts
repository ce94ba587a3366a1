/**
 * Catalog unit tests, in the spirit of `promtool test rules`: input series per metric, an evaluation time, and the
 * expected status of metrics, items, pillars and the overall scorecard. The format is documented in docs/catalog.md.
 * A metric not listed under `series` has no data. An expectation on a bare metric id of an items metric checks its
 * worst item (the same total order as the rollup).
 */
import { parseDuration, parseInstant } from './duration';
import type { ItemResult } from './evaluate';
import { expandValues, toPoints } from './notation';
import { seriesOf } from './series';
import { compareWorse } from './rollup';
import { evaluateScorecard } from './scorecard';
import type { Catalog, Observation, Problem, Series } from './types';
import { testFileShapeProblems } from './catalogTestShape';
import { actionFromAnnotation, annotationForAction, closedTags, endOfDay, type Action } from './actions';
import { bareRecord, own } from './own';

export interface TestCase {
  name: string;
  interval?: string;
  series?: Record<string, SeriesSpec | SeriesSpec[] | { error: string }>;
  /**
   * When each metric's freshness query (freshness.ts) says its data was last loaded: a duration before the
   * evaluation time, or `never`. A metric with `freshness.sql` that is not listed was loaded at the evaluation time.
   */
  loaded?: Record<string, string>;
  /** Actions the owners recorded (escalate.ts): `ago` when recorded (default 1h), `done` how long ago closed. */
  actions?: ActionSpec[];
  expect: {
    metrics?: Record<string, string>;
    /** The colour shown after escalation. */
    shown?: Record<string, string>;
    /** The alert tier after escalation. */
    tiers?: Record<string, string>;
    pillars?: Record<string, string>;
    overall?: string;
    /** The overall health score is at most this (it never reads healthy while something is wrong). */
    scoreAtMost?: number;
    /** Text the evidence (or the goal sentence) of an item must contain: a forecast, a projection, a reason. */
    evidence?: Record<string, string>;
  };
}
interface ActionSpec {
  metric: string;
  item?: string;
  owner: string;
  text?: string;
  ago?: string;
  due: string;
  done?: string;
}
interface SeriesSpec {
  labels?: Record<string, string>;
  values: string;
  ago?: string;
  /** The column the values are (a register's `progress`, `probability`, …). */
  field?: string;
}
export interface TestFile {
  catalog: string;
  evaluationTime: string;
  tests: TestCase[];
}

const EXPECT_KEYS = ['metrics', 'shown', 'tiers', 'pillars', 'overall', 'scoreAtMost', 'evidence'];

export interface TestOutcome {
  name: string;
  failures: string[];
}

/** Structural problems of a test file, with paths. */
export function testFileProblems(data: unknown): Problem[] {
  const f = data as Partial<TestFile> | null;
  const problems: Problem[] = [];
  if (!f || typeof f !== 'object') {
    return [{ path: '(file)', message: 'must be a mapping with catalog, evaluationTime and tests' }];
  }
  if (typeof f.catalog !== 'string') {
    problems.push({ path: 'catalog', message: 'must name the catalog file (relative to the test file)' });
  }
  if (typeof f.evaluationTime !== 'string' || parseInstant(f.evaluationTime) === undefined) {
    problems.push({
      path: 'evaluationTime',
      message: 'must be an ISO 8601 time with a zone, such as 2026-11-16T12:00:00Z',
    });
  }
  if (!Array.isArray(f.tests) || f.tests.length === 0) {
    problems.push({ path: 'tests', message: 'must list at least one test' });
  }
  return [...problems, ...testFileShapeProblems(f as Record<string, unknown>)];
}

function observationsFor(t: TestCase, now: number): { observations: Record<string, Observation>; errors: string[] } {
  const intervalMs = parseDuration(t.interval ?? '1h');
  const errors: string[] = [];
  const observations = bareRecord<Observation>();
  if (intervalMs === undefined) {
    return { observations, errors: [`interval: "${t.interval}" is not a duration`] };
  }
  for (const [id, spec] of Object.entries(t.series ?? {})) {
    if (spec === null || typeof spec !== 'object') {
      errors.push(`series.${id}: must be a series ({ values: "…" }), a list of series, or { error: "…" }`);
      continue;
    }
    if (!Array.isArray(spec) && 'error' in spec) {
      observations[id] = { error: String(spec.error), source: 'test' };
      continue;
    }
    const series: Series[] = [];
    for (const [i, s] of (Array.isArray(spec) ? spec : [spec]).entries()) {
      const where = Array.isArray(spec) ? `series.${id}[${i}]` : `series.${id}`;
      const expanded = expandValues(String(s.values ?? ''));
      const ago = s.ago === undefined ? 0 : parseDuration(s.ago);
      if (expanded.error || ago === undefined) {
        errors.push(`${where}: ${expanded.error ?? `ago "${s.ago}" is not a duration`}`);
        continue;
      }
      const points = toPoints(expanded.values!, now - ago, intervalMs);
      series.push(seriesOf(points, { labels: s.labels, ...(typeof s.field === 'string' ? { field: s.field } : {}) }));
    }
    observations[id] = { series };
  }
  return { observations, errors };
}

/** Sets each freshness-query metric's load time from `loaded` (default: the evaluation time); problems with paths. */
function applyLoads(t: TestCase, catalog: Catalog, now: number, observations: Record<string, Observation>): string[] {
  const loaded = t.loaded ?? {};
  const errors = Object.keys(loaded)
    .filter((id) => catalog.metrics.find((m) => m.id === id)?.freshness.sql === undefined)
    .map((id) => `loaded.${id}: no metric with a freshness query has this id`);
  for (const m of catalog.metrics) {
    const observation = observations[m.id] ?? { series: [] };
    if (m.freshness.sql === undefined || 'error' in observation) {
      continue;
    }
    const spec = own(loaded, m.id);
    const ago = spec === undefined ? 0 : spec === 'never' ? undefined : parseDuration(spec);
    if (spec !== undefined && spec !== 'never' && ago === undefined) {
      errors.push(`loaded.${m.id}: "${spec}" is not a duration (or never)`);
      continue;
    }
    observations[m.id] = { ...observation, loadedAt: ago === undefined ? null : now - ago };
  }
  return errors;
}

/**
 * The test's actions, relative to the evaluation time, written as the annotations Grafana would hold (recorded `ago`,
 * closed `done` ago) and read back through actions.ts, so a test counts an action exactly as the scorecard does
 * (the 90-day due cap, trimmed tags, a close never before the recording). Each problem with its path.
 */
function actionsFor(t: TestCase, catalog: Catalog, now: number): { actions: Action[]; errors: string[] } {
  const actions: Action[] = [];
  const errors: string[] = [];
  (Array.isArray(t.actions) ? t.actions : []).forEach((a, i) => {
    const where = `actions[${i}]`;
    if (a === null || typeof a !== 'object' || [a.item, a.text].some((v) => v !== undefined && typeof v !== 'string')) {
      errors.push(`${where}: must be { metric, owner, due, ago?, done?, item?, text? } with text values`);
      return;
    }
    const ago = parseDuration(a.ago ?? '1h');
    const done = a.done === undefined ? undefined : parseDuration(a.done);
    const problems = [
      !catalog.metrics.some((m) => m.id === a.metric) && `${where}.metric: no such metric in the catalog`,
      a.item === '' && `${where}.item: must name an item (leave it out for every item)`,
      ago === undefined && `${where}.ago: "${a.ago}" is not a duration`,
      a.done !== undefined && done === undefined && `${where}.done: "${a.done}" is not a duration`,
      endOfDay(String(a.due)) === undefined && `${where}.due: "${a.due}" is not a day written YYYY-MM-DD`,
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0 || ago === undefined) {
      errors.push(...problems);
      return;
    }
    const { tags, text } = annotationForAction({
      scorecardId: catalog.scorecard.id,
      metricId: String(a.metric),
      ...(a.item === undefined ? {} : { item: a.item }),
      owner: String(a.owner),
      text: a.text ?? 'test action',
      dueDate: String(a.due),
    });
    const closed = done === undefined ? {} : { timeEnd: now - done, updated: now - done };
    const annotation = { id: i + 1, time: now - ago, created: now - ago, text, ...closed };
    const read = actionFromAnnotation({ ...annotation, tags: done === undefined ? tags : closedTags(tags) });
    if (read.action) {
      actions.push(read.action);
    } else {
      errors.push(`${where}: ${read.warning}`);
    }
  });
  return { actions, errors };
}

/** The result a key names: `id/item` that item, a bare `id` its worst item (whose evidence then explains it). */
function resultOf(items: ItemResult[], key: string): ItemResult | undefined {
  const [id, item] = key.split('/');
  const mine = items.filter((r) => r.metricId === id && (item === undefined || r.item === item));
  return mine.reduce<ItemResult | undefined>((w, r) => (!w || compareWorse(r, w) > 0 ? r : w), undefined);
}

export function runCatalogTests(catalog: Catalog, file: TestFile): TestOutcome[] {
  const now = parseInstant(file.evaluationTime)!;
  return file.tests.map((t, i) => {
    const name = t.name ?? `tests[${i}]`;
    const { observations, errors } = observationsFor(t, now);
    errors.push(...applyLoads(t, catalog, now, observations));
    const recorded = actionsFor(t, catalog, now);
    const unknown = Object.keys(t.series ?? {}).filter((id) => !catalog.metrics.some((m) => m.id === id));
    const failures = [
      ...errors,
      ...recorded.errors,
      ...unknown.map((id) => `series.${id}: no such metric in the catalog`),
    ];
    const expectKeys = Object.keys(t.expect ?? {});
    expectKeys
      .filter((k) => !EXPECT_KEYS.includes(k))
      .forEach((k) => failures.push(`expect.${k}: unknown key (expected ${EXPECT_KEYS.join(', ')})`));
    if (expectKeys.length === 0) {
      failures.push('expect: the test expects nothing; a test without an expectation proves nothing');
    }
    const { items, scorecard } = evaluateScorecard({ catalog, observations, now, actions: recorded.actions }).result;
    const check = (what: string, expected: string, got: string | undefined, evidence?: string) => {
      if (expected !== got) {
        failures.push(
          `${what}: expected ${expected}, got ${got ?? 'nothing (no such metric or item)'}${evidence ? ` — ${evidence}` : ''}`
        );
      }
    };
    for (const [key, expected] of Object.entries(t.expect?.metrics ?? {})) {
      // The evidence shown is the deciding result's own, never another item's.
      const decided = resultOf(items, key);
      const evidence = decided
        ? `${decided.item === undefined ? '' : `${decided.item}: `}${decided.evidence}`
        : undefined;
      check(`metric ${key}`, expected, decided?.status, evidence);
    }
    // Shown colours and tiers after escalation, with the escalation's reason as the evidence.
    for (const [key, expected] of Object.entries(t.expect?.shown ?? {})) {
      const decided = resultOf(items, key);
      const why = decided?.escalations?.map((e) => e.reason).join('; ') || decided?.evidence;
      check(`shown ${key}`, expected, decided?.colour, why);
    }
    const tiers = new Map(catalog.metrics.map((m) => [m.id, m.tier]));
    for (const [key, expected] of Object.entries(t.expect?.tiers ?? {})) {
      const decided = resultOf(items, key);
      const tier = decided && (decided.alertTier ?? tiers.get(decided.metricId));
      check(`tier ${key}`, expected, tier, decided?.escalations?.map((e) => e.reason).join('; '));
    }
    for (const [id, expected] of Object.entries(t.expect?.pillars ?? {})) {
      check(`pillar ${id}`, expected, scorecard.pillars.find((p) => p.id === id)?.colour);
    }
    if (t.expect?.overall !== undefined) {
      check('overall', t.expect.overall, scorecard.colour);
    }
    const most = t.expect?.scoreAtMost;
    if (typeof most === 'number' && scorecard.score > most) {
      failures.push(`score: expected at most ${most}, got ${scorecard.score}`);
    }
    for (const [key, text] of Object.entries(t.expect?.evidence ?? {})) {
      const decided = resultOf(items, key);
      const said = decided ? [decided.evidence, decided.goalText ?? ''].join(' | ') : undefined;
      if (!said?.includes(text)) {
        failures.push(
          `evidence ${key}: expected to contain "${text}", got ${said ?? 'nothing (no such metric or item)'}`
        );
      }
    }
    return { name, failures };
  });
}
