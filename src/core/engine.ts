/**
 * One refresh, after the queries came back: frames and errors per refId -> observations -> scorecard -> rows and
 * meta (docs/frames.md). The datasource and `candor evaluate` both call `runEngine`, so a response pasted into the
 * CLI gives exactly the rows the panel showed.
 *
 * As-of time: the evaluation time is the dashboard range's `to`. When `to` is "now" the caller passes the wall
 * clock as `now` (so freshness is judged against the present); a past `to` shows the scorecard as it stood then.
 */
import { ACTION_QUERY_LIMIT, actionsFromAnnotations, type AnnotationLike } from './actions';
import { attentionItems, pillarAnswer } from './attention';
import type { ValueFormatter } from './evidence';
import type { Fingerprint } from './fingerprint';
import { observationFromFrames, type FrameLike } from './frames';
import { freshnessRefId, withLoadTime } from './freshness';
import { sourceLabelOf, toRows, type ScorecardMeta, type ScorecardRow, FRAME_SCHEMA_VERSION } from './rows';
import { evaluateScorecard } from './scorecard';
import { overallOf, summaryEntries } from './summary';
import { tierSummaries } from './tiers';
import type { Catalog, MetricDef, Observation, WithWarnings } from './types';
import { bareRecord } from './own';

export interface Selection {
  pillars?: string[];
  metrics?: string[];
  /**
   * With a selection: also evaluate the catalog's summary metrics, shown above the pillars; outside the selection
   * they join no pillar but count in the overall verdict (summary.ts). Without a selection the summary is shown.
   */
  summary?: boolean;
}

const isWhole = (s: Selection) => !s.pillars?.some(Boolean) && !s.metrics?.some(Boolean);

/** The summary metrics a selection shows (summary.ts). */
export function summaryIds(catalog: Catalog, selection: Selection): string[] {
  return isWhole(selection) || selection.summary === true ? (catalog.scorecard.summary ?? []) : [];
}

/** Every metric a selection needs queried: the selected ones and its summary's. */
export function metricsToQuery(catalog: Catalog, selection: Selection): MetricDef[] {
  const selected = new Set(selectMetrics(catalog, selection).result.map((m) => m.id));
  summaryIds(catalog, selection).forEach((id) => selected.add(id));
  return catalog.metrics.filter((m) => selected.has(m.id));
}

/** The selected metrics: all, or those in the selected pillars plus the selected metric ids (unknown ids warned). */
export function selectMetrics(catalog: Catalog, selection: Selection): WithWarnings<MetricDef[]> {
  const pillars = selection.pillars?.filter(Boolean) ?? [];
  const metrics = selection.metrics?.filter(Boolean) ?? [];
  const warnings = [
    ...pillars
      .filter((p) => !catalog.pillars.some((x) => x.id === p))
      .map((p) => `selection: no pillar "${p}" in the catalog`),
    ...metrics
      .filter((m) => !catalog.metrics.some((x) => x.id === m))
      .map((m) => `selection: no metric "${m}" in the catalog`),
  ];
  if (pillars.length === 0 && metrics.length === 0) {
    return { result: catalog.metrics, warnings };
  }
  return { result: catalog.metrics.filter((m) => pillars.includes(m.pillar) || metrics.includes(m.id)), warnings };
}

export interface EngineInput {
  catalog: Catalog;
  fingerprint: Fingerprint;
  approval?: unknown;
  selection: Selection;
  frames: FrameLike[];
  /** Per-refId failures reported by Grafana (one query failed, its datasource answered an error, …). */
  errors: Array<{ refId: string; message: string }>;
  asOf: number;
  asOfIsNow: boolean;
  /** The evaluation time: `asOf`, or the wall clock when `asOfIsNow`. */
  now: number;
  /**
   * The wall clock, also in a past view: no load time may lie beyond it (freshness.ts). Absent, only a view as of
   * now checks that (against `now`).
   */
  wallClock?: number;
  /** Datasource display names by uid, for evidence ("Prometheus (candor-prometheus): …"). */
  sourceNames?: Record<string, string>;
  format?: ValueFormatter;
  /**
   * The answer of Grafana's annotations API for the scorecard's actions (actions.ts `actionsQuery`), or why it
   * could not be read. Absent: no action is known (the CLI without --annotations, the catalog tests).
   */
  annotations?: { list: AnnotationLike[] } | { error: string };
}

export interface EngineOutput {
  rows: ScorecardRow[];
  meta: ScorecardMeta;
}

export function runEngine(input: EngineInput): WithWarnings<EngineOutput> {
  const { catalog } = input;
  const selected = selectMetrics(catalog, input.selection);
  const warnings = [...selected.warnings];
  const observations = bareRecord<Observation>();
  // Frames and errors by refId once: each metric then finds its own without scanning them all.
  const framesOf = new Map<string, FrameLike[]>();
  for (const f of input.frames) {
    const list = framesOf.get(f.refId ?? '');
    if (list) {
      list.push(f);
    } else {
      framesOf.set(f.refId ?? '', [f]);
    }
  }
  const errorOf = new Map<string, { refId: string; message: string }>();
  input.errors.forEach((e) => errorOf.has(e.refId) || errorOf.set(e.refId, e));
  for (const def of metricsToQuery(catalog, input.selection)) {
    const source = sourceLabelOf(def, input.sourceNames);
    const error = errorOf.get(def.id);
    if (error) {
      observations[def.id] = { error: error.message, source };
      continue;
    }
    const read = observationFromFrames({
      metricId: def.id,
      frames: framesOf.get(def.id) ?? [],
      source,
    });
    // A freshness query (freshness.ts) says when the data was last loaded; evidence ends there.
    const loadRef = freshnessRefId(def.id);
    const loaded = withLoadTime({
      def,
      observation: read.observation,
      frames: framesOf.get(loadRef) ?? [],
      error: errorOf.get(loadRef),
      source,
      now: input.now,
      asOfIsNow: input.asOfIsNow,
      wallClock: input.wallClock,
    });
    observations[def.id] = loaded.result;
    warnings.push(...read.warnings, ...loaded.warnings);
  }
  const read = readActions(input);
  warnings.push(...read.warnings);
  const evaluated = evaluateScorecard({
    catalog,
    observations,
    now: input.now,
    format: input.format,
    only: selected.result.map((m) => m.id),
    actions: read.actions,
  });
  warnings.push(...evaluated.warnings);
  const { scorecard } = evaluated.result;
  const rows = toRows(catalog, evaluated.result, input.sourceNames);
  const summary = summaryIds(catalog, input.selection);
  const outside = summary.filter((id) => !selected.result.some((m) => m.id === id));
  // Summary metrics outside the selection are evaluated on their own: shown above the pillars, in no pillar, but
  // in the overall verdict, the tiers and what needs attention: what the page shows, the verdict covers.
  const extra =
    outside.length === 0
      ? []
      : toRows(
          catalog,
          evaluateScorecard({
            catalog,
            observations,
            now: input.now,
            format: input.format,
            only: outside,
            actions: read.actions,
          }).result,
          input.sourceNames
        ).map((r) => ({ ...r, summary_only: true }));
  const all = [...rows, ...extra];
  const order = new Map(catalog.pillars.map((p) => [p.id, p.order]));
  const meta: ScorecardMeta = {
    schemaVersion: FRAME_SCHEMA_VERSION,
    scorecardId: catalog.scorecard.id,
    title: catalog.scorecard.title,
    catalogVersion: catalog.scorecard.version,
    fingerprint: input.fingerprint.full,
    fingerprintShort: input.fingerprint.short,
    ...(input.approval === undefined ? {} : { approval: input.approval }),
    asOf: input.asOf,
    asOfIsNow: input.asOfIsNow,
    overall: overallOf(scorecard, extra),
    pillars: scorecard.pillars.map((p) => ({
      id: p.id,
      title: p.title,
      question: p.question,
      order: order.get(p.id) ?? 0,
      colour: p.colour,
      score: p.score,
      ...(pillarOwner(catalog, p.id) ? { owner: pillarOwner(catalog, p.id) } : {}),
      ...(p.worst ? { worstMetricId: p.worst.metricId } : {}),
      answer: pillarAnswer(
        rows.filter((r) => r.pillar_id === p.id),
        input.now
      ),
    })),
    selection: input.selection,
    attention: attentionItems(all, input.now),
    tiers: tierSummaries(all, input.now),
    summary: summaryEntries(all, summary),
    actions: read.state,
  };
  return { result: { rows: all, meta }, warnings };
}

const pillarOwner = (catalog: Catalog, id: string) => catalog.pillars.find((p) => p.id === id)?.owner;

/** The actions among the annotations, and whether they could be read (a notice says what that means). */
function readActions(input: EngineInput) {
  const source = input.annotations;
  if (!source) {
    return { actions: [], warnings: [], state: { read: false, count: 0 } };
  }
  if ('error' in source) {
    return {
      actions: [],
      warnings: [
        `Actions could not be read (${source.error}): no recorded action is counted, so amber escalates after its grace period`,
      ],
      state: { read: false, count: 0, error: source.error },
    };
  }
  const { actions, warnings } = actionsFromAnnotations(source.list, input.catalog.scorecard.id);
  if (source.list.length >= ACTION_QUERY_LIMIT) {
    warnings.push(
      `${source.list.length} action annotations were read, the most one query returns: older actions may be missing, and amber without its action escalates`
    );
  }
  return { actions, warnings, state: { read: true, count: actions.length } };
}
