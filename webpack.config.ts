/*
 * Build of the Candor app with its nested panel and datasource, on top of the scaffold-managed base config
 * (.config/webpack/webpack.config.ts, never edited: `create-plugin update` owns it).
 *
 * Layout the base config does not expect:
 * - The app's manifest is the top-level plugin.json; there is no src/plugin.json. The base reads src/plugin.json
 *   at import time (for the plugin id, public path, logos and its copy patterns), so that one read is
 *   redirected while the base is imported (see importBaseConfig).
 * - The base only makes entries for folders under src/ holding a plugin.json, so the app entry `module` is added.
 * - The base copies src/plugin.json and every src/**\/*.json; it is replaced by a copy of exactly the manifests,
 *   their logos and screenshots, and README/CHANGELOG/LICENSE.
 */
import fs from 'fs';
import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';

type Env = Record<string, unknown>;
type BaseConfig = (env: Env) => Promise<Configuration>;

const ROOT = process.cwd(); // The base config resolves everything against the working directory too.
const SRC = path.join(ROOT, 'src');
const APP_MANIFEST = path.join(ROOT, 'plugin.json');
const SCAFFOLD_MANIFEST = path.join(SRC, 'plugin.json');
// Kept in a variable so the type checker does not follow it into the base, which imports with `.ts` extensions.
const BASE_CONFIG = './.config/webpack/webpack.config.ts';

interface Manifest {
  info?: { logos?: { small?: string; large?: string }; screenshots?: Array<{ path: string }> };
}

/**
 * Imports the base config while `fs.readFileSync(<cwd>/src/plugin.json)` reads the top-level plugin.json instead.
 * Only that exact path is redirected, only for the duration of the import (the base and its copyFiles.ts read it
 * at module load), and the real function is restored afterwards whatever happens.
 */
async function importBaseConfig(): Promise<BaseConfig> {
  if (fs.existsSync(SCAFFOLD_MANIFEST)) {
    throw new Error(`${SCAFFOLD_MANIFEST} must not exist: the app's manifest is ${APP_MANIFEST}.`);
  }
  const mutableFs: { readFileSync: typeof fs.readFileSync } = fs;
  const realReadFileSync = fs.readFileSync;
  const redirected = (file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    const target = typeof file === 'string' && path.resolve(file) === SCAFFOLD_MANIFEST ? APP_MANIFEST : file;
    return (realReadFileSync as (...args: unknown[]) => string | Buffer).call(fs, target, ...rest);
  };
  mutableFs.readFileSync = redirected as typeof fs.readFileSync;
  try {
    const base = await import(BASE_CONFIG);
    return base.default as BaseConfig;
  } finally {
    mutableFs.readFileSync = realReadFileSync;
  }
}

function readManifest(file: string): Manifest {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The logos and screenshots a manifest names, relative to its own folder (`dir`, relative to src/ and dist/). */
function manifestAssets(manifest: Manifest, dir: string) {
  const { logos, screenshots = [] } = manifest.info ?? {};
  const files = new Set([logos?.small, logos?.large, ...screenshots.map((s) => s.path)]);
  return [...files].filter((f): f is string => Boolean(f)).map((f) => path.join(dir, f));
}

function findAppModule(): string {
  const found = ['module.ts', 'module.tsx'].map((name) => path.join(SRC, name)).filter((f) => fs.existsSync(f));
  if (found.length !== 1) {
    throw new Error(`Expected exactly one app entry src/module.ts or src/module.tsx, found ${found.length}.`);
  }
  return found[0];
}

const config = async (env: Env): Promise<Configuration> => {
  const base = await (await importBaseConfig())(env);

  // Nested plugins, found by the base: entry `panel/module` is the plugin in src/panel/, and so on.
  const nestedDirs = Object.keys(base.entry as Record<string, string>)
    .filter((name) => name.endsWith('/module'))
    .map((name) => path.dirname(name));

  const assets = [
    ...manifestAssets(readManifest(APP_MANIFEST), ''),
    ...nestedDirs.flatMap((dir) => manifestAssets(readManifest(path.join(SRC, dir, 'plugin.json')), dir)),
  ];
  // Patterns are relative to the base's context, src/. A missing manifest, logo or screenshot fails the build.
  const copy = new CopyWebpackPlugin({
    patterns: [
      { from: APP_MANIFEST, to: 'plugin.json' },
      ...nestedDirs.map((dir) => ({ from: path.join(dir, 'plugin.json'), to: path.join(dir, 'plugin.json') })),
      ...['README.md', 'CHANGELOG.md', 'LICENSE'].map((file) => ({
        from: path.join(ROOT, file),
        to: '.',
        force: true,
        noErrorOnMissing: true,
      })),
      { from: '**/query_help.md', to: '.', noErrorOnMissing: true },
      ...assets.map((file) => ({ from: file, to: file })),
    ],
  });

  const plugins = base.plugins ?? [];
  const baseCopies = plugins.filter((plugin) => plugin instanceof CopyWebpackPlugin);
  if (baseCopies.length !== 1) {
    throw new Error(`Expected one CopyWebpackPlugin in the base config, found ${baseCopies.length}.`);
  }

  return {
    ...base,
    cache:
      base.cache && typeof base.cache === 'object' && base.cache.type === 'filesystem'
        ? {
            ...base.cache,
            buildDependencies: {
              ...base.cache.buildDependencies,
              candor: [path.join(ROOT, 'webpack.config.ts')],
            },
          }
        : base.cache,
    entry: { ...(base.entry as Record<string, string>), module: findAppModule() },
    plugins: plugins.map((plugin) => (plugin === baseCopies[0] ? copy : plugin)),
  };
};

export default config;
