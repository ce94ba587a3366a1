// A PostgreSQL query of `/api/ds/query`, run as Grafana's PostgreSQL datasource runs it: macros expanded, the whole
// text sent as one simple-protocol query, the result turned into a frame (sqlValues.mjs, sqlFrames.mjs). Errors
// come back per refId as Grafana words them ("db query error: ERROR: ... (SQLSTATE 42P01)").
import { frame } from './frames.mjs';
import { PgConnection } from './pgwire.mjs';
import { processFrame } from './sqlFrames.mjs';
import { expandSql } from './sqlMacros.mjs';
import { resultsToFrame } from './sqlValues.mjs';

function errorResponse(prefix, err, executedQueryString, status = 500) {
  const meta = { typeVersion: [0, 0], ...(executedQueryString ? { executedQueryString } : {}) };
  return { error: `${prefix}: ${err.message}`, status, frames: [frame([], { meta })] };
}

/**
 * Runs `sql` (setup statements allowed) on an open connection and builds the data response for `query`
 * ({ rawSql, format }) over `range` ({ from, to } epoch ms) with the query interval `intervalMs`.
 */
export async function runSqlOnConnection(conn, query, range, intervalMs = 1000) {
  let expanded;
  try {
    expanded = expandSql(query.rawSql, range, intervalMs);
  } catch (e) {
    return errorResponse('interpolation failed', e, query.rawSql);
  }
  const { results, error } = await conn.query(expanded.sql);
  if (error) {
    return errorResponse('db query error', error, expanded.sql);
  }
  let result;
  try {
    result = resultsToFrame(results);
  } catch (e) {
    return errorResponse('convert frame from rows error', e, expanded.sql);
  }
  try {
    const format = query.format === 'table' ? 'table' : 'time_series';
    const out = processFrame(result, { format, fill: expanded.fill, range, executedQueryString: expanded.sql });
    return { status: 200, frames: [out] };
  } catch (e) {
    return { ...errorResponse('', e, expanded.sql), error: e.message };
  }
}

/** Opens a connection with `login` ({ host, port, user, password, database }), runs one query, closes. */
export async function runSqlQuery(login, query, range, intervalMs = 1000) {
  let conn;
  try {
    conn = await PgConnection.connect(login);
  } catch (e) {
    const text =
      e.code === 'ECONNREFUSED'
        ? `failed to connect to \`host=${login.host} user=${login.user} database=${login.database}\`: dial error (dial tcp ${login.host}:${login.port}: connect: connection refused)`
        : e.message;
    return { error: `db query error: ${text}`, status: 500, frames: [frame([])] };
  }
  try {
    return await runSqlOnConnection(conn, query, range, intervalMs);
  } finally {
    conn.close();
  }
}
