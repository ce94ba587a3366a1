// `POST /api/ds/query` for the harness page. The page says where the answer comes from (header
// X-Candor-Harness-Data, set by the host's backendSrv):
// - `live`: proxied to the Grafana double of the running stack (its URL from the stack's state file); when the
//   double does not run, a 503 says so (the panel then shows the error, and a test fails with that message);
// - `fixture`: answered from the saved scenario (fixtures/scenario.json), query by query (refId);
// - `hostile`, `hostile-links`: the saved scenario with the hostile corpus in it (hostile/corpus.mjs).
// With `record`, every live answer is also merged into that file (record-scenario.mjs).
import fs from 'node:fs';
import zlib from 'node:zlib';

import { hostileResponse } from '../hostile/corpus.mjs';
import { SCENARIO_FIXTURE, STACK_STATE, liveDouble } from './paths.mjs';

const PROXY_TIMEOUT_MS = 60_000;

export function liveQueryUrl() {
  return liveDouble()?.queryUrl;
}

/** Where the page wants its data from (header X-Candor-Harness-Data): `fixture`, `hostile…`, else `live`. */
export function dataMode(header) {
  return header === 'fixture' || String(header).startsWith('hostile') ? header : 'live';
}

export function readFixture(file = SCENARIO_FIXTURE) {
  return fs.existsSync(file) ? JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) : undefined;
}

/** Writes a saved scenario ({ asOf, recordedAt, response, annotations? }) gzipped. */
export function writeFixture(file, saved) {
  fs.writeFileSync(file, zlib.gzipSync(`${JSON.stringify(saved)}\n`, { level: 9 }));
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function answerFromFixture(fixture, request, res) {
  if (!fixture) {
    return json(res, 503, {
      message: `harness: no saved scenario at ${SCENARIO_FIXTURE}; record it with node test/browser/record-scenario.mjs`,
    });
  }
  const results = {};
  for (const { refId } of request.queries ?? []) {
    results[refId] = fixture.response.results[refId] ?? {
      status: 400,
      error: `harness: the saved scenario has no answer for ${refId}`,
    };
  }
  return json(res, 200, { results });
}

/** Appends the answer of one live request to the recording (merging results by refId). */
function record(file, request, status, text) {
  if (status !== 200) {
    throw new Error(`harness: not recording a ${status} answer of the double: ${text.slice(0, 300)}`);
  }
  const previous = readFixture(file);
  const { results } = JSON.parse(text);
  const merged = { ...(previous?.response.results ?? {}), ...results };
  const saved = {
    asOf: new Date(Number(request.to)).toISOString(),
    recordedAt: new Date().toISOString(),
    response: { results: merged },
    ...(previous?.annotations ? { annotations: previous.annotations } : {}),
  };
  writeFixture(file, saved);
}

export function createDsQueryHandler({ recordTo, diagnostics }) {
  return async (req, res) => {
    const text = await readBody(req);
    let request;
    try {
      request = JSON.parse(text);
    } catch {
      return json(res, 400, { message: 'bad request: body is not JSON' });
    }
    const mode = dataMode(req.headers['x-candor-harness-data']);
    diagnostics.queries.push({
      mode,
      refIds: (request.queries ?? []).map((q) => q.refId),
      from: request.from,
      to: request.to,
    });
    if (mode === 'fixture') {
      return answerFromFixture(readFixture(), request, res);
    }
    if (mode !== 'live') {
      const fixture = readFixture();
      return answerFromFixture(fixture && { response: hostileResponse(fixture) }, request, res);
    }
    const url = liveQueryUrl();
    if (!url) {
      return json(res, 503, {
        message: `harness: the Grafana double is not running (no double in ${STACK_STATE}); start the stack first`,
      });
    }
    try {
      const upstream = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
        signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
      });
      const body = await upstream.text();
      if (recordTo) {
        record(recordTo, request, upstream.status, body);
      }
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    } catch (e) {
      json(res, 502, { message: `harness: the Grafana double at ${url} did not answer: ${e.message}` });
    }
  };
}
