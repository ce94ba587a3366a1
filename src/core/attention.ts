/**
 * What needs attention, first: every red and amber item (no data, stale and escalated included), worst first, one
 * line each, and each pillar's question answered in words from its rows. Generated here for every catalog, never
 * written by hand.
 *
 * Order (a total order, so it never depends on row order): shown colour (red first), alert tier (critical first),
 * status (red > error > noData > stale > amber), longest first (earliest colour_since; unknown counts as longest),
 * then label, metric id and item.
 *
 * A pillar's answer, from its worst active item in that order:
 *   nothing off target        "Yes: all 4 metrics on target."
 *   red or amber with a value "No: P0/P1 incidents above target for 9 days; action in progress."
 *                             (amber: "action in progress", "action overdue" or "no action recorded")
 *   no data, error, stale     "Unknown: Security incidents has no data." / "… cannot be read." / "… is stale."
 * and " (2 more off target)" when more than one item is.
 */
import { formatSpanSince } from './duration';
import type { ActionSummary } from './escalate';
import { STATUS_RANK, TIERS } from './rollup';
import type { ScorecardRow } from './rows';
import type { Colour, Status } from './types';
import { itemLabel, respondText, STATUS_WORD } from './words';

export interface AttentionItem {
  metricId: string;
  item: string;
  label: string;
  colour: Colour;
  status: Status;
  /** The alert tier after escalation. */
  tier: string;
  valueText: string;
  targetText: string;
  /** "for 9 days", "for ≥ 3 days" (the data starts there), or "" when unknown. */
  forText: string;
  owner: string;
  action: ActionSummary | null;
  /** "Post-incident reviews … (VP Engineering, due 2026-12-13)", or "no action recorded". */
  actionText: string;
  escalation: string;
  /** "respond now", "respond within 24 h". */
  respondText: string;
}

/** The fields of a scorecard row this module reads (the panel adapts its own rows to it). */
export type AttentionRow = Pick<
  ScorecardRow,
  | 'metric_id'
  | 'item'
  | 'label'
  | 'colour'
  | 'status'
  | 'direction'
  | 'alert_tier'
  | 'value_text'
  | 'target_text'
  | 'colour_since'
  | 'colour_since_lower_bound'
  | 'owner'
  | 'action'
  | 'escalation'
  | 'retired'
>;

const COLOURS: Colour[] = ['green', 'amber', 'red'];
const rank = (list: readonly string[], v: string) => list.indexOf(v);

function compareAttention(a: AttentionRow, b: AttentionRow): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    rank(COLOURS, b.colour) - rank(COLOURS, a.colour) ||
    rank(TIERS, a.alert_tier) - rank(TIERS, b.alert_tier) ||
    (STATUS_RANK[b.status as Status] ?? 0) - (STATUS_RANK[a.status as Status] ?? 0) ||
    (a.colour_since ?? -Infinity) - (b.colour_since ?? -Infinity) ||
    text(a.label, b.label) ||
    text(a.metric_id, b.metric_id) ||
    text(a.item, b.item)
  );
}

/** The active rows that are not green, worst first. */
export function offTarget<R extends AttentionRow>(rows: R[]): R[] {
  return rows.filter((r) => !r.retired && r.colour !== 'green').sort(compareAttention);
}

function forText(row: AttentionRow, asOf: number): string {
  if (row.colour_since === null) {
    return '';
  }
  return `for ${formatSpanSince(row.colour_since, asOf, row.colour_since_lower_bound)}`;
}

function actionText(action: ActionSummary | null): string {
  if (!action) {
    return 'no action recorded';
  }
  const due = action.overdue ? `overdue since ${action.dueDate}` : `due ${action.dueDate}`;
  return `${action.text} (${action.owner}, ${due})`;
}

export function attentionItems(rows: AttentionRow[], asOf: number): AttentionItem[] {
  return offTarget(rows).map((r) => ({
    metricId: r.metric_id,
    item: r.item,
    label: itemLabel(r),
    colour: r.colour as Colour,
    status: r.status as Status,
    tier: r.alert_tier,
    valueText: r.value_text || STATUS_WORD[r.status as Status] || r.status,
    targetText: r.target_text,
    forText: forText(r, asOf),
    owner: r.owner,
    action: r.action,
    actionText: actionText(r.action),
    escalation: r.escalation,
    respondText: respondText(r.alert_tier),
  }));
}

const RELATION: Record<string, string> = {
  'higher-is-better': 'below target',
  'lower-is-better': 'above target',
  within: 'outside its target band',
};

function worstClause(row: AttentionRow, asOf: number): string {
  const name = row.item ? `${row.label} (${row.item})` : row.label;
  switch (row.status) {
    case 'noData':
      return `Unknown: ${name} has no data`;
    case 'error':
      return `Unknown: ${name} cannot be read`;
    case 'stale':
      return `Unknown: ${name} is stale`;
    default: {
      const span = forText(row, asOf);
      const clause = `No: ${name} ${RELATION[row.direction] ?? 'off target'}${span ? ` ${span}` : ''}`;
      if (row.status !== 'amber') {
        return clause;
      }
      const action = row.action ? (row.action.overdue ? 'action overdue' : 'action in progress') : 'no action recorded';
      return `${clause}; ${action}`;
    }
  }
}

/** The pillar's question answered from its rows (only this pillar's rows are passed). */
export function pillarAnswer(rows: AttentionRow[], asOf: number): string {
  const active = rows.filter((r) => !r.retired);
  if (active.length === 0) {
    return 'No evidence: no active metric.';
  }
  const off = offTarget(active);
  if (off.length === 0) {
    return active.length === 1 ? 'Yes: its metric is on target.' : `Yes: all ${active.length} metrics on target.`;
  }
  const more = off.length > 1 ? ` (${off.length - 1} more off target)` : '';
  return `${worstClause(off[0], asOf)}${more}.`;
}
