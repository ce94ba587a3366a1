import { parse } from 'yaml';

import { fingerprint } from '../core/fingerprint';
import { createCatalog, createMetric } from '../core/testing/factories';
import { alertRuleGroups } from './alerting';
import { generateCandorDatasource } from './datasources';
import { escapeDollars, expandAllLikeGrafana, expandLikeGrafana } from './escape';
import { inputOf } from './testing';

const SQL =
  "SELECT $__timeGroup(t, '6h') AS time, count(*)::float8 AS value FROM incidents WHERE $__timeFilter(t) AND price < '$$5'\n" +
  "  AND t > $__timeFrom()::timestamptz - interval '$__range' -- ${not_env} $1 $\n";
const PROMQL = 'sum(rate(http_requests_total{job="api"}[$__rate_interval])) / sum(increase(x[$__range]))';

function catalogWithMacros() {
  return createCatalog({
    metrics: [
      createMetric({ id: 'sql-metric', source: { sql: { datasourceUid: 'pg', rawSql: SQL } } }),
      createMetric({ id: 'prom-metric', source: { prometheus: { datasourceUid: 'prom', expr: PROMQL } } }),
    ],
  });
}

describe('escaping $ for Grafana provisioning', () => {
  it.each([SQL, PROMQL, '$', '$$', '$$$', 'a$b', '${X}', '$__env{HOME}', 'no dollars'])(
    'expansion of the escaped text gives back exactly %j',
    (text) => {
      expect(expandLikeGrafana(escapeDollars(text), { X: 'x', HOME: '/root', not_env: 'oops' })).toBe(text);
    }
  );

  it('is needed: unescaped macros are eaten by the expansion', () => {
    expect(expandLikeGrafana('WHERE $__timeFilter(t)')).toBe('WHERE (t)');
  });

  it('a query with $__timeFrom() and $__range survives datasource provisioning byte for byte', () => {
    const input = inputOf(catalogWithMacros());
    const file = parse(generateCandorDatasource(input).content);
    const jsonData = file.datasources[0].jsonData;
    expect(JSON.stringify(jsonData.catalog)).toContain('$$__timeFrom()');
    const expanded = expandAllLikeGrafana(jsonData, { not_env: 'oops' });
    expect(expanded.catalog.metrics[0].source.sql.rawSql).toBe(SQL);
    expect(expanded.catalog.metrics[1].source.prometheus.expr).toBe(PROMQL);
    expect(expanded.catalog).toEqual(input.data);
    expect(fingerprint(expanded.catalog).full).toBe(jsonData.fingerprint);
  });

  it('alert rule models and annotations stay raw (Grafana does not expand them); titles and labels are escaped', () => {
    const c = catalogWithMacros();
    c.metrics[0].owner = 'Head of $ales';
    const [group] = alertRuleGroups(c) as Array<{ rules: Array<Record<string, any>> }>;
    const [sqlRule, promRule] = group.rules;
    expect(sqlRule.data[0].model.rawSql).toBe(SQL);
    expect(promRule.data[0].model.expr).toBe(PROMQL);
    expect(expandLikeGrafana(sqlRule.labels.owner)).toBe('Head of $ales');
    expect(sqlRule.labels.owner).toBe('Head of $$ales');
  });
});
