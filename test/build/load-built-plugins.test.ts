/**
 * Loads each built module.js in dist/ the way Grafana does, and checks the built manifests.
 *
 * Grafana loads a plugin's module.js (webpack `library.type: 'amd'`) with SystemJS and its AMD extra: the bundle
 * calls `define(deps, factory)`, every dependency is an external Grafana shares with plugins
 * (.config/bundler/externals.ts) and resolves to Grafana's own instance, and `module` is the AMD module object whose
 * `uri` is the URL the file was loaded from (webpack derives its public path from it). Here each external resolves
 * to the real npm package, and the exported `plugin` must be an instance of the class from those same packages: a
 * bundle that carried its own copy of @grafana/data, or that Grafana could not load, fails. The bundles are loaded
 * twice: with a `define` of ours (synchronous, explicit), and with the real SystemJS and AMD extra (systemjs).
 *
 * Needs a build: run `npm run build` first. Without dist/ every test fails; none is skipped.
 */
import fs from 'fs';
import path from 'path';
import React from 'react';
import { render, screen } from '@testing-library/react';
import {
  AppPlugin,
  DataSourceApi,
  DataSourcePlugin,
  LoadingState,
  PanelPlugin,
  getDefaultTimeRange,
  toDataFrame,
} from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { externals } from '../../.config/bundler/externals';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const APP_ID = 'candor-scorecard-app';

interface Manifest {
  id: string;
  type: string;
  name: string;
  metrics?: boolean;
  backend?: boolean;
  info: { version: string; logos: { small: string; large: string }; screenshots?: Array<{ path: string }> };
  includes?: Array<{ type: string; name: string; path?: string }>;
  dependencies: { grafanaDependency: string };
}

/** The three plugins of the package, by their folder in dist/ ('' is the app). */
const PLUGINS = [
  { dir: '', id: APP_ID, type: 'app', pluginClass: AppPlugin },
  { dir: 'panel', id: 'candor-scorecard-panel', type: 'panel', pluginClass: PanelPlugin },
  { dir: 'datasource', id: 'candor-scorecard-datasource', type: 'datasource', pluginClass: DataSourcePlugin },
] as const;

function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) {
    throw new Error(`dist/${file} is missing: run npm run build first (this test checks the built plugin).`);
  }
  return fs.readFileSync(full, 'utf8');
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readDist(path.join(dir, 'plugin.json')));
}

/** Whether Grafana provides `name` to plugins, per the externals the bundle was built with. */
function isSharedByGrafana(name: string): boolean {
  const items = Array.isArray(externals) ? externals : [externals];
  return items.some((item) =>
    typeof item === 'string'
      ? item === name
      : item instanceof RegExp
        ? item.test(name)
        : typeof item === 'object' && item !== null && Object.values(item).includes(name)
  );
}

/** Grafana's instance of a shared dependency; here, the real npm package from this test's module registry. */
function sharedDependency(name: string, file: string): unknown {
  if (!isSharedByGrafana(name)) {
    throw new Error(`${file} asks for "${name}", which Grafana does not provide to plugins: bundle it instead.`);
  }
  // react-router resolves to the installed react-router (v6), the API Grafana 12 shares under that name.
  return require(name);
}

interface AmdDefinition {
  deps: string[];
  factory: (...args: unknown[]) => unknown;
}

/** Evaluates dist/<file>, which must make exactly one anonymous `define(deps, factory)` call. */
function readAmdDefinition(file: string): AmdDefinition {
  const source = readDist(file);
  const definitions: AmdDefinition[] = [];
  const define = (deps: unknown, factory: unknown) => {
    if (!Array.isArray(deps) || typeof factory !== 'function') {
      throw new Error(`${file}: expected an anonymous define(deps, factory), as webpack's library.type 'amd' emits.`);
    }
    definitions.push({ deps, factory: factory as AmdDefinition['factory'] });
  };
  define.amd = {};
  new Function('define', `${source}\n//# sourceURL=dist/${file}`)(define);
  expect(definitions).toHaveLength(1);
  return definitions[0];
}

/** Loads dist/<file> as an AMD module, resolving its dependencies as SystemJS's AMD extra does for Grafana. */
function loadAmdModule(file: string): { deps: string[]; exports: Record<string, unknown> } {
  const { deps, factory } = readAmdDefinition(file);
  // Like the AMD extra: `module` is { exports, uri } with the URL Grafana loaded the file from.
  const amdModule = { exports: {} as Record<string, unknown>, uri: `public/plugins/${APP_ID}/${file}` };
  const args = deps.map((dep) =>
    dep === 'module' ? amdModule : dep === 'exports' ? amdModule.exports : sharedDependency(dep, file)
  );
  const result = factory(...args);
  return { deps, exports: (result ?? amdModule.exports) as Record<string, unknown> };
}

describe.each(PLUGINS)('dist/$dir module.js ($type)', ({ dir, id, type, pluginClass }) => {
  const file = path.posix.join(dir, 'module.js');

  it(`exports plugin, an instance of ${pluginClass.name} from Grafana's shared packages`, () => {
    const { deps, exports } = loadAmdModule(file);
    expect(deps).toEqual(expect.arrayContaining(['module', 'react', '@grafana/data']));
    expect(exports.plugin).toBeInstanceOf(pluginClass);
  });

  it(`has a manifest for ${id} of type ${type}`, () => {
    const raw = readDist(path.join(dir, 'plugin.json'));
    expect(raw).not.toMatch(/%(VERSION|TODAY|PLUGIN_ID)%/);
    const manifest: Manifest = JSON.parse(raw);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ id, type, info: { version: pkg.version } });
    expect(manifest.dependencies.grafanaDependency).toBe('>=12.3.0');
  });

  it('ships every logo and screenshot its manifest names', () => {
    const { logos, screenshots = [] } = readManifest(dir).info;
    const files = [logos.small, logos.large, ...screenshots.map((s) => s.path)];
    const missing = files.filter((f) => !fs.existsSync(path.join(DIST, dir, f)));
    expect(missing).toEqual([]);
  });
});

describe('the app package', () => {
  it('includes the nested panel and datasource under their names and manifest paths', () => {
    const app = readManifest('');
    for (const nested of PLUGINS.filter((p) => p.dir !== '')) {
      const manifest = readManifest(nested.dir);
      expect(app.includes).toContainEqual({
        type: nested.type,
        name: manifest.name,
        path: `${nested.dir}/plugin.json`,
      });
    }
  });

  it('declares the datasource as frontend-only with metrics', () => {
    const datasource = readManifest('datasource');
    expect(datasource.metrics).toBe(true);
    expect(datasource.backend ?? false).toBe(false);
  });

  it('has its manifest at the top level only', () => {
    expect(fs.existsSync(path.join(ROOT, 'plugin.json'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'src', 'plugin.json'))).toBe(false);
  });
});

describe('the built plugins, used as Grafana would', () => {
  it('the datasource class is a DataSourceApi', () => {
    const plugin = loadAmdModule('datasource/module.js').exports.plugin as DataSourcePlugin<DataSourceApi>;
    expect(plugin.DataSourceClass.prototype).toBeInstanceOf(DataSourceApi);
    expect(plugin.components.ConfigEditor).toBeDefined();
    expect(plugin.components.QueryEditor).toBeDefined();
  });

  it("the panel renders its container, with Grafana's no-data view when there is no frame", () => {
    const plugin = loadAmdModule('panel/module.js').exports.plugin as PanelPlugin;
    const Panel = plugin.panel!;
    const base = {
      id: 1,
      data: { state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange() },
      fieldConfig: { defaults: {}, overrides: [] },
      width: 400,
      height: 300,
    };
    // Grafana replaces @grafana/runtime's PanelDataErrorView at start-up with its own ("No data"); outside Grafana
    // the package's stand-in renders. Either way the panel must show exactly what that shared view shows.
    const standard = render(React.createElement(PanelDataErrorView, { panelId: base.id, data: base.data as never }));
    const noDataText = standard.container.textContent;
    standard.unmount();
    expect(noDataText).toBeTruthy();

    const { rerender } = render(React.createElement(Panel, base as never));
    expect(screen.getByTestId('candor-scorecard')).toHaveTextContent(noDataText!);

    const series = [toDataFrame({ fields: [{ name: 'status', values: ['green'] }] })];
    rerender(React.createElement(Panel, { ...base, data: { ...base.data, series } } as never));
    expect(screen.getByTestId('candor-scorecard')).not.toHaveTextContent(noDataText!);
  });
});

/** The parts of a SystemJS instance this test drives; fetch and shouldFetch are the hooks Grafana overrides too. */
interface SystemLoader {
  resolve(id: string, parentUrl?: string): string;
  has(id: string): boolean;
  set(id: string, module: object): void;
  import(id: string): Promise<Record<string, unknown>>;
  shouldFetch(url: string): boolean;
  fetch(url: string): Promise<{ ok: boolean; headers: { get(name: string): string }; text(): Promise<string> }>;
}

describe('the built plugins, loaded by SystemJS with its AMD extra', () => {
  const baseUrl = `/public/plugins/${APP_ID}/`;
  let system: SystemLoader;

  beforeAll(() => {
    // Grafana's shared instances exist before any plugin loads. Requiring them after the AMD extra has installed a
    // global `define` would let UMD bundles inside them (jQuery) register into SystemJS, which Grafana never sees.
    for (const { dir } of PLUGINS) {
      const file = path.posix.join(dir, 'module.js');
      readAmdDefinition(file)
        .deps.filter((dep) => dep !== 'module')
        .forEach((dep) => sharedDependency(dep, file));
    }
    require('systemjs/dist/system.js');
    require('systemjs/dist/extras/amd.js');
    system = (globalThis as unknown as { System: SystemLoader }).System;

    // Bare names Grafana shares resolve to registry entries holding the package itself (`__useDefault`).
    const resolve = system.resolve.bind(system);
    system.resolve = (id, parentUrl) => {
      if (!isSharedByGrafana(id)) {
        return resolve(id, parentUrl);
      }
      const url = `shared:${id}`;
      if (!system.has(url)) {
        system.set(url, { __useDefault: true, default: sharedDependency(id, parentUrl ?? '') });
      }
      return url;
    };
    // Grafana fetches plugin code and evaluates it; here the "server" is dist/.
    system.shouldFetch = () => true;
    system.fetch = async (url) => {
      const source = readDist(new URL(url).pathname.slice(baseUrl.length));
      return { ok: true, headers: { get: () => 'application/javascript' }, text: async () => source };
    };
  });

  it.each(PLUGINS)('dist/$dir module.js exports an instance of $pluginClass.name', async ({ dir, pluginClass }) => {
    const exports = await system.import(baseUrl + path.posix.join(dir, 'module.js'));
    expect(exports.plugin).toBeInstanceOf(pluginClass);
  });
});
