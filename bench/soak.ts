/**
 * `npm run soak`: the scorecard refreshed 10,000 times in one page (bench/page/main.tsx, soak mode), bounded by
 * cycles and by 15 minutes. At every checkpoint, after a full garbage collection: the JS heap in use and the DOM node
 * count. Flat means: after the first 1,000 refreshes (caches filled), the heap grows less than 10% (and less than
 * 5 MB) and the DOM node count does not change. Writes the figures into docs/reliability.md (between the soak
 * markers) and exits 1 when not flat.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';

import { benchCases, runPage } from './browser';

const ROOT = path.resolve(__dirname, '..');
const CYCLES = Number(process.env.CANDOR_SOAK_CYCLES || 10_000);
const EVERY = Math.max(1, Math.round(CYCLES / 10));

interface Soak {
  cyclesDone: number;
  gc: boolean;
  checkpoints: Array<{ cycle: number; heapBytes: number; domNodes: number; ms: number; tags: Record<string, number> }>;
}

async function main() {
  const [first] = benchCases(ROOT);
  const input = {
    cases: [first],
    runs: 0,
    width: 1920,
    height: 1080,
    soak: { cycles: CYCLES, every: EVERY, maxMs: 15 * 60_000 },
  };
  const out = (await runPage(ROOT, input, ['--js-flags=--expose-gc', '--enable-precise-memory-info'])) as Soak;
  const points = out.checkpoints;
  const settled = points.find((p) => p.cycle >= Math.min(1000, CYCLES / 10)) ?? points[0];
  const last = points[points.length - 1];
  const growth = last.heapBytes - settled.heapBytes;
  const flat =
    out.gc &&
    growth < Math.max(0.1 * settled.heapBytes, 0) &&
    growth < 5 * 2 ** 20 &&
    last.domNodes === settled.domNodes;
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const table = [
    '<!-- soak:start -->',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}: ${out.cyclesDone.toLocaleString('en')} refreshes of the default scorecard in ${(last.ms / 1000).toFixed(0)} s; garbage collected before each checkpoint: ${out.gc ? 'yes' : 'NO (figures are not comparable)'}.`,
    '',
    '| Refreshes | JS heap in use | DOM nodes | Time |',
    '|---|---|---|---|',
    ...points.map(
      (p) =>
        `| ${p.cycle.toLocaleString('en')} | ${mb(p.heapBytes)} MB | ${p.domNodes.toLocaleString('en')} | ${(p.ms / 1000).toFixed(1)} s |`
    ),
    '',
    `From ${settled.cycle.toLocaleString('en')} to ${last.cycle.toLocaleString('en')} refreshes the heap changed by ${mb(growth)} MB and the DOM by ${last.domNodes - settled.domNodes} nodes: ${flat ? 'flat' : 'NOT flat'}.`,
    '',
    '<!-- soak:end -->',
  ].join('\n');
  const doc = path.join(ROOT, 'docs/reliability.md');
  const text = readFileSync(doc, 'utf8');
  const [a, b] = [text.indexOf('<!-- soak:start -->'), text.indexOf('<!-- soak:end -->')];
  writeFileSync(doc, `${text.slice(0, a)}${table}${text.slice(b + '<!-- soak:end -->'.length)}`);
  console.log(table);
  // Which elements the DOM gained, when it grew: the first thing to look at.
  const grown = Object.entries(last.tags).filter(([k, n]) => n !== (settled.tags[k] ?? 0));
  grown.forEach(([k, n]) => console.log(`soak: ${k}: ${settled.tags[k] ?? 0} -> ${n}`));
  process.exitCode = flat ? 0 : 1;
}

main().catch((e: Error) => {
  console.error(`soak: ${e.message}`);
  process.exit(1);
});
