/**
 * What a SQL metric's freshness query (core/freshness.ts) adds to its alert rule, so the rule judges what the
 * scorecard judges:
 *   A  the catalog's query, cut at the load time: only its rows whose `time` is at or before the last load (none
 *      without a load, which fires as no data). The scorecard does not count later points either.
 *   F  the age of the last load in seconds, a single number (a table query with one numeric column is numeric data
 *      to Grafana's alerting); +Inf without a load (no row, or a null time). The oldest row counts.
 *   C  also fires when F is older than maxAge, or more than maxAge in the future (no load is).
 * Times are compared as epoch seconds (EXTRACT(EPOCH …)): a timestamp without time zone is then read as UTC, as
 * Grafana reads it, whatever the database session's zone. Both queries are single statements (validateSql.ts).
 */
import { parseDuration } from '../core/duration';
import { freshnessQueryOf } from '../core/freshness';
import { isSql, type MetricDef } from '../core/types';

/** The load time in epoch seconds as one scalar subquery; NULL without a load. */
export function loadEpochSql(freshnessSql: string): string {
  return (
    'SELECT CASE WHEN count(*) > 0 AND count(*) = count("time") THEN EXTRACT(EPOCH FROM min("time")) END\n' +
    `  FROM (\n${freshnessSql.trim()}\n) AS freshness`
  );
}

/** A's SQL: the metric's query cut at the load time when it has a freshness query, else as it is. */
export function untilLoadSql(m: MetricDef): string | undefined {
  const load = freshnessQueryOf(m);
  if (!load || !isSql(m.source)) {
    return undefined;
  }
  return (
    `SELECT * FROM (\n${m.source.sql.rawSql.trim()}\n) AS source\n` +
    `WHERE EXTRACT(EPOCH FROM source."time") <= (${loadEpochSql(load.sql)})\nORDER BY source."time"`
  );
}

/** F's SQL: the age of the last load in seconds, +Inf without one. */
export function loadAgeSql(freshnessSql: string): string {
  return (
    `SELECT COALESCE((EXTRACT(EPOCH FROM now()) - (${loadEpochSql(freshnessSql)}))::float8, 'Infinity'::float8)` +
    ' AS load_age_seconds'
  );
}

/** What C adds: `|| $F > maxAge || $F < -maxAge` in seconds; nothing without a freshness query. */
export function staleCondition(m: MetricDef): string {
  if (!freshnessQueryOf(m)) {
    return '';
  }
  const seconds = Math.round((parseDuration(m.freshness.maxAge) ?? 0) / 1000);
  return ` || $F > ${seconds} || $F < -${seconds}`;
}
