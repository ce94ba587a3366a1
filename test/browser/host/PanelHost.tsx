/**
 * The panel as a Grafana dashboard shows it: PanelChrome (hover header, loading and error state) → error boundary →
 * the plugin's panel with PanelProps. `kiosk` is a kiosk dashboard page with the panel fitted to the screen
 * (`&kiosk&autofitpanels`); `solo` is a d-solo iframe (the panel fills the window). `width`/`height` fix the size.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import {
  EventBusSrv,
  LoadingState,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceApi,
  type PanelData,
  type PanelPlugin,
} from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { ErrorBoundary, PanelChrome, useTheme2 } from '@grafana/ui';
import type { DashboardPanel, PageParams } from './params';
import { buildRequest, runPanelQuery, timeRangeOf } from './query';

const KIOSK_PADDING = 16;

function useWindowSize() {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

function reportStatus(state: 'loading' | 'done' | 'error', error?: string, request?: DataQueryRequest<DataQuery>) {
  const previous = window.__candorHarnessStatus;
  const queries = (previous?.queries ?? 0) + (request ? 1 : 0);
  const target = request ? { range: request.range.raw, targets: request.targets } : previous?.request;
  window.__candorHarnessStatus = { state, error, queries, request: target };
  document.body.dataset.harnessState = state;
}

interface Props {
  plugin: PanelPlugin;
  datasource: DataSourceApi;
  dashboard: DashboardPanel;
  params: PageParams;
}

export function PanelHost({ plugin, datasource, dashboard, params }: Props) {
  const theme = useTheme2();
  const win = useWindowSize();
  const pad = params.embed === 'kiosk' ? KIOSK_PADDING : 0;
  const width = params.width ?? win.width - 2 * pad;
  const height = params.height ?? win.height - 2 * pad;
  const eventBus = useMemo(() => new EventBusSrv(), []);
  // Grafana re-runs a dashboard's queries when its route reloads (locationService.reload(), after a panel recorded
  // an action): the harness does the same, one refresh per reload, reading "now" again as Grafana does.
  const [reloads, setReloads] = useState(0);
  useEffect(() => locationService.getHistory().listen(() => setReloads((n) => n + 1)), []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const timeRange = useMemo(() => timeRangeOf(params), [params, reloads]);
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange });
  const { panel } = dashboard;
  const options = useMemo(() => ({ ...plugin.defaults, ...panel.options }), [plugin, panel.options]);
  useEffect(() => {
    let live = true;
    const req = buildRequest(dashboard, params, timeRange, Math.max(100, Math.round(width)));
    reportStatus('loading', undefined, req);
    runPanelQuery(datasource, plugin, dashboard, req, theme)
      .then(
        (result) =>
          live &&
          (setData(result), reportStatus(result.state === LoadingState.Error ? 'error' : 'done', result.error?.message))
      )
      .catch((err: Error) => {
        if (live) {
          setData({ state: LoadingState.Error, series: [], timeRange, error: { message: err.message } });
          reportStatus('error', err.message);
        }
      });
    return () => {
      live = false;
    };
    // One refresh per page load and theme, as a dashboard without auto-refresh; resizing re-renders only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datasource, plugin, dashboard, params, timeRange, theme]);

  const Panel = plugin.panel!;
  const page = css({
    padding: pad,
    background: params.embed === 'kiosk' ? theme.colors.background.canvas : theme.colors.background.primary,
    minHeight: '100vh',
    boxSizing: 'border-box',
  });

  return (
    <div className={page} data-testid="harness-page" data-embed={params.embed}>
      <div data-testid="harness-panel" style={{ width, height }}>
        <PanelChrome
          width={width}
          height={height}
          title={panel.title}
          hoverHeader={!panel.title}
          loadingState={data.state}
          statusMessage={data.error?.message}
        >
          {(innerWidth, innerHeight) => (
            <ErrorBoundary>
              {({ error }) =>
                error ? (
                  <div role="alert" data-testid="harness-panel-error">
                    Panel crashed: {error.message}
                  </div>
                ) : (
                  <Panel
                    id={panel.id}
                    data={data}
                    timeRange={data.timeRange}
                    timeZone={dashboard.timezone}
                    options={options}
                    fieldConfig={panel.fieldConfig}
                    transparent={false}
                    width={innerWidth}
                    height={innerHeight}
                    renderCounter={0}
                    title={panel.title}
                    eventBus={eventBus}
                    onOptionsChange={() => undefined}
                    onFieldConfigChange={() => undefined}
                    replaceVariables={(value: string) => value}
                    onChangeTimeRange={() => undefined}
                  />
                )
              }
            </ErrorBoundary>
          )}
        </PanelChrome>
      </div>
    </div>
  );
}
