import {
  DataSourceApi,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';

import { metricsToQuery, type Selection } from '../core/engine';
import { runEngineGuarded } from '../core/guard';
import { buildRequests, prometheusStep, requestRange } from '../core/queries';
import { sourceUid } from '../core/types';
import { loadDefinitions, type LoadedDefinitions } from './catalog';
import { fetchAnnotations } from './fetchActions';
import { fetchAll } from './fetchFrames';
import { makeInterpolate } from './interpolate';
import { toScorecardFrame } from './toFrame';
import type { CandorOptions, CandorQuery } from './types';
import { bareRecord } from '../core/own';

/**
 * The Candor datasource: one instance = one catalog (provisioned in jsonData). Each refresh evaluates the
 * selected definitions over the SOURCE datasources through one `POST /api/ds/query`.
 */
export class CandorDatasource extends DataSourceApi<CandorQuery, CandorOptions> {
  readonly definitions: LoadedDefinitions;
  private readonly approval: CandorOptions['approval'];

  constructor(instanceSettings: DataSourceInstanceSettings<CandorOptions>) {
    super(instanceSettings);
    this.definitions = loadDefinitions(instanceSettings.jsonData);
    this.approval = instanceSettings.jsonData?.approval;
  }

  /** Datasource names by uid, for evidence texts; unknown uids are simply left out. */
  private sourceNames(): Record<string, string> {
    const names = bareRecord<string>();
    for (const m of this.definitions.catalog?.metrics ?? []) {
      const uid = sourceUid(m.source);
      const name = getDataSourceSrv().getInstanceSettings(uid)?.name;
      if (name) {
        names[uid] = name;
      }
    }
    return names;
  }

  async query(request: DataQueryRequest<CandorQuery>): Promise<DataQueryResponse> {
    const { catalog, fingerprint, problems, warnings } = this.definitions;
    if (!catalog || !fingerprint) {
      const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      return { data: [], errors: [{ message: `The Candor catalog of "${this.name}" is invalid: ${list}` }] };
    }
    const targets = request.targets.filter((t) => !t.hide);
    const selections = targets.map((t): Selection => ({ pillars: t.pillars, metrics: t.metrics, summary: t.summary }));
    const needed = new Set(selections.flatMap((s) => metricsToQuery(catalog, s).map((m) => m.id)));
    const defs = catalog.metrics.filter((m) => needed.has(m.id));
    const asOf = request.range.to.valueOf();
    const asOfIsNow = typeof request.rangeRaw?.to === 'string' && request.rangeRaw.to.trim() === 'now';
    const interpolate = makeInterpolate(getTemplateSrv(), request.scopedVars);
    const requestId = `candor-${this.uid}-${request.panelId ?? ''}`;
    // The metrics and the owners' actions in one round trip: two requests sent together (fetchActions.ts).
    const [results, annotations] = await Promise.all([
      defs.length
        ? fetchAll(getBackendSrv(), buildRequests(defs, asOf, interpolate), requestId)
        : Promise.resolve({ frames: [], errors: [] }),
      fetchAnnotations(getBackendSrv(), { scorecardId: catalog.scorecard.id, asOf, requestId: `${requestId}-actions` }),
    ]);
    const sourceNames = this.sourceNames();
    const range = requestRange(defs, asOf);
    const coarse = defs
      .filter((d) => 'prometheus' in d.source && prometheusStep(d, range).coarse)
      .map(
        (d) =>
          `${d.id}: over this range Grafana steps Prometheus every ${prometheusStep(d, range).stepMs / 1000} s, coarser than a third of its maxAge ${d.freshness.maxAge}; freshness is judged at that resolution`
      );
    // One metric that cannot be evaluated is an error metric (runEngineGuarded); a failure of a whole evaluation is
    // one error for that query (refId) alone, never an exception out of query() and never the other queries' data.
    const data: DataQueryResponse['data'] = [];
    const errors: NonNullable<DataQueryResponse['errors']> = [];
    targets.forEach((target, i) => {
      try {
        const out = runEngineGuarded({
          catalog,
          fingerprint,
          approval: this.approval,
          selection: selections[i],
          frames: results.frames,
          errors: results.errors,
          asOf,
          asOfIsNow,
          now: asOfIsNow ? Date.now() : asOf,
          wallClock: Date.now(),
          sourceNames,
          annotations,
        });
        data.push(toScorecardFrame(target.refId, out.result, [...warnings, ...coarse, ...out.warnings]));
      } catch (e) {
        errors.push({
          refId: target.refId,
          message: `Candor could not evaluate the scorecard: ${(e as Error).message ?? e}`,
        });
      }
    });
    return errors.length ? { data, errors } : { data };
  }

  /** Save & test: the catalog is valid, every source uid exists, and every query runs once without error. */
  async testDatasource(): Promise<TestDataSourceResponse> {
    const { catalog, problems } = this.definitions;
    if (!catalog) {
      return {
        status: 'error',
        message: `Invalid catalog: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      };
    }
    const uids = [...new Set(catalog.metrics.map((m) => sourceUid(m.source)))];
    const missing = uids.filter((uid) => !getDataSourceSrv().getInstanceSettings(uid));
    if (missing.length > 0) {
      return { status: 'error', message: `Unknown datasource uid(s): ${missing.join(', ')}` };
    }
    const now = Date.now();
    const interpolate = makeInterpolate(getTemplateSrv());
    const bodies = buildRequests(catalog.metrics, now, interpolate);
    const sent = bodies.reduce((n, b) => n + b.queries.length, 0);
    const [{ frames, errors }, annotations] = await Promise.all([
      fetchAll(getBackendSrv(), bodies, `candor-test-${this.uid}`),
      fetchAnnotations(getBackendSrv(), {
        scorecardId: catalog.scorecard.id,
        asOf: now,
        requestId: `candor-test-${this.uid}-actions`,
      }),
    ]);
    const answered = new Set([...frames.map((f) => f.refId), ...errors.map((e) => e.refId)]);
    const failed = errors.map((e) => `${e.refId}: ${e.message}`);
    const silent = catalog.metrics.filter((m) => !answered.has(m.id)).map((m) => m.id);
    if (failed.length > 0) {
      return {
        status: 'error',
        message: `${failed.length} of ${sent} queries failed: ${failed.join('; ')}`,
      };
    }
    const note = silent.length > 0 ? ` ${silent.length} returned no data (${silent.join(', ')}).` : '';
    // Unreadable actions do not fail the test (viewers of some setups cannot read annotations), but they are named.
    const actions =
      'error' in annotations
        ? ` The owners' actions could not be read (${annotations.error}): amber will escalate after its grace period.`
        : '';
    return {
      status: 'success',
      message: `Catalog ${catalog.scorecard.id} v${catalog.scorecard.version}: ${sent} queries of ${catalog.metrics.length} metrics ran.${note}${actions}`,
    };
  }
}
