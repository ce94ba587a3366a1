/**
 * The synthetic catalogs of the benchmarks: `metrics` Prometheus metrics (ids m0, m1, …) spread over `pillars`
 * pillars, each a copy of the test factory's metric (src/core/testing/factories.ts) with the changes given.
 */
import { createCatalog, createMetric, createPillar } from '../src/core/testing/factories';
import type { Catalog, MetricDef } from '../src/core/types';

export function benchCatalog(input: {
  id: string;
  metrics: number;
  pillars: number;
  metric?: (i: number) => Partial<MetricDef>;
}): Catalog {
  const { pillars } = input;
  return createCatalog({
    scorecard: { id: input.id, title: 'Benchmark scorecard', version: '1' },
    pillars: Array.from({ length: pillars }, (_, i) =>
      createPillar({ id: `p${i}`, title: `Pillar ${i + 1}`, order: i + 1 })
    ),
    metrics: Array.from({ length: input.metrics }, (_, i) =>
      createMetric({
        id: `m${i}`,
        pillar: `p${i % pillars}`,
        name: `Metric ${i + 1}`,
        source: { prometheus: { datasourceUid: 'prom', expr: `m${i}` } },
        ...input.metric?.(i),
      })
    ),
  });
}
