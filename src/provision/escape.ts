/**
 * Grafana expands environment variables in provisioned files: in every string it reads through its provisioning
 * `values` types, `$NAME`, `${NAME}` and `$__env{…}`/`$__file{…}` are replaced, and `$$` stands for a literal `$`.
 * Which strings are expanded depends on the field (docs/provisioning.md, "Dollar signs"):
 *
 * - expanded: datasource fields and jsonData (every string, at any depth, map keys excepted), dashboard provider
 *   fields, app jsonData, contact point settings, notification policies, alert rule titles, labels, group and
 *   folder names;
 * - read raw (not expanded): alert rule query models (`data[].model`, so `$__timeFrom()` reaches the datasource as
 *   written) and alert rule annotations (Go templates such as `{{ $values.B.Value }}`); dashboard JSON files.
 *
 * The generators escape exactly the expanded strings, so what Grafana ends up with is the catalog's text, byte for
 * byte; `expandLikeGrafana` models Grafana's expansion so tests can prove it.
 */

/** Writes every `$` as `$$`: Grafana's expansion turns it back into exactly the input. */
export function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/** A deep copy with every string VALUE escaped (map keys are not expanded by Grafana, so they stay as they are). */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') {
    return escapeDollars(value) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v) => escapeStrings(v)) as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)])) as T;
  }
  return value;
}

/**
 * A model of Grafana's expansion of one provisioned string (`pkg/services/provisioning/values`): split on `$$`,
 * expand `$NAME`/`${NAME}` in each part from `env` (unset names become empty, as os.ExpandEnv does), join with `$`.
 * Grafana's `$__env{…}`/`$__file{…}` expanders are modelled as unset. For tests and docs only.
 */
export function expandLikeGrafana(text: string, env: Record<string, string> = {}): string {
  return text
    .split('$$')
    .map((part) =>
      part
        .replace(/\$__(env|file|vault)\{[^}]*\}/g, '')
        .replace(
          /\$\{([^}]*)\}|\$([A-Za-z0-9_]+)/g,
          (_m, braced?: string, bare?: string) => env[braced ?? bare ?? ''] ?? ''
        )
    )
    .join('$');
}

/** Deep version of expandLikeGrafana over string values. */
export function expandAllLikeGrafana<T>(value: T, env: Record<string, string> = {}): T {
  if (typeof value === 'string') {
    return expandLikeGrafana(value, env) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v) => expandAllLikeGrafana(v, env)) as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandAllLikeGrafana(v, env)])) as T;
  }
  return value;
}
