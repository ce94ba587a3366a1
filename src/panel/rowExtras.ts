/**
 * The fields added to frame schema version 1 for people (docs/frames.md): the label, the texts the core formatter
 * wrote, the alert tier after escalation, the open action and the source query. Each is checked before use: a
 * malformed value reads as absent (with a notice), never as a crash, and a link in an action must be http(s).
 */
import type { AttentionRow } from '../core/attention';
import { isRecord, type FrameCells } from './frame';
import { parseJson, safeHttpUrl } from './links';
import type { ActionSummary, MetricRow, SourceQuery } from './types';

type Extras = Pick<
  MetricRow,
  | 'label'
  | 'valueText'
  | 'targetText'
  | 'changeText'
  | 'thresholdsText'
  | 'alertTier'
  | 'escalation'
  | 'action'
  | 'query'
  | 'integer'
  | 'goalText'
  | 'summaryOnly'
>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function readAction(raw: unknown): ActionSummary | null | undefined {
  const a = parseJson(raw);
  if (a === null || a === undefined || a === '') {
    return null;
  }
  if (!isRecord(a)) {
    return undefined;
  }
  const [id, owner, text, dueDate] = [str(a.id), str(a.owner), str(a.text), str(a.dueDate)];
  const [due, recorded] = [num(a.due), num(a.recorded)];
  if (!id || !owner || text === undefined || !dueDate || due === undefined || recorded === undefined) {
    return undefined;
  }
  const link = safeHttpUrl(a.link);
  return { id, owner, text, dueDate, due, recorded, overdue: a.overdue === true, ...(link ? { link } : {}) };
}

function readQuery(raw: unknown): SourceQuery | null {
  const q = parseJson(raw);
  if (!isRecord(q) || (q.kind !== 'prometheus' && q.kind !== 'sql') || !str(q.datasourceUid)) {
    return null;
  }
  return {
    kind: q.kind,
    datasourceUid: str(q.datasourceUid)!,
    ...(str(q.expr) !== undefined ? { expr: str(q.expr) } : {}),
    ...(str(q.rawSql) !== undefined ? { rawSql: str(q.rawSql) } : {}),
    ...(str(q.format) !== undefined ? { format: str(q.format) } : {}),
  };
}

/** The added fields of row `i`; `base` gives what the fallbacks need. */
export function readExtras(
  cells: FrameCells,
  i: number,
  base: { key: string; name: string; value: number | null; unit: string; tier: string },
  notices: string[]
): Extras {
  const action = readAction(cells.raw('action', i));
  if (action === undefined) {
    notices.push(`${base.key}: its action is not readable and is not shown`);
  }
  // A frame from an older datasource has no texts: the bare number, which the evidence explains.
  const valueText = cells.text('value_text', i) || (base.value === null ? '' : String(base.value));
  return {
    label: cells.text('label', i) || base.name,
    valueText,
    targetText: cells.text('target_text', i),
    changeText: cells.text('change_text', i),
    thresholdsText: cells.text('thresholds_text', i),
    alertTier: cells.text('alert_tier', i) || base.tier,
    escalation: cells.text('escalation', i),
    action: action ?? null,
    query: readQuery(cells.raw('query', i)),
    integer: cells.bool('integer', i),
    goalText: cells.text('goal_text', i),
    summaryOnly: cells.bool('summary_only', i),
  };
}

/** A panel row in the shape the core's attention list and pillar answers read. */
export function toAttentionRow(r: MetricRow): AttentionRow {
  return {
    metric_id: r.metricId,
    item: r.item,
    label: r.label,
    colour: r.colour,
    status: r.status,
    direction: r.direction,
    alert_tier: r.alertTier,
    value_text: r.valueText,
    target_text: r.targetText,
    colour_since: r.colourSince,
    colour_since_lower_bound: r.colourSinceLowerBound,
    owner: r.owner,
    action: r.action,
    escalation: r.escalation,
    retired: r.retired,
  };
}
