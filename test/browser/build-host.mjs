// Builds the harness host (test/browser/host/main.tsx) with esbuild into node_modules/.cache/candor-browser/host/
// (a build cache: outside git and outside what ESLint reads).
// `node test/browser/build-host.mjs` builds; import { buildHost } to build from another script.
//
// - ESM with code splitting (Monaco and d3 inside @grafana/ui stay in lazy chunks), automatic JSX runtime.
// - `define` is replaced by undefined: bundled UMD libraries (lodash, jQuery, …) would otherwise see SystemJS's
//   global AMD `define` and register themselves as anonymous SystemJS modules.
// - `@emotion/css` resolves to @grafana/ui's own copy: one emotion cache for Grafana's components and the plugin.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
export const HOST_OUT = path.join(ROOT, 'node_modules', '.cache', 'candor-browser', 'host');

const UI_EMOTION_CSS = path.join(ROOT, 'node_modules/@grafana/ui/node_modules/@emotion/css');
const ERROR_VIEW = path.join(ROOT, 'node_modules/@grafana/runtime/dist/esm/components/PanelDataErrorView.mjs');

/** Names only the harness uses, mapped to files the packages do not export. */
const internals = {
  name: 'harness-internals',
  setup(build) {
    build.onResolve({ filter: /^harness:panel-data-error-view$/ }, () => ({ path: ERROR_VIEW }));
  },
};

export async function buildHost({ quiet = false } = {}) {
  for (const required of [UI_EMOTION_CSS, ERROR_VIEW]) {
    if (!fs.existsSync(required)) {
      throw new Error(`build-host: ${path.relative(ROOT, required)} is missing; has npm install run?`);
    }
  }
  const started = Date.now();
  fs.rmSync(HOST_OUT, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: path.join(HERE, 'host/main.tsx') },
    outdir: HOST_OUT,
    bundle: true,
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: {
      define: 'undefined',
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    alias: { '@emotion/css': UI_EMOTION_CSS },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
    plugins: [internals],
  });
  const main = Object.entries(result.metafile.outputs).find(
    ([, o]) => o.entryPoint && o.entryPoint.endsWith('main.tsx')
  );
  const bytes = main ? main[1].bytes : 0;
  if (!quiet) {
    console.log(
      `build-host: ${path.relative(ROOT, HOST_OUT)} in ${Date.now() - started} ms (main.js ${(bytes / 1e6).toFixed(2)} MB)`
    );
  }
  return { ms: Date.now() - started };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildHost().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
