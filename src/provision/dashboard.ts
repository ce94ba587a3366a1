/**
 * The locked executive dashboard of each catalog (a JSON file under dashboards/), the dashboard provider that loads
 * them (`allowUiUpdates: false`, `disableDeletion: true`, a dedicated folder), and the app's plugin provisioning.
 *
 * Dashboard JSON cannot carry comments: the "generated" header is the dashboard's `description` (a field Grafana
 * keeps and shows in the dashboard settings). Grafana does not expand environment variables in dashboard files.
 */
import {
  APP_ID,
  type CatalogInput,
  candorDatasourceUid,
  dashboardUid,
  DATASOURCE_TYPE,
  FOLDER_TITLE,
  FOLDER_UID,
  generatedHeader,
  type GeneratedFile,
  PANEL_TYPE,
  DEFAULT_SITE,
  type Site,
} from './context';
import { audienceHeader, audienceProviders } from './audiences';
import { toYaml } from './yaml';

export const DASHBOARD_REFRESH = '5m';
/** Dashboard JSON schema version written; Grafana 12.3+ migrates it forward on load. */
export const SCHEMA_VERSION = 41;

/** What one dashboard shows: the whole scorecard, or an audience's pillars (audiences.ts). */
export interface DashboardView {
  uid: string;
  title: string;
  /** The panel query: pillars selected, and whether the summary is shown above them. */
  query?: { pillars?: string[]; summary?: boolean };
  tags?: string[];
}

export function dashboardJson(input: CatalogInput, view?: DashboardView): Record<string, unknown> {
  const { catalog, approval } = input;
  const datasource = { type: DATASOURCE_TYPE, uid: candorDatasourceUid(catalog) };
  return {
    uid: view?.uid ?? dashboardUid(catalog),
    title: view?.title ?? catalog.scorecard.title,
    description: generatedHeader([input]).join(' '),
    tags: ['candor', 'executive-scorecard', ...(view?.tags ?? [])],
    editable: false,
    graphTooltip: 0,
    liveNow: false,
    refresh: DASHBOARD_REFRESH,
    time: { from: 'now-7d', to: 'now' },
    timepicker: {},
    timezone: 'utc',
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    annotations: { list: [] },
    templating: { list: [] },
    links: [],
    panels: [
      {
        id: 1,
        type: PANEL_TYPE,
        title: '',
        // 27 rows of 30 px plus 8 px gaps = 1018 px: one 1080p screen in kiosk mode, without scrolling.
        gridPos: { h: 27, w: 24, x: 0, y: 0 },
        datasource,
        targets: [{ refId: 'A', ...(view?.query ?? {}) }],
        options: { approvedFingerprint: approval.fingerprint },
        fieldConfig: { defaults: {}, overrides: [] },
      },
    ],
  };
}

export function generateDashboard(input: CatalogInput): GeneratedFile {
  return {
    path: `dashboards/${input.catalog.scorecard.id}.json`,
    content: `${JSON.stringify(dashboardJson(input), null, 2)}\n`,
  };
}

export function dashboardProvider(inputs: CatalogInput[] = [], site: Site = DEFAULT_SITE): Record<string, unknown> {
  return {
    apiVersion: 1,
    providers: [
      {
        name: 'candor',
        orgId: site.orgId,
        type: 'file',
        folder: FOLDER_TITLE,
        folderUid: FOLDER_UID,
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: site.dashboardsPath, foldersFromFilesStructure: false },
      },
      ...audienceProviders(inputs, site),
    ],
  };
}

export function generateDashboardProvider(inputs: CatalogInput[], site: Site = DEFAULT_SITE): GeneratedFile {
  const header = [
    ...generatedHeader(inputs),
    '',
    `Loads the dashboard files (mounted at ${site.dashboardsPath}) into the folder "${FOLDER_TITLE}" (uid ${FOLDER_UID}):`,
    'no UI changes are saved and the dashboards cannot be deleted. Folder permissions: `candor lock`.',
    ...audienceHeader(inputs),
  ];
  return { path: 'provisioning/dashboards/candor.yaml', content: toYaml(dashboardProvider(inputs, site), header) };
}

export function generatePluginProvisioning(inputs: CatalogInput[], site: Site = DEFAULT_SITE): GeneratedFile {
  const header = [
    ...generatedHeader(inputs),
    '',
    `Enables the Candor app (and with it the bundled panel and datasource) in organisation ${site.orgId}.`,
  ];
  return {
    path: 'provisioning/plugins/candor.yaml',
    content: toYaml({ apiVersion: 1, apps: [{ type: APP_ID, org_id: site.orgId, disabled: false }] }, header),
  };
}
