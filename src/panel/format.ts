/**
 * Times as the dashboard shows them, in its time zone. Values, targets and changes are written by the core formatter
 * (src/core/format.ts) in the datasource and arrive as texts; only instants depend on the viewer's time zone.
 */
import { dateTimeFormat } from '@grafana/data';
import { formatSpan } from '../core/duration';
import { COLOUR_LOOK } from './status';
import type { Colour, TimeZone } from './types';

const DAY_MS = 86_400_000;

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
