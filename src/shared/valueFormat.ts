/**
 * Values as executives read them: Grafana's value formats (`@grafana/data`), with enough decimals that rounding
 * never flatters. Grafana's automatic decimals show 0.9995 in `percentunit` as "100.0%", which would hide a missed
 * 99.99% target; here the decimals grow until the shown number is within 0.001% (relative) of the real one, so 0.9995
 * reads "99.95%" and 0.98999 reads "98.999%". Shared by the datasource (evidence texts) and the panel.
 */
import { formattedValueToString, getValueFormat } from '@grafana/data';

const MAX_DECIMALS = 6;
const RELATIVE_TOLERANCE = 1e-5;

export function formatValue(value: number, unit: string): string {
  const fmt = getValueFormat(unit);
  if (!Number.isFinite(value)) {
    return formattedValueToString(fmt(value));
  }
  // The number as the unit scales it (e.g. ×100 for percentunit, K/M for short), before rounding.
  const scaled = Number(fmt(value, 12).text);
  if (!Number.isFinite(scaled)) {
    return formattedValueToString(fmt(value));
  }
  for (let d = 0; d < MAX_DECIMALS; d++) {
    if (Math.abs(Number(scaled.toFixed(d)) - scaled) <= Math.abs(scaled) * RELATIVE_TOLERANCE) {
      return formattedValueToString(fmt(value, d));
    }
  }
  return formattedValueToString(fmt(value, MAX_DECIMALS));
}
