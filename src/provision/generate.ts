/**
 * `candor provision`: every generated file from the approved catalogs. Pure: catalogs in, file contents out; the
 * CLI reads the catalogs and lock files and writes (or compares) the files.
 */
import { generateAlertRules } from './alerting';
import { generateAudienceDashboards } from './audiences';
import type { CatalogInput, GeneratedFile } from './context';
import { generateDashboard, generateDashboardProvider, generatePluginProvisioning } from './dashboard';
import { generateCandorDatasource, generateSourceDatasources } from './datasources';
import { generateMetricsDoc } from './metricsDoc';
import { generateNotifications } from './notifications';
import { generateRecordingRules } from './recording';

export function generateFiles(inputs: CatalogInput[]): GeneratedFile[] {
  if (inputs.length === 0) {
    return [];
  }
  const ids = inputs.map((i) => i.catalog.scorecard.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) {
    throw new Error(`two catalogs share the scorecard id "${dup}": generated file names and uids would collide`);
  }
  const sorted = [...inputs].sort((a, b) => a.file.localeCompare(b.file));
  // A catalog with audiences gets one dashboard per audience in its own folder instead of one in the shared folder.
  const perCatalog = sorted.flatMap((input) => [
    generateCandorDatasource(input),
    ...(input.catalog.audiences?.length ? generateAudienceDashboards(input) : [generateDashboard(input)]),
    generateAlertRules(input),
  ]);
  const shared = [
    generateSourceDatasources(sorted),
    generateDashboardProvider(sorted),
    generatePluginProvisioning(sorted),
    generateNotifications(sorted),
    generateRecordingRules(sorted),
    generateMetricsDoc(sorted),
  ];
  return [...perCatalog, ...shared].sort((a, b) => a.path.localeCompare(b.path));
}
