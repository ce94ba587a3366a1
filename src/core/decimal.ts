/**
 * Exact decimal comparison, so the formatter can prove that a shown text sits on the same side of a threshold as
 * the true value. Numbers mean the decimal they print as (`String(x)`: 0.9995 is 0.9995, not the binary fraction
 * 0.99950000000000005507…), which is what a catalog author wrote and what a reader compares.
 *   fromNumber(0.9995) = { m: 9995n, e: -4 };  compareScaled(fromText('99.95'), { num: 1n, den: 100n }, 0.9995) = 0
 */

/**
 * BigInt without its literal syntax and its `**` operator: the build targets ES2015, where `**` becomes Math.pow,
 * which throws on a BigInt.
 */
export const big = (n: number | string) => BigInt(n);
export function bigPow(base: bigint, exponent: number): bigint {
  let out = big(1);
  for (let i = 0; i < exponent; i++) {
    out *= base;
  }
  return out;
}
const TEN = big(10);

/** `m × 10^e`, exactly. */
export interface Dec {
  m: bigint;
  e: number;
}

/** A rational factor `num / den` (both positive). */
export interface Ratio {
  num: bigint;
  den: bigint;
}

/** A decimal text (`-12.50`, `1e-7`, `1.5e+21`) as a Dec; undefined when it is not one. */
export function fromText(text: string): Dec | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    return undefined;
  }
  const fraction = match[3] ?? '';
  const digits = `${match[2]}${fraction}`.replace(/^0+(?=\d)/, '');
  const sign = big(match[1] === '-' ? -1 : 1);
  return { m: sign * BigInt(digits || '0'), e: Number(match[4] ?? 0) - fraction.length };
}

/** A finite number as the decimal it prints as. */
export function fromNumber(x: number): Dec {
  return fromText(String(x)) ?? { m: big(0), e: 0 };
}

function align(a: Dec, b: Dec): [bigint, bigint] {
  const e = Math.min(a.e, b.e);
  return [a.m * bigPow(TEN, a.e - e), b.m * bigPow(TEN, b.e - e)];
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares `shown × ratio` with the number `x` exactly: `shown × num` against `x × den`. */
export function compareScaled(shown: Dec, ratio: Ratio, x: number): number {
  const target = fromNumber(x);
  return compare({ m: shown.m * ratio.num, e: shown.e }, { m: target.m * ratio.den, e: target.e });
}
