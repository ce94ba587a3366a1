/**
 * Decoding a saved `POST /api/ds/query` response (what the browser's network tab shows) into frames per refId,
 * for the CLI. The browser path uses Grafana's own `toDataQueryResponse`; `response.test.ts` proves both decode
 * Grafana's golden frames to the same fields, types, labels and values.
 *
 * Data-frame JSON: `schema.fields[]` + `data.values[]` (column-major); `data.entities[i]` lists the rows of column i
 * whose value is NaN, Inf, NegInf or Undefined (JSON cannot write them); `data.nanos` (sub-millisecond time) is
 * ignored. Accepted envelopes: `{ results: { [refId]: { frames, error?, status? } } }` (the API) and
 * `{ frames: [...] }` (a single result, as Grafana's golden files store it).
 */
import type { FieldLike, FrameLike } from './frames';
import { own } from './own';

interface FrameJson {
  schema?: {
    refId?: string;
    name?: string;
    meta?: FrameLike['meta'];
    fields?: Array<{ name?: string; type?: string; labels?: Record<string, string> }>;
  };
  data?: { values?: unknown[][]; entities?: Array<Record<string, number[]> | null> };
}
interface ResultJson {
  frames?: FrameJson[];
  error?: string;
  status?: number;
}

const ENTITY: Record<string, number | undefined> = { NaN: NaN, Inf: Infinity, NegInf: -Infinity, Undefined: undefined };

export function decodeFrame(json: FrameJson, refId?: string): FrameLike {
  const values = json.data?.values ?? [];
  const fields: FieldLike[] = (json.schema?.fields ?? []).map((f, i) => {
    const column = [...(values[i] ?? [])];
    for (const [kind, rows] of Object.entries(json.data?.entities?.[i] ?? {})) {
      rows.forEach((row) => (column[row] = own(ENTITY, kind)));
    }
    return { name: f.name ?? '', type: f.type ?? 'other', labels: f.labels, values: column };
  });
  return { refId: json.schema?.refId ?? refId, name: json.schema?.name, fields, meta: json.schema?.meta };
}

export interface DecodedResponse {
  frames: FrameLike[];
  errors: Array<{ refId: string; message: string; status?: number }>;
}

export function decodeResponse(json: unknown): DecodedResponse {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  // Grafana answers {results: {refId: {...}}}; a bare {frames: [...]} is one query's answer. Anything else is not one.
  if (!isObject(json) || !(isObject(json.results) || (json.results === undefined && Array.isArray(json.frames)))) {
    throw new Error('expected an object with "results" (refId -> {frames, error, status}) or "frames"');
  }
  const body = json as { results?: Record<string, ResultJson>; frames?: FrameJson[] };
  for (const [refId, result] of Object.entries(body.results ?? {})) {
    if (!isObject(result)) {
      throw new Error(`results.${refId}: expected an object with frames, error and status`);
    }
    if (result.error !== undefined && typeof result.error !== 'string') {
      result.error = JSON.stringify(result.error);
    }
  }
  if (!body.results && body.frames) {
    return { frames: body.frames.map((f) => decodeFrame(f, 'A')), errors: [] };
  }
  const results: Record<string, ResultJson> = body.results ?? {};
  const decoded: DecodedResponse = { frames: [], errors: [] };
  for (const [refId, result] of Object.entries(results)) {
    if (result.error) {
      decoded.errors.push({ refId, message: result.error, status: result.status });
    }
    for (const frame of result.frames ?? []) {
      // The results key is the refId, whatever the frame's schema says.
      decoded.frames.push({ ...decodeFrame(frame), refId });
    }
  }
  return decoded;
}
