// The module of @grafana/runtime that holds PanelDataErrorView (not exported by the package; build-host.mjs maps
// this name to the file, so it is the same instance the package index re-exports).
declare module 'harness:panel-data-error-view' {
  import type { ComponentType } from 'react';
  import type { PanelDataErrorViewProps } from '@grafana/runtime';
  export function setPanelDataErrorView(view: ComponentType<PanelDataErrorViewProps>): void;
}

// Libraries Grafana shares with plugins that ship no types; the host only passes them on.
declare module 'prismjs';
declare module 'slate';
declare module 'slate-plain-serializer';
