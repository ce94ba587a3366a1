/**
 * The panel's own model of one Candor frame (docs/frames.md, schema version 1), after `prepareScorecard` has read
 * and checked it. Components render this model; they never read a DataFrame themselves.
 */
// Type-only: erased from the bundle (as in the datasource), so @grafana/schema is never bundled.
import type { TimeZone } from '@grafana/schema';
import type { Colour, Direction, Status, Tier } from '../core/types';

export type { Colour, Direction, Status, Tier, TimeZone };

/** The panel's only option. Thresholds, units and queries never come from the panel. */
export interface CandorPanelOptions {
  /** The approved full catalog fingerprint (hex, or `sha256:` + 12 hex), pinned by the provisioned dashboard. */
  approvedFingerprint?: string;
}

export type ChangeQuality = 'better' | 'worse' | 'same' | '';

export interface SafeLink {
  title: string;
  url: string;
}

/** A link the panel would not render as a link (not http or https). */
export interface RefusedLink {
  title: string;
  reason: string;
}

export interface MetricRow {
  /** Unique within the frame: `metric_id` plus `item`. */
  key: string;
  pillarId: string;
  metricId: string;
  item: string;
  name: string;
  description: string;
  owner: string;
  unit: string;
  direction: Direction | string;
  indicator: string;
  tier: Tier | string;
  value: number | null;
  target: number | null;
  targetHigh: number | null;
  status: Status;
  /** The colour shown: never greener than the status allows (noData and error red, stale at most amber). */
  colour: Colour;
  evidence: string;
  previous: number | null;
  change: number | null;
  relativeChange: number | null;
  changeQuality: ChangeQuality;
  colourSince: number | null;
  colourSinceLowerBound: boolean;
  lastSample: number | null;
  source: string;
  links: SafeLink[];
  refusedLinks: RefusedLink[];
  sparkline: Array<[number, number]>;
  retired: boolean;
}

export interface PillarView {
  id: string;
  title: string;
  question: string;
  colour: Colour;
  /** Sorted for display: active rows worst first (stable), then retired rows. */
  rows: MetricRow[];
}

export interface OverallView {
  colour: Colour;
  score: number | null;
  openByTier: Record<Tier, number>;
}

export interface Scorecard {
  scorecardId: string;
  title: string;
  catalogVersion: string;
  fingerprint: string;
  fingerprintShort: string;
  /** The approval record's standing and its one-line text, when the datasource has one. */
  approval?: { standing?: string; text?: string };
  asOf: number;
  asOfIsNow: boolean;
  overall: OverallView;
  /** In catalog order, including pillars without a row. */
  pillars: PillarView[];
  /** The frame's notices and what the panel itself noticed (repaired values, ignored frames), as plain text. */
  notices: string[];
}

export interface PreparedScorecard {
  scorecard?: Scorecard;
  /** Why there is no scorecard to show; rendered as the panel's empty state. */
  warn?: string;
}

export type SizeMode = 'full' | 'pillar' | 'column' | 'tile';
