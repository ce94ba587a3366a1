/**
 * Where a validation problem is in the catalog's text, for people: the metric it concerns (by id) and the line. The
 * validators report paths (`metrics[3].owner`); this names `metrics[3]` by its id and finds the line of the path's
 * deepest part that is present (a missing field: the line of the mapping that lacks it).
 *   metrics[1].owner, in a file whose second metric is error-rate at line 40 -> metric error-rate, line 40
 *   scorecard.version                                                          -> line 6
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** `metrics[3].thresholds.green` -> ['metrics', 3, 'thresholds', 'green']. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(index !== undefined ? Number(index) : key);
  }
  return out;
}

export interface Location {
  metricId?: string;
  line?: number;
}

export function locate(text: string, path: string): Location {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const segments = pathSegments(path);
  const out: Location = {};
  if (segments[0] === 'metrics' && typeof segments[1] === 'number') {
    const id = doc.getIn(['metrics', segments[1], 'id']);
    if (typeof id === 'string' && id.trim() !== '') {
      out.metricId = id;
    }
  }
  // The deepest node of the path that exists: the field itself, or the mapping or list that should hold it.
  let node: unknown = doc.contents;
  let depth = 0;
  for (const segment of segments) {
    const child: unknown = isMap(node) || isSeq(node) ? node.get(segment, true) : undefined;
    if (child === undefined || child === null) {
      break;
    }
    node = child;
    depth++;
  }
  // Not even the first part is there (a missing top-level field): the whole file, no line to point at.
  const range = depth > 0 ? (node as { range?: [number, number, number] } | null)?.range : undefined;
  if (range) {
    out.line = lineCounter.linePos(range[0]).line;
  }
  return out;
}

/** ` (metric error-rate, line 40)`, ` (line 6)`, or nothing when the place cannot be told. */
export function locationText(location: Location): string {
  const parts = [
    ...(location.metricId ? [`metric ${location.metricId}`] : []),
    ...(location.line ? [`line ${location.line}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
