import type { DataFrame } from '@grafana/data';

import { freshnessRefId } from '../core/freshness';
import type { Catalog } from '../core/types';
import { CandorDatasource } from './datasource';
import {
  createRequest,
  createSettings,
  DEFAULT_CATALOG,
  installBackend,
  installDatasources,
  installTemplates,
  isFreshnessRef,
  loadFrameJson,
  TO,
  seriesFrameJson,
  type Handler,
} from './testing/services';

const catalog = DEFAULT_CATALOG as Catalog;
const promIds = catalog.metrics.filter((m) => 'prometheus' in m.source).map((m) => m.id);
const sqlIds = catalog.metrics.filter((m) => 'sql' in m.source).map((m) => m.id);
/** The refIds a refresh of these metrics sends: each metric's, then its freshness query's (core/freshness.ts). */
const refIdsOf = (metrics: Catalog['metrics']) =>
  metrics.flatMap((m) => [m.id, ...(m.freshness.sql ? [freshnessRefId(m.id)] : [])]);

/** A one-series frame per query, the latest sample at `at` with `value`. */
const answerAll =
  (value: number, at = TO): Handler =>
  (body) => ({
    results: Object.fromEntries(
      body.queries.map((q) => [
        q.refId,
        {
          status: 200,
          frames: [
            isFreshnessRef(q.refId)
              ? loadFrameJson(q.refId, at)
              : {
                  schema: {
                    refId: q.refId,
                    fields: [
                      { name: 'Time', type: 'time' },
                      { name: 'Value', type: 'number' },
                    ],
                  },
                  data: {
                    values: [
                      [at - 3_600_000, at],
                      [value, value],
                    ],
                  },
                },
          ],
        },
      ])
    ),
  });

const field = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as unknown[];
const rows = (frame: DataFrame) =>
  field(frame, 'metric_id').map((id, i) => ({
    id,
    item: field(frame, 'item')[i],
    status: field(frame, 'status')[i],
    evidence: field(frame, 'evidence')[i] as string,
  }));

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(TO);
  installTemplates({});
  installDatasources({ 'candor-prometheus': 'Prometheus', 'candor-postgres': 'PostgreSQL' });
});
afterEach(() => jest.restoreAllMocks());

describe('CandorDatasource.query', () => {
  it('sends one /api/ds/query per refresh of the default catalog, every metric its own refId, and one actions read beside it', async () => {
    const requests = installBackend(answerAll(1));
    const ds = new CandorDatasource(createSettings());
    const response = await ds.query(createRequest());
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'POST /api/ds/query',
      'GET /api/annotations',
    ]);
    expect(requests[0]).toMatchObject({ url: '/api/ds/query', method: 'POST', showErrorAlert: false });
    const body = requests[0].data as { queries: Array<{ refId: string }> };
    expect(body.queries.map((q) => q.refId)).toEqual(refIdsOf(catalog.metrics));
    expect(body).toMatchSnapshot();
    expect(response.data).toHaveLength(1);
    expect(rows(response.data[0])).toHaveLength(catalog.metrics.length + 3); // open-security-issues yields 4 items
  });

  it("writes evidence with Grafana's value formats", async () => {
    installBackend(answerAll(0.9995));
    const all = rows(((await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[])[0]);
    expect(all.find((r) => r.id === 'uptime-slo')?.evidence).toBe(
      '99.95% ≥ 99.9% (green), target 99.9%, as of 12:00 UTC'
    );
  });

  it('puts the catalog version, fingerprint and rollup in the frame meta', async () => {
    installBackend(answerAll(1));
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    const meta = frame.meta?.custom?.candor;
    expect(meta).toMatchObject({
      schemaVersion: 1,
      catalogVersion: catalog.scorecard.version,
      asOf: TO,
      asOfIsNow: true,
      scorecardId: 'platform-scorecard',
    });
    expect(meta.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.pillars.map((p: { id: string }) => p.id)).toEqual(catalog.pillars.map((p) => p.id));
  });

  it('one source down while the other answers: only its metrics are errors, named after the source', async () => {
    installBackend((body) => {
      if (body.queries.some((q) => q.datasource.uid === 'candor-prometheus')) {
        throw { status: 502, data: { message: 'dial tcp 10.0.0.9:9090: connection refused' } };
      }
      return answerAll(1)(body);
    });
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    const all = rows(frame);
    for (const r of all.filter((r) => promIds.includes(r.id as string))) {
      expect(r.status).toBe('error');
      expect(r.evidence).toBe('Prometheus (candor-prometheus): HTTP 502: dial tcp 10.0.0.9:9090: connection refused');
    }
    expect(all.filter((r) => sqlIds.includes(r.id as string)).every((r) => r.status !== 'error')).toBe(true);
  });

  it('a query error for one metric marks only that metric', async () => {
    installBackend((body) => {
      const ok = answerAll(1)(body) as { results: Record<string, unknown> };
      ok.results['mttr'] = { status: 400, error: 'pq: column "resolved_at" does not exist' };
      return ok;
    });
    const all = rows(((await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[])[0]);
    expect(all.filter((r) => r.status === 'error').map((r) => [r.id, r.evidence])).toEqual([
      ['mttr', 'PostgreSQL (candor-postgres): pq: column "resolved_at" does not exist'],
    ]);
  });

  it('an empty response is noData everywhere, never green', async () => {
    installBackend(() => ({ results: {} }));
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    expect(new Set(rows(frame).map((r) => r.status))).toEqual(new Set(['noData']));
    expect(frame.meta?.custom?.candor.overall).toMatchObject({ colour: 'red', score: 0 });
  });

  it('an as-of time in the past judges the data as it stood then, without the wall clock', async () => {
    const past = TO - 7 * 86_400_000;
    const requests = installBackend(answerAll(1, past));
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest({}, past, 'now-7d')))
      .data as DataFrame[];
    expect((requests[0].data as { to: string }).to).toBe(String(past));
    expect(frame.meta?.custom?.candor).toMatchObject({ asOf: past, asOfIsNow: false });
    expect(rows(frame).some((r) => r.status === 'stale')).toBe(false);
  });

  it('the same data read "now" a week later is stale, not green', async () => {
    installBackend(answerAll(1, TO - 7 * 86_400_000));
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    const all = rows(frame);
    // open-security-issues needs a severity label the answer does not have: its items have no data.
    expect(all.filter((r) => r.id !== 'open-security-issues').every((r) => r.status === 'stale')).toBe(true);
    expect(all.filter((r) => r.id === 'open-security-issues').every((r) => r.status === 'noData')).toBe(true);
  });

  it('selects pillars and metrics for embedding, and warns about unknown ids', async () => {
    const requests = installBackend(answerAll(1));
    const request = createRequest({
      targets: [{ refId: 'A', pillars: ['security-risk'], metrics: ['uptime-slo', 'nope'] }],
    });
    const [frame] = (await new CandorDatasource(createSettings()).query(request)).data as DataFrame[];
    const selected = catalog.metrics.filter((m) => m.pillar === 'security-risk' || m.id === 'uptime-slo');
    const ids = selected.map((m) => m.id);
    const sent = (requests[0].data as { queries: Array<{ refId: string }> }).queries.map((q) => q.refId);
    expect(sent).toEqual(refIdsOf(selected));
    expect([...new Set(rows(frame).map((r) => r.id))]).toEqual(ids);
    expect(frame.meta?.notices).toContainEqual({
      severity: 'warning',
      text: 'selection: no metric "nope" in the catalog',
    });
  });

  it('an invalid catalog is a clear error naming the paths, and nothing is fetched', async () => {
    const requests = installBackend(answerAll(1));
    const broken = { ...catalog, metrics: [{ ...catalog.metrics[0], owner: '' }, ...catalog.metrics.slice(1)] };
    const response = await new CandorDatasource(createSettings({ catalog: broken })).query(createRequest());
    expect(requests).toHaveLength(0);
    expect(response.errors?.[0]?.message).toBe(
      'The Candor catalog of "Candor" is invalid: metrics[0].owner: every metric needs an owner'
    );
  });
});

describe('template variables are escaped for their query language', () => {
  const hostile = createSettings({
    catalog: {
      ...catalog,
      metrics: catalog.metrics.map((m) =>
        m.id === 'error-rate'
          ? {
              ...m,
              source: {
                prometheus: { datasourceUid: 'candor-prometheus', expr: 'sum(rate(x{env="$env",team=~"$teams"}[5m]))' },
              },
            }
          : m.id === 'mttr'
            ? {
                ...m,
                source: {
                  sql: {
                    datasourceUid: 'candor-postgres',
                    rawSql: 'SELECT $__timeFrom() AS time, 1 AS value WHERE env = $env AND team IN ($teams)',
                  },
                },
              }
            : m
      ),
    },
  });

  it('cannot break out of a PromQL string or an SQL literal', async () => {
    installTemplates({ env: `prod"} or vector(1) # '; DROP TABLE incidents; --\\`, teams: ['a.b', 'c|d', "o'neil"] });
    const requests = installBackend(answerAll(1));
    await new CandorDatasource(hostile).query(createRequest());
    const queries = (requests[0].data as { queries: Array<{ refId: string; expr?: string; rawSql?: string }> }).queries;
    expect(queries.find((q) => q.refId === 'error-rate')?.expr).toBe(
      `sum(rate(x{env="prod\\"} or vector(1) # '; DROP TABLE incidents; --\\\\",team=~"a\\\\.b|c\\\\|d|o'neil"}[5m]))`
    );
    expect(queries.find((q) => q.refId === 'mttr')?.rawSql).toBe(
      `SELECT $__timeFrom() AS time, 1 AS value WHERE env = 'prod"} or vector(1) # ''; DROP TABLE incidents; --\\' AND team IN ('a.b','c|d','o''neil')`
    );
  });
});

describe('CandorDatasource.testDatasource (Save & test)', () => {
  it('passes when the catalog is valid, every source exists and every query runs', async () => {
    installBackend(answerAll(1));
    expect(await new CandorDatasource(createSettings()).testDatasource()).toEqual({
      status: 'success',
      message: `Catalog platform-scorecard v${catalog.scorecard.version}: 36 queries of 20 metrics ran.`,
    });
  });

  it('names unknown datasource uids', async () => {
    installDatasources({ 'candor-prometheus': 'Prometheus' });
    installBackend(answerAll(1));
    expect(await new CandorDatasource(createSettings()).testDatasource()).toEqual({
      status: 'error',
      message: 'Unknown datasource uid(s): candor-postgres',
    });
  });

  it('reports which queries fail and why', async () => {
    installBackend((body) => {
      const ok = answerAll(1)(body) as { results: Record<string, unknown> };
      ok.results['churn-rate'] = { status: 400, error: 'relation "churn_events" does not exist' };
      return ok;
    });
    expect(await new CandorDatasource(createSettings()).testDatasource()).toEqual({
      status: 'error',
      message: '1 of 36 queries failed: churn-rate: relation "churn_events" does not exist',
    });
  });
});

describe('CandorDatasource.query: the owners actions (annotations)', () => {
  const annotation = (tags: string[], extra: Record<string, unknown> = {}) => ({
    id: 11,
    time: TO - 2 * 86_400_000,
    timeEnd: TO - 2 * 86_400_000,
    updated: TO - 2 * 86_400_000,
    text: 'Interview the detractors',
    tags,
    ...extra,
  });
  const npsAction = [
    'candor',
    'candor-action',
    'scorecard:platform-scorecard',
    'metric:nps',
    'owner:VP Customer Success',
    'due:2026-11-30',
  ];
  // NPS 35 for three days: amber (green ≥ 40, amber ≥ 20), longer than the 48 hours amber may stand without an action.
  const npsAmber: Handler = (body) => ({
    results: Object.fromEntries(
      body.queries.map((q) => [
        q.refId,
        {
          status: 200,
          frames:
            q.refId === 'nps'
              ? [seriesFrameJson('nps', Array(73).fill(35), TO)]
              : q.refId === 'nps.freshness'
                ? [loadFrameJson(q.refId, TO)]
                : [],
        },
      ])
    ),
  });
  const nps = (frame: DataFrame) => {
    const i = field(frame, 'metric_id').indexOf('nps');
    return {
      colour: field(frame, 'colour')[i],
      escalation: field(frame, 'escalation')[i],
      action: field(frame, 'action')[i],
    };
  };

  it('asks for the scorecard’s actions with each tag as its own parameter, up to the evaluation time', async () => {
    const requests = installBackend(answerAll(1));
    await new CandorDatasource(createSettings()).query(createRequest());
    const url = new URL(requests[1].url, 'http://grafana');
    expect(url.pathname).toBe('/api/annotations');
    expect(url.searchParams.getAll('tags')).toEqual(['candor-action', 'scorecard:platform-scorecard']);
    expect(url.searchParams.get('to')).toBe(String(TO));
    expect(url.searchParams.get('type')).toBe('annotation');
  });

  it('an open action keeps amber amber and travels with the row; without it amber for 3 days is shown red', async () => {
    installBackend(npsAmber, () => [annotation(npsAction)]);
    const [withAction] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    expect(nps(withAction)).toMatchObject({
      colour: 'amber',
      escalation: '',
      action: { owner: 'VP Customer Success', dueDate: '2026-11-30' },
    });
    installBackend(npsAmber, () => []);
    const [without] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    expect(nps(without)).toMatchObject({
      colour: 'red',
      escalation: 'Amber for ≥ 3 days, no action recorded: shown red',
      action: null,
    });
  });

  it('when the actions cannot be read, none is counted and a notice says so; the metrics are still there', async () => {
    installBackend(npsAmber, () => {
      throw { status: 403, data: { message: 'Access denied' } };
    });
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    expect(nps(frame).colour).toBe('red');
    expect(frame.meta?.custom?.candor.actions).toEqual({ read: false, count: 0, error: 'HTTP 403: Access denied' });
    expect(frame.meta?.notices?.map((n) => n.text)).toContain(
      'Actions could not be read (HTTP 403: Access denied): no recorded action is counted, so amber escalates after its grace period'
    );
  });
});
