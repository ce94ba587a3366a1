// Grafana data frames inside the double, and their JSON form (what `/api/ds/query` sends): `schema` (name, refId,
// meta, fields with type/typeInfo/labels/config) and `data` (column-major `values`; `entities` lists the rows of a
// number column that are NaN/Inf/NegInf, written as null; `nanos` carries sub-millisecond time parts).
//
// A field here: { name, type, go, nullable, labels?, config?, values, nanos? } where `type` is Grafana's field type
// (time, number, string, boolean, other) and `go` the Go element type Grafana names in typeInfo.frame.
// Time values are epoch milliseconds (integers); `nanos[i]` holds the nanoseconds within that millisecond.

export const GO_TYPE_OF = {
  time: 'time.Time',
  string: 'string',
  boolean: 'bool',
  other: 'json.RawMessage',
};

export function field(name, type, { go, nullable = false, labels, config, values = [], nanos } = {}) {
  const f = { name, type, go: go ?? GO_TYPE_OF[type] ?? 'float64', nullable, values };
  if (labels !== undefined) {
    f.labels = labels;
  }
  if (config !== undefined) {
    f.config = config;
  }
  if (nanos !== undefined) {
    f.nanos = nanos;
  }
  return f;
}

export function frame(fields, { name = '', meta } = {}) {
  return { name, meta: meta ?? { typeVersion: [0, 0] }, fields };
}

export const rowCount = (f) => (f.fields.length ? f.fields[0].values.length : 0);

/** The zero value a Go vector of this field type is extended with (nil for nullable types). */
export function zeroValue(f) {
  if (f.nullable) {
    return null;
  }
  return { time: 0, number: 0, string: '', boolean: false, other: null }[f.type] ?? null;
}

function metaJson(meta) {
  const out = {};
  for (const key of [
    'type',
    'typeVersion',
    'path',
    'custom',
    'stats',
    'notices',
    'preferredVisualisationType',
    'executedQueryString',
  ]) {
    if (meta[key] !== undefined) {
      out[key] = meta[key];
    }
  }
  out.typeVersion = meta.typeVersion ?? [0, 0];
  return out;
}

const ENTITY = (v) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? 'NegInf' : undefined);

/** The JSON object Grafana writes for one frame. */
export function frameJson(f) {
  const schema = {};
  if (f.name) {
    schema.name = f.name;
  }
  if (f.refId) {
    schema.refId = f.refId;
  }
  if (f.meta) {
    schema.meta = metaJson(f.meta);
  }
  schema.fields = f.fields.map((x) => {
    const out = { name: x.name, type: x.type, typeInfo: { frame: x.go, ...(x.nullable ? { nullable: true } : {}) } };
    if (x.labels) {
      out.labels = x.labels;
    }
    if (x.config) {
      out.config = x.config;
    }
    return out;
  });
  const values = [];
  const entities = [];
  const nanos = [];
  for (const x of f.fields) {
    let ent = null;
    const column = x.values.map((v, row) => {
      if (x.type === 'number' && typeof v === 'number' && ENTITY(v)) {
        ent = ent ?? {};
        (ent[ENTITY(v)] = ent[ENTITY(v)] ?? []).push(row);
        return null;
      }
      return v === undefined ? null : v;
    });
    values.push(column);
    entities.push(ent);
    nanos.push(x.type === 'time' && x.nanos?.some((n) => n) ? x.nanos.map((n) => n ?? 0) : null);
  }
  const data = { values };
  if (entities.some(Boolean)) {
    data.entities = entities;
  }
  if (nanos.some(Boolean)) {
    data.nanos = nanos;
  }
  return { schema, data };
}

/** One `results[refId]` entry: { error?, errorSource?, status, frames }. */
export function dataResponseJson({ frames, error, status, errorSource }, refId) {
  const out = {};
  if (error) {
    out.error = error;
    out.errorSource = errorSource ?? 'downstream';
  }
  out.status = status ?? (error ? 500 : 200);
  if (frames) {
    out.frames = frames.map((f) => frameJson(refId && !f.refId ? { ...f, refId } : f));
  }
  return out;
}

/** Go's time.Duration.String() for a whole number of milliseconds ("1s", "5m0s", "1h0m0s", "500ms"). */
export function goDuration(ms) {
  if (ms === 0) {
    return '0s';
  }
  if (ms < 1000) {
    return `${ms}ms`;
  }
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) {
    return `${h}h${m}m${sec}`;
  }
  return m ? `${m}m${sec}` : sec;
}

/** Grafana's interval text (gtime.FormatInterval): the largest whole unit, "1m", "2h", "3d", "1y", "500ms". */
export function formatInterval(ms) {
  const units = [
    ['y', 365 * 86_400_000],
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  for (const [unit, size] of units) {
    if (ms >= size) {
      return `${Math.floor(ms / size)}${unit}`;
    }
  }
  return '1ms';
}
