/**
 * Where the panel's lazy chunks are fetched from (the evidence: components/Evidence.tsx). Webpack writes every chunk
 * beside the app's module.js, in dist/; the scaffold's public path, set at run time before this module, is the folder
 * of the module Grafana loaded: public/plugins/<app>/panel/ for the nested panel. The chunks are one folder up.
 * Only that exact ending is changed, so the scaffold's fallback (the app's own folder) is left as it is.
 */
declare let __webpack_public_path__: string;

if (__webpack_public_path__.endsWith('/panel/')) {
  __webpack_public_path__ = __webpack_public_path__.slice(0, -'panel/'.length);
}

export {};
