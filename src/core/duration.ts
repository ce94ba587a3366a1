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
 * A short human span: under 90 minutes in minutes, under 48 hours in hours, otherwise in days (floored, so
 * "red for 12 d" never overstates). `formatSpan(0)` is `0 min`.
 */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 90) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h`;
  }
  return `${Math.floor(hours / 24)} d`;
}

/** `12:04 UTC` when on the same UTC day as `now`, otherwise `2026-11-20 12:04 UTC`. */
export function formatInstant(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : iso.slice(0, 10) + ' '}${iso.slice(11, 16)} UTC`;
}
