/**
 * Escaping of dashboard template variable values for the language they land in. A value can never break out of
 * its literal, whatever it contains.
 *
 * PromQL (values land inside a double-quoted label matcher, `{env="$env"}` or `{env=~"$env"}`):
 *   - a single value is escaped as the CONTENT of a PromQL double-quoted string: `\` -> `\\`, `"` -> `\"`,
 *     newline -> `\n`, carriage return -> `\r`, tab -> `\t`. Write `{env="$env"}`.
 *   - the values of a multi-value (or "All") variable are regex-escaped each (so `.` matches only a dot), joined
 *     with `|`, and the result string-escaped — also when just one value is selected, since such a variable sits
 *     in a regex matcher: `{env=~"$env"}`. A single-value variable is a plain string: `{env="$env"}`.
 *     multi ["a.b"] -> `a\\.b`;  multi ["a.b", "c"] -> `a\\.b|c`;  single "a.b" -> `a.b`.
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

/** `multi`: the variable can hold several values (multi-value or include All), so it sits in an `=~` matcher. */
export function escapePromql(value: string | string[], { multi = false }: { multi?: boolean } = {}): string {
  const values = Array.isArray(value) ? value : [value];
  if (multi || values.length !== 1) {
    return promqlString(values.map((v) => v.replace(REGEX_SPECIAL, '\\$&')).join('|'));
  }
  return promqlString(values[0]);
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
