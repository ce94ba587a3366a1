/**
 * The executive summary as the panel shows it: the entries of `meta.summary` (core summary.ts), each checked. Where
 * the frame also has the metric's row, the row decides (its status, colour and texts), so a summary can never read
 * greener than the scorecard below it; an entry without a row is shown as the datasource wrote it, its colour never
 * greener than its status allows.
 */
import { offTarget } from '../core/attention';
import { itemLabel } from '../core/words';
import { isRecord } from './frame';
import { toAttentionRow } from './rowExtras';
import { isColour, isStatus, shownColour } from './status';
import type { MetricRow, SummaryEntry } from './types';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function fromRow(row: MetricRow): SummaryEntry {
  return {
    metricId: row.metricId,
    item: row.item,
    label: itemLabel(row),
    owner: row.owner,
    valueText: row.valueText,
    targetText: row.targetText,
    changeText: row.changeText,
    changeQuality: row.changeQuality,
    colour: row.colour,
    status: row.status,
    goalText: row.goalText,
    evidence: row.evidence,
  };
}

export function readSummary(raw: unknown, rows: MetricRow[]): SummaryEntry[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.filter(isRecord).flatMap((e): SummaryEntry[] => {
    const metricId = text(e.metricId);
    if (!metricId) {
      return [];
    }
    const mine = rows.filter((r) => r.metricId === metricId && !r.retired);
    if (mine.length > 0) {
      const worst = offTarget(mine.map(toAttentionRow))[0];
      return [fromRow(mine.find((r) => worst && r.item === worst.item) ?? mine[0])];
    }
    const status = isStatus(e.status) ? e.status : 'error';
    return [
      {
        metricId,
        item: text(e.item),
        label: text(e.label) || metricId,
        owner: text(e.owner),
        valueText: text(e.valueText),
        targetText: text(e.targetText),
        changeText: text(e.changeText),
        changeQuality: text(e.changeQuality),
        colour: shownColour(status, isColour(e.colour) ? e.colour : 'red'),
        status,
        goalText: text(e.goalText),
        evidence: text(e.evidence),
      },
    ];
  });
}
