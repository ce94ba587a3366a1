// Static files of the harness: the built plugin (dist/) where Grafana serves plugins, the host bundle, SystemJS,
// Grafana's icons and fonts from npm. Every path is resolved inside its root; nothing outside it is served.
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, APP_ID } from './paths.mjs';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
};

const EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>';
const ROBOTO_MONO = 'node_modules/@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2';

/** URL prefix → folder (relative to the repository). The longest prefix wins. */
const MOUNTS = [
  [`/public/plugins/${APP_ID}/`, 'dist'],
  ['/public/fonts/inter/', 'node_modules/inter-ui/web'],
  ['/public/build/img/icons/', 'node_modules/@grafana/ui/dist/public/img/icons'],
  ['/harness/host/', 'node_modules/.cache/candor-browser/host'],
  ['/harness/vendor/systemjs/', 'node_modules/systemjs/dist'],
];

function inside(root, relative) {
  const full = path.resolve(root, relative);
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

// Static files are never cached, so every test sees the build it loads; the first-paint benchmark's warm runs ask for
// caching, as Grafana's public files are cached (bench/firstPaint.ts).
function send(res, status, type, body, cache = false) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache ? 'max-age=3600' : 'no-store' });
  res.end(body);
}

/** Serves `pathname` if a mount holds it; returns false when no mount matches. */
export function serveFile(pathname, res, diagnostics, cache = false) {
  if (pathname.startsWith('/public/fonts/roboto/')) {
    send(res, 200, TYPES['.woff2'], fs.readFileSync(path.join(ROOT, ROBOTO_MONO)), cache);
    return true;
  }
  const mount = MOUNTS.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) {
    return false;
  }
  const [prefix, folder] = mount;
  const root = path.join(ROOT, folder);
  const file = inside(root, decodeURIComponent(pathname.slice(prefix.length)));
  if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
    send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), cache);
  } else if (prefix === '/public/build/img/icons/' && pathname.endsWith('.svg')) {
    // Some icon names Grafana ships are not in the npm package: answer with an empty icon, and remember the name.
    diagnostics.missingIcons.add(pathname.slice(prefix.length));
    send(res, 200, TYPES['.svg'], EMPTY_SVG);
  } else {
    diagnostics.notFound.add(pathname);
    send(res, 404, 'text/plain; charset=utf-8', `not found: ${pathname}\n`);
  }
  return true;
}
