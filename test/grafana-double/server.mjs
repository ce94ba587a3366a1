// The test double of Grafana's `POST /api/ds/query` and `/api/annotations`, for the stack (never part of the plugin):
//   body { queries: [{ refId, datasource: { uid, type }, ...model }], from, to }
//   -> { results: { [refId]: { status, frames } | { error, errorSource, status, frames } } }
// Prometheus queries run on the real Prometheus (prometheus.mjs), SQL queries on the real PostgreSQL as the read-only
// role (postgres.mjs). An unknown service-account token is 401 (annotationsApi.mjs identify). As Grafana does: HTTP 400 when any query failed (the body still has every result), 404 for an
// unknown datasource uid, 400 for a malformed request. Annotations (GET/POST /api/annotations, GET/PATCH/DELETE
// /api/annotations/:id) are kept in memory (annotations.mjs, annotationsApi.mjs). Listens on 127.0.0.1 only.
// Usage: node test/grafana-double/server.mjs --port PORT --config CONFIG.json
//   CONFIG: { prometheus: { uid, url, scrapeInterval? }, postgres: { uid, host, port, user, password, database },
//             annotations?: { seedFile? }, tokens?: { viewer?, editor? }, dashboards?: { dirs } }
// GET /api/dashboards/uid/:uid answers the provisioned dashboard JSON found under dashboards.dirs (404 otherwise).
// GET /api/datasources/uid/:uid answers the two source datasources of the config as Grafana lists a datasource
// (uid, name, type), 404 "Data source not found" for any other uid.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { handleAnnotationRequest, identify, storeFromConfig } from './annotationsApi.mjs';
import { dataResponseJson } from './frames.mjs';
import { runSqlQuery } from './postgres.mjs';
import { runPrometheusQuery } from './prometheus.mjs';

/** Grafana's time range strings: epoch ms, "now", "now-6h", an ISO date. */
export function parseTime(text, now = Date.now()) {
  const s = String(text ?? '').trim();
  if (/^\d+$/.test(s)) {
    return Number(s);
  }
  const rel = /^now(?:([+-])(\d+)(ms|s|m|h|d|w|M|y))?$/.exec(s);
  if (rel) {
    const unit = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5, M: 2592e6, y: 31536e6 }[rel[3]] ?? 0;
    return now + (rel[1] === '-' ? -1 : 1) * Number(rel[2] ?? 0) * unit;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) {
    throw new Error(`invalid time "${s}"`);
  }
  return t;
}

export async function answer(config, body) {
  if (!body || !Array.isArray(body.queries) || body.queries.length === 0) {
    return { status: 400, json: { message: 'No queries found in query', messageId: 'query.noQueries' } };
  }
  const range = { from: parseTime(body.from), to: parseTime(body.to) };
  const sources = { [config.prometheus.uid]: 'prometheus', [config.postgres.uid]: 'postgres' };
  const unknown = body.queries.find((q) => !sources[q.datasource?.uid ?? q.datasource]);
  if (unknown) {
    return { status: 404, json: { message: 'Data source not found', traceID: '' } };
  }
  const entries = await Promise.all(
    body.queries.map(async (q) => {
      const refId = q.refId ?? 'A';
      const kind = sources[q.datasource?.uid ?? q.datasource];
      if (kind === 'prometheus') {
        return [refId, await runPrometheusQuery(config.prometheus.url, q, range, config.prometheus)];
      }
      if (!q.rawSql) {
        return [refId, undefined]; // Grafana skips a SQL query without text: no result at all
      }
      return [refId, await runSqlQuery(config.postgres, q, range, q.intervalMs ?? 1000)];
    })
  );
  const results = {};
  for (const [refId, response] of entries.filter(([, r]) => r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    results[refId] = dataResponseJson(response, refId);
  }
  const failed = Object.values(results).some((r) => r.error);
  return { status: failed ? 400 : 200, json: { results } };
}

/** A provisioned dashboard by uid: the first `*.json` under the configured folders whose `uid` it is. */
export function findDashboard(dirs, uid) {
  for (const dir of dirs) {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : []) {
      if (String(entry).endsWith('.json')) {
        const json = JSON.parse(fs.readFileSync(path.join(dir, String(entry)), 'utf8'));
        if (json.uid === uid) {
          return json;
        }
      }
    }
  }
  return undefined;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function annotations(store, config, req, send) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const body = await readBody(req);
  const request = { method: req.method, pathname: url.pathname, search: url.search, headers: req.headers, body };
  const out = handleAnnotationRequest(store, config, request);
  return out ? send(out.status, out.json) : send(404, { message: 'Not found' });
}

/** The config's source datasources as Grafana's datasource API shows one (no connection settings, no secrets). */
export function datasourceByUid(config, uid) {
  const list = [
    { id: 1, uid: config.prometheus.uid, name: config.prometheus.uid, type: 'prometheus', access: 'proxy' },
    {
      id: 2,
      uid: config.postgres.uid,
      name: config.postgres.uid,
      type: 'grafana-postgresql-datasource',
      access: 'proxy',
    },
  ];
  return list.find((d) => d.uid === uid);
}

function serve(config, port) {
  const store = storeFromConfig(config, (file) => fs.readFileSync(file, 'utf8'));
  const server = http.createServer((req, res) => {
    const send = (status, json) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method === 'GET' && req.url === '/api/health') {
      return send(200, { database: 'ok', version: 'candor-test-double' });
    }
    const dashboard = /^\/api\/dashboards\/uid\/([^/?]+)$/.exec(req.url);
    if (req.method === 'GET' && dashboard) {
      const who = identify(req.headers, config.tokens);
      if (who.denied) {
        return send(who.denied.status, who.denied.json);
      }
      const found = findDashboard(config.dashboards?.dirs ?? [], decodeURIComponent(dashboard[1]));
      return found
        ? send(200, { dashboard: found, meta: { provisioned: true, canEdit: false } })
        : send(404, { message: 'Dashboard not found' });
    }
    const datasource = /^\/api\/datasources\/uid\/([^/?]+)$/.exec(req.url);
    if (req.method === 'GET' && datasource) {
      const who = identify(req.headers, config.tokens);
      if (who.denied) {
        return send(who.denied.status, who.denied.json);
      }
      const found = datasourceByUid(config, decodeURIComponent(datasource[1]));
      return found ? send(200, found) : send(404, { message: 'Data source not found' });
    }
    if (/^\/api\/annotations(\/|\?|$)/.test(req.url)) {
      return annotations(store, config, req, send).catch((e) => send(500, { message: e.message }));
    }
    if (req.method !== 'POST' || req.url.split('?')[0] !== '/api/ds/query') {
      return send(404, { message: 'Not found' });
    }
    // As Grafana: a request with a token it does not know is 401, whatever it asks (no header: the browser session).
    const who = identify(req.headers, config.tokens);
    if (who.denied) {
      return send(who.denied.status, who.denied.json);
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(400, { message: 'bad request data' });
      }
      try {
        const out = await answer(config, body);
        send(out.status, out.json);
      } catch (e) {
        send(500, { message: 'Query data error', error: e.message });
      }
    });
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`double of /api/ds/query on http://127.0.0.1:${port}\n`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

if (arg('config')) {
  serve(JSON.parse(fs.readFileSync(arg('config'), 'utf8')), Number(arg('port')));
}
