/**
 * What a row and the header show, decided once and outside the components: texts, arrows, tones and labels. The
 * components only lay these out.
 */
import type { IconName } from '@grafana/data';
import { TIERS } from '../core/rollup';
import type { Tier } from '../core/types';
import { formatChange, formatInstant, formatTarget, formatValue, sinceText, TIER_WINDOW, TIER_WORD } from './format';
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
  name: string;
  valueText: string;
  targetText: string;
  trend?: TrendView;
  since?: { text: string; title: string };
  /** For noData, stale and error: what is missing, in the evidence's words. */
  problem?: string;
  status: StatusView;
  lastSampleText: string;
  relativeChangeText?: string;
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
export const displayName = (row: Pick<MetricRow, 'name' | 'item'>) =>
  row.item ? `${row.name} · ${row.item}` : row.name;

const PROBLEM_FALLBACK: Partial<Record<Status, string>> = {
  noData: 'No data: no sample to judge',
  stale: 'Stale: the last sample is too old',
  error: 'Error: the source did not answer',
};

function trendView(row: MetricRow): TrendView | undefined {
  if (row.change === null) {
    return undefined;
  }
  const arrow = row.change > 0 ? '↑' : row.change < 0 ? '↓' : '→';
  const text = formatChange(row.change, row.unit);
  const tone = row.changeQuality === 'better' ? 'green' : row.changeQuality === 'worse' ? 'red' : 'neutral';
  const moved = row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'unchanged';
  const quality = row.changeQuality ? `, ${row.changeQuality}` : '';
  return {
    arrow,
    text,
    quality: row.changeQuality,
    tone,
    label: `Trend: ${moved} ${text} since the previous window${quality}`,
  };
}

export function describeRow(row: MetricRow, ctx: { asOf: number; timeZone: TimeZone }): RowView {
  const problem = isEvidenceProblem(row.status) ? row.evidence.trim() || PROBLEM_FALLBACK[row.status] : undefined;
  return {
    name: displayName(row),
    valueText:
      row.value === null
        ? problem
          ? STATUS_LOOK[row.status].word
          : '—'
        : formatValue(row.value, row.unit, row.target),
    targetText: formatTarget(row),
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
    relativeChangeText: row.relativeChange === null ? undefined : formatChange(row.relativeChange, 'percentunit'),
    printEvidence: !problem && row.colour !== 'green' && row.evidence ? row.evidence : undefined,
  };
}

export interface TierView {
  tier: Tier;
  count: number;
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
    tiers: TIERS.map((tier) => {
      const count = overall.openByTier[tier];
      return {
        tier,
        count,
        text: `${TIER_WORD[tier]} ${count}`,
        label: `${TIER_WORD[tier]}: ${count} open, respond ${tier === 'critical' ? 'now' : `within ${TIER_WINDOW[tier]}`}`,
      };
    }),
  };
}
