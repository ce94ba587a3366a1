/**
 * The rows of a register (register.ts) out of its series. A SQL `table` frame becomes one series per number column
 * and row, labelled by the row's string columns (frames.ts), so a row is put back together from the series that
 * share the item's name (the `items.label` column):
 *   time                 when the row was last updated (its freshness)
 *   <items.label>        the item's name (text), unique per row
 *   owner                who is answerable for it (text)
 *   number columns       the kind's figures (`progress`; `probability`, `impact`, `mitigation`)
 *   other text columns   the kind's dates and words (`start`, `due`, `milestones`; `review`, `plan`)
 * Two rows for one item that differ are a conflict: the item is an error naming it, never one of them scored.
 * A row whose figure is null, NaN or ±Inf is unreadable for that figure (the kind says whether it needs it).
 */
import type { ItemResult } from './evaluate';
import { cleanPoints } from './series';
import { own } from './own';
import type { MetricDef, Series } from './types';

export interface RegisterRow {
  item: string;
  /** The row's time: the latest of its figures' sample times. */
  t: number;
  numbers: Map<string, number>;
  texts: Map<string, string>;
}

export interface RowsOfRegister {
  rows: Map<string, RegisterRow>;
  conflicts: Map<string, string>;
  warnings: string[];
}

interface RowsInput {
  metricId: string;
  label: string;
  series: Series[];
  now: number;
}

export function registerRows({ metricId, label, series, now }: RowsInput): RowsOfRegister {
  const rows = new Map<string, RegisterRow>();
  const conflicts = new Map<string, string>();
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const s of series) {
    const name = own(s.labels, label);
    if (typeof name !== 'string' || name.trim() === '') {
      warnings.push(`${metricId}: a row without a "${label}" was ignored`);
      continue;
    }
    const field = s.field ?? 'value';
    const texts = Object.entries(s.labels ?? {})
      .filter(([k]) => k !== label)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const textKey = JSON.stringify(texts);
    const earlier = seen.get(name);
    if (earlier !== undefined && earlier !== textKey) {
      conflicts.set(name, `Conflicting rows: two rows for ${label} "${name}" with different columns; none is scored`);
    }
    seen.set(name, textKey);
    const clean = cleanPoints(s.points, now);
    const latest = clean.samples.at(-1);
    const row = rows.get(name) ?? { item: name, t: -Infinity, numbers: new Map(), texts: new Map(texts) };
    if (clean.conflicts.length > 0 || (latest && row.numbers.has(field) && row.numbers.get(field) !== latest.v)) {
      conflicts.set(name, `Conflicting rows: two values of ${field} for ${label} "${name}"; none is scored`);
    }
    if (latest) {
      row.numbers.set(field, latest.v);
      row.t = Math.max(row.t, latest.t);
    }
    rows.set(name, row);
  }
  conflicts.forEach((message) => warnings.push(`${metricId}: ${message}`));
  return { rows, conflicts, warnings };
}

/** A YYYY-MM-DD day that exists, as the end of that day UTC (a due date is met until it ends); else undefined. */
export function dayEnd(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const t = Date.parse(`${text}T23:59:59.999Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== text ? undefined : t;
}

/** The start of a YYYY-MM-DD day, UTC. */
export const dayStart = (text: string | undefined): number | undefined => {
  const end = dayEnd(text);
  return end === undefined ? undefined : end + 1 - 86_400_000;
};

/** A register item before judgement: no data until a row says otherwise. */
export function base(def: MetricDef, item: string): ItemResult {
  return {
    metricId: def.id,
    item,
    status: 'noData',
    colour: 'red',
    target: def.target,
    evidence: '',
    colourSinceIsLowerBound: true,
    sparkline: [],
    retired: Boolean(def.retired),
  };
}

export const registerError = (def: MetricDef, item: string, message: string): ItemResult => ({
  ...base(def, item),
  status: 'error',
  evidence: message,
});

/** A figure within its range, or the reason the row cannot be scored. */
export function figure(row: RegisterRow, name: string, range: [number, number]): number | string {
  const v = row.numbers.get(name);
  if (v === undefined) {
    return `the row has no ${name}`;
  }
  return v >= range[0] && v <= range[1] ? v : `${name} ${v} is outside ${range[0]}–${range[1]}`;
}
