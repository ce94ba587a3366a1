/**
 * `candor init [DIR]`: starts a config repository in DIR (default the current folder), the way a platform team keeps
 * its scorecard beside its other Grafana configuration:
 *   candor.config.yaml                 where catalogs live and where `candor provision` writes (config.ts)
 *   catalogs/scorecard.yaml            a starter catalog: one pillar, a leading and a lagging metric, over an
 *                                      existing Prometheus datasource (uid `prometheus`: change it to yours)
 *   catalogs/tests/scorecard.test.yaml its catalog tests (every status, both boundaries)
 *   .github/workflows/candor.yml       CI: candor check --against the base branch, candor provision --check
 * Nothing is overwritten: when any of these files exists, nothing is written and each one is named (exit 1).
 * The catalog is not approved yet: `candor approve --by NAME` records that, `candor provision` then writes the
 * provisioning (and .github/CODEOWNERS from the approvers, docs/governance.md).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'fs';
import path from 'path';

import { CliError, type Command, parseArgs } from './common';
import { CONFIG_API_VERSION, CONFIG_FILE } from './config';

export const INIT_USAGE = `usage: candor init [DIR]
  Starts a config repository in DIR (default: here): ${CONFIG_FILE}, a starter catalog and its tests under
  catalogs/, and a CI workflow (.github/workflows/candor.yml). Writes nothing if any of them exists (exit 1).
  Then: candor validate catalogs/scorecard.yaml, candor test catalogs/tests/scorecard.test.yaml,
  candor approve --by NAME, candor provision (docs/install.md).`;

const CONFIG = `# Where the candor command finds the catalogs and writes what it generates (docs/install.md).
apiVersion: ${CONFIG_API_VERSION}
catalogs: catalogs
# existing: the catalogs name datasources your Grafana already has (by uid); \`candor check --grafana-url\` verifies
# them. generate: candor provision writes them too, connection settings from the environment (docs/provisioning.md).
sources: existing
# true: also write the notification policy tree routing Candor's alerts by tier. Grafana replaces an organisation's
# whole tree with it, so leave it false where policies are managed elsewhere (docs/provisioning.md#notifications).
notifications: false
orgId: 1
output:
  provisioning: grafana/provisioning   # copy or mount into Grafana's provisioning folder (docs/install.md)
  dashboards: grafana/dashboards       # mounted where Grafana reads them: dashboardsPath
  prometheus: prometheus               # recording rules, for your Prometheus
  metricsDoc: docs/metrics.md
  dashboardsPath: /var/lib/grafana/dashboards/candor
`;

const CATALOG = `# A starter catalog (candor init). Format: docs/catalog.md. Every change changes its fingerprint and needs an
# approval (candor approve); never delete a metric that was approved: retire it.
apiVersion: candor/v1

scorecard:
  id: scorecard
  title: Platform scorecard
  version: '0.1.0'   # quoted: a version is text (1.0 and 1.00 are different versions)

pillars:
  - id: reliability
    title: Reliability
    question: Is the platform stable right now?
    order: 1

metrics:
  - id: availability
    pillar: reliability
    name: Availability (7 days)
    description: >-
      Share of successful probes of the public endpoints over the trailing 7 days. Green at or above the 99.9% SLO,
      amber down to 99.5%, red below.
    owner: Head of SRE
    indicator: lagging
    unit: percentunit
    direction: higher-is-better
    target: 0.999
    thresholds:
      green: 0.999
      amber: 0.995
    freshness:
      maxAge: 15m
    tier: critical
    trend:
      window: 7d
    source:
      prometheus:
        datasourceUid: prometheus   # the uid of your Prometheus datasource in Grafana
        expr: avg(avg_over_time(probe_success[7d])) and on() group(probe_success)

  - id: error-rate
    pillar: reliability
    name: API error rate
    description: >-
      Share of API requests answered with a 5xx status over the last 5 minutes: it moves before availability does.
      Green at or under 0.1%, amber up to 1%, red above.
    owner: Head of SRE
    indicator: leading
    unit: percentunit
    direction: lower-is-better
    target: 0.0005
    thresholds:
      green: 0.001
      amber: 0.01
    freshness:
      maxAge: 15m
    tier: high
    trend:
      window: 7d
    source:
      prometheus:
        datasourceUid: prometheus
        expr: (sum(rate(http_requests_total{code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total[5m]))

  # A metric from a SQL warehouse names the query that says when its data was last loaded (docs/catalog.md,
  # "Freshness of SQL data"); without one, candor validate warns that stopped loads would look fresh:
  #   freshness:
  #     maxAge: 26h
  #     sql: SELECT max(finished_at) AS time FROM etl_runs WHERE job = 'orders' AND status = 'ok'
  #   source:
  #     sql:
  #       datasourceUid: warehouse
  #       rawSql: SELECT day AS time, late_share::float8 AS value FROM orders_daily WHERE day >= $__timeFrom()
`;

const TESTS = `# Catalog tests of catalogs/scorecard.yaml (candor test; format: docs/catalog.md). Each metric is put on its
# boundaries, past them, without data and stale: loosening a threshold or a maxAge fails a test.
catalog: ../scorecard.yaml
evaluationTime: 2026-01-05T12:00:00Z
tests:
  - name: on the green boundaries
    interval: 5m
    series:
      availability: { values: '0.999x3' }
      error-rate: { values: '0.001x3' }
    expect:
      metrics: { availability: green, error-rate: green }
      overall: green
  - name: just past green is amber, past amber is red
    interval: 5m
    series:
      availability: { values: '0.9989x3' }
      error-rate: { values: '0.0101x3' }
    expect:
      metrics: { availability: amber, error-rate: red }
      overall: red
  - name: no data is red, data older than maxAge is stale
    interval: 5m
    series:
      error-rate: { values: '0.0005x3', ago: 16m }
    expect:
      metrics: { availability: noData, error-rate: stale }
`;

const WORKFLOW = `# Candor's checks on every change (candor init; docs/install.md): no unapproved definition, no approved metric
# removed or rewritten in history, and the generated provisioning exactly what the approved catalogs give.
name: candor
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      # A pull request against its base; a push to main against every commit that changed the catalogs.
      - run: npx candor check --against origin/\${{ github.base_ref }}
        if: github.event_name == 'pull_request'
      - run: npx candor check --history
        if: github.event_name == 'push'
      - run: npx candor provision --check
`;

export const INIT_FILES: ReadonlyArray<[string, string]> = [
  [CONFIG_FILE, CONFIG],
  ['catalogs/scorecard.yaml', CATALOG],
  ['catalogs/tests/scorecard.test.yaml', TESTS],
  ['.github/workflows/candor.yml', WORKFLOW],
];

export const init: Command = (argv, io) => {
  const args = parseArgs(argv, { flags: {}, usage: INIT_USAGE, maxPositional: 1 });
  const dir = args.positional[0] ?? '.';
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliError(`${dir}: not a folder`, 2);
  }
  const present = INIT_FILES.map(([file]) => path.join(dir, file)).filter((f) => existsSync(f));
  if (present.length > 0) {
    present.forEach((f) => io.err(`${f}: exists; candor init writes nothing over a file`));
    throw new CliError(`candor init: ${present.length} file(s) exist; nothing was written`, 1);
  }
  for (const [file, content] of INIT_FILES) {
    const target = path.join(dir, file);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    } catch (e) {
      throw new CliError(
        `${target}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        2
      );
    }
    io.out(`wrote ${target}`);
  }
  io.out(
    [
      '',
      'Next: set datasourceUid in catalogs/scorecard.yaml to your Prometheus datasource, then',
      '  candor validate catalogs/scorecard.yaml',
      '  candor test catalogs/tests/scorecard.test.yaml',
      '  candor approve --by "Your Name"',
      '  candor provision',
      '  candor check --grafana-url https://grafana.example.com   (token in CANDOR_GRAFANA_TOKEN)',
    ].join('\n')
  );
  return 0;
};
