/**
 * Grafana's services, installed the way Grafana installs them at boot: through @grafana/runtime's setters. Nothing
 * here touches plugin code. Only what a dashboard with the Candor panel uses is implemented; anything else throws
 * with a clear message, so a plugin needing more fails loudly instead of quietly doing nothing.
 */
import { EventBusSrv, type DataSourceApi, type DataSourceInstanceSettings, type ScopedVars } from '@grafana/data';
import {
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setTemplateSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type DataSourceSrv,
  type FetchError,
  type FetchResponse,
  type TemplateSrv,
} from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

/** Requests in flight by requestId: Grafana cancels the previous request when one with the same id starts. */
const inFlight = new Map<string, AbortController>();

/** As Grafana's backendSrv: an array parameter repeats its key (`tags=a&tags=b`), which is how the API reads it. */
function toUrl(options: BackendSrvRequest): string {
  if (!options.params) {
    return options.url;
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options.params as Record<string, unknown>)) {
    (Array.isArray(value) ? value : [value]).forEach((v) => query.append(key, String(v)));
  }
  return `${options.url}?${query.toString()}`;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) {
    return undefined;
  }
  return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

/** backendSrv.fetch onto window.fetch: 2xx emits a FetchResponse; anything else errors with a FetchError. */
function fetchObservable<T>(options: BackendSrvRequest, headers: Record<string, string>): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const controller = new AbortController();
    if (options.requestId) {
      inFlight.get(options.requestId)?.abort();
      inFlight.set(options.requestId, controller);
    }
    const method = (options.method ?? 'GET').toUpperCase();
    const hasBody = options.data !== undefined && method !== 'GET';
    window
      .fetch(toUrl(options), {
        method,
        headers: { Accept: 'application/json', ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: hasBody ? JSON.stringify(options.data) : undefined,
        signal: controller.signal,
      })
      .then(async (res) => {
        const data = (await readBody(res)) as T;
        const base = { status: res.status, statusText: res.statusText, config: options };
        if (res.ok) {
          subscriber.next({
            ...base,
            data,
            ok: true,
            headers: res.headers,
            redirected: res.redirected,
            type: res.type,
            url: res.url,
          });
          subscriber.complete();
        } else {
          const message = (data as { message?: string } | undefined)?.message ?? res.statusText;
          subscriber.error({ ...base, data, message } satisfies FetchError);
        }
      })
      .catch((err: Error) => {
        const cancelled = err.name === 'AbortError';
        subscriber.error({
          status: cancelled ? -1 : 0,
          statusText: err.message,
          data: { message: err.message },
          cancelled,
          config: options,
        } satisfies FetchError);
      })
      .finally(() => {
        if (options.requestId && inFlight.get(options.requestId) === controller) {
          inFlight.delete(options.requestId);
        }
      });
    return () => controller.abort();
  });
}

/** `headers` go on every request (the harness tells its server which data source to answer from). */
export function installBackendSrv(headers: Record<string, string>): void {
  const request = <T>(options: BackendSrvRequest) =>
    lastValueFrom(fetchObservable<T>(options, headers)).then((r) => r.data);
  const verb =
    (method: string) =>
    <T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) =>
      request<T>({ ...options, url, method, data });
  const backendSrv: BackendSrv = {
    fetch: (options) => fetchObservable(options, headers),
    get: (url, params, requestId, options) => request({ ...options, url, params, requestId, method: 'GET' }),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    request,
    datasourceRequest: (options) => lastValueFrom(fetchObservable(options, headers)),
    chunked: () => {
      // Candor never streams responses; a call here would be a new dependency the harness must learn first.
      throw new Error('harness: backendSrv.chunked is not provided (Candor does not use streamed responses)');
    },
  };
  setBackendSrv(backendSrv);
}

/**
 * The template service of a dashboard without variables (as the provisioned Candor dashboard is): `$name` of an
 * unknown variable stays as written, scoped variables (e.g. `$__interval`) are replaced.
 */
export function installTemplateSrv(): void {
  const replace = (text = '', scopedVars?: ScopedVars, format?: string | Function) =>
    text.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => {
      const scoped = scopedVars?.[(a ?? b)!];
      if (!scoped) {
        return whole;
      }
      return typeof format === 'function' ? format(scoped.value) : String(scoped.value);
    });
  const templateSrv = {
    getVariables: () => [],
    replace,
    containsTemplate: (target?: string) => !!target && /\$(\w+|\{\w+)/.test(target),
    updateTimeRange: () => undefined,
  } as unknown as TemplateSrv;
  setTemplateSrv(templateSrv);
}

/** Datasource instance settings by uid (from Grafana's boot data, as Grafana's DatasourceSrv has them). */
export function installDataSourceSrv(
  settings: DataSourceInstanceSettings[],
  instances: Map<string, DataSourceApi>
): void {
  const byRef = (ref?: string | { uid?: string } | null) => {
    const key = typeof ref === 'string' ? ref : ref?.uid;
    return settings.find((s) => s.uid === key || s.name === key);
  };
  const dataSourceSrv = {
    getInstanceSettings: (ref?: string | { uid?: string } | null) => byRef(ref),
    getList: () => settings,
    get: async (ref?: string | { uid?: string } | null) => {
      const found = byRef(ref);
      const instance = found && instances.get(found.uid);
      if (!instance) {
        throw new Error(`harness: datasource ${JSON.stringify(ref)} is not loaded`);
      }
      return instance;
    },
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  } as unknown as DataSourceSrv;
  setDataSourceSrv(dataSourceSrv);
}

export function installAppEvents(): void {
  setAppEvents(new EventBusSrv());
}
