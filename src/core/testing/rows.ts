/**
 * A scorecard row as the engine writes it (docs/frames.md), for the tests of what reads rows: the attention list,
 * the pillar answers, the panel. Relative to FIXED_NOW (2026-11-16T12:00:00Z, a Monday).
 */
import { formatChange, formatExact, formatValue } from '../format';
import type { Direction } from '../types';
import { valueStyle } from '../valueStyle';
import type { ScorecardRow } from '../rows';
import { DAY, FIXED_NOW, MINUTE } from './factories';

/**
 * A green uptime row; override any field. The texts (value_text, target_text, change_text) follow the value, target
 * and change through the core formatter unless overridden, as the datasource writes them.
 */
export function createRow(overrides: Partial<ScorecardRow> = {}): ScorecardRow {
  const row = {
    pillar_id: 'platform-reliability',
    pillar_title: 'Platform Reliability',
    pillar_question: 'Is the platform stable right now?',
    pillar_colour: 'green',
    metric_id: 'uptime-slo',
    item: '',
    name: 'Uptime (30-day SLO compliance)',
    description: 'Share of successful probes over 30 days.',
    owner: 'Head of SRE',
    unit: 'percentunit',
    direction: 'higher-is-better',
    indicator: 'lagging',
    tier: 'critical',
    value: 0.9995,
    target: 0.999,
    target_high: 0.999,
    status: 'green',
    colour: 'green',
    evidence: '99.95% ≥ 99.9% (green), target 99.9%, as of 12:00 UTC',
    previous: 0.9993,
    change: 0.0002,
    relative_change: 0.0002,
    change_quality: 'better',
    colour_since: FIXED_NOW - 12 * DAY,
    colour_since_lower_bound: false,
    last_sample: FIXED_NOW - 5 * MINUTE,
    source: 'Prometheus (candor-prometheus)',
    links: [{ title: 'Runbook', url: 'https://runbooks.example.com/uptime' }],
    sparkline: [0, 1, 2, 3, 4, 5, 6].map((d) => [FIXED_NOW - (6 - d) * DAY, 0.9993 + d * 0.00003]),
    retired: false,
    label: 'Uptime (30 days)',
    thresholds_text: 'green ≥ 99.9%, amber ≥ 99.5%, red below',
    alert_tier: overrides.tier ?? 'critical',
    escalation: '',
    action: null,
    query: { kind: 'prometheus', datasourceUid: 'candor-prometheus', expr: 'avg_over_time(probe_success[30d])' },
    integer: false,
    goal_text: '',
    summary_only: false,
    ...overrides,
  } satisfies Omit<ScorecardRow, 'value_text' | 'target_text' | 'change_text'>;
  // As the engine writes them: the value against its target and the ends of its unit's valid values.
  const direction = row.direction as Direction;
  const style = valueStyle({
    unit: row.unit,
    direction,
    target: row.target,
    thresholds: { green: row.target, amber: row.target },
  });
  const sign = row.direction === 'higher-is-better' ? '≥ ' : row.direction === 'lower-is-better' ? '≤ ' : '';
  return {
    value_text: row.value === null ? '' : formatValue(row.value, style),
    target_text: `${sign}${formatExact(row.target, row.unit)}`,
    change_text: row.change === null ? '' : formatChange(row.change, style, row.value ?? undefined),
    ...row,
  };
}
