/**
 * The whole engine in one call: every metric of a catalog evaluated against its observation, escalated against the
 * owners' actions (escalate.ts), then rolled up.
 * The datasource, the CLI and the catalog tests all go through here, so they cannot disagree. Pure and synchronous,
 * so it can be timed on its own.
 */
import type { Action } from './actions';
import { escalate } from './escalate';
import { evaluateMetric, type ItemResult } from './evaluate';
import type { ValueFormatter } from './evidence';
import { rollup, type ScorecardResult } from './rollup';
import type { Catalog, Observation, WithWarnings } from './types';
import { own } from './own';

export interface ScorecardInput {
  catalog: Catalog;
  /** By metric id; a metric without an entry has no data. */
  observations: Record<string, Observation | undefined>;
  now: number;
  format?: ValueFormatter;
  /** Evaluate only these metric ids (all when absent). */
  only?: string[];
  /** The owners' recorded actions (actions.ts). None recorded: amber escalates after its grace (escalate.ts). */
  actions?: Action[];
}

export interface ScorecardOutput {
  items: ItemResult[];
  scorecard: ScorecardResult;
}

export function evaluateScorecard(input: ScorecardInput): WithWarnings<ScorecardOutput> {
  const { catalog, observations, now, format } = input;
  const only = input.only && new Set(input.only);
  const selected = only ? catalog.metrics.filter((m) => only.has(m.id)) : catalog.metrics;
  const warnings: string[] = [];
  const items: ItemResult[] = [];
  for (const def of selected) {
    const observation = own(observations, def.id) ?? { series: [] };
    const evaluated = evaluateMetric({ def, observation, now, format });
    items.push(...evaluated.result);
    warnings.push(...evaluated.warnings);
  }
  const pillars = new Set(selected.map((m) => m.pillar));
  const scope = only ? { ...catalog, pillars: catalog.pillars.filter((p) => pillars.has(p.id)) } : catalog;
  const escalated = escalate({ results: items, catalog, actions: input.actions ?? [], now });
  const rolled = rollup(scope, escalated, now);
  return { result: { items: escalated, scorecard: rolled.result }, warnings: [...warnings, ...rolled.warnings] };
}
