import type { DataSourceJsonData } from '@grafana/data';
// Type-only: erased from the bundle, so @grafana/schema (not a Grafana-provided external) is never bundled.
import type { DataQuery } from '@grafana/schema';

/** One scorecard query: the whole scorecard, or only the selected pillars and/or metric ids (an SRE's embed). */
export interface CandorQuery extends DataQuery {
  pillars?: string[];
  metrics?: string[];
  /** With pillars or metrics selected: also show the catalog's executive summary above them (an audience's view). */
  summary?: boolean;
}

/** The approval record of a catalog, written by `candor approve` into the lock file and provisioned with it. */
export interface Approval {
  version: string;
  fingerprint: string;
  approvedBy: string[];
  date: string;
  /** How the approval stands (src/core/approval.ts): `pending` and `unsigned` are never shown as a signed approval. */
  standing?: 'invalid' | 'verified' | 'pending' | 'unsigned' | 'unverified';
  /** The one-line description `candor check` prints. */
  text?: string;
}

/**
 * Provisioned settings of one Candor datasource = one catalog. jsonData reaches every viewer's browser: it holds
 * the public catalog and its approval record only, never a secret (credentials live in the SOURCE datasources).
 */
export interface CandorOptions extends DataSourceJsonData {
  /** The catalog (candor/v1) as JSON, exactly as `candor provision` wrote it from the YAML. */
  catalog?: unknown;
  /** The catalog's `scorecard.version` and full sha256 fingerprint at provisioning time. */
  catalogVersion?: string;
  fingerprint?: string;
  approval?: Approval;
}
