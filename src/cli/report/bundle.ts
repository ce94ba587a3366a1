/**
 * The report page's script: src/report/main.tsx bundled with esbuild into a cache folder named by a hash of the
 * sources it is built from (src/ and package-lock.json), so a changed panel is never printed from an old bundle and
 * an unchanged one is built once (about 5 s). The same build settings as the browser harness: ESM with code
 * splitting, `define` replaced by undefined (bundled UMD libraries would otherwise look for an AMD loader), and one
 * copy of @emotion/css (@grafana/ui's own), so the plugin's styles and Grafana's share one cache.
 */
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'fs';
import path from 'path';

import { CliError } from '../common';

const SOURCE_DIR = 'src';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        return sourceFiles(full);
      }
      return /\.(tsx?|json|svg)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    })
    .sort();
}

/** The hash of everything the bundle is built from. */
export function sourceHash(root: string, dirs: string[] = [SOURCE_DIR]): string {
  const hash = createHash('sha256');
  const files = dirs.flatMap((d) => sourceFiles(path.join(root, d)));
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    if (existsSync(file)) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export interface Bundle {
  dir: string;
  /** Built now (false: taken from the cache). */
  built: boolean;
}

export interface PageSpec {
  /** The page's script, relative to the root. */
  entry: string;
  /** The folder under node_modules/.cache/ its builds are kept in. */
  cacheName: string;
  /** Folders whose files the page is built from (default src/). */
  dirs?: string[];
}

export const reportBundle = (root: string) =>
  pageBundle(root, { entry: 'src/report/main.tsx', cacheName: 'candor-report' });

export async function pageBundle(root: string, spec: PageSpec): Promise<Bundle> {
  const cache = path.join(root, 'node_modules', '.cache', spec.cacheName);
  const dir = path.join(cache, sourceHash(root, spec.dirs));
  if (existsSync(path.join(dir, 'main.js'))) {
    return { dir, built: false };
  }
  const emotion = path.join(root, 'node_modules/@grafana/ui/node_modules/@emotion/css');
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new CliError('candor report: esbuild is missing (run npm install in the Candor repository)', 2);
  }
  // Built beside the final folder and renamed into place, so a report running at the same time never reads half a
  // bundle.
  const tmp = `${dir}.tmp-${process.pid}`;
  // Builds of other sources older than a day go: a report running now from another checkout keeps its own.
  for (const old of existsSync(cache) ? readdirSync(cache) : []) {
    const full = path.join(cache, old);
    if (Date.now() - statSync(full).mtimeMs > 86_400_000) {
      rmSync(full, { recursive: true, force: true });
    }
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: path.join(root, spec.entry) },
    outdir: tmp,
    bundle: true,
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
    define: { define: 'undefined', 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    alias: existsSync(emotion) ? { '@emotion/css': emotion } : {},
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
  });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another report renamed its build first: the same sources
  }
  return { dir, built: true };
}
