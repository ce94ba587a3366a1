#!/usr/bin/env node
// The harness server: ONE HTTP server on 127.0.0.1 for the page, the built plugin, the host bundle, icons, fonts,
// `POST /api/ds/query` (server/dsQuery.mjs) and `/api/annotations…` (server/annotations.mjs).
//   node test/browser/server.mjs [--port N] [--record FILE] [--no-build]
// prints `harness: http://127.0.0.1:N/` once it listens; SIGINT/SIGTERM close it.
// Pages: `/` (a kiosk dashboard), `/d-solo/<uid>` (a d-solo iframe); parameters in test/browser/README.md.
// `/harness/diagnostics` tells tests which icons were missing, which files were not found, which queries ran and which
// annotation requests the page made.
import http from 'node:http';
import { parseArgs } from 'node:util';

import { buildHost } from './build-host.mjs';
import { createAnnotationsHandler, isAnnotationsPath } from './server/annotations.mjs';
import { createDsQueryHandler, liveQueryUrl, readFixture } from './server/dsQuery.mjs';
import { serveFile } from './server/files.mjs';
import { renderPage } from './server/page.mjs';
import { HOST } from './server/paths.mjs';

export function createHarnessServer({ recordTo, cacheStatic = false } = {}) {
  const diagnostics = { missingIcons: new Set(), notFound: new Set(), queries: [], annotationRequests: [] };
  const dsQuery = createDsQueryHandler({ recordTo, diagnostics });
  const annotations = createAnnotationsHandler({ diagnostics });
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host ?? HOST}`);
    try {
      if (req.method === 'POST' && url.pathname === '/api/ds/query') {
        return await dsQuery(req, res);
      }
      if (isAnnotationsPath(url.pathname)) {
        return await annotations(req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === '/' || url.pathname.startsWith('/d/') || url.pathname.startsWith('/d-solo/')) {
        if (url.pathname.startsWith('/d-solo/') && !url.searchParams.has('embed')) {
          url.searchParams.set('embed', 'solo');
          res.writeHead(302, { Location: `${url.pathname}?${url.searchParams}` }).end();
          return;
        }
        const html = renderPage({
          url,
          origin: url.origin,
          fixtureAsOf: readFixture()?.asOf,
          liveAvailable: Boolean(liveQueryUrl()),
        });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(html);
      }
      if (url.pathname === '/harness/diagnostics') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(
          JSON.stringify({
            missingIcons: [...diagnostics.missingIcons],
            notFound: [...diagnostics.notFound],
            queries: diagnostics.queries,
            annotationRequests: diagnostics.annotationRequests,
          })
        );
      }
      if (!serveFile(url.pathname, res, diagnostics, cacheStatic)) {
        diagnostics.notFound.add(url.pathname);
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${url.pathname}\n`);
      }
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`harness: ${e.stack ?? e}\n`);
    }
  });
}

/**
 * Builds the host (unless told not to), listens on 127.0.0.1:port (0 = any), resolves { server, url }.
 * `cacheStatic`: static files may be cached by the browser (the first-paint benchmark's warm runs).
 */
export async function startHarness({ port = 0, recordTo, build = true, cacheStatic = false } = {}) {
  if (build) {
    await buildHost();
  }
  const server = createHarnessServer({ recordTo, cacheStatic });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return { server, url: `http://${HOST}:${server.address().port}/` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, record: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  const { server, url } = await startHarness({
    port: Number(values.port),
    recordTo: values.record,
    build: !values['no-build'],
  });
  console.log(`harness: ${url}`);
  const close = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}
