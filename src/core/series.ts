/**
 * Turning raw points into evidence. The rules, in the order they apply:
 * - a point whose time is no instant (before 1970, after 9999, NaN: duration.ts `isInstant`) has no readable time:
 *   counted with null and NaN, never evidence, never a date to write;
 * - points later than `now` are dropped: the scorecard is as of `now`, never ahead of it;
 * - points are sorted by time;
 * - null and NaN are not evidence: they are counted (for a warning) and skipped. They never make a series fresh,
 *   so a source that only yields NaN goes stale and then has no data;
 * - +Inf and -Inf are impossible values (a division by zero in the query): they are returned in `infinite`, and
 *   the caller makes the item an error, as for any value outside the domain (domain.ts);
 * - one timestamp with two DIFFERENT finite values is a conflict (a duplicated or merged series): neither value is
 *   evidence, whatever their order, and the caller reports the conflict. The same value twice is one sample; a
 *   finite value beside a null/NaN at the same time is that value.
 *     [t, 0], [t, 9]  -> conflict at t (0 and 9);   [t, 5], [t, 5] -> one sample 5;   [t, null], [t, 5] -> 5.
 */
import { isInstant } from './duration';

export interface Sample {
  t: number;
  v: number;
}

export interface CleanSeries {
  /** Finite samples at or before `now`, in time order, one per timestamp. */
  samples: Sample[];
  /** Points that were null or NaN, or had no readable time (at or before `now`). */
  nonFinite: number;
  /** Points after `now`. */
  future: number;
  /** ±Inf points at or before `now`, in time order. */
  infinite: Sample[];
  /** Timestamps with more than one distinct finite value, in time order, their values ascending. */
  conflicts: Array<{ t: number; values: number[] }>;
}

export function cleanPoints(points: Array<[number, number | null]>, now: number): CleanSeries {
  let nonFinite = 0;
  let future = 0;
  const infinite: Sample[] = [];
  const kept: Array<{ t: number; v: number | null; i: number }> = [];
  points.forEach(([t, v], i) => {
    if (!isInstant(t)) {
      nonFinite++;
    } else if (t > now) {
      future++;
    } else if (v === Infinity || v === -Infinity) {
      infinite.push({ t, v });
    } else {
      kept.push({ t, v, i });
    }
  });
  // Sources answer in time order: sorting is only needed when they did not.
  if (kept.some((p, k) => k > 0 && p.t < kept[k - 1].t)) {
    kept.sort((a, b) => a.t - b.t || a.i - b.i);
  }
  const samples: Sample[] = [];
  const conflicts: CleanSeries['conflicts'] = [];
  // Each run of equal times: one finite value is a sample, several different ones a conflict, none a non-finite.
  for (let k = 0; k < kept.length;) {
    const t = kept[k].t;
    let first: number | undefined;
    let distinct: Set<number> | undefined;
    for (; k < kept.length && kept[k].t === t; k++) {
      const v = kept[k].v;
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (first === undefined) {
          first = v;
        } else if (distinct || v !== first) {
          distinct ??= new Set([first]);
          distinct.add(v);
        }
      }
    }
    if (distinct && distinct.size > 1) {
      conflicts.push({ t, values: [...distinct].sort((a, b) => a - b) });
    } else if (first !== undefined) {
      samples.push({ t, v: first });
    } else {
      nonFinite++;
    }
  }
  infinite.sort((a, b) => a.t - b.t);
  return { samples, nonFinite, future, conflicts, infinite };
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
