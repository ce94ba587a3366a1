/**
 * The trend line of an item (evaluate.ts): its samples thinned to the cadence a reviewer reads, one per step.
 */
import { lastIndexAtOrBefore, type Samples } from './series';

const HOUR_MS = 3_600_000;

/**
 * The trend line at the cadence a reviewer reads it: one point per step, the last sample within it. The step is a
 * day for trend windows of 14 days and more (a 30-day metric: 30 daily points), 6 hours from 2 days (a week: 28
 * points), an hour below. Steps end at `now`: the newest point is always the latest sample.
 */
export function sparklineStep(windowMs: number): number {
  return windowMs >= 14 * 24 * HOUR_MS ? 24 * HOUR_MS : windowMs >= 48 * HOUR_MS ? 6 * HOUR_MS : HOUR_MS;
}

/** The samples from `from` on, one per step (the last in it): samples are in time order, so steps come in order. */
export function atCadence(
  samples: Samples,
  from: number,
  cadence: { now: number; stepMs: number }
): Array<[number, number]> {
  const { now, stepMs } = cadence;
  const { t, v } = samples;
  const line: Array<[number, number]> = [];
  const before = lastIndexAtOrBefore(t, from);
  const start = before >= 0 && t[before] === from ? before : before + 1;
  for (let i = start; i < t.length; i++) {
    const last = i === t.length - 1 || Math.floor((now - t[i + 1]) / stepMs) !== Math.floor((now - t[i]) / stepMs);
    if (last) {
      line.push([t[i], v[i]]);
    }
  }
  return line;
}
