/**
 * Turning raw points into evidence. The rules, in the order they apply:
 * - points later than `now` are dropped: the scorecard is as of `now`, never ahead of it;
 * - points are sorted by time (stable, so for equal timestamps the later one in the input wins);
 * - null, NaN, +Inf and -Inf are not evidence: they are counted (for a warning) and skipped. They never make a
 *   series fresh, so a source that only yields NaN goes stale and then has no data.
 */

export interface Sample {
  t: number;
  v: number;
}

export interface CleanSeries {
  /** Finite samples at or before `now`, in time order, one per timestamp. */
  samples: Sample[];
  /** Points that were null, NaN or ±Inf (at or before `now`). */
  nonFinite: number;
  /** Points after `now`. */
  future: number;
}

export function cleanPoints(points: Array<[number, number | null]>, now: number): CleanSeries {
  let nonFinite = 0;
  let future = 0;
  const kept: Array<{ t: number; v: number | null; i: number }> = [];
  points.forEach(([t, v], i) => {
    if (!Number.isFinite(t)) {
      nonFinite++;
    } else if (t > now) {
      future++;
    } else {
      kept.push({ t, v, i });
    }
  });
  kept.sort((a, b) => a.t - b.t || a.i - b.i);
  const byTime = new Map<number, number | null>();
  for (const p of kept) {
    byTime.set(p.t, p.v);
  }
  const samples: Sample[] = [];
  byTime.forEach((v, t) => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      samples.push({ t, v });
    } else {
      nonFinite++;
    }
  });
  return { samples, nonFinite, future };
}

/**
 * The value one trend window before `now`: the last sample at or before `now - window`; when the window holds no
 * sample that old, the oldest sample inside it (so a trend is still shown for a series younger than the window). Never
 * the latest sample itself: one sample has no trend.
 */
export function sampleAtWindowStart(samples: Sample[], now: number, windowMs: number): Sample | undefined {
  if (samples.length < 2) {
    return undefined;
  }
  const start = now - windowMs;
  let found: Sample | undefined;
  for (const s of samples) {
    if (s.t <= start) {
      found = s;
    } else {
      break;
    }
  }
  return found ?? samples[0];
}
