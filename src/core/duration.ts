/**
 * Durations as the catalog writes them: an integer and one unit, `30s`, `15m`, `6h`, `7d`, `2w` (Prometheus style,
 * without compound forms such as `1h30m`, so a reader never has to add them up).
 */

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export const DURATION_PATTERN = '^[1-9][0-9]*(s|m|h|d|w)$';

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^([1-9][0-9]*)(s|m|h|d|w)$/.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/**
 * How long something has lasted, floored so it is never overstated: under an hour in minutes, under 48 hours in
 * hours, then in days ("red for 21 days"), from 14 weeks in weeks. `formatSpan(0)` is `0 min`.
 *   47 min 59 s -> "47 min";  47 h -> "47 h";  50 h -> "2 days";  21 d 23 h -> "21 days";  100 d -> "14 weeks"
 */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return days < 98 ? `${days} days` : `${Math.floor(days / 7)} weeks`;
}

/**
 * How long since `since`, as of `now`, marked `≥ ` when `since` is only a lower bound of the start (the start lies
 * before the data read): `formatSpanSince(now - 7 d, now, true)` is `≥ 7 days`.
 */
export function formatSpanSince(since: number, now: number, lowerBound?: boolean): string {
  return `${lowerBound ? '≥ ' : ''}${formatSpan(now - since)}`;
}

/**
 * Whether a number is an instant a scorecard can hold: epoch ms from 1970 through the end of year 9999. A time a
 * careless feed sends outside that (a negative count, 1e300, NaN) is no time at all: never a date that cannot be
 * written (JavaScript's Date ends at ±8.64e15 ms) nor a sample from before 1970.
 */
export const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const isInstant = (ms: unknown): ms is number => typeof ms === 'number' && ms >= 0 && ms <= LAST_INSTANT;

/** The UTC day of an instant, `2026-11-20`. */
export const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const DAY_MS = 86_400_000;

/** A hundred years: beyond it, a projection or a forecast is no date a scorecard writes. */
export const CENTURY_MS = 100 * 365.25 * DAY_MS;

/** A valid calendar day `YYYY-MM-DD`, as epoch ms of the end of that UTC day; undefined otherwise. */
export function endOfDay(date: string | undefined): number | undefined {
  const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) {
    return undefined;
  }
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return utcDate(start) === date ? start + DAY_MS - 1 : undefined;
}

/** `12:04 UTC` when on the same UTC day as `now`, otherwise `2026-11-20 12:04 UTC`. */
export function formatInstant(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const sameDay = iso.slice(0, 10) === utcDate(now);
  return `${sameDay ? '' : iso.slice(0, 10) + ' '}${iso.slice(11, 16)} UTC`;
}

/**
 * An instant written in full ISO 8601: date, time and zone (`2026-11-16T12:00:00Z`, `2026-11-16T13:00+01:00`,
 * fractions of a second allowed). Anything else is undefined, never a guess: `0`, `Nov 16`, a date without a time,
 * a time without a zone (whose zone would be the machine's), or a day the month does not have (`2026-02-30`).
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export function parseInstant(text: string): number | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const ms = Date.parse(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && !Number.isNaN(ms) ? ms : undefined;
}
