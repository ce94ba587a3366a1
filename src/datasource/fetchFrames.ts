/**
 * Sending the underlying queries to Grafana's `POST /api/ds/query`, the pattern of Grafana's Mixed datasource:
 * ONE request per refresh (chunked only past MAX_METRICS_PER_REQUEST), parsed with `toDataQueryResponse`; per-refId
 * errors stay with their metric. If the whole request fails (e.g. one datasource uid is unknown and Grafana rejects
 * the request), the queries are re-sent grouped by datasource, so one failing source marks only its own metrics.
 */
import type { DataFrame } from '@grafana/data';
import {
  toDataQueryResponse,
  type BackendSrv,
  type BackendDataSourceResponse,
  type FetchError,
} from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { splitBySource, type DsQueryBody } from '../core/queries';

export interface SourceResults {
  frames: DataFrame[];
  errors: Array<{ refId: string; message: string }>;
}

export function errorMessage(err: unknown): string {
  const e = err as Partial<FetchError<{ message?: string; error?: string }>> & { message?: string };
  const text = e?.data?.message ?? e?.data?.error ?? e?.message ?? e?.statusText ?? 'request failed';
  return e?.status ? `HTTP ${e.status}: ${text}` : String(text);
}

async function post(backendSrv: BackendSrv, body: DsQueryBody, requestId: string): Promise<SourceResults> {
  try {
    const response = await lastValueFrom(
      backendSrv.fetch<BackendDataSourceResponse>({
        url: '/api/ds/query',
        method: 'POST',
        data: body,
        requestId,
        showErrorAlert: false,
      })
    );
    const parsed = toDataQueryResponse(response, body.queries);
    return {
      frames: parsed.data,
      errors: (parsed.errors ?? []).map((e) => ({ refId: e.refId ?? '', message: e.message ?? 'query failed' })),
    };
  } catch (err) {
    const withResults = err as FetchError<BackendDataSourceResponse | undefined>;
    if (withResults?.data?.results) {
      const parsed = toDataQueryResponse(withResults, body.queries);
      return {
        frames: parsed.data,
        errors: (parsed.errors ?? []).map((e) => ({ refId: e.refId ?? '', message: e.message ?? 'query failed' })),
      };
    }
    throw err;
  }
}

async function postIsolated(backendSrv: BackendSrv, body: DsQueryBody, requestId: string): Promise<SourceResults> {
  try {
    return await post(backendSrv, body, requestId);
  } catch {
    const parts = await Promise.all(
      splitBySource(body).map((group) =>
        post(backendSrv, group, `${requestId}-${group.queries[0].datasource.uid}`).catch((err): SourceResults => ({
          frames: [],
          errors: group.queries.map((q) => ({ refId: q.refId, message: errorMessage(err) })),
        }))
      )
    );
    return { frames: parts.flatMap((p) => p.frames), errors: parts.flatMap((p) => p.errors) };
  }
}

export async function fetchAll(
  backendSrv: BackendSrv,
  bodies: DsQueryBody[],
  requestId: string
): Promise<SourceResults> {
  const parts = await Promise.all(
    bodies.map((b, i) => postIsolated(backendSrv, b, bodies.length > 1 ? `${requestId}-${i}` : requestId))
  );
  return { frames: parts.flatMap((p) => p.frames), errors: parts.flatMap((p) => p.errors) };
}
