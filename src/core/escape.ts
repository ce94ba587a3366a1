/**
 * Escaping of dashboard template variable values for the language they land in. A value can never break out of
 * its literal, whatever it contains.
 *
 * PromQL (values land inside a double-quoted label matcher, `{env="$env"}` or `{env=~"$env"}`):
 *   - a single value is escaped as the CONTENT of a PromQL double-quoted string: `\` -> `\\`, `"` -> `\"`,
 *     newline -> `\n`, carriage return -> `\r`, tab -> `\t`. Write `{env="$env"}`.
 *   - several values (multi-value or "All") are regex-escaped each (so `.` matches only a dot), joined with `|`,
 *     and the result string-escaped. Write `{env=~"$env"}`.
 *   Example: `prod"} or vector(1) #` becomes `prod\"} or vector(1) #`, which stays inside the quotes.
 *
 * SQL (PostgreSQL with standard_conforming_strings on, the default since 9.1; values land where a literal goes,
 * `WHERE env = $env` or `WHERE env IN ($env)` — write NO quotes around the variable):
 *   - each value becomes a single-quoted literal with `'` doubled and NUL removed (PostgreSQL rejects NUL in text);
 *   - several values are joined with `,`.
 *   Example: `x'; DROP TABLE incidents; --` becomes `'x''; DROP TABLE incidents; --'`, one harmless string.
 */

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

export function promqlString(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

export function escapePromql(value: string | string[]): string {
  if (Array.isArray(value)) {
    return value.length === 1
      ? promqlString(value[0])
      : promqlString(value.map((v) => v.replace(REGEX_SPECIAL, '\\$&')).join('|'));
  }
  return promqlString(value);
}

export function sqlLiteral(value: string): string {
  return `'${value.replace(/\0/g, '').replace(/'/g, "''")}'`;
}

export function escapeSql(value: string | string[]): string {
  if (Array.isArray(value)) {
    // An empty selection matches nothing (`IN (NULL)`), instead of breaking the query with `IN ()`.
    return value.length === 0 ? 'NULL' : value.map(sqlLiteral).join(',');
  }
  return sqlLiteral(value);
}
