/**
 * Recording an owner's action from the panel: Grafana's annotations HTTP API through Grafana's own backendSrv, so
 * Grafana's permissions decide (docs/actions.md). The record is built by the core (src/core/actions.ts), exactly as
 * `candor action add` builds it. After a write the dashboard reloads its route (Grafana re-runs every query), so the
 * scorecard shows the action in the same kind of refresh as any other.
 */
import { getBackendSrv, locationService } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { annotationForAction, closedTags, type NewAction } from '../core/actions';
import { errorMessage } from '../datasource/fetchFrames';

export interface BootUser {
  orgId?: number;
  orgRole?: string;
  permissions?: Record<string, boolean>;
}

/**
 * The signed-in user as Grafana's page hands it to every plugin (`window.grafanaBootData.user`, which @grafana/runtime's
 * `config.bootData` is built from). Read directly: the `config` object's type changes between Grafana minors, which
 * the compatibility gate (levitate, scripts/levitate.mjs) reports, while these three fields have not changed.
 */
export function bootUser(): BootUser | undefined {
  const boot = (window as unknown as { grafanaBootData?: { user?: BootUser } }).grafanaBootData;
  return boot?.user;
}

/**
 * Whether this viewer may write organization annotations: the RBAC permission when Grafana sends permissions,
 * else the Editor or Admin role (Viewers may read actions, not write them). Grafana still checks on the server.
 */
export function canRecordActions(): boolean {
  const user = bootUser();
  if (!user) {
    return false;
  }
  if (user.permissions?.['annotations:create'] === true) {
    return true;
  }
  return user.orgRole === 'Editor' || user.orgRole === 'Admin';
}

async function send(options: { url: string; method: 'POST' | 'PATCH' | 'GET'; data?: unknown }) {
  const response = await lastValueFrom(getBackendSrv().fetch<unknown>({ ...options, showErrorAlert: false }));
  return response.data;
}

/** Records the action; resolves to its annotation id, rejects with one readable line. */
export async function recordAction(action: NewAction): Promise<string> {
  const { tags, text } = annotationForAction(action);
  try {
    const data = (await send({ url: '/api/annotations', method: 'POST', data: { time: Date.now(), tags, text } })) as {
      id?: unknown;
    };
    return String(data?.id ?? '');
  } catch (e) {
    throw new Error(`Grafana did not record the action: ${errorMessage(e)}`);
  }
}

/** Closes an action: its own tags plus candor-done, closed now. */
export async function closeAction(id: string): Promise<void> {
  try {
    const current = (await send({ url: `/api/annotations/${encodeURIComponent(id)}`, method: 'GET' })) as {
      tags?: unknown;
      time?: unknown;
    };
    const tags = Array.isArray(current?.tags) ? current.tags.filter((t): t is string => typeof t === 'string') : [];
    const time = typeof current?.time === 'number' ? current.time : 0;
    await send({
      url: `/api/annotations/${encodeURIComponent(id)}`,
      method: 'PATCH',
      data: { tags: closedTags(tags), timeEnd: Math.max(Date.now(), time) },
    });
  } catch (e) {
    throw new Error(`Grafana did not close the action: ${errorMessage(e)}`);
  }
}

/** Grafana re-runs the dashboard's queries when its route reloads. */
export function refreshDashboard(): void {
  locationService.reload();
}
