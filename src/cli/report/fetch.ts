/**
 * The scorecard evaluated through a Grafana, as the datasource evaluates it in the browser: the same
 * `POST /api/ds/query` bodies (core/queries.ts `buildRequests`), the same annotations query for the owners' actions
 * (core/actions.ts `actionsQuery`), the same engine. A service-account token with the Viewer role is enough.
 *
 * Failure, by where it happens:
 *   - Grafana unreachable, or the token refused (401) or not allowed to query (403): a CliError, exit 1 — there is
 *     no evidence at all, so no report is written.
 *   - One request refused as a whole (an unknown datasource uid is HTTP 404 for the whole request): the queries are
 *     re-sent grouped by datasource, as Grafana's Mixed datasource does, so only that source's metrics fail.
 *   - One query failing (HTTP 400 with per-refId errors): that metric is an error row with Grafana's message.
 *   - The annotations unreadable (other than 401/403): no action counts, and the report says so.
 */
import {
  ACTION_QUERY_LIMIT,
  actionsFromAnnotations,
  actionsQuery,
  searchParams,
  type Action,
  type AnnotationLike,
} from '../../core/actions';
import { metricsToQuery, type EngineOutput, type Selection } from '../../core/engine';
import type { Fingerprint } from '../../core/fingerprint';
import { runEngineGuarded } from '../../core/guard';
import { buildRequests, splitBySource, type DsQueryBody } from '../../core/queries';
import { decodeResponse, type DecodedResponse } from '../../core/response';
import type { Catalog } from '../../core/types';
import { PANEL_TYPE } from '../../provision/context';
import { CliError } from '../common';
import { grafanaMessage, grafanaRequest, type GrafanaResponse } from '../grafanaHttp';

export interface GrafanaTarget {
  url: URL;
  token: string;
  timeoutMs?: number;
}

export interface Evaluation {
  output: EngineOutput;
  warnings: string[];
  actions: Action[];
  /** Requests sent to Grafana for this evaluation. */
  requests: number;
  /** Grafana returned as many action annotations as one query may (older ones may be missing). */
  actionsTruncated: boolean;
}

/** 401 and 403 mean the token cannot read anything: stop with one line that says what to fix. */
function refuseAuth(res: GrafanaResponse, what: string): void {
  if (res.status === 401) {
    throw new CliError(
      `${what}: Grafana refused the token (HTTP 401${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}): use a service-account token (Viewer role is enough)`,
      1
    );
  }
  if (res.status === 403) {
    throw new CliError(`${what}: the token may not read this (HTTP 403: ${grafanaMessage(res) || 'forbidden'})`, 1);
  }
}

async function post(target: GrafanaTarget, body: DsQueryBody): Promise<DecodedResponse> {
  const url = new URL('api/ds/query', target.url);
  const res = await grafanaRequest({ method: 'POST', url, token: target.token, body, timeoutMs: target.timeoutMs });
  refuseAuth(res, 'POST /api/ds/query');
  const hasResults = typeof res.body === 'object' && res.body !== null && 'results' in res.body;
  if ((res.status === 200 || res.status === 400 || res.status === 207) && hasResults) {
    try {
      return decodeResponse(res.body);
    } catch (e) {
      throw new Error(`not a /api/ds/query answer: ${(e as Error).message}`);
    }
  }
  throw new Error(`HTTP ${res.status}${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}`);
}

/** One body; when refused as a whole, again per datasource, so one unknown source fails only its own metrics. */
async function postIsolated(target: GrafanaTarget, body: DsQueryBody): Promise<DecodedResponse & { sent: number }> {
  try {
    return { ...(await post(target, body)), sent: 1 };
  } catch (e) {
    if (e instanceof CliError) {
      throw e;
    }
    const groups = splitBySource(body);
    if (groups.length === 1) {
      return {
        frames: [],
        errors: body.queries.map((q) => ({ refId: q.refId, message: (e as Error).message })),
        sent: 1,
      };
    }
    const parts = await Promise.all(
      groups.map((group) =>
        post(target, group).catch((err: Error): DecodedResponse => {
          if (err instanceof CliError) {
            throw err;
          }
          return { frames: [], errors: group.queries.map((q) => ({ refId: q.refId, message: err.message })) };
        })
      )
    );
    return {
      frames: parts.flatMap((p) => p.frames),
      errors: parts.flatMap((p) => p.errors),
      sent: 1 + groups.length,
    };
  }
}

async function readAnnotations(
  target: GrafanaTarget,
  scorecardId: string,
  asOf: number
): Promise<{ list: AnnotationLike[] } | { error: string }> {
  const url = new URL(`api/annotations?${searchParams(actionsQuery(scorecardId, asOf))}`, target.url);
  const res = await grafanaRequest({ method: 'GET', url, token: target.token, timeoutMs: target.timeoutMs });
  refuseAuth(res, 'GET /api/annotations');
  if (res.status !== 200) {
    return { error: `HTTP ${res.status}${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}` };
  }
  return Array.isArray(res.body)
    ? { list: res.body as AnnotationLike[] }
    : { error: 'Grafana answered the annotations query with something that is not a list' };
}

export interface EvaluateInput {
  target: GrafanaTarget;
  catalog: Catalog;
  fingerprint: Fingerprint;
  approval?: unknown;
  selection: Selection;
  asOf: number;
  asOfIsNow: boolean;
}

export async function evaluateThroughGrafana(input: EvaluateInput): Promise<Evaluation> {
  const { catalog, target, asOf } = input;
  const defs = metricsToQuery(catalog, input.selection);
  const bodies = defs.length ? buildRequests(defs, asOf, (text) => text) : [];
  const [parts, annotations] = await Promise.all([
    Promise.all(bodies.map((b) => postIsolated(target, b))),
    readAnnotations(target, catalog.scorecard.id, asOf),
  ]);
  const out = runEngineGuarded({
    catalog,
    fingerprint: input.fingerprint,
    approval: input.approval,
    selection: input.selection,
    frames: parts.flatMap((p) => p.frames),
    errors: parts.flatMap((p) => p.errors),
    asOf,
    asOfIsNow: input.asOfIsNow,
    now: asOf,
    wallClock: Date.now(),
    annotations,
  });
  const read = 'list' in annotations ? actionsFromAnnotations(annotations.list, catalog.scorecard.id) : undefined;
  return {
    output: out.result,
    warnings: out.warnings,
    actions: read?.actions ?? [],
    requests: parts.reduce((n, p) => n + p.sent, 0) + 1,
    actionsTruncated: 'list' in annotations && annotations.list.length >= ACTION_QUERY_LIMIT,
  };
}

/**
 * What the dashboard in Grafana pins: the Candor panel's `approvedFingerprint` (provisioned from the lock file), read
 * with `GET /api/dashboards/uid/:uid` (a Viewer may). "" when it pins `fingerprint`; otherwise why it cannot be
 * confirmed that the report's catalog is the one the executives' dashboard shows.
 */
export async function provisionedDifference(target: GrafanaTarget, uid: string, fingerprint: string): Promise<string> {
  const url = new URL(`api/dashboards/uid/${encodeURIComponent(uid)}`, target.url);
  const res = await grafanaRequest({ method: 'GET', url, token: target.token, timeoutMs: target.timeoutMs });
  refuseAuth(res, `GET /api/dashboards/uid/${uid}`);
  if (res.status !== 200) {
    return `the dashboard ${uid} could not be read (HTTP ${res.status}${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}), so the report cannot confirm its definitions are the provisioned ones`;
  }
  type Panel = { type?: unknown; options?: { approvedFingerprint?: unknown }; panels?: Panel[] };
  const panels = ((res.body as { dashboard?: { panels?: Panel[] } })?.dashboard?.panels ?? []).flatMap((p) => [
    p,
    ...(p.panels ?? []),
  ]);
  const pins = [
    ...new Set(
      panels
        .filter((p) => p.type === PANEL_TYPE)
        .map((p) => p.options?.approvedFingerprint)
        .filter((f): f is string => typeof f === 'string')
    ),
  ];
  if (pins.length === 0) {
    return `the dashboard ${uid} has no Candor panel with a pinned fingerprint`;
  }
  const other = pins.find((f) => f !== fingerprint);
  return other
    ? `the dashboard ${uid} pins sha256:${other.slice(0, 12)}, this report evaluated sha256:${fingerprint.slice(0, 12)}: the report's definitions are not the ones Grafana shows`
    : '';
}
