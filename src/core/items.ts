/**
 * One definition with `items`: its series grouped by the value of `items.label`, and the items whose data conflict.
 * - A series without the label is ignored (a warning). Label values are compared as strings.
 * - Two series for one item are a conflict unless they are the very same points, conflicting timestamps included
 *   (a duplicate counts once). The decision never depends on the order of the series.
 *   A: [t1, 0], [t2, 0];  B: [t1, 0], [t2, 0]       -> one series (a duplicate);
 *   A: [t1, 0];           B: [t1, 9]                -> conflict: "latest values 0 and 9";
 *   A: [t1, 0], [t2, 0];  B: [t1, 5], [t2, 0]       -> conflict: "latest values 0 and 0; their histories differ".
 * The item of a conflict is an error naming each series' latest value; none of them is scored.
 */
import type { ValueFormatter } from './evidence';
import { own } from './own';
import { cleanPoints, sampleList } from './series';
import { valueStyle } from './valueStyle';
import type { MetricDef, Series } from './types';

export interface GroupedItems {
  /** The one series of each item (for a conflict: none is used). */
  byItem: Map<string, Series>;
  /** Conflict evidence by item. */
  conflicts: Map<string, string>;
  warnings: string[];
}

interface GroupInput {
  def: MetricDef & { items: NonNullable<MetricDef['items']> };
  series: Series[];
  now: number;
  format: ValueFormatter;
}

export function groupItems({ def, series, now, format }: GroupInput): GroupedItems {
  const label = def.items.label;
  const lists = new Map<string, Series[]>();
  const warnings: string[] = [];
  for (const s of series) {
    const raw: unknown = own(s.labels, label);
    if (raw === undefined || raw === null) {
      warnings.push(`${def.id}: a series without the "${label}" label was ignored`);
      continue;
    }
    const item = String(raw);
    lists.set(item, [...(lists.get(item) ?? []), s]);
  }
  const byItem = new Map<string, Series>();
  const conflicts = new Map<string, string>();
  for (const [item, list] of lists) {
    const cleaned = list.map((s) => cleanPoints(s, now));
    const keys = new Set(cleaned.map((c) => JSON.stringify([sampleList(c.samples), c.conflicts, c.infinite])));
    if (keys.size === 1) {
      byItem.set(item, list[0]);
      continue;
    }
    // Each series' latest point, an impossible ±Inf included (it is shown, never scored).
    const lastOf = (c: (typeof cleaned)[number]) =>
      [sampleList(c.samples).at(-1), c.infinite.at(-1)].filter((x) => x !== undefined).sort((a, b) => b.t - a.t)[0]?.v;
    const latest = cleaned.map(lastOf).sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
    const shown = latest.map((v) =>
      v === undefined ? 'no data' : Number.isFinite(v) ? format(v, valueStyle(def)) : `${v > 0 ? '+' : '-'}Inf`
    );
    const sameLatest = new Set(shown).size === 1 ? '; their histories differ' : '';
    const message = `Conflicting data: ${list.length} series for ${label}="${item}" (latest values ${shown.join(' and ')}${sameLatest}); none is scored`;
    conflicts.set(item, message);
    warnings.push(`${def.id}: ${message}`);
  }
  return { byItem, conflicts, warnings };
}
