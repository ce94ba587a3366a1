/**
 * One dashboard refresh, as Grafana's PanelQueryRunner does it: build the DataQueryRequest from the dashboard's
 * time range and the panel's targets, call the datasource's `query()`, turn the response into PanelData
 * (`getProcessedDataFrames`, `preProcessPanelData`), then apply the field config with the panel plugin's registry.
 */
import {
  LoadingState,
  applyFieldOverrides,
  dateMath,
  dateTime,
  getProcessedDataFrames,
  preProcessPanelData,
  rangeUtil,
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type GrafanaTheme2,
  type PanelData,
  type PanelPlugin,
  type TimeRange,
} from '@grafana/data';
import { lastValueFrom, from as fromPromise, isObservable } from 'rxjs';
import type { DashboardPanel, PageParams } from './params';

let requestCount = 0;

export function timeRangeOf(params: PageParams): TimeRange {
  const now = Date.now();
  const to = params.to === 'now' ? now : params.to;
  const fromParsed = dateMath.parse(params.from, false, 'utc');
  if (!fromParsed?.isValid()) {
    throw new Error(`harness: invalid from "${params.from}"`);
  }
  // A relative `from` with an absolute `to` keeps the dashboard's span, ending at `to`.
  const span = now - fromParsed.valueOf();
  const rawTo = params.to === 'now' ? 'now' : dateTime(to).toISOString();
  return { from: dateTime(to - span), to: dateTime(to), raw: { from: params.from, to: rawTo } };
}

export function buildRequest(
  dashboard: DashboardPanel,
  params: PageParams,
  range: TimeRange,
  maxDataPoints: number
): DataQueryRequest<DataQuery> {
  const { panel } = dashboard;
  const selection = {
    ...(params.pillars ? { pillars: params.pillars } : {}),
    ...(params.metrics ? { metrics: params.metrics } : {}),
  };
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints);
  requestCount += 1;
  return {
    requestId: `SQR${100 + requestCount}`,
    app: 'dashboard',
    dashboardUID: dashboard.dashboardUid,
    panelId: panel.id,
    panelName: panel.title,
    interval,
    intervalMs,
    maxDataPoints,
    range,
    rangeRaw: range.raw,
    timezone: dashboard.timezone,
    scopedVars: {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: `${intervalMs}`, value: intervalMs },
    },
    targets: panel.targets.map((t) => ({ ...t, ...selection, datasource: panel.datasource })),
    startTime: Date.now(),
  };
}

export async function runPanelQuery(
  datasource: DataSourceApi,
  plugin: PanelPlugin,
  dashboard: DashboardPanel,
  request: DataQueryRequest<DataQuery>,
  theme: GrafanaTheme2
): Promise<PanelData> {
  const result = datasource.query(request);
  const response: DataQueryResponse = await lastValueFrom(isObservable(result) ? result : fromPromise(result));
  const raw: PanelData = {
    state: response.errors?.length ? LoadingState.Error : LoadingState.Done,
    series: getProcessedDataFrames(response.data),
    errors: response.errors,
    error: response.errors?.[0] ?? response.error,
    request,
    timeRange: request.range,
  };
  const data = preProcessPanelData(raw);
  return {
    ...data,
    series: applyFieldOverrides({
      data: data.series,
      fieldConfig: dashboard.panel.fieldConfig,
      fieldConfigRegistry: plugin.fieldConfigRegistry,
      replaceVariables: (value: string) => value,
      theme,
      timeZone: dashboard.timezone,
    }),
  };
}
