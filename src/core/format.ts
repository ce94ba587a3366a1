/**
 * Numbers people read: the one formatter of every value Candor shows (panel, evidence, `candor evaluate`, the
 * generated docs and alert texts). Units come from unitFormats.ts; no Grafana import.
 *
 * Precision, exactly:
 *   - by default three significant digits (6.82%, 35.2, $1.23M); durations two, in the largest readable unit
 *     (47 min, 15 h, 9 days, 3 weeks); counts (`integer`) whole at their own scale; money whole from 10 ($36), in cents
 *     from 0.10 ($4.56, $0.42), two significant digits below ($0.042);
 *   - then exactly as many more digits as a mark needs. A mark is a number the reader compares the value with:
 *       atLeast m   (a higher-is-better boundary, a band's low end)   shown ≥ m  exactly when  value ≥ m
 *       atMost m    (a lower-is-better boundary, a band's high end)   shown ≤ m  exactly when  value ≤ m
 *       exactly m   (zero, the ends of the unit's domain)             shown = m only when value = m, same side
 *     so a shown value is never on the other side of a threshold from the true value, and never equals one it does
 *     not meet: 0.99949 against "≥ 99.95%" reads 99.949%, never 99.95%; 0.99996 reads 99.996%, never 100%.
 *   - the comparison is exact on decimals (decimal.ts): 0.9995 is the 0.9995 the catalog wrote.
 * Large plain numbers and money compact at 1,000 (1.5K, $1.2M, 3.4B); a rounding that reaches the next unit moves up
 * (999.7 reads 1K, 59.7 min stays 60 min because 0.99 h would read worse).
 */
import { compareScaled, fromText, type Ratio } from './decimal';
import { baseIndex, chooseIndex, ladder, r, scaledBy, value, type Step } from './formatSteps';
import { unitFormat, type UnitFormat } from './unitFormats';

export type MarkSide = 'atLeast' | 'atMost' | 'exactly';
export interface Mark {
  at: number;
  side: MarkSide;
}

export interface ValueStyle {
  unit: string;
  /** Whole numbers (a count): no decimals at their own scale. */
  integer?: boolean;
  marks?: readonly Mark[];
}

/** What a value is shown as: the text, and its parts (for the tests that prove the text). */
export interface Shown {
  text: string;
  /** The number as written (no sign, no unit), and its sign. */
  number: string;
  negative: boolean;
  ratio: Ratio;
  decimals: number;
  step: string;
}

const MAX_EXTRA_DIGITS = 20;

const sigDecimals = (abs: number, sig: number) => (abs === 0 ? 0 : Math.max(0, sig - 1 - Math.floor(Math.log10(abs))));

function defaultDecimals(abs: number, fmt: UnitFormat, atBase: boolean, integer: boolean): number {
  if (fmt.kind === 'duration') {
    return sigDecimals(abs, 2);
  }
  if (integer && atBase && Number.isInteger(abs)) {
    return 0;
  }
  if (fmt.kind === 'currency' && atBase) {
    // Whole amounts from 10 ($36, $123), cents from 0.10 ($4.56, $0.42), two digits below ($0.042).
    return abs >= 10 ? 0 : abs >= 0.1 ? 2 : sigDecimals(abs, 2);
  }
  return sigDecimals(abs, 3);
}

/**
 * The side of `at` the shown number (its text, times the step's ratio) lies on: -1, 0 or 1, exactly (decimal.ts).
 * Floating point decides when the two lie further apart than a billionth of their size, far beyond a double's
 * rounding of a few parts in 1e16, so that sign is the exact one; nearer, and at equality, the decimals decide.
 */
function sideOf(text: string, ratio: Ratio, at: number): number {
  const approx = (Number(text) * Number(ratio.num)) / Number(ratio.den);
  const gap = approx - at;
  if (Math.abs(gap) > 1e-9 * Math.max(Math.abs(approx), Math.abs(at)) && Number.isFinite(approx)) {
    return gap < 0 ? -1 : 1;
  }
  return compareScaled(fromText(text)!, ratio, at);
}

/** The shown number (its text, signed) keeps every mark's relation to the true value. */
function keepsMarks(text: string, ratio: Ratio, truth: number, marks: readonly Mark[]): boolean {
  return marks.every(({ at, side }) => {
    if (!Number.isFinite(at)) {
      return true;
    }
    const shownSide = sideOf(text, ratio, at);
    const trueSide = truth < at ? -1 : truth > at ? 1 : 0;
    if (side === 'atLeast') {
      return shownSide >= 0 === trueSide >= 0;
    }
    if (side === 'atMost') {
      return shownSide <= 0 === trueSide <= 0;
    }
    return shownSide === trueSide;
  });
}

const stripZeros = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

function numberAt(abs: number, step: Step, decimals: number): string {
  return scaledBy(abs, step.ratio).toFixed(Math.min(decimals, 100));
}

function assemble(fmt: UnitFormat, step: Step, number: string, negative: boolean): string {
  const sign = negative ? '-' : '';
  switch (fmt.kind) {
    case 'fraction':
      return `${sign}${number}%`;
    case 'percent':
      return `${sign}${number}${fmt.suffix}`;
    case 'currency':
      return fmt.after ? `${sign}${number}${step.label} ${fmt.symbol}` : `${sign}${fmt.symbol}${number}${step.label}`;
    case 'si':
    case 'binary':
      return fmt.symbol === '' ? `${sign}${number}${step.label}` : `${sign}${number} ${step.label}${fmt.symbol}`;
    case 'duration':
      return `${sign}${number} ${number === '1' ? step.label : step.plural}`;
    case 'plain': {
      const plus = fmt.sign && !negative && /[1-9]/.test(number) ? '+' : '';
      const suffix = fmt.singular !== undefined && number === '1' && step.label === '' ? fmt.singular : fmt.suffix;
      return `${sign}${plus}${fmt.prefix}${number}${step.label}${suffix}`;
    }
    default:
      return `${sign}${number}`;
  }
}

const isPowerOfTen = (ratio: Ratio) => /^10*$/.test(ratio.num.toString()) && /^10*$/.test(ratio.den.toString());

/** The fewest decimals from `first` on that keep every mark, within MAX_EXTRA_DIGITS more. */
function digitsFor(input: { v: number; step: Step; first: number; marks: readonly Mark[] }) {
  const { v, step, first, marks } = input;
  const abs = Math.abs(v);
  for (let decimals = first; decimals <= first + MAX_EXTRA_DIGITS; decimals++) {
    const number = numberAt(abs, step, decimals);
    if (keepsMarks(`${v < 0 ? '-' : ''}${number}`, step.ratio, v, marks)) {
      return { number, decimals, kept: true };
    }
  }
  return { number: numberAt(abs, step, first), decimals: first, kept: false };
}

interface Options {
  /** Significant digits instead of the kind's default. */
  sig?: number;
  /** Never more default decimals than this at that step (a change is never finer than its value). */
  cap?: { step: string; decimals: number };
}

function show(v: number, style: ValueStyle, options: Options = {}): Shown {
  const fmt = unitFormat(style.unit);
  const steps = ladder(fmt);
  const abs = Math.abs(v);
  const raw = { text: String(v), number: String(abs), negative: v < 0, ratio: r(1), decimals: 0, step: '' };
  // Beyond what a double can scale (a percentage of 1e306) there is nothing to round: the number as it is.
  if (!Number.isFinite(v) || !steps.every((s) => Number.isFinite(scaledBy(abs, s.ratio)))) {
    return raw;
  }
  let index = chooseIndex(abs, fmt);
  const base = baseIndex(fmt);
  const integer = Boolean(style.integer || (fmt.kind === 'plain' && fmt.integer));
  const decimalsAt = (i: number) => {
    const scaled = scaledBy(abs, steps[i].ratio);
    const d =
      options.sig === undefined ? defaultDecimals(scaled, fmt, i === base, integer) : sigDecimals(scaled, options.sig);
    return options.cap?.step === steps[i].label ? Math.min(d, options.cap.decimals) : d;
  };
  const own = index;
  const next = steps[index + 1];
  // A rounding that reaches the next unit moves up, when the next unit reads at least 1 (999.7 -> 1K).
  if (next && Number(numberAt(abs, steps[index], decimalsAt(index))) * value(steps[index].ratio) >= next.from) {
    if (Number(numberAt(abs, next, decimalsAt(index + 1))) >= 1) {
      index += 1;
    }
  }
  const marks: Mark[] = [{ at: 0, side: 'exactly' }, ...(style.marks ?? [])];
  let found = digitsFor({ v, step: steps[index], first: decimalsAt(index), marks });
  if (index !== own && found.decimals > decimalsAt(index)) {
    // A mark needs digits: they read better in the value's own unit (999.96 against 1,000, not 0.99996K).
    const mine = digitsFor({ v, step: steps[own], first: decimalsAt(own), marks });
    if (mine.kept) {
      index = own;
      found = mine;
    }
  }
  if (!found.kept) {
    // Only a value that equals a mark can miss every digit: 100 h is 4.1666… days. The unit itself shows it exactly
    // (its step is 1/1), else the nearest decimal step (ns in ms).
    const unitStep = steps.findIndex((s) => s.ratio.num === s.ratio.den);
    const exact = unitStep >= 0 ? unitStep : steps.findIndex((s) => isPowerOfTen(s.ratio));
    index = exact < 0 ? index : exact;
    found = digitsFor({ v, step: steps[index], first: decimalsAt(index), marks });
  }
  const step = steps[index];
  let { number } = found;
  const { decimals } = found;
  number = stripZeros(number);
  if (fmt.kind === 'currency' && index === base && number.includes('.')) {
    const [whole, cents] = number.split('.');
    number = `${whole}.${cents.padEnd(2, '0')}`;
  }
  const negative = v < 0 && /[1-9]/.test(number);
  return {
    text: assemble(fmt, step, number, negative),
    number,
    negative,
    ratio: step.ratio,
    decimals,
    step: step.label,
  };
}

/** The value as shown, with its parts. Non-finite numbers read as JavaScript writes them (they are never scored). */
export function showValue(v: number, style: ValueStyle): Shown {
  return show(v, style);
}

export function formatValue(v: number, style: ValueStyle | string): string {
  return show(v, typeof style === 'string' ? { unit: style } : style).text;
}

/** A threshold or target as written in the catalog, every digit of it: "99.95%", "7 days", "$0.40". */
export function formatExact(v: number, unit: string): string {
  return show(v, { unit, marks: [{ at: v, side: 'exactly' }] }).text;
}

/** The unit shows percentages: their changes are in points. */
export function isPercentUnit(unit: string): boolean {
  const kind = unitFormat(unit).kind;
  return kind === 'fraction' || kind === 'percent';
}

/**
 * A change (a trend) at the precision of the value it changes: two significant digits, never finer than the
 * value's own last digit, and `no change` when it would round to zero there. Changes of percentages are in points.
 *   99.95% after 99.86%: "+0.09 pt";  $0.42407 after $0.424072: "no change";  15 h after 35 h: "-20 h".
 */
export function formatChange(change: number, style: ValueStyle, current?: number): string {
  if (!Number.isFinite(change)) {
    return String(change);
  }
  const reference = current === undefined ? undefined : show(current, style);
  const floor = reference ? 0.5 * 10 ** -reference.decimals * value(reference.ratio) : 0;
  if (change === 0 || Math.abs(change) < floor) {
    return 'no change';
  }
  const sign = change > 0 ? '+' : '-';
  const fmt = unitFormat(style.unit);
  if (fmt.kind === 'fraction' || fmt.kind === 'percent') {
    const points = Math.abs(change) * (fmt.kind === 'fraction' ? 100 : 1);
    const decimals = Math.min(sigDecimals(points, 2), reference?.decimals ?? Infinity);
    return `${sign}${stripZeros(points.toFixed(decimals))} pt`;
  }
  const cap = reference && { step: reference.step, decimals: reference.decimals };
  // The magnitude without a sign of its own (a signed unit such as nps writes "+" on positive values), and without
  // the "/10" or ":1" of a score or a ratio: a change of 8.5/10 to 8.8/10 is "+0.3", not "+0.3/10".
  const magnitude = show(Math.abs(change), { unit: style.unit, integer: style.integer }, { sig: 2, cap }).text;
  const bare = fmt.kind === 'plain' && /^[/:]/.test(fmt.suffix) ? magnitude.slice(0, -fmt.suffix.length) : magnitude;
  return `${sign}${bare.replace(/^\+/, '')}`;
}
