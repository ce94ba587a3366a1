/**
 * The generator benchmark: a 1,000-metric catalog through `candor provision` and `candor check`, in a temporary
 * project, against `candor validate` of the same catalog (reading and validating it: what any tool must do).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { stringify } from 'yaml';

import { main } from '../src/cli/main';
import { benchCatalog } from './catalog';
import { stats, type Figure } from './measure';

const quiet = { out: () => undefined, err: () => undefined };

const bigCatalog = (n: number) =>
  benchCatalog({
    id: 'bench-1000',
    metrics: n,
    pillars: 10,
    metric: (i) => ({
      tier: 'high',
      trend: { window: '1d' },
      source: { prometheus: { datasourceUid: 'candor-prometheus', expr: `avg_over_time(up{job="j${i}"}[5m])` } },
    }),
  });

export async function generatorFigures(n: number, runs: number): Promise<Figure[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-'));
  try {
    const dir = path.join(root, 'provisioning', 'catalogs');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'bench.yaml');
    writeFileSync(file, stringify(bigCatalog(n)));
    const code = await main(['approve', '--by', 'Benchmark', '--catalog', file, '--root', root], quiet);
    if (code !== 0) {
      throw new Error(`candor approve exited ${code}`);
    }
    const time = async (argv: string[]) => {
      const samples: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const t = process.hrtime.bigint();
        const errors: string[] = [];
        const exit = await main(argv, { out: () => undefined, err: (l) => errors.push(l) });
        if (exit !== 0) {
          throw new Error(`candor ${argv[0]} exited ${exit}: ${errors.slice(0, 3).join('; ')}`);
        }
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return samples.slice(1); // the first run warms up
    };
    const validate = stats(await time(['validate', file]));
    const provision = stats(await time(['provision', '--root', root]));
    const check = stats(await time(['check', '--root', root]));
    const base = { baseline: validate, baselineName: '`candor validate` of the same catalog' };
    return [
      {
        name: `generator: candor provision, ${n.toLocaleString('en')} metrics`,
        unit: 'ms',
        candor: provision,
        ...base,
      },
      { name: `generator: candor check, ${n.toLocaleString('en')} metrics`, unit: 'ms', candor: check, ...base },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
