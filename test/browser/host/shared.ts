/**
 * Grafana's shared modules, as Grafana gives them to plugins: every name in .config/bundler/externals.ts resolves
 * (through SystemJS's import map) to one instance of the real npm package, registered once with `System.set`.
 *
 * - Namespaces are marked as modules (Symbol.toStringTag = 'Module'), so SystemJS keeps them as they are and the
 *   exports stay live (a plain object would be copied once).
 * - CommonJS-style libraries whose default export IS the library (lodash, moment, jquery, i18next) are registered as
 *   `{ default, __useDefault: true }`: the AMD extra then hands the plugin the library itself.
 * - `react-router` is the v6 API, as Grafana 12 shares it.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import i18next from 'i18next';
import jquery from 'jquery';
import lodash from 'lodash';
// Grafana shares moment itself with plugins (its lint rule steers app code to dateTime, not the host's job).
// eslint-disable-next-line no-restricted-imports
import moment from 'moment';
import prismjs from 'prismjs';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRedux from 'react-redux';
import * as reactRouter from 'react-router';
import * as redux from 'redux';
import * as rxjs from 'rxjs';
import * as slate from 'slate';
import * as slatePlainSerializer from 'slate-plain-serializer';

interface SystemJs {
  set(id: string, module: object): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import(id: string): Promise<Record<string, unknown>>;
  resolve(id: string, parentUrl?: string): string;
}

declare global {
  interface Window {
    System: SystemJs;
  }
}

/** A module namespace whose exports read through to `source` (live), with `overrides` taking precedence. */
function asModule(source: object, overrides: Record<string, unknown> = {}): object {
  const ns: Record<PropertyKey, unknown> = Object.create(null);
  for (const key of Object.keys(source)) {
    Object.defineProperty(ns, key, { enumerable: true, get: () => (source as Record<string, unknown>)[key] });
  }
  for (const [key, value] of Object.entries(overrides)) {
    Object.defineProperty(ns, key, { enumerable: true, value });
  }
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
  return ns;
}

const libraryModule = (library: unknown) => asModule({ default: library, __useDefault: true });

/** Everything Grafana 12 shares that is installed here. `d3`, `angular`, `emotion` and `@grafana/slate-react` are not. */
export const SHARED: Record<string, object> = {
  '@emotion/css': asModule(emotionCss),
  '@emotion/react': asModule(emotionReact),
  '@grafana/data': asModule(grafanaData),
  '@grafana/runtime': asModule(grafanaRuntime),
  '@grafana/ui': asModule(grafanaUi),
  i18next: libraryModule(i18next),
  jquery: libraryModule(jquery),
  lodash: libraryModule(lodash),
  moment: libraryModule(moment),
  prismjs: libraryModule(prismjs),
  react: asModule(react),
  'react-dom': asModule(reactDom),
  'react/jsx-runtime': asModule(jsxRuntime),
  'react/jsx-dev-runtime': asModule(jsxRuntime),
  'react-redux': asModule(reactRedux),
  'react-router': asModule(reactRouter),
  redux: asModule(redux),
  rxjs: asModule(rxjs),
  slate: asModule(slate),
  'slate-plain-serializer': asModule(slatePlainSerializer),
};

/** Registers every shared module and maps its bare name to it. Call before the first `System.import`. */
export function registerSharedModules(system: SystemJs): void {
  const imports: Record<string, string> = {};
  for (const [name, ns] of Object.entries(SHARED)) {
    system.set(`package:${name}`, ns);
    imports[name] = `package:${name}`;
  }
  system.addImportMap({ imports });
}
