/**
 * The panel's own model of one Candor frame (docs/frames.md, schema version 1), after `prepareScorecard` has read
 * and checked it. Components render this model; they never read a DataFrame themselves.
 */
// Type-only: erased from the bundle (as in the datasource), so @grafana/schema is never bundled.
import type { TimeZone } from '@grafana/schema';
import type { AttentionItem } from '../core/attention';
import type { SummaryEntry } from '../core/summary';
import type { TierSummary } from '../core/tiers';
import type { ActionSummary } from '../core/escalate';
import type { SourceQuery } from '../core/rows';
import type { Colour, Direction, Status, Tier } from '../core/types';

export type {
  ActionSummary,
  AttentionItem,
  Colour,
  Direction,
  SourceQuery,
  Status,
  SummaryEntry,
  Tier,
  TierSummary,
  TimeZone,
};

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
  /** The short name on the row (≤ 28 characters); `name` is the full one. */
  label: string;
  /** Written by the core formatter in the datasource: "99.95%", "≥ 99.9%", "+0.09 pt", "no change". */
  valueText: string;
  targetText: string;
  changeText: string;
  thresholdsText: string;
  /** The alert tier after escalation; `tier` is the catalog's. */
  alertTier: Tier | string;
  /** Why the row escalated, in words; "" when it did not. */
  escalation: string;
  /** The open action its owner recorded. */
  action: ActionSummary | null;
  /** The source query, for the Explore link; null when the frame has none. */
  query: SourceQuery | null;
  /** Whole numbers: the trend draws steps. */
  integer: boolean;
  /** Where the value stands against its dated goal ("€1.2M of €2.5M by 2027-12-31 …"); "" without a goal. */
  goalText: string;
  /** A summary metric outside the selection: in the summary, the attention list and the tiers, in no pillar card. */
  summaryOnly: boolean;
}

export interface PillarView {
  id: string;
  title: string;
  question: string;
  colour: Colour;
  /** The question answered from the rows ("No: … above target for 9 days"). */
  answer: string;
  /** Sorted for display: active rows worst first (stable), then retired rows. */
  rows: MetricRow[];
  /** The role answerable for the pillar (a department's head). */
  owner?: string;
  /** The pillar's health score, computed from its rows under the scorecard's caps (core rollup.ts). */
  score: number;
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
  /** Every red and amber row, worst first, from the rows themselves (never from a list the frame could shorten). */
  attention: AttentionItem[];
  /** Whether the owners' actions were read (the datasource's `meta.actions`); unknown for older frames. */
  actions?: { read: boolean; error?: string };
  /** Active rows in all (for "all 20 metrics on target"). */
  activeCount: number;
  /** The executive summary above the pillars (core summary.ts); empty when the catalog or the query has none. */
  summary: SummaryEntry[];
  /** The alert tiers with their response windows and oldest breach, from the rows (core tiers.ts). */
  tiers: TierSummary[];
}

export interface PreparedScorecard {
  scorecard?: Scorecard;
  /** Why there is no scorecard to show; rendered as the panel's empty state. */
  warn?: string;
}

export type SizeMode = 'full' | 'pillar' | 'column' | 'tile';
