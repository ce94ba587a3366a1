/** Timing helpers: every figure is a median and spread of several runs, and a ratio to a baseline of the same run. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Figure {
  name: string;
  unit: string;
  candor: Stats;
  baseline?: Stats;
  baselineName?: string;
  /** Where the time goes, in words, listed under the figure's table. */
  note?: string;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** `runs` timed calls (after one untimed warm-up call unless `warmup` is false), in milliseconds. */
export function measure(runs: number, fn: () => unknown, warmup = true): Stats {
  if (warmup) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
}

export const ratio = (f: Figure) => (f.baseline ? f.candor.median / f.baseline.median : undefined);
