import type { DataSourceJsonData } from '@grafana/data';
// Type-only: erased from the bundle, so @grafana/schema (not a Grafana-provided external) is never bundled.
import type { DataQuery } from '@grafana/schema';

/** One scorecard query, with optional pillar and metric id filters. */
export interface CandorQuery extends DataQuery {
  pillars?: string[];
  metrics?: string[];
}

/** Data source settings; none yet. */
export interface CandorOptions extends DataSourceJsonData {}
