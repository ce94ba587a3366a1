/**
 * Figures that are counted, not timed: the built bundles' sizes (raw and gzip) against the issue's goals, and the
 * requests one refresh sends at the `/api/ds/query` boundary for the default catalog against the do-it-yourself
 * dashboard (one Stat panel per metric: Grafana sends one request per panel), with their request bytes. The request
 * bodies are the datasource's own (core/queries.ts buildRequests); the DIY bodies are one metric's query each.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';

import { actionsQuery, searchParams } from '../src/core/actions';
import { loadCatalog } from '../src/core/parse';
import { buildRequests } from '../src/core/queries';

export interface Count {
  name: string;
  candor: number;
  baseline?: number;
  baselineName?: string;
  goal?: string;
  unit: string;
}

const BUNDLES: Array<[string, string, number | undefined]> = [
  ['app module.js', 'dist/module.js', undefined],
  ['panel module.js', 'dist/panel/module.js', 12 * 1024],
  ['datasource module.js', 'dist/datasource/module.js', 25 * 1024],
];

export function bundleCounts(root: string): Count[] {
  return BUNDLES.flatMap(([name, file, goal]): Count[] => {
    const full = path.join(root, file);
    if (!existsSync(full)) {
      throw new Error(`${file} is missing: run npm run build first`);
    }
    const raw = readFileSync(full);
    return [
      { name: `bundle: ${name}, raw`, candor: raw.length, unit: 'bytes' },
      {
        name: `bundle: ${name}, gzip`,
        candor: gzipSync(raw, { level: 9 }).length,
        unit: 'bytes',
        ...(goal ? { goal: `≤ ${goal / 1024} KB` } : {}),
      },
    ];
  });
}

export function requestCounts(root: string, catalogFile: string, asOf: number): Count[] {
  const { catalog } = loadCatalog(readFileSync(path.join(root, catalogFile), 'utf8'));
  if (!catalog) {
    throw new Error(`${catalogFile} is not a valid catalog`);
  }
  const active = catalog.metrics.filter((m) => !m.retired);
  const same = (t: string) => t;
  const bodies = buildRequests(active, asOf, same);
  const annotations = `/api/annotations?${searchParams(actionsQuery(catalog.scorecard.id, asOf))}`;
  // A hand-built Stat panel sends the metric's own query only: it has no freshness query (core/freshness.ts).
  const diy = active
    .flatMap((m) => buildRequests([m], asOf, same))
    .map((b) => ({ ...b, queries: b.queries.slice(0, 1) }));
  const bytes = (list: unknown[]) => list.reduce<number>((n, b) => n + Buffer.byteLength(JSON.stringify(b)), 0);
  const diyName = `one Stat panel per metric (${active.length} panels)`;
  return [
    {
      name: `requests per refresh, ${catalogFile}`,
      candor: bodies.length + 1,
      baseline: diy.length,
      baselineName: diyName,
      goal: '1 (actions included), or 2 at most',
      unit: 'requests',
    },
    {
      name: 'request bytes per refresh',
      candor: bytes(bodies) + Buffer.byteLength(annotations),
      baseline: bytes(diy),
      baselineName: diyName,
      unit: 'bytes',
    },
  ];
}
