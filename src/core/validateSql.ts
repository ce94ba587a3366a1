/**
 * Validation of a metric's query texts (`source.sql.rawSql`, `source.prometheus.expr`, `freshness.sql`):
 * - template variables are written without quotes: Candor quotes each value itself (escape.ts);
 * - `freshness.sql` only for SQL sources: a Prometheus sample's time is already when it was scraped;
 * - with a freshness query, both SQL texts are one statement without `;` (outside comments and literals): the
 *   generated alert rule reads each as a subquery (provision/alerting.ts), where a `;` is a syntax error and the rule
 *   would sit in Error for ever;
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
  const problems: Problem[] = [];
  for (const [path, q] of sql) {
    const quoted = q === undefined ? [] : quotedVariables(q);
    if (quoted.length > 0) {
      problems.push({
        path,
        message: `write ${quoted.map((x) => x.slice(1, -1)).join(', ')} without quotes: Candor quotes every value itself (${quoted[0]} would become ''value'')`,
      });
    }
    if (freshness !== undefined && q !== undefined && sqlCode(q).includes(';')) {
      problems.push({
        path,
        message: "must be one statement without ';': with a freshness query, the alert rule reads it as a subquery",
      });
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
