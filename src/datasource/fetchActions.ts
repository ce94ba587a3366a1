/**
 * The owners' actions, read in the same refresh as the metrics: one `GET /api/annotations` with the scorecard's
 * action tags (src/core/actions.ts `actionsQuery`), sent at the same time as the one `POST /api/ds/query`, so a
 * refresh costs two requests and one round trip. (Grafana's built-in "-- Grafana --" datasource answers annotation
 * queries in the browser only: its backend, which `/api/ds/query` reaches, knows no annotations query type, so the
 * two cannot be one request.) A failure is a value, never an exception: the engine then counts no action and says so.
 */
import type { BackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { actionsQuery, searchParams, type AnnotationLike } from '../core/actions';
import { errorMessage } from './fetchFrames';

export function annotationsUrl(scorecardId: string, asOf: number): string {
  return `/api/annotations?${searchParams(actionsQuery(scorecardId, asOf))}`;
}

export async function fetchAnnotations(
  backendSrv: BackendSrv,
  input: { scorecardId: string; asOf: number; requestId: string }
): Promise<{ list: AnnotationLike[] } | { error: string }> {
  try {
    const response = await lastValueFrom(
      backendSrv.fetch<unknown>({
        url: annotationsUrl(input.scorecardId, input.asOf),
        method: 'GET',
        requestId: input.requestId,
        showErrorAlert: false,
      })
    );
    return Array.isArray(response.data)
      ? { list: response.data as AnnotationLike[] }
      : { error: 'Grafana answered the annotations query with something that is not a list' };
  } catch (err) {
    return { error: errorMessage(err) };
  }
}
