/**
 * The harness host: what Grafana does at boot before a dashboard shows the Candor panel, with the real npm packages.
 * 1. share the externals with plugins through SystemJS; 2. install services, the no-data view and option registries;
 * 3. load the BUILT plugins (dist/) with SystemJS + AMD from /public/plugins/<app>/…; 4. render the panel.
 * The page (server.mjs) has set window.grafanaBootData, __grafana_public_path__ and __candorHarness already.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { AppPlugin, DataSourcePlugin, PanelPlugin, createTheme, ThemeContext, type DataSourceApi } from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';
// Grafana's own boot replaces the npm package's stand-in no-data view; this is the same module instance.
import { setPanelDataErrorView } from 'harness:panel-data-error-view';
import { DiyHost } from './DiyHost';
import { NoDataView } from './NoDataView';
import { readParams } from './params';
import { PanelHost } from './PanelHost';
import { fillOptionRegistries } from './registries';
import { installAppEvents, installBackendSrv, installDataSourceSrv, installTemplateSrv } from './services';
import { registerSharedModules } from './shared';

async function importPlugin(path: string, kind: Function): Promise<unknown> {
  const url = `${window.__candorHarness.pluginBase}${path}`;
  const { plugin } = await window.System.import(url);
  if (!(plugin instanceof kind)) {
    throw new Error(`${url} does not export a ${kind.name} built against the shared @grafana/data`);
  }
  return plugin;
}

async function boot() {
  const config = window.__candorHarness;
  const params = readParams(window.location.search, config);
  registerSharedModules(window.System);
  setPanelDataErrorView(NoDataView);
  fillOptionRegistries();
  installBackendSrv({ 'X-Candor-Harness-Data': params.data });
  installTemplateSrv();
  installAppEvents();

  if (config.diy) {
    // The do-it-yourself dashboard: Grafana's own Stat panels, no plugin to load.
    const theme = createTheme({ colors: { mode: params.theme } });
    createRoot(document.getElementById('reactRoot')!).render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <DiyHost panels={config.diy} />
      </ThemeContext.Provider>
    );
    return;
  }
  const [, dsPlugin, panelPlugin] = (await Promise.all([
    importPlugin(config.modules.app, AppPlugin),
    importPlugin(config.modules.datasource, DataSourcePlugin),
    importPlugin(config.modules.panel, PanelPlugin),
  ])) as [AppPlugin, DataSourcePlugin<DataSourceApi>, PanelPlugin];

  // Grafana's DatasourceSrv: one instance per datasource, its class from the plugin, meta and components attached.
  const settings = config.datasources.find((s) => s.uid === config.dashboard.panel.datasource.uid);
  if (!settings) {
    throw new Error(`the dashboard's datasource ${config.dashboard.panel.datasource.uid} is not in the boot data`);
  }
  const datasource: DataSourceApi = new dsPlugin.DataSourceClass(settings);
  datasource.meta = settings.meta;
  datasource.components = dsPlugin.components;
  installDataSourceSrv(config.datasources, new Map([[settings.uid, datasource]]));

  const theme = createTheme({ colors: { mode: params.theme } });
  document.body.classList.add(`theme-${params.theme}`);
  createRoot(document.getElementById('reactRoot')!).render(
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <PanelHost plugin={panelPlugin} datasource={datasource} dashboard={config.dashboard} params={params} />
    </ThemeContext.Provider>
  );
}

boot().catch((err: Error) => {
  window.__candorHarnessStatus = { state: 'error', error: err.message, queries: 0 };
  document.body.dataset.harnessState = 'error';
  const pre = document.createElement('pre');
  pre.setAttribute('data-testid', 'harness-boot-error');
  pre.textContent = `Harness failed to boot: ${err.stack ?? err.message}`;
  document.body.appendChild(pre);
  console.error(err);
});
