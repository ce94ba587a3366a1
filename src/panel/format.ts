/**
 * Formatting decisions. Values go through Grafana's value formats, never by hand, with decimals chosen so rounding
 * never flatters (src/shared/valueFormat.ts: 99.95% must not read "100.0%", 99.899% must not read "99.9%").
 */
import { dateTimeFormat } from '@grafana/data';
import { formatSpan } from '../core/duration';
import type { Tier } from '../core/types';
import { COLOUR_LOOK } from './status';
import { chooseDecimals, formatChangeValue, formatValue } from '../shared/valueFormat';
import type { Colour, TimeZone } from './types';

const DAY_MS = 86_400_000;

/** Response windows for open alerts by tier (the executive monitoring seed). */
export const TIER_WINDOW: Record<Tier, string> = { critical: 'now', high: '24 h', medium: '72 h', low: '1 week' };
export const TIER_WORD: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

// The decimals rules are shared with the datasource's evidence texts.
export { chooseDecimals, formatValue };

/** A change in the metric's unit, signed: "+0.05%", "-3", "0". */
export function formatChange(change: number, unit: string): string {
  const shown = formatChangeValue(change, unit);
  return change > 0 ? `+${shown}` : shown;
}

/** The target beside the value, with the direction: "≥ 99.9%", "≤ 0.1%", "-10% … 5%" (a band). */
export function formatTarget(input: {
  target: number | null;
  targetHigh: number | null;
  direction: string;
  unit: string;
}): string {
  const { target, targetHigh, direction, unit } = input;
  if (target === null) {
    return '';
  }
  if (direction === 'within') {
    return targetHigh === null || targetHigh === target
      ? formatValue(target, unit)
      : `${formatValue(target, unit)} … ${formatValue(targetHigh, unit)}`;
  }
  const sign = direction === 'higher-is-better' ? '≥ ' : direction === 'lower-is-better' ? '≤ ' : '';
  return `${sign}${formatValue(target, unit)}`;
}

/** "2026-11-16 12:00 UTC" in the dashboard's time zone (no zone name for the browser's own zone). */
export function formatInstant(ms: number, timeZone: TimeZone): string {
  return dateTimeFormat(ms, { timeZone, format: 'YYYY-MM-DD HH:mm z' }).trim();
}

const dayOf = (ms: number, timeZone: TimeZone) => dateTimeFormat(ms, { timeZone, format: 'YYYY-MM-DD' });

export interface SinceInput {
  colour: Colour;
  since: number | null;
  lowerBound: boolean;
  asOf: number;
  timeZone: TimeZone;
}

/**
 * How long the shown colour has held, relative to `asOf`, in the dashboard's time zone:
 * - lower bound (the data starts there): "red for ≥ 3 d";
 * - the same day: "amber since 09:12";
 * - within the last 7 days: "amber since Mon";
 * - longer: "red for 12 d" (floored, never overstated).
 * `title` always holds the exact instant.
 */
export function sinceText(input: SinceInput): { text: string; title: string } | undefined {
  const { colour, since, lowerBound, asOf, timeZone } = input;
  if (since === null) {
    return undefined;
  }
  const word = COLOUR_LOOK[colour].word.toLowerCase();
  const at = formatInstant(since, timeZone);
  const span = formatSpan(asOf - since);
  if (lowerBound) {
    return { text: `${word} for ≥ ${span}`, title: `${word} at least since ${at} (the data starts there)` };
  }
  const title = `${word} since ${at}`;
  if (dayOf(since, timeZone) === dayOf(asOf, timeZone)) {
    return { text: `${word} since ${dateTimeFormat(since, { timeZone, format: 'HH:mm' })}`, title };
  }
  if (asOf - since < 7 * DAY_MS) {
    return { text: `${word} since ${dateTimeFormat(since, { timeZone, format: 'ddd' })}`, title };
  }
  return { text: `${word} for ${span}`, title };
}
