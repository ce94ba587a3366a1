// What Grafana's SQL datasources do with a result frame (sqleng processFrame), re-implemented:
//   - a column named "time" (and, in table format, "timeend") holding numbers becomes a time column (epoch seconds
//     are recognised by their exponent 9, nanoseconds by 18; everything else is taken as milliseconds);
//   - time_series format: the time column is renamed "Time"; every other non-string column becomes nullable float64;
//     a "long" frame (with string/bool columns) is turned "wide" (one number field per value column and label set,
//     labels from the string columns, fields sorted by name then label values), typed timeseries-wide 0.1;
//   - a $__timeGroup fill resamples the wide frame over the aligned time range.
import { field, rowCount, zeroValue } from './frames.mjs';

/** sqleng's epochPrecisionToMS: seconds (e+09) x 1000, nanoseconds (e+18) / 1e6, else unchanged. */
export function epochToMs(v) {
  const exponent = Number(v.toExponential().split('e')[1]);
  if (exponent === 9) {
    return v * 1e3;
  }
  if (exponent === 18) {
    return v / 1e6;
  }
  return v;
}

function toFloat(v, type) {
  if (v === null || v === undefined) {
    return null;
  }
  if (type === 'boolean') {
    return v ? 1 : 0;
  }
  if (type === 'time') {
    return v;
  }
  if (type === 'number') {
    return v;
  }
  const n = Number(v);
  if (typeof v !== 'string' || Number.isNaN(n)) {
    throw new Error(`unable to convert ${JSON.stringify(v)} to float`);
  }
  return n;
}

function timeColumnToMs(f) {
  if (f.type === 'time') {
    return f;
  }
  const values = f.values.map((v) => {
    if (v === null) {
      return null;
    }
    const n = toFloat(v, f.type);
    if (n === null || Number.isNaN(n)) {
      throw new Error('unable to convert data to a time field');
    }
    return Math.trunc(epochToMs(n));
  });
  return field(f.name, 'time', { nullable: true, labels: f.labels, values });
}

/** Grafana's column indices: time = the (last) column named "time"; timeend (table format); metric. */
function columnRoles(frame, format) {
  let time = -1;
  let timeEnd = -1;
  let metric = -1;
  frame.fields.forEach((f, i) => {
    if (f.name === 'time') {
      time = i;
    }
    if (format === 'table' && f.name.toLowerCase() === 'timeend') {
      timeEnd = i;
      return;
    }
    if (f.name === 'metric') {
      metric = i;
    } else if (metric === -1 && f.type === 'string') {
      metric = i;
    }
  });
  return { time, timeEnd, metric };
}

const isFactor = (f) => f.type === 'string' || f.type === 'boolean';

/** SortWideFrameFields: time first, then by name, then by the label values of `keys` in order. */
function sortWide(fields, keys) {
  const [time, ...rest] = fields;
  rest.sort((a, b) => {
    if (a.name !== b.name) {
      return a.name < b.name ? -1 : 1;
    }
    for (const k of keys) {
      const x = a.labels?.[k] ?? '';
      const y = b.labels?.[k] ?? '';
      if (x !== y) {
        return x < y ? -1 : 1;
      }
    }
    return 0;
  });
  return [time, ...rest];
}

function fillValue(fill, f, previousRow) {
  if (!fill) {
    return undefined; // no fill: the zero value stays
  }
  if (fill.mode === 'null') {
    return null;
  }
  if (fill.mode === 'value') {
    return f.type === 'number' ? fill.value : undefined;
  }
  return previousRow >= 0 ? f.values[previousRow] : null;
}

/** data.LongToWide. */
export function longToWide(long, fill) {
  const timeIndex = long.fields.findIndex((f) => f.type === 'time');
  const factors = long.fields.map((f, i) => (isFactor(f) ? i : -1)).filter((i) => i >= 0);
  const valueIdx = long.fields.map((f, i) => (i !== timeIndex && !isFactor(f) ? i : -1)).filter((i) => i >= 0);
  const n = rowCount(long);
  if (n === 0) {
    throw new Error('can not convert to wide series, input fields have no rows');
  }
  const timeAt = (r) => {
    const v = long.fields[timeIndex].values[r];
    if (v === null || v === undefined) {
      throw new Error('can not convert to wide series, input has null time values');
    }
    return v;
  };
  const time = field(long.fields[timeIndex].name, 'time', { values: [timeAt(0)] });
  const wide = [time];
  const byKey = new Map();
  let row = 0;
  let last = timeAt(0);
  for (let r = 0; r < n; r++) {
    const t = timeAt(r);
    if (t > last) {
      row++;
      last = t;
      wide.forEach((f, i) => {
        const v = i === 0 ? t : fillValue(fill, f, row - 1);
        f.values.push(v === undefined ? zeroValue(f) : v);
      });
    }
    if (t < last) {
      throw new Error('long series must be sorted ascending by time to be converted');
    }
    const labels = {};
    for (const i of factors) {
      const v = long.fields[i].values[r];
      labels[long.fields[i].name] = typeof v === 'boolean' ? String(v) : (v ?? '');
    }
    const key = JSON.stringify(factors.map((i) => [i, labels[long.fields[i].name]]));
    if (!byKey.has(key)) {
      byKey.set(
        key,
        valueIdx.map((i) => {
          const src = long.fields[i];
          const nullable = src.nullable || Boolean(fill && fill.mode !== 'value');
          const f = field(src.name, src.type, { go: src.go, nullable, labels: { ...labels }, values: [] });
          const v = fillValue(fill, f, row - 1);
          for (let k = 0; k <= row; k++) {
            f.values.push(v === undefined ? zeroValue(f) : v);
          }
          wide.push(f);
          return f;
        })
      );
    }
    byKey.get(key).forEach((f, j) => (f.values[row] = long.fields[valueIdx[j]].values[r]));
  }
  const meta = { ...long.meta, type: 'timeseries-wide', typeVersion: [0, 1] };
  return {
    name: long.name,
    meta,
    fields: sortWide(
      wide,
      factors.map((i) => long.fields[i].name)
    ),
  };
}

/** sqlutil.ResampleWideFrame over [from aligned down to the interval, to]. */
export function resampleWide(wide, fill, range) {
  const step = fill.intervalMs;
  const stepS = Math.floor(step / 1000);
  const from = stepS > 0 ? Math.floor(Math.floor(range.from / 1000) / stepS) * stepS * 1000 : range.from;
  const timeIndex = wide.fields.findIndex((f) => f.type === 'time');
  const valueIdx = new Set(wide.fields.map((f, i) => (i !== timeIndex && !isFactor(f) ? i : -1)));
  const out = wide.fields.map((f) =>
    field(f.name, f.type, { go: f.go, nullable: f.nullable, labels: f.labels, values: [] })
  );
  const times = wide.fields[timeIndex].values;
  let lastSeen = -1;
  for (let t = from; t <= range.to; t += step) {
    let r = lastSeen > 0 ? lastSeen + 1 : 0;
    const between = [];
    for (; r < times.length; r++) {
      if (times[r] === null) {
        throw new Error('time point is nil');
      }
      if (times[r] > t - step) {
        if (times[r] <= t) {
          between.push(r);
        } else {
          break;
        }
      }
      lastSeen = r;
    }
    wide.fields.forEach((f, i) => {
      let v;
      if (i === timeIndex) {
        v = t;
      } else if (valueIdx.has(i)) {
        v = between.length ? f.values[between[between.length - 1]] : fillValue(fill, f, lastSeen);
      } else {
        v = lastSeen >= 0 ? f.values[lastSeen] : undefined;
      }
      out[i].values.push(v === undefined ? zeroValue(out[i]) : v);
    });
  }
  return { ...wide, fields: out };
}

/**
 * sqleng processFrame for one query. `format` is 'time_series' or 'table'; `fill` from the macros; `range` the
 * query's time range. Returns the frame or throws an Error whose message is Grafana's.
 */
export function processFrame(input, { format, fill, range, executedQueryString }) {
  let f = { ...input, meta: { ...input.meta, executedQueryString } };
  if (rowCount(f) === 0) {
    return { ...f, fields: [] };
  }
  const roles = columnRoles(f, format);
  const fields = [...f.fields];
  try {
    for (const i of [roles.time, roles.timeEnd].filter((x) => x >= 0)) {
      fields[i] = timeColumnToMs(fields[i]);
    }
  } catch (e) {
    throw new Error(`converting time columns failed: failed to convert time column: ${e.message}`);
  }
  f = { ...f, fields };
  if (format === 'table') {
    return f;
  }
  if (roles.time === -1) {
    throw new Error(
      "db has no time column: time column is missing; make sure your data includes a time column for time series format or switch to a table format that doesn't require it"
    );
  }
  fields[roles.time] = { ...fields[roles.time], name: 'Time' };
  fields.forEach((x, i) => {
    if (i === roles.time || i === roles.metric || x.type === 'string' || (x.type === 'number' && x.go === 'float64')) {
      return;
    }
    try {
      fields[i] = field(x.name, 'number', {
        nullable: true,
        labels: x.labels,
        values: x.values.map((v) => toFloat(v, x.type)),
      });
    } catch (e) {
      throw new Error(`convert value to float failed: ${e.message}`);
    }
  });
  // TimeSeriesSchema: "long" when string (factor) columns sit beside at least one value column.
  const strings = f.fields.filter((x) => x.type === 'string').length;
  const long = strings > 0 && f.fields.length - strings > 1;
  if (long) {
    try {
      f = longToWide(f, fill);
    } catch (e) {
      throw new Error(`failed to convert long to wide series when converting from dataframe: ${e.message}`);
    }
    if (input.fields.length === 3) {
      // Grafana 7 naming: a single "metric" label becomes the field name.
      f.fields.forEach((x) => {
        const keys = Object.keys(x.labels ?? {});
        if (keys.length === 1 && keys[0] === 'metric') {
          x.name = x.labels.metric;
          delete x.labels;
        }
      });
    }
  }
  return fill ? resampleWide(f, fill, range) : f;
}
