/**
 * One Grafana alert rule per active metric, querying the SOURCE datasource directly (a frontend datasource cannot
 * alert) with the query the scorecard sends (`buildSourceQuery`), and firing when the metric is red:
 *
 *   A  the source query over [now − freshness.maxAge, now]
 *   B  Reduce: last, dropping NaN/±Inf/null (the latest finite sample, as the scorecard judges)
 *   C  Threshold on B at the AMBER boundary: `gt` (lower-is-better), `lt` (higher-is-better), `outside_range`
 *      (within); all strict, because the boundary itself is amber (inclusive on the better side). For a metric
 *      with items, C is a Math expression comparing each item with its own amber boundary, read from a constant
 *      companion query T (L and H for bands) labelled like the items.
 *   F  (a SQL metric with `freshness.sql`, alertFreshness.ts) the age in seconds of its last load: +Inf when no
 *      load is recorded; A is then cut at the load, and C is a Math expression that also fires when F is older
 *      than maxAge (or that far in the future).
 *
 * No data and errors fire too (`noDataState: Alerting`, `execErrState: Alerting`). See docs/provisioning.md.
 */
import { metricDomain } from '../core/domain';
import { formatExact } from '../core/format';
import { parseDuration } from '../core/duration';
import { buildSourceQuery, POSTGRES_TYPE, PROMETHEUS_TYPE } from '../core/queries';
import { isPrometheus, type Boundary, type Catalog, type MetricDef, type PillarDef } from '../core/types';
import {
  activeMetrics,
  ALERT_FOLDER_TITLE,
  alertRuleUid,
  type CatalogInput,
  dashboardUid,
  DEFAULT_SITE,
  generatedHeader,
  type GeneratedFile,
  type Site,
} from './context';
import { freshnessQueryOf } from '../core/freshness';
import { loadAgeSql, staleCondition, untilLoadSql } from './alertFreshness';
import { escapeDollars, escapeStrings } from './escape';
import { toYaml } from './yaml';
import { own } from '../core/own';

export const RULE_GROUP_INTERVAL = '5m';
const EXPR = { type: '__expr__', uid: '__expr__' };
const NO_RANGE = { from: 0, to: 0 };

type Query = { refId: string; relativeTimeRange: { from: number; to: number }; datasourceUid: string; model: object };

/**
 * The catalog's query as the scorecard sends it, over the freshness window, as refId A; cut at the load time when
 * the metric has a freshness query (alertFreshness.ts). Never escaped: Grafana reads rule models raw.
 */
export function sourceQuery(m: MetricDef): Query {
  const maxAge = parseDuration(m.freshness.maxAge) ?? 15 * 60_000;
  const query = buildSourceQuery(m, { from: 0, to: maxAge }, (text) => text);
  const cut = untilLoadSql(m);
  return {
    refId: 'A',
    relativeTimeRange: { from: Math.round(maxAge / 1000), to: 0 },
    datasourceUid: query.datasource.uid,
    model: { ...query, refId: 'A', ...(cut === undefined ? {} : { rawSql: cut }) },
  };
}

const expression = (refId: string, model: object): Query => ({
  refId,
  relativeTimeRange: NO_RANGE,
  datasourceUid: '__expr__',
  model: { refId, datasource: EXPR, ...model },
});

function thresholdEvaluator(m: MetricDef, amber: Boundary): { type: string; params: number[] } {
  if (m.direction === 'within') {
    return { type: 'outside_range', params: amber as [number, number] };
  }
  return { type: m.direction === 'lower-is-better' ? 'gt' : 'lt', params: [amber as number] };
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const promText = (s: string) => JSON.stringify(s);

/** A constant query on the metric's source: one number per item, labelled with the items label. */
function itemConstants(m: MetricDef, refId: string, pick: (b: Boundary) => number): Query {
  const items = m.items!;
  const names = [...new Set([...(items.expected ?? []), ...Object.keys(items.thresholds ?? {})])];
  const values = names.map((item) => {
    const amber = (own(items.thresholds, item) ?? m.thresholds).amber;
    return [item, pick(amber)] as const;
  });
  if (isPrometheus(m.source)) {
    const expr = values
      .map(([item, v]) => `label_replace(vector(${v}), ${promText(items.label)}, ${promText(item)}, "", "")`)
      .join(' or ');
    const model = {
      refId,
      datasource: { type: PROMETHEUS_TYPE, uid: m.source.prometheus.datasourceUid },
      expr,
      instant: true,
      range: false,
      editorMode: 'code',
    };
    return { refId, relativeTimeRange: { from: 600, to: 0 }, datasourceUid: m.source.prometheus.datasourceUid, model };
  }
  const rows = values.map(([item, v]) => `(${sqlText(item)}, ${v}::float8)`).join(', ');
  const label = `"${items.label.replace(/"/g, '""')}"`;
  const rawSql = `SELECT ${label}, amber FROM (VALUES ${rows}) AS t(${label}, amber)`;
  const uid = m.source.sql.datasourceUid;
  const model = {
    refId,
    datasource: { type: POSTGRES_TYPE, uid },
    rawSql,
    format: 'table',
    rawQuery: true,
    editorMode: 'code',
  };
  return { refId, relativeTimeRange: { from: 600, to: 0 }, datasourceUid: uid, model };
}

/**
 * The side of the metric's domain (core/domain.ts) that the amber condition does not already cover: an impossible
 * value fires too, as the scorecard shows it as an error. Higher-is-better fires below amber, so only a value above
 * the domain's maximum (a percentage fed to a fraction, 80 for 0.8) needs adding; lower-is-better, only a value below
 * its minimum (a negative count). `within` bands lie inside the domain, so outside them already covers it.
 */
function domainGuard(m: MetricDef): string {
  const d = metricDomain(m);
  if (m.direction === 'higher-is-better' && Number.isFinite(d.max)) {
    return ` || $B > ${d.max}`;
  }
  if (m.direction === 'lower-is-better' && Number.isFinite(d.min)) {
    return ` || $B < ${d.min}`;
  }
  return '';
}

/** F (alertFreshness.ts): the age of the last load in seconds, for a SQL metric with a freshness query. */
export function loadAgeQuery(m: MetricDef): Query | undefined {
  const load = freshnessQueryOf(m);
  if (!load) {
    return undefined;
  }
  const uid = load.datasourceUid;
  const rawSql = loadAgeSql(load.sql);
  const model = {
    refId: 'F',
    datasource: { type: POSTGRES_TYPE, uid },
    rawSql,
    format: 'table',
    rawQuery: true,
    editorMode: 'code',
  };
  return { refId: 'F', relativeTimeRange: sourceQuery(m).relativeTimeRange, datasourceUid: uid, model };
}

/** The rule's queries and expressions; the condition is always C. */
export function ruleData(m: MetricDef): Query[] {
  const reduce = expression('B', { type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } });
  const queries = [sourceQuery(m), reduce];
  const guard = domainGuard(m);
  const age = loadAgeQuery(m);
  const ages = age ? [age] : [];
  const stale = staleCondition(m);
  const math = (text: string) => expression('C', { type: 'math', expression: `${text}${stale}` });
  if (Object.keys(m.items?.thresholds ?? {}).length === 0) {
    const evaluator = thresholdEvaluator(m, m.thresholds.amber);
    if (guard === '' && !age) {
      return [...queries, expression('C', { type: 'threshold', expression: 'B', conditions: [{ evaluator }] })];
    }
    const [a, b] = evaluator.params;
    const beyond =
      evaluator.type === 'outside_range' ? `$B < ${a} || $B > ${b}` : `$B ${evaluator.type === 'gt' ? '>' : '<'} ${a}`;
    return [...queries, ...ages, math(`${beyond}${guard}`)];
  }
  if (m.direction === 'within') {
    const low = itemConstants(m, 'L', (b) => (b as [number, number])[0]);
    const high = itemConstants(m, 'H', (b) => (b as [number, number])[1]);
    return [...queries, low, high, ...ages, math('$B < $L || $B > $H')];
  }
  const op = m.direction === 'lower-is-better' ? '>' : '<';
  const t = itemConstants(m, 'T', (b) => b as number);
  return [...queries, t, ...ages, math(`$B ${op} $T${guard}`)];
}

/** Alert annotations are Go templates: catalog text must not start one. */
const literal = (text: string) => text.replace(/\{\{/g, '{{ "{{" }}');

function boundaryText(m: MetricDef, b: Boundary): string {
  const fmt = (v: number) => formatExact(v, m.unit);
  return Array.isArray(b) ? `${fmt(b[0])}…${fmt(b[1])}` : fmt(b);
}

function redText(m: MetricDef, amber: Boundary): string {
  if (m.direction === 'within') {
    return `outside ${boundaryText(m, amber)}`;
  }
  return `${m.direction === 'lower-is-better' ? 'above' : 'below'} ${boundaryText(m, amber)}`;
}

export function evidenceText(m: MetricDef): string {
  const itemThresholds = Object.entries(m.items?.thresholds ?? {});
  const rule =
    itemThresholds.length > 0
      ? `Red per ${m.items!.label} beyond its amber boundary: ${itemThresholds.map(([item, t]) => `${item} ${redText(m, t.amber)}`).join(', ')}; any other ${m.items!.label} ${redText(m, m.thresholds.amber)}.`
      : `Red ${redText(m, m.thresholds.amber)} (the amber boundary); green ${m.direction === 'within' ? 'within' : 'up to'} ${boundaryText(m, m.thresholds.green)}; target ${boundaryText(m, m.target)}.`;
  return (
    `${rule} Judged on the latest finite value of the last ${m.freshness.maxAge} (its freshness)` +
    (m.freshness.sql ? `, and fires when the last load (F, in seconds) is older than ${m.freshness.maxAge}` : '') +
    '; no data or a failing query fires too. The notification shows the value (B).'
  );
}

export function alertRule(c: Catalog, pillar: PillarDef, m: MetricDef): Record<string, unknown> {
  const annotations: Record<string, string> = {
    summary: literal(`${m.name} (${pillar.title}) is red, or its data is missing or failing.`),
    question: literal(pillar.question),
    evidence: literal(evidenceText(m)),
    description: literal(m.description),
  };
  if (m.links?.[0]) {
    annotations.runbook_url = literal(m.links[0].url);
  }
  return {
    uid: alertRuleUid(c, m),
    title: escapeDollars(`${m.name} (${c.scorecard.id})`),
    condition: 'C',
    data: ruleData(m),
    dashboardUid: dashboardUid(c),
    panelId: 1,
    noDataState: 'Alerting',
    execErrState: 'Alerting',
    for: '0s',
    annotations,
    labels: escapeStrings({ scorecard: c.scorecard.id, pillar: m.pillar, metric: m.id, owner: m.owner, tier: m.tier }),
    isPaused: false,
  };
}

/** One rule group per pillar (in pillar order), each rule in the group of its metric's pillar. */
export function alertRuleGroups(c: Catalog, site: Site = DEFAULT_SITE): Array<Record<string, unknown>> {
  const pillars = [...c.pillars].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return (
    pillars
      // Registers (initiatives, risks) are judged row by row by Candor (register.ts): no single threshold alerts them.
      .map((p) => ({ p, metrics: activeMetrics(c).filter((m) => m.pillar === p.id && !m.register) }))
      .filter(({ metrics }) => metrics.length > 0)
      .map(({ p, metrics }) => ({
        orgId: site.orgId,
        name: escapeDollars(`${c.scorecard.id} — ${p.title}`),
        folder: escapeDollars(ALERT_FOLDER_TITLE),
        interval: RULE_GROUP_INTERVAL,
        rules: metrics.map((m) => alertRule(c, p, m)),
      }))
  );
}

export function generateAlertRules(input: CatalogInput, site: Site = DEFAULT_SITE): GeneratedFile {
  const retired = input.catalog.metrics.filter((m) => m.retired).map((m) => m.id);
  const registers = input.catalog.metrics.filter((m) => m.register && !m.retired).map((m) => m.id);
  const header = [
    ...generatedHeader([input]),
    '',
    "One alert rule per active metric, on the metric's source datasource, firing when it is red, has no data or",
    'fails (docs/provisioning.md#alert-rules). Rule models and annotations are read raw by Grafana: their `$` are',
    'not doubled; titles, labels and names are expanded, so theirs are.',
    ...(retired.length > 0 ? [`Retired metrics without a rule: ${retired.join(', ')}.`] : []),
    ...(registers.length > 0
      ? [`Registers without a rule (judged row by row on the scorecard): ${registers.join(', ')}.`]
      : []),
  ];
  return {
    path: `provisioning/alerting/candor-${input.catalog.scorecard.id}.yaml`,
    content: toYaml({ apiVersion: 1, groups: alertRuleGroups(input.catalog, site) }, header),
  };
}
