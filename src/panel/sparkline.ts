/**
 * The row's trend line as one SVG path: the points come at the review cadence (src/core/evaluate.ts: daily for a
 * 30-day window), so a row's line has a few dozen points and needs no charting library. One `<path>` per row keeps
 * the row small (uPlot, behind @grafana/ui's Sparkline, adds a canvas, six elements and a layout read to every row),
 * re-renders by changing one attribute, prints as a vector and can be asserted in tests.
 *
 * Geometry, exactly: time runs left to right over [first, last] point; values bottom to top over [min, max]; the
 * line keeps `pad` px (half its stroke) from every edge so it is never clipped. A flat series (min = max) is a line
 * through the middle. Counts draw as steps (a count does not glide between days): level until the next point, then
 * up or down. Coordinates are rounded to 0.1 px.
 *   [[0, 1], [1, 3], [2, 2]] in 72×18, pad 1  ->  "M1 17L36 1L71 9"
 *   the same as steps                         ->  "M1 17H36V1H71V9"
 */

export interface SparklineBox {
  width: number;
  height: number;
  /** Distance kept from every edge (px): half the stroke width. */
  pad: number;
  steps: boolean;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** The path's `d`, or undefined with fewer than two points (a line needs two). */
export function sparklinePath(points: Array<[number, number]>, box: SparklineBox): string | undefined {
  const sorted = points.filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  if (sorted.length < 2) {
    return undefined;
  }
  const { width, height, pad, steps } = box;
  const [t0, t1] = [sorted[0][0], sorted[sorted.length - 1][0]];
  let [min, max] = [Infinity, -Infinity];
  for (const [, v] of sorted) {
    [min, max] = [Math.min(min, v), Math.max(max, v)];
  }
  const x = (t: number) => r(t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
  const y = (v: number) => r(max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad));
  let d = `M${x(sorted[0][0])} ${y(sorted[0][1])}`;
  for (let i = 1; i < sorted.length; i++) {
    const [t, v] = sorted[i];
    d += steps ? `H${x(t)}V${y(v)}` : `L${x(t)} ${y(v)}`;
  }
  return d;
}
