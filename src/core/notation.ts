/**
 * The series notation of catalog tests, after `promtool test rules`:
 *   "1 2 3"      three samples
 *   "0.5x3"      0.5 repeated: 4 samples (N+1, as promtool counts)
 *   "1+2x3"      1 3 5 7;  "10-1x2" -> 10 9 8
 *   "_"          a missing sample (no point at that step); "_x3" four missing
 *   NaN Inf -Inf non-finite samples (kept: the evaluation must handle them)
 * Samples are `interval` apart and the LAST one sits at `end`.
 */

type Value = number | null | 'missing';

const NUMBER = '[-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+|NaN|Inf)';
const TOKEN = new RegExp(`^(${NUMBER}|_)(?:([-+])(${NUMBER}))?(?:x(\\d+))?$`);

function toNumber(text: string): number {
  const t = text.replace(/^\+/, '');
  return t === 'Inf' ? Infinity : t === '-Inf' ? -Infinity : t === 'NaN' ? NaN : Number(t);
}

/** The values of a notation string, or an error naming the bad token. */
export function expandValues(text: string): { values?: Value[]; error?: string } {
  const values: Value[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const m = TOKEN.exec(token);
    if (!m || (m[1] === '_' && m[2])) {
      return { error: `"${token}" is not a value, "_", "axN" or "a+bxN"` };
    }
    const times = m[4] === undefined ? 1 : Number(m[4]) + 1;
    if (times > 100_000) {
      return { error: `"${token}" expands to more than 100000 samples` };
    }
    const start: Value = m[1] === '_' ? 'missing' : toNumber(m[1]);
    const step = m[3] === undefined ? 0 : toNumber(m[3]) * (m[2] === '-' ? -1 : 1);
    for (let i = 0; i < times; i++) {
      values.push(start === 'missing' || start === null ? start : start + i * step);
    }
  }
  return { values };
}

/** Points `interval` apart ending at `end`; missing values get no point. */
export function toPoints(values: Value[], end: number, intervalMs: number): Array<[number, number | null]> {
  const points: Array<[number, number | null]> = [];
  values.forEach((v, i) => {
    if (v !== 'missing') {
      points.push([end - (values.length - 1 - i) * intervalMs, v]);
    }
  });
  return points;
}
