/** The target beside a value, written by the core formatter (format.ts). */
import { formatExact } from './format';
import type { Boundary, Direction } from './types';

/** The target beside a value, with its direction and every digit: "≥ 99.9%", "≤ 1 h", "-10% … 5%" (a band). */
export function formatTarget(input: { target: Boundary; direction: Direction | string; unit: string }): string {
  const { target, direction, unit } = input;
  if (Array.isArray(target)) {
    return target[0] === target[1]
      ? formatExact(target[0], unit)
      : `${formatExact(target[0], unit)} … ${formatExact(target[1], unit)}`;
  }
  const sign = direction === 'higher-is-better' ? '≥ ' : direction === 'lower-is-better' ? '≤ ' : '';
  return `${sign}${formatExact(target, unit)}`;
}
