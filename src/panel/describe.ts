/**
 * What a row and the header show, decided once and outside the components: texts, arrows, tones and labels. The
 * numbers arrive written by the core formatter (value_text, target_text, change_text): a row visits the formatter
 * once, in the datasource. This only arranges them and adds what depends on the viewer (time zone).
 */
import { formatSpan } from '../core/duration';
import type { IconName } from '@grafana/data';
import { TIERS } from '../core/rollup';
import { itemLabel, TIER_WINDOW, TIER_WORD } from '../core/words';
import type { Tier } from '../core/types';
import { formatInstant, sinceText } from './format';
import { COLOUR_LOOK, isEvidenceProblem, STATUS_LOOK, statusLabel } from './status';
import type { ChangeQuality, Colour, MetricRow, Scorecard, Status, TimeZone } from './types';

export interface StatusView {
  colour: Colour;
  status: Status;
  word: string;
  icon: IconName;
  /** For aria labels: "No data, shown red". */
  label: string;
}

export interface TrendView {
  arrow: '↑' | '↓' | '→';
  text: string;
  quality: ChangeQuality;
  /** The tone of the change: better green, worse red, otherwise neutral. */
  tone: Colour | 'neutral';
  label: string;
}

export interface RowView {
  /** The label, with the item: "Open security issues · critical". */
  name: string;
  /** The catalog's full name, for the evidence. */
  fullName: string;
  valueText: string;
  targetText: string;
  trend?: TrendView;
  since?: { text: string; title: string };
  /** For noData, stale and error: what is missing, in the evidence's words. */
  problem?: string;
  status: StatusView;
  lastSampleText: string;
  /** The evidence for print, where there is no hover: for amber and red rows (problem rows show theirs already). */
  printEvidence?: string;
}

export function statusView(status: Status, colour: Colour): StatusView {
  const look = STATUS_LOOK[status];
  return { colour, status, word: look.word, icon: look.icon, label: statusLabel(status, colour) };
}

export function colourView(colour: Colour): StatusView {
  return { colour, status: colour, ...COLOUR_LOOK[colour], label: COLOUR_LOOK[colour].word };
}

/** "Open security issues · critical" for an item row. */
export const displayName = (row: Pick<MetricRow, 'label' | 'item'>) => itemLabel(row);

const PROBLEM_FALLBACK: Partial<Record<Status, string>> = {
  noData: 'No data: no sample to judge',
  stale: 'Stale: the last sample is too old',
  error: 'Error: the source did not answer',
};

function trendView(row: MetricRow): TrendView | undefined {
  if (row.change === null || !row.changeText) {
    return undefined;
  }
  const unchanged = row.changeText === 'no change';
  const arrow = unchanged ? '→' : row.change > 0 ? '↑' : '↓';
  const tone = unchanged
    ? 'neutral'
    : row.changeQuality === 'better'
      ? 'green'
      : row.changeQuality === 'worse'
        ? 'red'
        : 'neutral';
  const quality = !unchanged && row.changeQuality ? `, ${row.changeQuality}` : '';
  return {
    arrow,
    text: row.changeText,
    quality: unchanged ? 'same' : row.changeQuality,
    tone,
    label: unchanged
      ? 'Trend: no change since the previous window'
      : `Trend: ${row.change > 0 ? 'up' : 'down'} ${row.changeText} since the previous window${quality}`,
  };
}

export function describeRow(row: MetricRow, ctx: { asOf: number; timeZone: TimeZone }): RowView {
  const problem = isEvidenceProblem(row.status) ? row.evidence.trim() || PROBLEM_FALLBACK[row.status] : undefined;
  return {
    name: displayName(row),
    fullName: row.item ? `${row.name} · ${row.item}` : row.name,
    valueText: row.value === null ? (problem ? STATUS_LOOK[row.status].word : '—') : row.valueText || '—',
    targetText: row.targetText,
    trend: trendView(row),
    since: sinceText({
      colour: row.colour,
      since: row.colourSince,
      lowerBound: row.colourSinceLowerBound,
      asOf: ctx.asOf,
      timeZone: ctx.timeZone,
    }),
    problem,
    status: statusView(row.status, row.colour),
    lastSampleText: row.lastSample === null ? 'none' : formatInstant(row.lastSample, ctx.timeZone),
    printEvidence: !problem && row.colour !== 'green' && row.evidence ? row.evidence : undefined,
  };
}

export interface TierView {
  tier: Tier;
  count: number;
  /** How many are past the tier's response window. */
  breached: number;
  /** How long the oldest is past it ("88 days"; "" when none is, "an unknown time" without a start). */
  oldest: string;
  text: string;
  label: string;
}

export interface HeaderView {
  overall: StatusView;
  scoreText: string;
  asOfText: string;
  asOfTitle: string;
  catalogText: string;
  catalogTitle: string;
  tiers: TierView[];
}

export function describeHeader(scorecard: Scorecard, timeZone: TimeZone): HeaderView {
  const { overall } = scorecard;
  const asOf = formatInstant(scorecard.asOf, timeZone);
  return {
    overall: colourView(overall.colour),
    scoreText: overall.score === null ? '—' : String(overall.score),
    asOfText: `As of ${asOf}`,
    asOfTitle: scorecard.asOfIsNow
      ? `Evaluated at ${asOf}, the end of the dashboard's time range (now)`
      : `Evaluated at ${asOf}, the end of the dashboard's time range (a past time)`,
    catalogText: `Catalog v${scorecard.catalogVersion} · ${scorecard.fingerprintShort}`,
    catalogTitle: `Catalog version ${scorecard.catalogVersion}, fingerprint ${scorecard.fingerprint}`,
    // Counted from the rows (core tiers.ts), with the oldest breach of each tier's response window.
    tiers: TIERS.map((tier) => {
      const summary = scorecard.tiers.find((t) => t.tier === tier);
      const count = summary?.count ?? overall.openByTier[tier];
      const breached = summary?.breached ?? 0;
      const oldest = summary?.oldestBreach ? `; oldest: ${summary.oldestBreach.text}` : '';
      const overdueMs = summary?.oldestBreach?.overdueMs;
      return {
        tier,
        count,
        breached,
        oldest: overdueMs === undefined ? '' : overdueMs === null ? 'an unknown time' : formatSpan(overdueMs),
        text: `${TIER_WORD[tier]} ${count}`,
        label: `${TIER_WORD[tier]}: ${count} open, respond ${tier === 'critical' ? 'now' : `within ${TIER_WINDOW[tier]}`}${breached > 0 ? `, ${breached} past that${oldest}` : ''}`,
      };
    }),
  };
}
