/**
 * The engine benchmark: evaluate and roll up N items of POINTS points each (one Prometheus metric per item, in 10
 * pillars), as a ratio to a bare loop that only reads the same arrays, in the same process. Both sides get the same
 * frames; the engine's own output (rows, meta) is what the datasource returns.
 */
import { fingerprint } from '../src/core/fingerprint';
import { runEngine } from '../src/core/engine';
import type { FrameLike } from '../src/core/frames';
import { benchCatalog } from './catalog';
import { measure, type Figure } from './measure';

const NOW = Date.parse('2026-11-16T12:00:00Z');
const STEP = 60_000;

const catalogOf = (n: number) =>
  benchCatalog({ id: 'bench', metrics: n, pillars: 10, metric: () => ({ tier: 'high', trend: { window: '6h' } }) });

function framesOf(n: number, points: number): FrameLike[] {
  const times = Array.from({ length: points }, (_, j) => NOW - (points - 1 - j) * STEP);
  return Array.from({ length: n }, (_, i) => ({
    refId: `m${i}`,
    fields: [
      { name: 'Time', type: 'time', values: times },
      { name: 'Value', type: 'number', values: Array.from({ length: points }, (_, j) => 0.99 + ((i + j) % 10) / 1000) },
    ],
  }));
}

/** What any consumer must at least do: read every time and value once. */
function bareLoop(frames: FrameLike[]): number {
  let sum = 0;
  for (const f of frames) {
    const [t, v] = [f.fields[0].values, f.fields[1].values];
    for (let j = 0; j < t.length; j++) {
      sum += (t[j] as number) + (v[j] as number);
    }
  }
  return sum;
}

/** `sizes`: [items, points per item] pairs. */
export function engineFigures(sizes: Array<[number, number]>, runs: (n: number) => number): Figure[] {
  const figures: Figure[] = [];
  for (const [n, points] of sizes) {
    const catalog = catalogOf(n);
    const fp = fingerprint(catalog);
    const frames = framesOf(n, points);
    const k = runs(n);
    // The largest size is measured once, without a warm-up: one run takes minutes and most of the machine's memory.
    const warmup = n < 100_000;
    const base = measure(k, () => bareLoop(frames), warmup);
    const engine = measure(
      k,
      () =>
        runEngine({
          catalog,
          fingerprint: fp,
          selection: {},
          frames,
          errors: [],
          asOf: NOW,
          asOfIsNow: false,
          now: NOW,
        }),
      warmup
    );
    figures.push({
      name: `engine: ${n.toLocaleString('en')} items × ${points} points`,
      unit: 'ms',
      candor: engine,
      baseline: base,
      baselineName: 'bare loop reading the same arrays',
    });
  }
  return figures;
}
