/**
 * The units a value can be shown in, as ladders of steps: for a plain number or money '' K M B T, for SI units their
 * prefixes (mW, W, kW), for binary units IEC prefixes (KiB), for durations ms s min h days weeks years, each with the
 * base units per shown unit as an exact ratio in lowest terms (the unit's own step is 1/1) and the magnitude from which
 * it is used. format.ts chooses a step and the digits.
 */
import { big, bigPow, type Ratio } from './decimal';
import type { UnitFormat } from './unitFormats';

export interface Step {
  /** Base units per one shown unit. */
  ratio: Ratio;
  /** Used when |value| ≥ from (base units). */
  from: number;
  label: string;
  /** Plural label (durations). */
  plural?: string;
}

const gcd = (a: bigint, b: bigint): bigint => (b === big(0) ? a : gcd(b, a % b));
/** A ratio in lowest terms, so the unit's own step is exactly 1/1 (hours shown in a unit of hours). */
export const r = (num: number | bigint, den: number | bigint = 1): Ratio => {
  const n = typeof num === 'bigint' ? num : big(num);
  const d = typeof den === 'bigint' ? den : big(den);
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
};
export const value = (ratio: Ratio) => Number(ratio.num) / Number(ratio.den);
/** `abs` in units of the step: multiplied by den and divided by num, so 24 h / (1/24 day) is 1, not 0.99999. */
export const scaledBy = (abs: number, ratio: Ratio) => (abs * Number(ratio.den)) / Number(ratio.num);

const COMPACT: Step[] = ['', 'K', 'M', 'B', 'T'].map((label, i) => ({
  ratio: r(bigPow(big(1000), i)),
  from: 1000 ** i,
  label,
}));
const SI_PREFIXES = ['y', 'z', 'a', 'f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const IEC_PREFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'];
const DAY = 86_400_000;
const DURATIONS: Array<[number, number, string, string]> = [
  // [ms per shown unit, used from (ms), label, plural]
  [1, 0, 'ms', 'ms'],
  [1000, 1000, 's', 's'],
  [60_000, 60_000, 'min', 'min'],
  [3_600_000, 3_600_000, 'h', 'h'],
  [DAY, 2 * DAY, 'day', 'days'],
  [7 * DAY, 21 * DAY, 'week', 'weeks'],
  [365 * DAY, 365 * DAY, 'year', 'years'],
];

function powerRatio(base: number, exponent: number): Ratio {
  return exponent >= 0 ? r(bigPow(big(base), exponent)) : r(1, bigPow(big(base), -exponent));
}

export function ladder(fmt: UnitFormat): Step[] {
  switch (fmt.kind) {
    case 'fraction':
      return [{ ratio: r(1, 100), from: 0, label: '' }];
    case 'percent':
      return [{ ratio: r(1), from: 0, label: '' }];
    case 'si':
      return SI_PREFIXES.map((label, i) => {
        const ratio = powerRatio(1000, i - 8 - fmt.power);
        return { ratio, from: value(ratio), label };
      });
    case 'binary':
      return IEC_PREFIXES.map((label, i) => {
        const ratio = powerRatio(1024, i - fmt.power);
        return { ratio, from: value(ratio), label };
      });
    case 'duration': {
      const unit = fmt.ms >= 1 ? r(Math.round(fmt.ms)) : r(1, Math.round(1 / fmt.ms));
      return DURATIONS.map(([ms, from, label, plural]) => ({
        ratio: r(big(ms) * unit.den, unit.num),
        from: from / fmt.ms,
        label,
        plural,
      }));
    }
    default:
      return COMPACT;
  }
}

/** The base step: where the unit itself is shown (no prefix, no compaction). */
export function baseIndex(fmt: UnitFormat): number {
  if (fmt.kind === 'si') {
    return 8 + fmt.power;
  }
  if (fmt.kind === 'binary') {
    return fmt.power;
  }
  return 0;
}

export function chooseIndex(abs: number, fmt: UnitFormat): number {
  const steps = ladder(fmt);
  if (abs === 0 || fmt.kind === 'fraction' || fmt.kind === 'percent') {
    return baseIndex(fmt);
  }
  let index = 0;
  steps.forEach((s, i) => {
    if (abs >= s.from) {
      index = i;
    }
  });
  return index;
}
