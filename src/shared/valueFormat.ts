/**
 * Values as executives read them: Grafana's value formats (`@grafana/data`) decide the unit and its scaling; only
 * the decimals are chosen here, so that rounding never flatters. Grafana's automatic decimals show 0.9995 in
 * `percentunit` as "100.0%", which would hide a missed 99.99% target. Rules:
 *   - decimals grow until the shown number is within 0.001% (relative) of the real one: 0.9995 reads "99.95%",
 *     0.98999 reads "98.999%" (never "99%" beside a 99% boundary it is below);
 *   - with `distinctFrom` (a target or boundary), a value that differs from it never reads the same: decimals are
 *     added until the texts differ (0.99899 beside 0.999 reads "99.899%");
 *   - formats that are not plain numbers (dates, booleans) keep Grafana's own choice.
 * Shared by the datasource (evidence texts) and the panel.
 */
import { formattedValueToString, getValueFormat } from '@grafana/data';

export const MAX_DECIMALS = 6;
const RELATIVE_TOLERANCE = 1e-5;

const format = (value: number, unit: string, decimals?: number) =>
  getValueFormat(unit === '' ? 'none' : unit)(value, decimals);
const text = (value: number, unit: string, decimals?: number) => formattedValueToString(format(value, unit, decimals));

/** The decimals for `value` in `unit`, or undefined to leave the choice to Grafana. */
export function chooseDecimals(value: number, unit: string): number | undefined {
  if (!Number.isFinite(value)) {
    return undefined;
  }
  // The number as the unit scales it (×100 for percentunit, K/M for short, …), before any rounding.
  const scaled = Number(format(value, unit, 12).text);
  if (!Number.isFinite(scaled)) {
    return undefined;
  }
  for (let d = 0; d < MAX_DECIMALS; d++) {
    if (Math.abs(Number(scaled.toFixed(d)) - scaled) <= Math.abs(scaled) * RELATIVE_TOLERANCE) {
      return d;
    }
  }
  return MAX_DECIMALS;
}

export function formatValue(value: number, unit: string, distinctFrom?: number | null): string {
  let decimals = chooseDecimals(value, unit);
  if (decimals !== undefined && distinctFrom !== undefined && distinctFrom !== null && distinctFrom !== value) {
    while (decimals < MAX_DECIMALS && text(value, unit, decimals) === text(distinctFrom, unit, decimals)) {
      decimals++;
    }
  }
  return text(value, unit, decimals);
}

/**
 * A change (trend) needs its direction and size, not every digit: two significant digits of the scaled number
 * ("+0.088%", "-20 hour"), but never rounded to zero when it is not zero.
 */
export function formatChangeValue(change: number, unit: string): string {
  const scaled = Number(format(change, unit, 12).text);
  if (!Number.isFinite(scaled) || scaled === 0) {
    return text(change, unit, Number.isFinite(scaled) ? 0 : undefined);
  }
  const most = Math.min(MAX_DECIMALS, Math.max(0, 1 - Math.floor(Math.log10(Math.abs(scaled)))));
  const wanted = Number(scaled.toFixed(most));
  let decimals = 0;
  while (decimals < most && Number(scaled.toFixed(decimals)) !== wanted) {
    decimals++;
  }
  return text(change, unit, decimals);
}
