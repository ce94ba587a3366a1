/**
 * The scorecard as rows and meta of the frame schema in docs/frames.md (version FRAME_SCHEMA_VERSION), as plain
 * data. The datasource turns them into a DataFrame; the CLI prints them as JSON. One row per metric item.
 */
import type { ScorecardOutput } from './scorecard';
import { isPrometheus, type Catalog, type Link, type Tier } from './types';
import { own } from './own';

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
    worstMetricId?: string;
  }>;
  selection: { pillars?: string[]; metrics?: string[] };
}

export function sourceLabel(catalog: Catalog, metricId: string, names: Record<string, string> = {}): string {
  const def = catalog.metrics.find((m) => m.id === metricId);
  if (!def) {
    return '';
  }
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
      return {
        pillar_id: p.id,
        pillar_title: p.title,
        pillar_question: p.question,
        pillar_colour: p.colour,
        metric_id: r.metricId,
        item: r.item ?? '',
        name: def.name,
        description: def.description,
        owner: def.owner,
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
        source: sourceLabel(catalog, r.metricId, sourceNames),
        links: def.links ?? [],
        sparkline: r.sparkline,
        retired: r.retired,
      };
    })
  );
}
