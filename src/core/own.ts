/**
 * Keys that come from data — label values, item names, metric ids, datasource uids, entity kinds — are ordinary
 * strings, and "constructor", "__proto__", "toString" or "hasOwnProperty" are among them. A plain object looked up by
 * such a key answers with Object.prototype's members (a function where a threshold was expected), and an assignment
 * to "__proto__" replaces the prototype instead of storing a label. So:
 * - `own(record, key)` reads only the record's OWN property (undefined otherwise);
 * - `bareRecord(from)` builds a record without a prototype, where assigning any key stores it.
 *   own({ a: 1 }, 'a') -> 1;  own({}, 'constructor') -> undefined;  bareRecord()['__proto__'] = 'x' stores 'x'.
 */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function bareRecord<T>(from?: Readonly<Record<string, T>> | null): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const [k, v] of Object.entries(from ?? {})) {
    out[k] = v;
  }
  return out;
}
