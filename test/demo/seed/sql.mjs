// SQL text helpers for the seed: literals, multi-row INSERTs, a deterministic PRNG and time constants.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A timestamp literal (UTC, millisecond precision). */
export const ts = (ms) => ({ ts: ms });
/** A date literal (UTC day of `ms`). */
export const date = (ms) => ({ date: ms });

export function literal(v) {
  if (v === null || v === undefined) {
    return 'NULL';
  }
  if (typeof v === 'object' && 'ts' in v) {
    return `'${new Date(v.ts).toISOString()}'`;
  }
  if (typeof v === 'object' && 'date' in v) {
    return `'${new Date(v.date).toISOString().slice(0, 10)}'`;
  }
  if (typeof v === 'boolean') {
    return v ? 'true' : 'false';
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new Error(`seed: non-finite number ${v}`);
    }
    return String(v);
  }
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** INSERT statements for `rows` (arrays in `columns` order), 500 rows per statement. */
export function insert(table, columns, rows) {
  const out = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => `  (${r.map(literal).join(', ')})`);
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values.join(',\n')};`);
  }
  return out.join('\n');
}

/** mulberry32: a small deterministic PRNG, so the same T0 always gives the same seed. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (list) => list[Math.floor(next() * list.length)],
    hex: (n) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}

export const startOfUtcDay = (ms) => Math.floor(ms / DAY) * DAY;
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
