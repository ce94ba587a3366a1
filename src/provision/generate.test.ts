import { parse } from 'yaml';

import { createCatalog, createMetric, createPillar } from '../core/testing/factories';
import type { Catalog } from '../core/types';
import { activeMetrics, DEFAULT_SITE, GENERATED_MARK } from './context';
import { generateSourceDatasources } from './datasources';
import { dashboardJson, dashboardProvider } from './dashboard';
import { untilLoadSql } from './alertFreshness';
import { generateFiles } from './generate';
import { notificationConfig, TIER_TIMINGS } from './notifications';
import { generateRecordingRules } from './recording';
import { defaultInput, inputOf } from './testing';
import { toYaml } from './yaml';

type Rule = Record<string, any>;

function rulesOf(files: ReturnType<typeof generateFiles>, id: string): Rule[] {
  const file = files.find((f) => f.path === `provisioning/alerting/candor-${id}.yaml`)!;
  return parse(file.content).groups.flatMap((g: { rules: Rule[] }) => g.rules);
}

function conditionOf(rule: Rule): Rule {
  return rule.data.find((d: Rule) => d.refId === rule.condition).model;
}

describe('generated files', () => {
  const input = defaultInput();
  const files = generateFiles([input]);

  it('all carry the generated header and name their catalog', () => {
    for (const f of files) {
      expect(f.content.slice(0, 400)).toContain(GENERATED_MARK);
      expect(f.content.slice(0, 400)).toContain('provisioning/catalogs/platform-scorecard.yaml');
    }
    expect(files.map((f) => f.path)).toEqual([
      'dashboards/platform-scorecard.json',
      'docs/metrics.md',
      'provisioning/alerting/candor-notifications.yaml',
      'provisioning/alerting/candor-platform-scorecard.yaml',
      'provisioning/dashboards/candor.yaml',
      'provisioning/datasources/candor-platform-scorecard.yaml',
      'provisioning/datasources/candor-sources.yaml',
      'provisioning/plugins/candor.yaml',
      'provisioning/prometheus/recording-rules.yaml',
    ]);
  });

  it('provision one alert rule per active metric, on its source, with the stated states and labels', () => {
    const rules = rulesOf(files, 'platform-scorecard');
    const metrics = activeMetrics(input.catalog);
    expect(rules).toHaveLength(metrics.length);
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
    rules.forEach((rule) => {
      const m = metrics.find((x) => x.id === rule.labels.metric)!;
      expect(m).toBeDefined();
      expect(rule.uid.length).toBeLessThanOrEqual(40);
      expect(rule).toMatchObject({
        noDataState: 'Alerting',
        execErrState: 'Alerting',
        condition: 'C',
        isPaused: false,
      });
      expect(rule.labels).toEqual({
        scorecard: 'platform-scorecard',
        pillar: m.pillar,
        metric: m.id,
        owner: m.owner,
        tier: m.tier,
      });
      expect(rule.annotations.question).toBe(input.catalog.pillars.find((p) => p.id === m.pillar)!.question);
      expect(rule.annotations.runbook_url).toBe(m.links![0].url);
      expect(rule.annotations.evidence).toMatch(/^Red /);
      const source = 'prometheus' in m.source ? m.source.prometheus.datasourceUid : m.source.sql.datasourceUid;
      expect(rule.data[0].datasourceUid).toBe(source);
      // The scorecard's query; a SQL one with a freshness query cut at the load (alertFreshness.ts).
      const query = 'prometheus' in m.source ? m.source.prometheus.expr : m.source.sql.rawSql;
      const a = rule.data[0].model.expr ?? rule.data[0].model.rawSql;
      expect(a).toBe(m.freshness.sql ? untilLoadSql(m) : query);
      expect(a).toContain(query.trim());
      expect(rule.dashboardUid).toBe('candor-platform-scorecard');
    });
  });

  it('fire at the amber boundary: strictly beyond it, by direction', () => {
    const byId = new Map(rulesOf(files, 'platform-scorecard').map((r) => [r.labels.metric, r]));
    // Beyond amber, or an impossible value on the side amber does not cover (core/domain.ts).
    expect(conditionOf(byId.get('uptime-slo')!)).toMatchObject({ type: 'math', expression: '$B < 0.995 || $B > 1' });
    expect(conditionOf(byId.get('error-rate')!)).toMatchObject({ type: 'math', expression: '$B > 0.01 || $B < 0' });
    // A SQL metric also fires when its last load (F, seconds) is older than its maxAge (core/freshness.ts).
    expect(conditionOf(byId.get('cost-per-customer')!)).toMatchObject({
      type: 'math',
      expression: '$B > 50 || $B < 0 || $F > 172800 || $F < -172800',
    });
    expect(conditionOf(byId.get('budget-variance')!)).toMatchObject({
      type: 'math',
      expression: '$B < -0.2 || $B > 0.1 || $F > 172800 || $F < -172800',
    });
    const items = byId.get('open-security-issues')!;
    expect(conditionOf(items)).toMatchObject({
      type: 'math',
      expression: '$B > $T || $B < 0 || $F > 86400 || $F < -86400',
    });
    const t = items.data.find((d: Rule) => d.refId === 'T').model.rawSql;
    expect(t).toContain("('critical', 0::float8), ('high', 5::float8), ('medium', 25::float8), ('low', 60::float8)");
    const reduce = items.data.find((d: Rule) => d.refId === 'B').model;
    expect(reduce).toMatchObject({ type: 'reduce', reducer: 'last', expression: 'A', settings: { mode: 'dropNN' } });
  });

  it('read the last load of a SQL metric with its freshness query: the age in seconds, +Inf without a load', () => {
    const byId = new Map(rulesOf(files, 'platform-scorecard').map((r) => [r.labels.metric, r]));
    const f = byId.get('change-failure-rate')!.data.find((d: Rule) => d.refId === 'F');
    expect(f).toMatchObject({
      datasourceUid: 'candor-postgres',
      relativeTimeRange: { from: 86_400, to: 0 },
      model: { refId: 'F', format: 'table', rawQuery: true },
    });
    expect(f.model.rawSql).toMatch(/^SELECT COALESCE\(\(EXTRACT\(EPOCH FROM now\(\)\) - \(SELECT CASE WHEN count/);
    expect(f.model.rawSql).toContain("'Infinity'::float8) AS load_age_seconds");
    expect(f.model.rawSql).toContain("FROM (VALUES ('deployments'), ('incidents')) AS f(feed)");
    // A reads only the points at or before that load, as the scorecard does.
    const a = byId.get('change-failure-rate')!.data.find((d: Rule) => d.refId === 'A').model.rawSql;
    expect(a).toMatch(/\) AS source\nWHERE EXTRACT\(EPOCH FROM source\."time"\) <= \(SELECT CASE WHEN /);
    // A Prometheus metric's own sample times are its freshness: no F.
    expect(byId.get('uptime-slo')!.data.map((d: Rule) => d.refId)).toEqual(['A', 'B', 'C']);
    expect(byId.get('change-failure-rate')!.annotations.evidence).toContain(
      'and fires when the last load (F, in seconds) is older than 1d'
    );
  });

  it('skip retired metrics', () => {
    const c: Catalog = createCatalog({
      metrics: [
        createMetric({ id: 'active' }),
        createMetric({ id: 'old', retired: { reason: 'merged', approvedBy: 'Board', date: '2026-10-01' } }),
      ],
    });
    const rules = rulesOf(generateFiles([inputOf(c)]), 'test-scorecard');
    expect(rules.map((r) => r.labels.metric)).toEqual(['active']);
  });

  it('lock the dashboard: stable uid, not editable, approved fingerprint pinned, no variables', () => {
    const d = JSON.parse(files.find((f) => f.path === 'dashboards/platform-scorecard.json')!.content);
    expect(d).toEqual(dashboardJson(input));
    expect(d).toMatchObject({
      uid: 'candor-platform-scorecard',
      editable: false,
      refresh: '5m',
      time: { from: 'now-7d', to: 'now' },
    });
    expect(d.templating.list).toEqual([]);
    expect(d.description).toContain(GENERATED_MARK);
    expect(d.panels).toHaveLength(1);
    expect(d.panels[0]).toMatchObject({
      type: 'candor-scorecard-panel',
      datasource: { type: 'candor-scorecard-datasource', uid: 'candor-platform-scorecard' },
      targets: [{ refId: 'A' }],
      options: { approvedFingerprint: input.approval.fingerprint },
    });
    expect(input.approval.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lock the provider: no UI updates, no deletion, a dedicated folder', () => {
    const provider = parse(files.find((f) => f.path === 'provisioning/dashboards/candor.yaml')!.content);
    expect(provider).toEqual(dashboardProvider());
    expect(provider.providers[0]).toMatchObject({ allowUiUpdates: false, disableDeletion: true, folderUid: 'candor' });
  });

  it('provision the Candor datasource with the catalog and its approval, not editable', () => {
    const ds = parse(files.find((f) => f.path === 'provisioning/datasources/candor-platform-scorecard.yaml')!.content);
    expect(ds.datasources[0]).toMatchObject({
      uid: 'candor-platform-scorecard',
      type: 'candor-scorecard-datasource',
      editable: false,
      jsonData: {
        catalogVersion: input.catalog.scorecard.version,
        fingerprint: input.approval.fingerprint,
        approval: {
          version: input.approval.version,
          fingerprint: input.approval.fingerprint,
          approvedBy: input.approval.approvedBy,
          date: input.approval.date,
          standing: 'pending',
          text: expect.stringMatching(/^sign-off pending, not yet approved: v\d{4}\.\d+\.\d+ /),
        },
      },
    });
    const sources = parse(files.find((f) => f.path === 'provisioning/datasources/candor-sources.yaml')!.content);
    expect(sources.datasources.map((s: Rule) => [s.uid, s.type, s.editable])).toEqual([
      ['candor-postgres', 'grafana-postgresql-datasource', false],
      ['candor-prometheus', 'prometheus', false],
    ]);
    expect(sources.datasources[0].secureJsonData.password).toBe('$CANDOR_POSTGRES_PASSWORD');
  });

  it('route notifications by tier with the response windows', () => {
    const routes = (notificationConfig().policies as Rule[])[0].routes as Rule[];
    expect(routes.map((r) => [r.object_matchers[1][2], r.group_wait, r.repeat_interval])).toEqual([
      ['critical', '0s', '1h'],
      ['high', '1m', '24h'],
      ['medium', '5m', '72h'],
      ['low', '15m', '1w'],
    ]);
    expect(TIER_TIMINGS).toHaveLength(4);
  });

  it('record the Prometheus metrics and skip expressions with Grafana variables', () => {
    const c = createCatalog({
      pillars: [createPillar()],
      metrics: [
        createMetric({ id: 'uptime' }),
        createMetric({
          id: 'ranged',
          source: { prometheus: { datasourceUid: 'p', expr: 'avg_over_time(x[$__range])' } },
        }),
        createMetric({ id: 'records', source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } } }),
      ],
    });
    const text = generateRecordingRules([inputOf(c)]).content;
    const rules = parse(text).groups[0].rules;
    expect(rules).toEqual([
      {
        record: 'candor:uptime:ratio',
        expr: 'avg_over_time(probe_success[30d])\n',
        labels: { scorecard: 'test-scorecard' },
      },
    ]);
    expect(text).toContain('# Skipped:\n#   test-scorecard/ranged (uses Grafana variables');
  });

  it('refuse two catalogs with one scorecard id', () => {
    const c = createCatalog();
    expect(() => generateFiles([inputOf(c, 'a.yaml'), inputOf(c, 'b.yaml')])).toThrow(/share the scorecard id/);
  });
});

describe('toYaml', () => {
  it('writes values every YAML reader reads back the same, queries as block literals', () => {
    const value = {
      a: 'yes',
      b: 'on',
      c: '0o17',
      d: '1.0',
      e: 'SELECT 1\nFROM t\n',
      f: '2026-10-01',
      g: [1, 'no'],
      h: ' x',
    };
    const text = toYaml(value, ['header']);
    expect(text.startsWith('# header\n')).toBe(true);
    expect(parse(text)).toEqual(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
    expect(text).toContain('e: |\n  SELECT 1\n  FROM t\n');
  });

  it('generated sources authenticate as sourceOptions asks, every secret from the environment', () => {
    const input = inputOf(
      createCatalog({
        metrics: [
          createMetric({ id: 'a', source: { prometheus: { datasourceUid: 'prom', expr: 'up' } } }),
          createMetric({ id: 'b', source: { sql: { datasourceUid: 'pg', rawSql: 'SELECT 1' } } }),
        ],
      })
    );
    const file = generateSourceDatasources([input], DEFAULT_SITE, {
      prom: { basicAuth: true, tls: 'client' },
      pg: { tls: 'ca' },
    });
    const [pg, prom] = parse(file.content).datasources;
    expect(prom).toMatchObject({
      basicAuth: true,
      basicAuthUser: '$PROM_BASIC_AUTH_USER',
      jsonData: { tlsAuthWithCACert: true, tlsAuth: true },
      secureJsonData: {
        basicAuthPassword: '$PROM_BASIC_AUTH_PASSWORD',
        tlsCACert: '$PROM_TLS_CA_CERT',
        tlsClientCert: '$PROM_TLS_CLIENT_CERT',
        tlsClientKey: '$PROM_TLS_CLIENT_KEY',
      },
    });
    expect(pg).toMatchObject({
      jsonData: { tlsConfigurationMethod: 'file-content' },
      secureJsonData: { password: '$PG_PASSWORD', tlsCACert: '$PG_TLS_CA_CERT' },
    });
    expect(pg.secureJsonData).not.toHaveProperty('tlsClientKey');
    // Without options: the URL alone, as before.
    const plain = parse(generateSourceDatasources([input]).content).datasources[1];
    expect(plain).not.toHaveProperty('basicAuth');
    expect(plain).not.toHaveProperty('secureJsonData');
    expect(file.content).toContain(
      'prom: PROM_URL, PROM_BASIC_AUTH_USER, PROM_BASIC_AUTH_PASSWORD, PROM_TLS_CA_CERT, PROM_TLS_CLIENT_CERT'
    );
  });

  it('keeps each header line one comment, whatever it holds: a line break never starts YAML', () => {
    const text = toYaml({ a: 1 }, ['path /x\napiVersion: 2\r\nproviders: []\u2028x']);
    expect(text.split('\n')[0]).toBe('# path /x apiVersion: 2 providers: [] x');
    expect(parse(text)).toEqual({ a: 1 });
  });
});
