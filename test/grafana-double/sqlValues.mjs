// PostgreSQL column types and text values -> Grafana field types and values, as Grafana's pgx-based PostgreSQL
// datasource maps them: int2/int4/int8 -> nullable int16/32/64; float4/float8/numeric -> nullable float64; bool;
// timestamp/timestamptz/date -> nullable time; json/jsonb -> JSON; everything else (text, varchar, char, uuid,
// interval, time, enums...) -> nullable string. Every SQL field is nullable.
import { field, frame } from './frames.mjs';

const TYPES = {
  21: ['number', 'int16'],
  23: ['number', 'int32'],
  20: ['number', 'int64'],
  700: ['number', 'float64'],
  701: ['number', 'float64'],
  1700: ['number', 'float64'],
  16: ['boolean', 'bool'],
  1114: ['time', 'time.Time'],
  1184: ['time', 'time.Time'],
  1082: ['time', 'time.Time'],
  114: ['other', 'json.RawMessage'],
  3802: ['other', 'json.RawMessage'],
};

export const fieldTypeOfOid = (oid) => TYPES[oid] ?? ['string', 'string'];

function parseFloatText(text) {
  if (text === 'NaN') {
    return NaN;
  }
  if (text === 'Infinity') {
    return Infinity;
  }
  if (text === '-Infinity') {
    return -Infinity;
  }
  return Number(text);
}

/** timestamptz / timestamp / date text (DateStyle ISO) -> { ms, ns } (UTC when the text has no offset). */
export function parseTimestamp(text) {
  const m =
    /^(\d{4,})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$/.exec(
      text
    );
  if (!m) {
    throw new Error(`cannot parse time value "${text}"`);
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', sign, oh = '0', om = '0', os = '0'] = m;
  const fracNs = Number((frac + '000000000').slice(0, 9));
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * ((Number(oh) * 60 + Number(om)) * 60 + Number(os)) * 1000 : 0;
  const ms =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) -
    offsetMs +
    Math.floor(fracNs / 1e6);
  return { ms, ns: fracNs % 1e6 };
}

function decodeBytea(text) {
  return text.startsWith('\\x') ? Buffer.from(text.slice(2), 'hex').toString('utf8') : text;
}

export function parseValue(text, oid) {
  if (text === null) {
    return null;
  }
  const [type, go] = fieldTypeOfOid(oid);
  if (type === 'number') {
    return go === 'float64' ? parseFloatText(text) : Number(text);
  }
  if (type === 'boolean') {
    return text === 't' || text === 'true';
  }
  if (type === 'time') {
    return parseTimestamp(text);
  }
  if (type === 'other') {
    return JSON.parse(text);
  }
  return oid === 17 ? decodeBytea(text) : text;
}

/**
 * The frame of a (multi-statement) result: the columns of the first row-returning statement, the rows of every
 * row-returning statement (which must have the same columns), at most `rowLimit` rows per statement.
 */
export function resultsToFrame(results, rowLimit = 1_000_000) {
  const first = results.find((r) => r.fields.length > 0);
  if (!first) {
    return frame([]);
  }
  const fields = first.fields.map((f) => {
    const [type, go] = fieldTypeOfOid(f.typeOid);
    return field(f.name, type, { go, nullable: true, values: [], ...(type === 'time' ? { nanos: [] } : {}) });
  });
  const out = frame(fields);
  for (const result of results.filter((r) => r.fields.length > 0)) {
    if (result.fields.length !== fields.length) {
      throw new Error(
        `incompatible result structure: expected ${fields.length} columns, got ${result.fields.length} columns`
      );
    }
    result.fields.forEach((f, i) => {
      if (f.name !== fields[i].name) {
        throw new Error(`column name mismatch at position ${i}: expected "${fields[i].name}", got "${f.name}"`);
      }
    });
    for (const [r, row] of result.rows.entries()) {
      if (r === rowLimit) {
        out.meta.notices = [
          ...(out.meta.notices ?? []),
          {
            severity: 'warning',
            text: `Results have been limited to ${rowLimit} because the SQL row limit was reached`,
          },
        ];
        break;
      }
      row.forEach((text, i) => {
        const v = parseValue(text, result.fields[i].typeOid);
        if (fields[i].type === 'time') {
          fields[i].values.push(v === null ? null : v.ms);
          fields[i].nanos.push(v === null ? 0 : v.ns);
        } else {
          fields[i].values.push(v);
        }
      });
    }
  }
  return out;
}
