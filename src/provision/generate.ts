/**
 * `candor provision`: every generated file from the approved catalogs. Pure: catalogs in, file contents out; the
 * CLI reads the catalogs and lock files and writes (or compares) the files.
 */
import { generateAlertRules } from './alerting';
import { generateAudienceDashboards } from './audiences';
import { type CatalogInput, DEFAULT_SITE, type GeneratedFile, type Site } from './context';
import { generateDashboard, generateDashboardProvider, generatePluginProvisioning } from './dashboard';
import { generateCandorDatasource, generateSourceDatasources, type SourceOptions } from './datasources';
import { generateMetricsDoc } from './metricsDoc';
import { generateNotifications } from './notifications';
import { generateRecordingRules } from './recording';

/** What `candor provision` generates besides each catalog's own files (candor.config.yaml). */
export interface GenerateOptions {
  site: Site;
  /** Write the source datasources the catalogs name (else Grafana already has them: docs/install.md). */
  sources: boolean;
  /** Authentication and TLS of the generated sources, by uid (datasources.ts SourceOptions). */
  sourceOptions?: Readonly<Record<string, SourceOptions>>;
  /** Write the notification policy tree (it replaces the organisation's: docs/provisioning.md#notifications). */
  notifications: boolean;
}

/** The quickstart's choices: the docker compose Grafana gets its sources and policies from here. */
export const QUICKSTART: GenerateOptions = { site: DEFAULT_SITE, sources: true, notifications: true };

export function generateFiles(inputs: CatalogInput[], options: GenerateOptions = QUICKSTART): GeneratedFile[] {
  const { site } = options;
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
    generateCandorDatasource(input, site),
    ...(input.catalog.audiences?.length ? generateAudienceDashboards(input) : [generateDashboard(input)]),
    generateAlertRules(input, site),
  ]);
  const shared = [
    ...(options.sources ? [generateSourceDatasources(sorted, site, options.sourceOptions)] : []),
    generateDashboardProvider(sorted, site),
    generatePluginProvisioning(sorted, site),
    ...(options.notifications ? [generateNotifications(sorted, site)] : []),
    generateRecordingRules(sorted),
    generateMetricsDoc(sorted),
  ];
  return [...perCatalog, ...shared].sort((a, b) => a.path.localeCompare(b.path));
}
