// From a Prometheus HTTP API response to Grafana frames, in two stages as Grafana's promlib does:
//   1. the converter: one frame per series (`Time` + `Value`, the series' labels on `Value`), frame type by result type;
//   2. the query path: field configs (step interval, display name), the value field named after `__name__`, and on
//      the first frame the executed query string and the calculated min step.
import { field, frame, goDuration } from './frames.mjs';

/** Go's strconv.ParseFloat on Prometheus sample strings ("1", "NaN", "+Inf", "-Inf"). */
export function parseSample(s) {
  const lower = String(s).toLowerCase();
  if (lower === 'nan') {
    return NaN;
  }
  if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity') {
    return Infinity;
  }
  if (lower === '-inf' || lower === '-infinity') {
    return -Infinity;
  }
  const v = Number(s);
  if (s === '' || Number.isNaN(v)) {
    throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  return v;
}

/** Prometheus' float seconds -> epoch milliseconds, truncated as Go's int64(f * 1000) does. */
export const timeFromFloat = (f) => Math.trunc(f * 1000);

function seriesFrame(resultType, metric, pairs) {
  const type = resultType === 'matrix' ? 'timeseries-multi' : 'numeric-multi';
  return frame(
    [
      field('Time', 'time', { values: pairs.map(([t]) => timeFromFloat(t)) }),
      field('Value', 'number', { labels: { ...(metric ?? {}) }, values: pairs.map(([, v]) => parseSample(v)) }),
    ],
    { meta: { type, typeVersion: [0, 1], custom: { resultType } } }
  );
}

/**
 * Stage 1: the converter. Returns { frames } or { error } for a Prometheus error body
 * ({"status":"error","errorType":"bad_data","error":"..."} -> "bad_data: ...").
 */
export function convertPrometheus(body) {
  if (body?.status === 'error') {
    return { error: `${body.errorType ?? ''}: ${body.error ?? ''}` };
  }
  const data = body?.data;
  let frames = [];
  if (Array.isArray(data)) {
    // Label values or similar arrays: one string field.
    frames = data.length ? [frame([field('Value', 'string', { values: data.map(String) })])] : [];
  } else if (data && typeof data === 'object') {
    const { resultType, result } = data;
    if (!resultType) {
      return { error: 'no resultType found' };
    }
    if (resultType === 'matrix') {
      frames = (result ?? []).map((s) => seriesFrame('matrix', s.metric, s.values ?? []));
    } else if (resultType === 'vector') {
      frames = (result ?? []).map((s) => seriesFrame('vector', s.metric, s.value ? [s.value] : []));
    } else if (resultType === 'scalar') {
      frames = [seriesFrame('scalar', {}, [result])];
    } else if (resultType === 'string') {
      frames = [
        frame(
          [
            field('Time', 'time', { values: [timeFromFloat(result[0])] }),
            field('Value', 'string', { labels: {}, values: [String(result[1])] }),
          ],
          { meta: { type: 'timeseries-multi', typeVersion: [0, 0], custom: { resultType: 'string' } } }
        ),
      ];
    } else {
      return { error: `unknown result type: ${resultType}` };
    }
  }
  const notices = [
    ...(body?.warnings ?? []).map((text) => ({ severity: 'warning', text: String(text) })),
    ...(body?.infos ?? []).map((text) => ({ severity: 'info', text: String(text) })),
  ];
  if (notices.length) {
    if (frames.length === 0) {
      frames.push(frame([], { name: 'Warnings' }));
    }
    frames.forEach((f) => (f.meta = { ...f.meta, notices }));
  }
  return { frames };
}

/** Go's %q of a label value (printable ASCII and UTF-8 kept; quotes, backslashes and controls escaped). */
const goQuote = (s) => JSON.stringify(s).replace(/\\u007f/g, '\\x7f');

/** The series name Grafana shows: `name{a="x", b="y"}` (labels sorted), `{}` without labels. */
export function metricNameFromLabels(labels = {}) {
  const name = labels.__name__;
  const parts = Object.entries(labels)
    .filter(([k]) => k !== '__name__')
    .map(([k, v]) => `${k}=${goQuote(v)}`)
    .sort();
  if (parts.length === 0) {
    return name !== undefined ? name : '{}';
  }
  return `${name ?? ''}{${parts.join(', ')}}`;
}

function displayName(query, labels) {
  let legend = metricNameFromLabels(labels);
  if (query.legendFormat === '__auto') {
    if (Object.keys(labels ?? {}).length > 0) {
      legend = '';
    }
  } else if (query.legendFormat) {
    legend = query.legendFormat.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, key) => labels?.[key.trim()] ?? '');
  }
  return legend === '{}' ? query.expr : legend;
}

/** Stage 2: what Grafana's Prometheus query path adds before the frames reach `/api/ds/query`. */
export function finishPrometheusFrames(frames, query) {
  const out = frames.length ? frames : [frame([])];
  out.forEach((f, i) => {
    f.meta = f.meta ?? { typeVersion: [0, 0] };
    if (f.fields.length >= 2) {
      f.fields[0].config = { interval: query.stepMs };
      const name = displayName(query, f.fields[1].labels);
      if (name) {
        f.fields[1].config = { displayNameFromDS: name };
      }
      if (f.meta.type !== 'heatmap-cells' && f.fields[1].labels?.__name__ !== undefined) {
        f.fields[1].name = f.fields[1].labels.__name__;
      }
    }
    if (i === 0) {
      f.meta.executedQueryString = `Expr: ${query.expr}\nStep: ${goDuration(query.stepMs)}`;
      f.meta.custom = { ...(f.meta.custom ?? {}), calculatedMinStep: query.stepMs };
    }
  });
  return out;
}
