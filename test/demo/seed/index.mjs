// The deterministic demo seed for PostgreSQL (docs/demo-scenario.md), relative to T0 = the seed time.
// `node test/demo/seed/index.mjs [ISO-T0]` prints the SQL (INSERT statements only; the schema comes from
// docs/demo-schema.md).
import { fileURLToPath } from 'node:url';

import { seedCosts, seedCustomers, seedEscalations, seedSurveys } from './business.mjs';
import { seedDelivery } from './delivery.mjs';
import { seedExecutive } from './executive.mjs';
import { seedCompliance, seedVulnerabilities } from './security.mjs';
import { HOUR, MINUTE, insert, startOfUtcDay, ts } from './sql.mjs';

/**
 * Last successful sync of each feed. `security_incidents` has never synced (noData); `escalations` stopped 9 h ago
 * (its maxAge is 6 h: stale). `cloud_costs` is complete up to midnight UTC of T0's day.
 * The second catalog's feeds (executive.mjs) follow: `marketing` has never synced (no row: the Marketing department
 * shows no data), although its KPIs have rows in kpi_daily.
 */
export function feedSyncTimes(t0) {
  return {
    incidents: t0 - 4 * MINUTE,
    deployments: t0 - 20 * MINUTE,
    vulnerabilities: t0 - 2 * HOUR,
    compliance: t0 - 5 * HOUR,
    cloud_costs: startOfUtcDay(t0),
    crm: t0 - 3 * HOUR,
    surveys: t0 - 10 * HOUR,
    escalations: t0 - 9 * HOUR,
    finance: t0 - 3 * HOUR,
    sales: t0 - 2 * HOUR,
    customer_success: t0 - 4 * HOUR,
    engineering: t0 - 1 * HOUR,
    people: t0 - 6 * HOUR,
    market: t0 - 5 * HOUR,
    initiatives: t0 - 2 * HOUR,
    risks: t0 - 3 * HOUR,
  };
}

export function seedSql(t0Input) {
  const t0 = Math.floor(t0Input / 1000) * 1000;
  const sync = feedSyncTimes(t0);
  const crm = seedCustomers(sync.crm);
  const parts = [
    '-- Candor demo seed: deterministic, relative to T0 = ' + new Date(t0).toISOString(),
    'BEGIN;',
    seedDelivery(t0),
    seedVulnerabilities(t0, sync.vulnerabilities),
    seedCompliance(t0, sync.compliance),
    crm.sql,
    seedSurveys(sync.surveys, crm.customers),
    seedEscalations(sync.escalations, crm.customers),
    seedCosts(t0, crm.active),
    seedExecutive(t0, sync),
    insert(
      'feed_sync',
      ['feed', 'synced_at'],
      Object.entries(sync).map(([feed, at]) => [feed, ts(at)])
    ),
    'COMMIT;',
  ];
  return parts.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = process.argv[2] ? Date.parse(process.argv[2]) : Date.now();
  process.stdout.write(seedSql(t0));
}
