// Grafana's PostgreSQL query text substitutions, in Grafana's order:
//   1. global: $__interval_ms, $__interval, $__unixEpochFrom(), $__unixEpochTo();
//   2. macros `$__name(args)`: $__time, $__timeEpoch, $__timeFilter, $__timeFrom, $__timeTo, $__timeGroup (and the
//      "Alias" form when a comma follows it), $__unixEpochFilter, $__unixEpochNanoFilter, $__unixEpochNanoFrom/To,
//      $__unixEpochGroup(Alias). A third $__timeGroup argument sets up the fill (NULL, previous or a number).
// Times are formatted as Go's RFC3339Nano in UTC ('2026-11-16T12:00:00.5Z': trailing zeros dropped).
import { formatInterval } from './frames.mjs';
import { parseDuration } from './prometheus.mjs';

export function rfc3339Nano(ms) {
  const iso = new Date(ms).toISOString(); // 2026-11-16T12:00:00.500Z
  return iso.replace(/\.(\d{3})Z$/, (_, frac) => (Number(frac) ? `.${frac.replace(/0+$/, '')}Z` : 'Z'));
}

const unix = (ms) => String(Math.floor(ms / 1000));
const unixNano = (ms) => `${BigInt(Math.floor(ms)) * 1_000_000n}`;

/** Grafana's interval text for $__timeGroup: "5m", "1h", "300s", "'5m'"... -> seconds (Go prints 300, not 300.0). */
function intervalSeconds(arg) {
  return parseDuration(arg.replace(/^'|'$/g, '')) / 1000;
}

function fillFrom(arg, intervalMs) {
  if (arg === 'NULL') {
    return { mode: 'null', intervalMs };
  }
  if (arg === 'previous') {
    return { mode: 'previous', intervalMs };
  }
  const value = Number(arg);
  if (arg.trim() === '' || Number.isNaN(value)) {
    throw new Error(`error parsing fill value ${arg}`);
  }
  return { mode: 'value', value, intervalMs };
}

/**
 * Expands `sql` for the time range { from, to } (epoch ms) and the query interval (ms).
 * Returns { sql, fill } where fill is undefined or { mode, value?, intervalMs }. Throws on a bad macro.
 */
export function expandSql(sql, { from, to }, intervalMs = 1000) {
  let text = sql
    .split('$__interval_ms')
    .join(String(intervalMs))
    .split('$__interval')
    .join(formatInterval(intervalMs))
    .split('$__unixEpochFrom()')
    .join(unix(from))
    .split('$__unixEpochTo()')
    .join(unix(to));
  let fill;
  const evaluate = (name, args) => {
    const need = (n) => {
      if (args.length < n || (n === 1 && args[0] === '')) {
        throw new Error(`missing time column argument for macro ${name}`);
      }
    };
    switch (name) {
      case '__time':
        need(1);
        return `${args[0]} AS "time"`;
      case '__timeEpoch':
        need(1);
        return `extract(epoch from ${args[0]}) as "time"`;
      case '__timeFilter':
        need(1);
        return `${args[0]} BETWEEN '${rfc3339Nano(from)}' AND '${rfc3339Nano(to)}'`;
      case '__timeFrom':
        return `'${rfc3339Nano(from)}'`;
      case '__timeTo':
        return `'${rfc3339Nano(to)}'`;
      case '__timeGroup':
      case '__unixEpochGroup': {
        if (args.length < 2) {
          throw new Error(`macro ${name} needs time column and interval and optional fill value`);
        }
        const seconds = intervalSeconds(args[1]);
        if (args.length === 3) {
          fill = fillFrom(args[2], seconds * 1000);
        }
        return name === '__timeGroup'
          ? `floor(extract(epoch from ${args[0]})/${seconds})*${seconds}`
          : `floor((${args[0]})/${seconds})*${seconds}`;
      }
      case '__timeGroupAlias':
        return `${evaluate('__timeGroup', args)} AS "time"`;
      case '__unixEpochGroupAlias':
        return `${evaluate('__unixEpochGroup', args)} AS "time"`;
      case '__unixEpochFilter':
        need(1);
        return `${args[0]} >= ${unix(from)} AND ${args[0]} <= ${unix(to)}`;
      case '__unixEpochNanoFilter':
        need(1);
        return `${args[0]} >= ${unixNano(from)} AND ${args[0]} <= ${unixNano(to)}`;
      case '__unixEpochNanoFrom':
        return unixNano(from);
      case '__unixEpochNanoTo':
        return unixNano(to);
      default:
        throw new Error(`unknown macro "${name}"`);
    }
  };
  const original = text;
  text = text.replace(/\$([_a-zA-Z0-9]+)\(([^)]*)\)/g, (whole, name, argText) => {
    let macro = name;
    // Pre-5.3 compatibility: `$__timeGroup(...)` directly followed by a comma also names the column "time".
    if (macro === '__timeGroup') {
      const at = original.indexOf(whole);
      if (at >= 0 && original[at + whole.length] === ',') {
        macro = '__timeGroupAlias';
      }
    }
    return evaluate(
      macro,
      argText.split(',').map((a) => a.trim())
    );
  });
  return { sql: text, fill };
}
