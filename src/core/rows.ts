/**
 * The scorecard as rows and meta of the frame schema in docs/frames.md (version FRAME_SCHEMA_VERSION), as plain
 * data. The datasource turns them into a DataFrame; the CLI prints them as JSON. One row per metric item.
 */
import type { AttentionItem } from './attention';
import type { SummaryEntry } from './summary';
import type { TierSummary } from './tiers';
import type { ActionSummary } from './escalate';
import { formatChange, formatExact, formatValue } from './format';
import type { ScorecardOutput } from './scorecard';
import { thresholdSummary } from './thresholds';
import { formatTarget } from './targetText';
import {
  isPrometheus,
  labelOf,
  type Boundary,
  type Catalog,
  type Link,
  type MetricDef,
  type Source,
  type Thresholds,
  type Tier,
} from './types';
import { own } from './own';
import { valueStyle } from './valueStyle';
import { metricDomain } from './domain';

export const FRAME_SCHEMA_VERSION = 1;

export interface ScorecardRow {
  pillar_id: string;
  pillar_title: string;
  pillar_question: string;
  pillar_colour: string;
  metric_id: string;
  item: string;
  name: string;
  description: string;
  owner: string;
  unit: string;
  direction: string;
  indicator: string;
  tier: string;
  value: number | null;
  target: number;
  target_high: number;
  status: string;
  colour: string;
  evidence: string;
  previous: number | null;
  change: number | null;
  relative_change: number | null;
  change_quality: string;
  colour_since: number | null;
  colour_since_lower_bound: boolean;
  last_sample: number | null;
  source: string;
  links: Link[];
  sparkline: Array<[number, number]>;
  retired: boolean;
  /** The short name on the scorecard (the catalog's label, else its name). */
  label: string;
  /** The value, target and change as people read them (format.ts): "99.95%", "≥ 99.9%", "+0.09 pt". */
  value_text: string;
  target_text: string;
  change_text: string;
  /** "green ≥ 99.9%, amber ≥ 99.5%, red below": the thresholds the status was judged by. */
  thresholds_text: string;
  /** The alert tier after escalation (escalate.ts); `tier` is the catalog's. */
  alert_tier: string;
  /** Why the item escalated, in words ("Amber for 3 days, no action recorded: shown red"); "" when it did not. */
  escalation: string;
  /** The open action its owner recorded, or null. */
  action: ActionSummary | null;
  /** The source query, for "open in Explore": which datasource and what it runs. */
  query: SourceQuery;
  /** The values are whole numbers (a count): the trend draws steps. */
  integer: boolean;
  /** Where the value stands against its dated goal (goal.ts), "" without a goal. */
  goal_text: string;
  /** A summary metric outside the query's selection: shown in the summary, counted overall, in no pillar. */
  summary_only: boolean;
}

/** A metric's source as the panel needs it to link to Grafana's Explore. */
export interface SourceQuery {
  kind: 'prometheus' | 'sql';
  datasourceUid: string;
  expr?: string;
  rawSql?: string;
  format?: string;
}

export type ColumnType = 'string' | 'number' | 'time' | 'boolean' | 'other';

/** The fields of schema version 1 in the documented order, with their Grafana field types (docs/frames.md). */
export const FRAME_COLUMNS = [
  ['pillar_id', 'string'],
  ['pillar_title', 'string'],
  ['pillar_question', 'string'],
  ['pillar_colour', 'string'],
  ['metric_id', 'string'],
  ['item', 'string'],
  ['name', 'string'],
  ['description', 'string'],
  ['owner', 'string'],
  ['unit', 'string'],
  ['direction', 'string'],
  ['indicator', 'string'],
  ['tier', 'string'],
  ['value', 'number'],
  ['target', 'number'],
  ['target_high', 'number'],
  ['status', 'string'],
  ['colour', 'string'],
  ['evidence', 'string'],
  ['previous', 'number'],
  ['change', 'number'],
  ['relative_change', 'number'],
  ['change_quality', 'string'],
  ['colour_since', 'time'],
  ['colour_since_lower_bound', 'boolean'],
  ['last_sample', 'time'],
  ['source', 'string'],
  ['links', 'other'],
  ['sparkline', 'other'],
  ['retired', 'boolean'],
  ['label', 'string'],
  ['value_text', 'string'],
  ['target_text', 'string'],
  ['change_text', 'string'],
  ['thresholds_text', 'string'],
  ['alert_tier', 'string'],
  ['escalation', 'string'],
  ['action', 'other'],
  ['query', 'other'],
  ['integer', 'boolean'],
  ['goal_text', 'string'],
  ['summary_only', 'boolean'],
] as const satisfies ReadonlyArray<readonly [keyof ScorecardRow, ColumnType]>;

export interface ScorecardMeta {
  schemaVersion: number;
  scorecardId: string;
  title: string;
  catalogVersion: string;
  fingerprint: string;
  fingerprintShort: string;
  approval?: unknown;
  asOf: number;
  asOfIsNow: boolean;
  overall: { colour: string; score: number; openByTier: Record<Tier, number> };
  pillars: Array<{
    id: string;
    title: string;
    question: string;
    order: number;
    colour: string;
    /** The pillar's health score (a department score), under the scorecard's caps (rollup.ts). */
    score?: number;
    /** The role answerable for the pillar. */
    owner?: string;
    worstMetricId?: string;
    /** The question answered from the evaluated rows (attention.ts): "No: P0/P1 incidents above target for 9 days". */
    answer?: string;
  }>;
  selection: { pillars?: string[]; metrics?: string[]; summary?: boolean };
  /** Every red and amber item, worst first, one line each (attention.ts). */
  attention?: AttentionItem[];
  /** The alert tiers: counts, response windows and the oldest breach of each (tiers.ts). */
  tiers?: TierSummary[];
  /** The catalog's summary metrics, in its order, shown above the pillars (summary.ts). */
  summary?: SummaryEntry[];
  /** Whether the owners' actions could be read: without them no action counts and amber escalates. */
  actions?: { read: boolean; count: number; error?: string };
}

function sourceQuery(source: Source): SourceQuery {
  return isPrometheus(source)
    ? { kind: 'prometheus', datasourceUid: source.prometheus.datasourceUid, expr: source.prometheus.expr }
    : {
        kind: 'sql',
        datasourceUid: source.sql.datasourceUid,
        rawSql: source.sql.rawSql,
        format: source.sql.format ?? 'time_series',
      };
}

/** The texts of one item: value, target, change and thresholds, each written once, by the one formatter. */
function texts(def: MetricDef, thresholds: Thresholds, r: { value?: number; change?: number; target: Boundary }) {
  const style = valueStyle(def, thresholds);
  return {
    value_text: r.value === undefined ? '' : formatValue(r.value, style),
    target_text: formatTarget({ target: r.target, direction: def.direction, unit: def.unit }),
    change_text: r.change === undefined ? '' : formatChange(r.change, style, r.value),
    thresholds_text: thresholdSummary(def.direction, thresholds, (v) => formatExact(v, def.unit)),
  };
}

/** "Prometheus (uid)", or the datasource's name when known: "Demo Prometheus (candor-prometheus)". */
export function sourceLabelOf(def: MetricDef, names: Record<string, string> = {}): string {
  const uid = isPrometheus(def.source) ? def.source.prometheus.datasourceUid : def.source.sql.datasourceUid;
  const kind = isPrometheus(def.source) ? 'Prometheus' : 'SQL';
  const name = own(names, uid);
  return name && name !== uid ? `${name} (${uid})` : `${kind} (${uid})`;
}

export function toRows(
  catalog: Catalog,
  output: ScorecardOutput,
  sourceNames: Record<string, string> = {}
): ScorecardRow[] {
  const defs = new Map(catalog.metrics.map((m) => [m.id, m]));
  return output.scorecard.pillars.flatMap((p) =>
    p.items.map((r): ScorecardRow => {
      const def = defs.get(r.metricId)!;
      const [low, high] = Array.isArray(r.target) ? r.target : [r.target, r.target];
      const thresholds = (r.item !== undefined && own(def.items?.thresholds, r.item)) || def.thresholds;
      return {
        pillar_id: p.id,
        pillar_title: p.title,
        pillar_question: p.question,
        pillar_colour: p.colour,
        metric_id: r.metricId,
        item: r.item ?? '',
        name: def.name,
        description: def.description,
        owner: r.owner ?? def.owner,
        unit: def.unit,
        direction: def.direction,
        indicator: def.indicator,
        tier: def.tier,
        value: r.value ?? null,
        target: low,
        target_high: high,
        status: r.status,
        colour: r.colour,
        evidence: r.evidence,
        previous: r.previous ?? null,
        change: r.change ?? null,
        relative_change: r.relativeChange ?? null,
        change_quality: r.changeQuality ?? '',
        colour_since: r.colourSince ?? null,
        colour_since_lower_bound: r.colourSinceIsLowerBound,
        last_sample: r.lastSampleTime ?? null,
        source: sourceLabelOf(def, sourceNames),
        links: def.links ?? [],
        sparkline: r.sparkline,
        retired: r.retired,
        label: labelOf(def),
        ...texts(def, thresholds, r),
        ...(r.valueText === undefined ? {} : { value_text: r.valueText }),
        ...(r.targetText === undefined ? {} : { target_text: r.targetText }),
        alert_tier: r.alertTier ?? def.tier,
        escalation: (r.escalations ?? []).map((e) => e.reason).join('; '),
        action: r.action ?? null,
        query: sourceQuery(def.source),
        integer: metricDomain(def).integer,
        goal_text: r.goalText ?? '',
        summary_only: false,
      };
    })
  );
}
