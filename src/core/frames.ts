/**
 * From Grafana data frames to observations. `FrameLike` is the structural subset of @grafana/data's DataFrame that
 * Candor reads, so the datasource passes real DataFrames (from `toDataQueryResponse`) and the CLI passes frames
 * decoded by `response.ts`; both then share this code.
 *
 * Shapes understood (Grafana's data plane): one time field plus number fields, each number field one series
 * whose labels name the item —
 *   - Prometheus `timeseries-multi` (range) and `numeric-multi` (instant) frames;
 *   - SQL `time_series` frames, wide (several labelled value fields) or multi;
 *   - long frames (SQL `table` format): string columns become labels, rows are grouped by them.
 * Anything else (no time field, no number field) is not guessed at: it becomes a warning naming the metric, and
 * the metric is `error` — also when other frames were readable, since the part that was read may be the part that
 * looks good. Source notices (Prometheus warnings) are passed on; a notice of severity `error` (a timed-out or
 * partial result) makes the metric `error` too, naming it.
 */
import type { Observation, Series } from './types';
import { bareRecord } from './own';

export interface FieldLike {
  name: string;
  type: string;
  labels?: Record<string, string>;
  values: ArrayLike<unknown>;
}
export interface FrameLike {
  refId?: string;
  name?: string;
  fields: FieldLike[];
  meta?: { notices?: Array<{ severity?: string; text: string }> };
}

/** A decimal number written out in full: `12`, `-0.5`, `1e-3`. Not `0x0`, ` 0 `, `Infinity` or `1_000`. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A number field's value: a number, or a string that is exactly a decimal number; anything else is not evidence. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && DECIMAL.test(v)) {
    return Number(v);
  }
  return null;
}

/** The values as they are when every one is a number (a frame's own array is then not copied), else each read. */
function column<T>(values: ArrayLike<unknown>, read: (v: unknown) => T): ArrayLike<T> {
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number') {
      return Array.from(values, read);
    }
  }
  return values as ArrayLike<T>;
}

/** An ISO 8601 date, or date and time (`T` or a space between), with an optional zone: `Z`, `+01`, `+01:00`, `+0100`. */
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A time cell in epoch milliseconds (NaN when unreadable): a number as it is, a Date, or an ISO 8601 text. A text
 * without a zone is UTC, as Grafana reads a timestamp without time zone, never the reader's local time, so the CLI
 * and every browser read one saved answer alike; any other text ("12/07/2026 06:00", read by Date.parse in the
 * reader's zone) is unreadable.
 *   "2026-11-16T11:30:00Z", "2026-11-16 11:30:00", "2026-11-16 12:30:00+01" -> 1794828600000, wherever it is read
 */
export function toTime(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string') {
    const m = ISO_TIME.exec(v);
    if (!m) {
      return NaN;
    }
    const zone =
      m[3] === undefined
        ? 'Z'
        : m[3] === 'Z'
          ? 'Z'
          : m[3].length === 3
            ? `${m[3]}:00`
            : m[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return m[2] === undefined ? Date.parse(`${m[1]}T00:00:00Z`) : Date.parse(`${m[1]}T${m[2]}${zone}`);
  }
  return v instanceof Date ? v.getTime() : NaN;
}

/**
 * The first cell that is there but cannot be read: a value that is neither a number, a decimal string nor empty
 * (`"80 "`, `"8e1%"`), or a value whose time is unreadable. Either makes the frame unreadable, never a skipped
 * sample: skipping it would leave an older, better value standing as the latest.
 */
function unreadableCell(times: ArrayLike<number>, numbers: FrameLike['fields']): string | undefined {
  for (const field of numbers) {
    for (let i = 0; i < times.length; i++) {
      const v = field.values[i];
      if (v === null || v === undefined) {
        continue;
      }
      if (typeof v !== 'number' && toNumber(v) === null) {
        return `returned a value that is not a number (${JSON.stringify(String(v).slice(0, 40))} in ${field.name})`;
      }
      if (!Number.isFinite(times[i])) {
        return `returned a value without a readable time (row ${i + 1})`;
      }
    }
  }
  return undefined;
}

/** The series of one frame, or the reason it cannot be read. */
export function seriesOfFrame(frame: FrameLike): { series?: Series[]; problem?: string } {
  const lengths = frame.fields.map((f) => f.values.length);
  if (lengths.some((n) => n !== lengths[0])) {
    // A ragged frame cannot say which value belongs to which time: none is read.
    return {
      problem: `returned fields of different lengths (${frame.fields.map((f, i) => `${f.name}: ${lengths[i]}`).join(', ')})`,
    };
  }
  if (frame.fields.length === 0 || lengths[0] === 0) {
    return { series: [] };
  }
  const time = frame.fields.find((f) => f.type === 'time');
  const numbers = frame.fields.filter((f) => f.type === 'number');
  const strings = frame.fields.filter((f) => f.type === 'string');
  if (!time) {
    return { problem: 'returned a frame without a time field; freshness cannot be judged without sample times' };
  }
  if (numbers.length === 0) {
    return {
      problem: `returned a frame without a number field (fields: ${frame.fields.map((f) => `${f.name}:${f.type}`).join(', ')})`,
    };
  }
  const times = column(time.values, toTime);
  const unreadable = unreadableCell(times, numbers);
  if (unreadable) {
    return { problem: unreadable };
  }
  const series: Series[] = [];
  // A long (table) frame or several number fields: each series says which column it is (a register reads them).
  const named = strings.length > 0 || numbers.length > 1;
  for (const field of numbers) {
    // A wide frame: one series per number field, its labels the field's own; no per-row work.
    if (strings.length === 0) {
      const values = column(field.values, toNumber);
      series.push({ labels: bareRecord(field.labels), times, values, ...(named ? { field: field.name } : {}) });
      continue;
    }
    // A long frame: rows grouped by their string cells (the field's labels are the same on every row).
    const byLabels = new Map<string, Series & { times: number[]; values: Array<number | null> }>();
    for (let i = 0; i < times.length; i++) {
      const key = JSON.stringify(strings.map((s) => String(s.values[i] ?? '')));
      let group = byLabels.get(key);
      if (!group) {
        const rowLabels = bareRecord(field.labels);
        strings.forEach((s) => (rowLabels[s.name] = String(s.values[i] ?? '')));
        group = { labels: rowLabels, times: [], values: [], ...(named ? { field: field.name } : {}) };
        byLabels.set(key, group);
      }
      group.times.push(times[i]);
      group.values.push(toNumber(field.values[i]));
    }
    series.push(...byLabels.values());
  }
  return { series };
}

export interface FramesInput {
  metricId: string;
  frames: FrameLike[];
  /** The source's display name, for warnings and an error observation. */
  source: string;
}

/**
 * A notice that says the result is incomplete: severity `error` (any case), or a text that says partial
 * ("partial response", "partial result", "partial data", as Prometheus-compatible stores word it, often as a warning).
 */
export function isPartialNotice(notice: { severity?: string; text: string }): boolean {
  return notice.severity?.toLowerCase() === 'error' || /\bpartial (response|result|data)\b/i.test(notice.text);
}

/** The observation of one metric from the frames answering its refId. */
export function observationFromFrames({ metricId, frames, source }: FramesInput): {
  observation: Observation;
  warnings: string[];
} {
  const warnings: string[] = [];
  const series: Series[] = [];
  const problems: Array<{ frame: number; problem: string }> = [];
  const failures: string[] = [];
  frames.forEach((frame, i) => {
    for (const notice of frame.meta?.notices ?? []) {
      warnings.push(`${metricId}: ${source}: ${notice.text}`);
      if (isPartialNotice(notice)) {
        failures.push(notice.text);
      }
    }
    const read = seriesOfFrame(frame);
    if (read.problem) {
      problems.push({ frame: i + 1, problem: read.problem });
      warnings.push(`${metricId}: frame ${i + 1} ${read.problem}`);
    } else {
      series.push(...read.series!);
    }
  });
  // Partial data is not evidence: what was read may be exactly the part that looks good.
  if (failures.length > 0) {
    return { observation: { error: `incomplete result: ${failures.join('; ')}`, source }, warnings };
  }
  if (problems.length > 0 && series.length === 0) {
    return { observation: { error: `unsupported data: the query ${problems[0].problem}`, source }, warnings };
  }
  if (problems.length > 0) {
    const which = problems.map((p) => `frame ${p.frame} of ${frames.length} ${p.problem}`).join('; ');
    const error = `partly unreadable data: ${which}; the readable frames are not scored alone`;
    return { observation: { error, source }, warnings };
  }
  return { observation: { series }, warnings };
}
