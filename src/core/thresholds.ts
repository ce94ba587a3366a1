/**
 * Threshold semantics: how a finite value becomes green, amber or red.
 *
 * Every boundary is INCLUSIVE on the better side: a value exactly on a boundary gets the better colour.
 *
 * higher-is-better, thresholds { green: G, amber: A } with G >= A
 *   value >= G      -> green
 *   A <= value < G  -> amber
 *   value < A       -> red
 *   Example (uptime, G = 0.999, A = 0.995): 0.999 green; 0.9989 amber; 0.995 amber; 0.9949 red.
 *
 * lower-is-better, thresholds { green: G, amber: A } with G <= A
 *   value <= G      -> green
 *   G < value <= A  -> amber
 *   value > A       -> red
 *   Example (error rate, G = 0.001, A = 0.01): 0.001 green; 0.0011 amber; 0.01 amber; 0.0101 red.
 *   G = A is allowed and means "no amber": open critical vulnerabilities { green: 0, amber: 0 } -> 0 green, 1 red.
 *
 * within, thresholds { green: [gLo, gHi], amber: [aLo, aHi] } with aLo <= gLo <= gHi <= aHi
 *   gLo <= value <= gHi                      -> green
 *   aLo <= value < gLo or gHi < value <= aHi -> amber
 *   otherwise                                -> red
 *   Example (budget variance, green [-0.1, 0.05], amber [-0.2, 0.1]): 0.05 green; 0.06 amber; -0.2 amber; 0.11 red.
 *
 * Only finite numbers are classified; NaN, ±Infinity and null never reach this module (see evaluate.ts).
 * The target is shown beside the value and must itself classify green (validate.ts checks it).
 */
import type { Boundary, Colour, Direction, Thresholds } from './types';

export const COLOUR_RANK: Record<Colour, number> = { green: 0, amber: 1, red: 2 };

export function classify(value: number, direction: Direction, thresholds: Thresholds): Colour {
  const { green, amber } = thresholds;
  if (direction === 'within') {
    const [gLo, gHi] = green as [number, number];
    const [aLo, aHi] = amber as [number, number];
    if (value >= gLo && value <= gHi) {
      return 'green';
    }
    return value >= aLo && value <= aHi ? 'amber' : 'red';
  }
  const g = green as number;
  const a = amber as number;
  if (direction === 'higher-is-better') {
    return value >= g ? 'green' : value >= a ? 'amber' : 'red';
  }
  return value <= g ? 'green' : value <= a ? 'amber' : 'red';
}

/** The boundary a value was judged against, for the evidence text: the one it passed or failed. */
export function decidingBoundary(colour: Colour, thresholds: Thresholds): Boundary {
  return colour === 'green' ? thresholds.green : thresholds.amber;
}

/**
 * Whether a change from `previous` to `current` is better, worse or the same given the direction. For `within`,
 * "better" means closer to the green band (distance 0 inside it).
 */
export function changeQuality(
  previous: number,
  current: number,
  direction: Direction,
  thresholds: Thresholds
): 'better' | 'worse' | 'same' {
  let gain: number;
  if (direction === 'within') {
    const [lo, hi] = thresholds.green as [number, number];
    const distance = (v: number) => (v < lo ? lo - v : v > hi ? v - hi : 0);
    gain = distance(previous) - distance(current);
  } else {
    gain = direction === 'higher-is-better' ? current - previous : previous - current;
  }
  return gain > 0 ? 'better' : gain < 0 ? 'worse' : 'same';
}

/** "green ≥ 99.9%, amber ≥ 99.5%, red below" for a reader, with the caller's formatter. */
export function thresholdSummary(direction: Direction, thresholds: Thresholds, fmt: (v: number) => string): string {
  if (direction === 'within') {
    const [gLo, gHi] = thresholds.green as [number, number];
    const [aLo, aHi] = thresholds.amber as [number, number];
    return `green ${fmt(gLo)}…${fmt(gHi)}, amber ${fmt(aLo)}…${fmt(aHi)}, red outside`;
  }
  const op = direction === 'higher-is-better' ? '≥' : '≤';
  const beyond = direction === 'higher-is-better' ? 'below' : 'above';
  return `green ${op} ${fmt(thresholds.green as number)}, amber ${op} ${fmt(thresholds.amber as number)}, red ${beyond}`;
}
