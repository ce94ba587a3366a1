/**
 * The rows of a register (register.ts) out of its series. A SQL `table` frame becomes one series per number column,
 * labelled by the row's string columns (frames.ts), so a row is put back together from the points that share the
 * item's name (the `items.label` column) AND the row's time:
 *   time                 when the row was written (its freshness)
 *   <items.label>        the item's name (text)
 *   owner                who is answerable for it (text; the metric's owner without it)
 *   number columns       the kind's figures (`progress`; `probability`, `impact`, `mitigation`)
 *   other text columns   the kind's dates and words (`start`, `due`, `milestones`, `target`; `review`, `plan`)
 * Rules, so that no row is ever made up:
 * - an item's row is its LATEST row at or before `now`; earlier rows of the same item are its history (they say
 *   since when its colour holds, register.ts) and never lend it a figure: figures are never combined across rows;
 * - two rows for one item at the same time that differ (in any text or figure) are a conflict: the item is an error
 *   naming it, none of them scored;
 * - a figure that is null, NaN or ±Inf in the row is unreadable (NaN here): the kind then says the row cannot be
 *   scored, never falls back to an older row;
 * - rows later than `now` are not counted (a warning: clock skew?); rows without a readable time neither;
 * - a row without a name is not dropped: it becomes the item "(row without a name)", an error, so a query cannot
 *   hide a row by blanking its name.
 */
import type { ItemResult } from './evaluate';
import { endOfDay, isInstant } from './duration';
import { own } from './own';
import type { MetricDef, Series } from './types';

export interface RegisterRow {
  item: string;
  /** The row's time. */
  t: number;
  /** Its figures; NaN for one that is there but unreadable (null, NaN, ±Inf). */
  numbers: Map<string, number>;
  texts: Map<string, string>;
}

export interface RowsOfRegister {
  /** Each item's rows at or before `now`, oldest first; the last is the item's row. */
  rows: Map<string, RegisterRow[]>;
  conflicts: Map<string, string>;
  warnings: string[];
}

interface RowsInput {
  metricId: string;
  label: string;
  series: Series[];
  now: number;
}

export const UNNAMED = '(row without a name)';

const readable = (v: number | null) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

export function registerRows({ metricId, label, series, now }: RowsInput): RowsOfRegister {
  // item -> time -> the row at that time (its text key decides whether two series belong to one row)
  const byItem = new Map<string, Map<number, RegisterRow & { textKey: string }>>();
  const conflicts = new Map<string, string>();
  let future = 0;
  let timeless = 0;
  for (const s of series) {
    const raw = own(s.labels, label);
    const item = typeof raw === 'string' && raw.trim() !== '' ? raw : UNNAMED;
    const field = s.field ?? 'value';
    const texts = Object.entries(s.labels ?? {})
      .filter(([k]) => k !== label)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const textKey = JSON.stringify(texts);
    const rows = byItem.get(item) ?? new Map<number, RegisterRow & { textKey: string }>();
    byItem.set(item, rows);
    for (let i = 0; i < s.times.length; i++) {
      const [t, v] = [s.times[i], s.values[i]];
      if (!isInstant(t)) {
        timeless++;
        continue;
      }
      if (t > now) {
        future++;
        continue;
      }
      const row = rows.get(t) ?? { item, t, numbers: new Map(), texts: new Map(texts), textKey };
      rows.set(t, row);
      const value = readable(v);
      if (row.textKey !== textKey || (row.numbers.has(field) && !same(row.numbers.get(field)!, value))) {
        conflicts.set(item, `Conflicting rows: two different rows for ${label} "${item}" at one time; none is scored`);
      }
      row.numbers.set(field, value);
    }
  }
  const warnings = [...conflicts.values()].map((message) => `${metricId}: ${message}`);
  if (future > 0) {
    warnings.push(`${metricId}: ${future} figure(s) of rows later than now were not counted (clock skew?)`);
  }
  if (timeless > 0) {
    warnings.push(`${metricId}: ${timeless} figure(s) of rows without a readable time were not counted`);
  }
  const rows = new Map<string, RegisterRow[]>();
  for (const [item, byTime] of byItem) {
    rows.set(
      item,
      [...byTime.values()].sort((a, b) => a.t - b.t).map(({ textKey: _, ...row }) => row)
    );
  }
  return { rows, conflicts, warnings };
}

/** The start of a YYYY-MM-DD day, UTC (a due date is met until its day ends: endOfDay). */
export const dayStart = (text: string | undefined): number | undefined => {
  const end = endOfDay(text);
  return end === undefined ? undefined : end + 1 - 86_400_000;
};

/** A register item before judgement: no data until a row says otherwise. */
export function base(def: MetricDef, item: string | undefined): ItemResult {
  return {
    metricId: def.id,
    ...(item === undefined ? {} : { item }),
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
  if (Number.isNaN(v)) {
    return `the row's ${name} is not a number (null, NaN or ±Inf)`;
  }
  return v >= range[0] && v <= range[1] ? v : `${name} ${v} is outside ${range[0]}–${range[1]}`;
}
