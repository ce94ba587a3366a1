/** The row's trend points as the FieldSparkline that @grafana/ui's Sparkline draws. */
import { FieldType, type FieldSparkline } from '@grafana/data';

/** Undefined with fewer than two points: a line needs two, and the Sparkline would draw nothing. */
export function toFieldSparkline(points: Array<[number, number]>, color: string): FieldSparkline | undefined {
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
      config: { color: { mode: 'fixed', fixedColor: color }, custom: { lineWidth: 1, fillOpacity: 0 } },
      // The Sparkline scales by the field's range, which Grafana's display pipeline would otherwise compute.
      state: { range: { min, max, delta: max - min } },
    },
  };
}
