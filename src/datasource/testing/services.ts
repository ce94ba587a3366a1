/**
 * Grafana's services for datasource tests, installed through @grafana/runtime's own setters (as Grafana does at
 * boot), never by patching plugin code. The backend double records every request and answers with a handler.
 */
import { dateTime, type DataQueryRequest, type DataSourceInstanceSettings } from '@grafana/data';
import {
  setBackendSrv,
  setDataSourceSrv,
  setTemplateSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type DataSourceSrv,
  type TemplateSrv,
} from '@grafana/runtime';
import { readFileSync } from 'fs';
import path from 'path';
import { of, throwError } from 'rxjs';

import { fingerprint } from '../../core/fingerprint';
import { FRESHNESS_SUFFIX } from '../../core/freshness';
import { parseYaml } from '../../core/parse';
import type { CandorOptions, CandorQuery } from '../types';

export const DEFAULT_CATALOG = parseYaml(
  readFileSync(path.resolve(__dirname, '../../../provisioning/catalogs/platform-scorecard.yaml'), 'utf8')
).data;

export type Handler = (body: {
  queries: Array<{ refId: string; datasource: { uid: string } }>;
  from: string;
  to: string;
}) => unknown;

/** The answer of `GET /api/annotations…` (the owners' actions); by default none are recorded. */
export type AnnotationsHandler = (url: string) => unknown;

/**
 * A thrown value `{ status, data }` becomes an HTTP error, like backendSrv's FetchError. `POST /api/ds/query` goes to
 * `handler`, `GET /api/annotations` to `annotations`; `requests` records both, in order.
 */
export function installBackend(handler: Handler, annotations: AnnotationsHandler = () => []) {
  const requests: BackendSrvRequest[] = [];
  const backend = {
    fetch: (options: BackendSrvRequest) => {
      requests.push(options);
      try {
        return of({
          data: options.url.startsWith('/api/annotations') ? annotations(options.url) : handler(options.data),
          status: 200,
          ok: true,
          headers: new Headers(),
          redirected: false,
          statusText: 'OK',
          type: 'basic',
          url: options.url,
          config: options,
        });
      } catch (err) {
        return throwError(() => err);
      }
    },
  } as unknown as BackendSrv;
  setBackendSrv(backend);
  return requests;
}

/** Grafana's replace contract: `$name` and `${name}` become format(value); unknown names stay as they are. */
export function installTemplates(vars: Record<string, string | string[]>) {
  const srv = {
    replace: (text = '', _scoped?: unknown, format?: (v: string | string[]) => string) =>
      text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a, b) => {
        const name = a ?? b;
        return name in vars ? (format ? format(vars[name]) : String(vars[name])) : whole;
      }),
    getVariables: () => [],
    containsTemplate: () => false,
    updateTimeRange: () => undefined,
  } as unknown as TemplateSrv;
  setTemplateSrv(srv);
}

export function installDatasources(names: Record<string, string>) {
  setDataSourceSrv({
    getInstanceSettings: (uid: string) => (names[uid] ? { uid, name: names[uid] } : undefined),
    getList: () => [],
    get: async () => undefined,
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  } as unknown as DataSourceSrv);
}

export function createSettings(jsonData: Partial<CandorOptions> = {}): DataSourceInstanceSettings<CandorOptions> {
  const catalog = jsonData.catalog ?? DEFAULT_CATALOG;
  // No numeric `id`: deprecated (removed in Grafana 13); Candor addresses datasources by uid only.
  const settings: Omit<DataSourceInstanceSettings<CandorOptions>, 'id'> = {
    uid: 'candor-platform-scorecard',
    type: 'candor-scorecard-datasource',
    name: 'Candor',
    access: 'proxy',
    readOnly: true,
    meta: {} as never,
    jsonData: { catalog, fingerprint: fingerprint(catalog).full, catalogVersion: '2026.12.4', ...jsonData },
  };
  return settings as DataSourceInstanceSettings<CandorOptions>;
}

export const TO = Date.parse('2026-11-16T12:00:00Z');

export function createRequest(
  overrides: Partial<DataQueryRequest<CandorQuery>> = {},
  to = TO,
  rawTo = 'now'
): DataQueryRequest<CandorQuery> {
  return {
    requestId: 'r1',
    interval: '1m',
    intervalMs: 60_000,
    range: { from: dateTime(to - 7 * 86_400_000), to: dateTime(to), raw: { from: 'now-7d', to: rawTo } },
    rangeRaw: { from: 'now-7d', to: rawTo },
    scopedVars: {},
    targets: [{ refId: 'A' }],
    timezone: 'utc',
    app: 'dashboard',
    startTime: to,
    ...overrides,
  };
}

/** Frame JSON of one unlabelled series, hourly samples ending at `end`, as Grafana sends it for `refId`. */
export function seriesFrameJson(refId: string, values: number[], end: number) {
  return {
    schema: {
      refId,
      fields: [
        { name: 'Time', type: 'time' },
        { name: 'Value', type: 'number' },
      ],
    },
    data: { values: [values.map((_, i) => end - (values.length - 1 - i) * 3_600_000), values] },
  };
}

/** What a freshness query (core/freshness.ts) answers, as JSON: one `time` column, the feed's last load at `at`. */
export function loadFrameJson(refId: string, at: number) {
  return { schema: { refId, fields: [{ name: 'time', type: 'time' }] }, data: { values: [[at]] } };
}

/** Whether a refId is a metric's freshness query rather than the metric's own. */
export const isFreshnessRef = (refId: string) => refId.endsWith(FRESHNESS_SUFFIX);
