/**
 * The row's trend points as the FieldSparkline that @grafana/ui's Sparkline draws. The points come at the review
 * cadence (src/core/evaluate.ts: daily for a 30-day window). Counts draw as steps (a count does not glide between
 * days); the line takes the colour of the trend's quality, so the eye reads "better" or "worse" before the number.
 */
import { FieldType, type FieldSparkline } from '@grafana/data';

/** Undefined with fewer than two points: a line needs two, and the Sparkline would draw nothing. */
export function toFieldSparkline(
  points: Array<[number, number]>,
  style: { color: string; steps: boolean }
): FieldSparkline | undefined {
  if (points.length < 2) {
    return undefined;
  }
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const values = sorted.map((p) => p[1]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    x: { name: 'time', type: FieldType.time, values: sorted.map((p) => p[0]), config: {} },
    y: {
      name: 'value',
      type: FieldType.number,
      values,
      config: {
        color: { mode: 'fixed', fixedColor: style.color },
        custom: {
          lineWidth: 1.5,
          fillOpacity: 0,
          lineInterpolation: style.steps ? 'stepAfter' : 'linear',
          showPoints: 'never',
        },
      },
      // The Sparkline scales by the field's range, which Grafana's display pipeline would otherwise compute.
      state: { range: { min, max, delta: max - min } },
    },
  };
}
