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
import { isInstant, LAST_INSTANT } from './duration';
import type { Series } from './types';

export interface Sample {
  t: number;
  v: number;
}

/** Samples column by column: `t[i]` is the time of `v[i]`; same length. May be the frame's own arrays: read only. */
export interface Samples {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

export interface CleanSeries {
  /** Finite samples at or before `now`, in time order, one per timestamp. */
  samples: Samples;
  /** Points that were null or NaN, or had no readable time (at or before `now`). */
  nonFinite: number;
  /** Points after `now`. */
  future: number;
  /** ±Inf points at or before `now`, in time order. */
  infinite: Sample[];
  /** Timestamps with more than one distinct finite value, in time order, their values ascending. */
  conflicts: Array<{ t: number; values: number[] }>;
}

/** A series from `[time, value]` pairs (tests, the catalog tests' notation). */
export function seriesOf(points: Array<[number, number | null]>, extra: Pick<Series, 'labels' | 'field'> = {}): Series {
  return { ...extra, times: points.map((p) => p[0]), values: points.map((p) => p[1]) };
}

/** The samples one by one, for the few rules that read them as records (goals, comparing an item's series). */
export function sampleList(samples: Samples): Sample[] {
  return Array.from({ length: samples.t.length }, (_, i) => ({ t: samples.t[i], v: samples.v[i] }));
}

/**
 * Whether a series is already clean: every time an instant at or before `now`, strictly increasing, every value
 * finite. Sources answer so nearly always, and then the series' own arrays are its samples: nothing is copied.
 */
function isClean(times: ArrayLike<number>, values: ArrayLike<number | null>, now: number): boolean {
  // The latest time a sample may have: `now`, or the last instant (duration.ts isInstant) when `now` is later.
  const latest = Math.min(now, LAST_INSTANT);
  let previous = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    const v = values[i];
    // A time after `previous` (so at least -Infinity's successor) and from 1970 on: t >= 0 below.
    if (!(
      typeof t === 'number' &&
      t >= 0 &&
      t <= latest &&
      t > previous &&
      typeof v === 'number' &&
      Number.isFinite(v)
    )) {
      return false;
    }
    previous = t;
  }
  return true;
}

export function cleanPoints(series: Pick<Series, 'times' | 'values'>, now: number): CleanSeries {
  const { times, values } = series;
  if (isClean(times, values, now)) {
    return {
      samples: { t: times, v: values as ArrayLike<number> },
      nonFinite: 0,
      future: 0,
      conflicts: [],
      infinite: [],
    };
  }
  let nonFinite = 0;
  let future = 0;
  const infinite: Sample[] = [];
  const kept: Array<{ t: number; v: number | null; i: number }> = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    const v = values[i];
    if (!isInstant(t)) {
      nonFinite++;
    } else if (t > now) {
      future++;
    } else if (v === Infinity || v === -Infinity) {
      infinite.push({ t, v });
    } else {
      kept.push({ t, v, i });
    }
  }
  // Sources answer in time order: sorting is only needed when they did not.
  if (kept.some((p, k) => k > 0 && p.t < kept[k - 1].t)) {
    kept.sort((a, b) => a.t - b.t || a.i - b.i);
  }
  const samples: { t: number[]; v: number[] } = { t: [], v: [] };
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
      samples.t.push(t);
      samples.v.push(first);
    } else {
      nonFinite++;
    }
  }
  infinite.sort((a, b) => a.t - b.t);
  return { samples, nonFinite, future, conflicts, infinite };
}

/** The index of the last sample at or before `t`, or -1 (binary search: samples are in time order). */
export function lastIndexAtOrBefore(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

/**
 * The value one trend window before `now`: the last sample at or before `now - window`; when the window holds no
 * sample that old, the oldest sample inside it (so a trend is still shown for a series younger than the window). Never
 * the latest sample itself: one sample has no trend.
 */
export function sampleAtWindowStart(
  samples: Samples,
  window: { now: number; ms: number; count?: number }
): Sample | undefined {
  // Only the first `count` samples are read (a goal judged as of an earlier sample: goal.ts).
  const count = window.count ?? samples.t.length;
  if (count < 2) {
    return undefined;
  }
  const i = Math.max(0, Math.min(count - 1, lastIndexAtOrBefore(samples.t, window.now - window.ms)));
  return { t: samples.t[i], v: samples.v[i] };
}
