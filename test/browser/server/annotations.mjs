// `/api/annotations…` for the harness page (Candor's actions are Grafana annotations). Where the answer comes from is
// the same header as for `/api/ds/query` (X-Candor-Harness-Data, see dsQuery.mjs):
// - `live`: proxied to the Grafana double of the running stack (GET, POST, PATCH, DELETE; the method, path, query
//   and body as sent). No Authorization header goes with it: the double takes the request as the logged-in Editor's
//   browser session, as Grafana takes the page's own requests. 503 when the stack does not run;
// - `fixture`, `hostile`, `hostile-links`: a GET is answered from the saved scenario's `annotations` (recorded by
//   record-scenario.mjs; in `hostile…` with the corpus's payloads in texts, owners and links, hostile/corpus.mjs),
//   filtered with the double's own `filterAnnotations`, so a replay filters as the live double
//   does (a scenario recorded before actions existed has none: []); a write is refused, 403
//   {"message":"harness: the saved scenario is read-only"}.
// Every request is listed in /harness/diagnostics as `annotationRequests: [{ mode, method, path, query, status }]`.
import { dataMode, readBody, readFixture } from './dsQuery.mjs';
import { SCENARIO_FIXTURE, STACK_STATE, liveDouble } from './paths.mjs';
import { filterAnnotations } from '../../grafana-double/annotations.mjs';
import { hostileAnnotations } from '../hostile/corpus.mjs';

const PROXY_TIMEOUT_MS = 30_000;
const READ_ONLY = { message: 'harness: the saved scenario is read-only' };

/** Whether the harness serves this path as an annotations endpoint. */
export function isAnnotationsPath(pathname) {
  return pathname === '/api/annotations' || pathname.startsWith('/api/annotations/');
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** GET from the saved scenario: the list, or one annotation by id. */
function fromFixture(url, mode) {
  const fixture = readFixture();
  if (!fixture) {
    return [503, { message: `harness: no saved scenario at ${SCENARIO_FIXTURE}; record it with record-scenario.mjs` }];
  }
  const saved = mode.startsWith('hostile') ? hostileAnnotations(fixture.annotations) : (fixture.annotations ?? []);
  const pathname = url.pathname.replace(/\/+$/, '');
  if (pathname === '/api/annotations') {
    return [200, filterAnnotations(saved, url.searchParams)];
  }
  const one = saved.find((a) => String(a.id) === pathname.slice('/api/annotations/'.length));
  return one ? [200, one] : [404, { message: 'Annotation not found' }];
}

async function proxy(req, url, res) {
  const double = liveDouble();
  if (!double?.url) {
    json(res, 503, { message: `harness: the Grafana double is not running (no double in ${STACK_STATE})` });
    return 503;
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  try {
    const upstream = await fetch(`${double.url}${url.pathname}${url.search}`, {
      method: req.method,
      headers: hasBody ? { 'Content-Type': 'application/json' } : {},
      body: hasBody ? await readBody(req) : undefined,
      signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
    });
    const body = await upstream.text();
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(body);
    return upstream.status;
  } catch (e) {
    json(res, 502, { message: `harness: the Grafana double at ${double.url} did not answer: ${e.message}` });
    return 502;
  }
}

export function createAnnotationsHandler({ diagnostics }) {
  return async (req, res, url) => {
    const mode = dataMode(req.headers['x-candor-harness-data']);
    const entry = { mode, method: req.method, path: url.pathname, query: url.search };
    diagnostics.annotationRequests.push(entry);
    if (mode === 'live') {
      entry.status = await proxy(req, url, res);
      return;
    }
    const [status, body] = req.method === 'GET' ? fromFixture(url, mode) : [403, READ_ONLY];
    entry.status = status;
    json(res, status, body);
  };
}
