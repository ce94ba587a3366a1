/**
 * The report page and the files it loads, served by one HTTP server on 127.0.0.1 for the time of one rendering:
 * the page (with the report record as JSON), the report bundle, Grafana's icons and fonts from npm. Every path is
 * resolved inside its folder; nothing else is served. An icon the npm package lacks is answered with an empty SVG.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
const EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>';

/** JSON inside a <script> element: `<` escaped, so no text in the record can close the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface PageSpec {
  title: string;
  theme: 'light' | 'dark';
  /** Extra CSS for the page. */
  style: string;
  /** The id of the `<script type="application/json">` the page's script reads `data` from. */
  dataId: string;
  data: unknown;
  /** The body's elements. */
  body: string;
}

/**
 * A page that runs the bundle at /report/main.js with what @grafana/runtime reads at import (the boot data of a
 * signed-in Viewer, the public path for icons and fonts), and its input as JSON.
 */
export function pageHtml(spec: PageSpec): string {
  const boot = {
    settings: {
      appSubUrl: '',
      buildInfo: { version: '12.4.10', edition: 'Open Source' },
      featureToggles: {},
      datasources: {},
      panels: {},
    },
    user: {
      theme: spec.theme,
      timezone: 'utc',
      locale: 'en-US',
      language: 'en-US',
      orgRole: 'Viewer',
      permissions: {},
    },
    navTree: [],
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${spec.title}</title>
<link rel="stylesheet" href="/report/main.css">
<style>${spec.style}</style>
<script>window.grafanaBootData = ${scriptJson(boot)};
window.__grafana_public_path__ = '/public/';</script>
<script type="application/json" id="${spec.dataId}">${scriptJson(spec.data)}</script>
<script type="module" src="/report/main.js"></script>
</head>
<body>
${spec.body}
</body>
</html>
`;
}

export const reportHtml = (input: unknown): string =>
  pageHtml({
    title: 'Candor weekly executive review',
    theme: 'light',
    style: 'html, body { margin: 0; background: #ffffff; } @media screen { body { padding: 8mm; } }',
    dataId: 'candor-report',
    data: input,
    body: '<div id="reactRoot"></div>',
  });

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

export function serveReport(root: string, bundleDir: string, page: string): Promise<Served> {
  const mounts: Array<[string, string]> = [
    ['/report/', bundleDir],
    ['/public/fonts/inter/', path.join(root, 'node_modules/inter-ui/web')],
    ['/public/build/img/icons/', path.join(root, 'node_modules/@grafana/ui/dist/public/img/icons')],
  ];
  const roboto = path.join(root, 'node_modules/@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2');
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'bad path');
    }
    if (pathname === '/') {
      return send(200, 'text/html; charset=utf-8', page);
    }
    if (pathname.startsWith('/public/fonts/roboto/') && existsSync(roboto)) {
      return send(200, TYPES['.woff2'], readFileSync(roboto));
    }
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    const file = mount && path.resolve(mount[1], pathname.slice(mount[0].length));
    if (mount && file && file.startsWith(mount[1] + path.sep) && existsSync(file) && statSync(file).isFile()) {
      return send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    if (mount?.[0] === '/public/build/img/icons/' && pathname.endsWith('.svg')) {
      return send(200, TYPES['.svg'], EMPTY_SVG);
    }
    return send(404, 'text/plain; charset=utf-8', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
