/**
 * One-line evidence texts. Values go through the one formatter (format.ts) with the metric's marks, so a value is
 * never rounded onto or across a threshold; thresholds are written with every digit the catalog gave them.
 * `ValueFormatter` is the seam the guard's tests use to make one metric's evaluation fail.
 */
import { formatInstant, formatSpan } from './duration';
import { formatExact, formatValue, type ValueStyle } from './format';
import type { Boundary, Colour, Direction, Thresholds } from './types';

export type ValueFormatter = (value: number, style: ValueStyle) => string;

export const coreFormat: ValueFormatter = (value, style) => formatValue(value, style);

interface JudgementText {
  value: number;
  colour: Colour;
  direction: Direction;
  thresholds: Thresholds;
  style: ValueStyle;
  format: ValueFormatter;
}

function band(b: Boundary, fmt: (v: number) => string): string {
  const [lo, hi] = b as [number, number];
  return `${fmt(lo)}…${fmt(hi)}`;
}

/** "99.95% ≥ 99.9% (green)", "0.4% > 0.1% (green) but ≤ 1% (amber)", "15% outside amber -20%…10%". */
export function judgementText(j: JudgementText): string {
  const fmt = (v: number) => formatExact(v, j.style.unit);
  const v = j.format(j.value, j.style);
  const { green, amber } = j.thresholds;
  if (j.direction === 'within') {
    if (j.colour === 'green') {
      return `${v} inside green ${band(green, fmt)}`;
    }
    return j.colour === 'amber'
      ? `${v} outside green ${band(green, fmt)}, inside amber ${band(amber, fmt)}`
      : `${v} outside amber ${band(amber, fmt)}`;
  }
  const higher = j.direction === 'higher-is-better';
  const [ok, notOk] = higher ? ['≥', '<'] : ['≤', '>'];
  const g = fmt(green as number);
  const a = fmt(amber as number);
  if (j.colour === 'green') {
    return `${v} ${ok} ${g} (green)`;
  }
  return j.colour === 'amber' ? `${v} ${notOk} ${g} (green) but ${ok} ${a} (amber)` : `${v} ${notOk} ${a} (amber)`;
}

export function asOfText(sampleTime: number, now: number): string {
  return `as of ${formatInstant(sampleTime, now)}`;
}

export function staleText(sampleTime: number, now: number, maxAgeMs: number): string {
  return `Stale: last sample ${formatSpan(now - sampleTime)} ago, allowed ${formatSpan(maxAgeMs)}`;
}

/** A load older than maxAge (freshness.ts): the source's records stopped arriving, whatever times its query wrote. */
export function loadedText(loadedAt: number, now: number, maxAgeMs: number): string {
  return `Stale: data last loaded ${formatSpan(now - loadedAt)} ago, allowed ${formatSpan(maxAgeMs)}`;
}
