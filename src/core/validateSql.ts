/**
 * Validation of a metric's query texts (`source.sql.rawSql`, `source.prometheus.expr`, `freshness.sql`):
 * - template variables are written without quotes: Candor quotes each value itself (escape.ts);
 * - `freshness.sql` only for SQL sources: a Prometheus sample's time is already when it was scraped;
 * - with a freshness query, both SQL texts are one statement without `;` (outside comments and literals): the
 *   generated alert rule reads each as a subquery (provision/alerting.ts), where a `;` is a syntax error and the rule
 *   would sit in Error for ever;
 * - a freshness query uses none of Grafana's macros (`$__timeFilter(…)`, `$__timeTo()`, …): the last load is the
 *   last load whatever the time range, and the alert rule's range is not the dashboard's, so the two would read
 *   different loads;
 * - with a freshness query, the metric query's time column is a timestamp and unfilled: no macro that writes epoch
 *   seconds (`$__timeGroupAlias`, `$__timeEpoch`, `$__unixEpochGroup…`, `$__timeGroup` outside `to_timestamp(…)`)
 *   and no fill argument, with which Grafana adds points after the load that the alert rule would read;
 * - no control or format character other than tab and line breaks: a text-direction override or a zero-width space
 *   makes the reviewed query read differently from the one that runs ("Trojan Source", CVE-2021-42574).
 */
import type { MetricDef, Problem } from './types';
import { sqlCode } from './sqlText';
import { hiddenCodeCharacter } from './visibleName';

/**
 * Template variables written inside SQL quotes: `'$env'`, `'${env}'`, `'${env:raw}'`, `'[[env]]'`. Candor's escaper
 * makes each value a quoted literal already (src/core/escape.ts), so quotes around it end the literal early.
 * Grafana's macros (`$__timeFrom()`) are not variables.
 */
export function quotedVariables(sql: string): string[] {
  return [...sql.matchAll(/'(\$(?!__)\w+|\$\{(?!__)\w+(:\w+)?\}|\[\[(?!__)\w+(:\w+)?\]\])'/g)].map((m) => m[0]);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function querySqlProblems(m: MetricDef, at: string, sourceSound: boolean): Problem[] {
  const source = m.source as { sql?: { rawSql?: unknown }; prometheus?: { expr?: unknown } } | undefined;
  const freshness = text((m.freshness as { sql?: unknown } | undefined)?.sql);
  const sql: Array<[string, string | undefined]> = [
    [`${at}.source.sql.rawSql`, text(source?.sql?.rawSql)],
    [`${at}.freshness.sql`, freshness],
  ];
  // Each text lexed once: its code without comments and literals (sqlText.ts).
  const code = new Map(sql.map(([path, q]) => [path, q === undefined ? undefined : sqlCode(q)]));
  const problems: Problem[] = [];
  for (const [path, q] of sql) {
    const quoted = q === undefined ? [] : quotedVariables(q);
    if (quoted.length > 0) {
      problems.push({
        path,
        message: `write ${quoted.map((x) => x.slice(1, -1)).join(', ')} without quotes: Candor quotes every value itself (${quoted[0]} would become ''value'')`,
      });
    }
    if (freshness !== undefined && code.get(path)?.includes(';')) {
      problems.push({
        path,
        message: "must be one statement without ';': with a freshness query, the alert rule reads it as a subquery",
      });
    }
  }
  if (freshness !== undefined) {
    const macro = /\$__\w+/.exec(code.get(`${at}.freshness.sql`) ?? '')?.[0];
    if (macro) {
      problems.push({
        path: `${at}.freshness.sql`,
        message: `uses ${macro}: a freshness query reads the last load whatever the time range (the alert rule's range is not the dashboard's)`,
      });
    }
    const rawCode = code.get(`${at}.source.sql.rawSql`);
    const why = rawCode === undefined ? undefined : timeColumnProblem(rawCode);
    if (why) {
      problems.push({ path: `${at}.source.sql.rawSql`, message: `with a freshness query, ${why}` });
    }
  }
  if (freshness !== undefined && sourceSound && source && source.sql === undefined) {
    problems.push({
      path: `${at}.freshness.sql`,
      message: "is for SQL sources only: a Prometheus sample's time is already when it was scraped",
    });
  }
  for (const [path, q] of [...sql, [`${at}.source.prometheus.expr`, text(source?.prometheus?.expr)] as const]) {
    const hidden = q === undefined ? undefined : hiddenCodeCharacter(q);
    if (hidden !== undefined) {
      problems.push({
        path,
        message: `contains ${hidden}, an invisible or text-direction character: the query would read differently from what runs`,
      });
    }
  }
  return problems;
}

/** Macros that write the time as epoch seconds (Grafana's PostgreSQL macros). */
const EPOCH_MACROS = /\$__(timeGroupAlias|timeEpoch|unixEpochGroupAlias|unixEpochGroup)\b/i;

/** Why a metric query's time column cannot be cut at the load by the alert rule (alertFreshness.ts), if it cannot. */
function timeColumnProblem(code: string): string | undefined {
  const epoch = EPOCH_MACROS.exec(code)?.[0];
  if (epoch) {
    return `the time column must be a timestamp: ${epoch} gives epoch seconds (write to_timestamp($__timeGroup(…)) AS time)`;
  }
  for (const m of code.matchAll(/\$__timeGroup\s*\(/gi)) {
    const args = macroArguments(code, m.index! + m[0].length);
    if (args > 2) {
      return 'the time column must be unfilled: a fill argument to $__timeGroup adds points after the load, which the alert rule would read';
    }
    if (!/to_timestamp\s*\(\s*$/i.test(code.slice(0, m.index))) {
      return 'the time column must be a timestamp: $__timeGroup gives epoch seconds (write to_timestamp($__timeGroup(…)) AS time)';
    }
  }
  return undefined;
}

/** How many top-level arguments a call has, its opening parenthesis just before `start`. */
function macroArguments(code: string, start: number): number {
  let depth = 1;
  let count = 1;
  for (let i = start; i < code.length && depth > 0; i++) {
    if (code[i] === '(') {
      depth++;
    } else if (code[i] === ')') {
      depth--;
    } else if (code[i] === ',' && depth === 1) {
      count++;
    }
  }
  return count;
}
