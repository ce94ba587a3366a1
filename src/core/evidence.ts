/**
 * One-line evidence texts. Values are formatted by an injected formatter (the datasource passes Grafana's value
 * formats; the CLI and tests use `plainFormat`), so the core never re-implements Grafana's units.
 */
import { formatInstant, formatSpan } from './duration';
import type { Boundary, Colour, Direction, Thresholds } from './types';

export type ValueFormatter = (value: number, unit: string) => string;

/** A deliberately plain fallback: 4 significant digits and the unit id; percentages and ISO currency codes read as such. */
export const plainFormat: ValueFormatter = (value, unit) => {
  if (unit === 'percentunit') {
    return `${Number((value * 100).toPrecision(4))}%`;
  }
  if (unit === 'percent') {
    return `${Number(value.toPrecision(4))}%`;
  }
  const n = `${Number(value.toPrecision(4))}`;
  if (/^currency[A-Z]{3}$/.test(unit)) {
    return `${n} ${unit.slice(8)}`;
  }
  return unit === 'none' || unit === 'short' || unit === '' ? n : `${n} ${unit}`;
};

interface JudgementText {
  value: number;
  colour: Colour;
  direction: Direction;
  thresholds: Thresholds;
  unit: string;
  format: ValueFormatter;
}

function band(b: Boundary, fmt: (v: number) => string): string {
  const [lo, hi] = b as [number, number];
  return `${fmt(lo)}…${fmt(hi)}`;
}

/** "99.95% ≥ 99.9% (green)", "0.4% > 0.1% (green) but ≤ 1% (amber)", "15% outside amber -20%…10%". */
export function judgementText(j: JudgementText): string {
  const fmt = (v: number) => j.format(v, j.unit);
  const v = fmt(j.value);
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
