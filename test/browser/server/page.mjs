// The harness page: Grafana's boot data, then SystemJS + its AMD extra, then the host bundle.
// Everything the page knows comes from the project's own provisioning: the datasources of
// provisioning/datasources/*.yaml (as Grafana lists them in its boot data) and the Candor panel of the provisioned
// dashboard: the one `/d/<uid>` or `/d-solo/<uid>` names (dashboards/*.json or provisioning/audience-dashboards/),
// else dashboards/platform-scorecard.json.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// TypeScript from the project (the server runs with `node --import tsx`): Grafana's expansion of provisioned values.
import { expandAllLikeGrafana } from '../../../src/provision/escape.ts';
import { validateCatalog } from '../../../src/core/validate.ts';
import { buildRequests } from '../../../src/core/queries.ts';
import { hostileCatalog } from '../hostile/corpus.mjs';
import { APP_ID, ROOT } from './paths.mjs';

const GRAFANA_VERSION = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/@grafana/runtime/package.json'), 'utf8')
).version;
const PLUGIN_BASE = `/public/plugins/${APP_ID}/`;

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** Plugin meta as Grafana's boot data carries it for a datasource type. */
function metaOf(type) {
  const nested = { 'candor-scorecard-datasource': 'datasource' }[type];
  if (nested) {
    const manifest = readJson(`dist/${nested}/plugin.json`);
    return {
      ...manifest,
      baseUrl: `public/plugins/${APP_ID}/${nested}`,
      module: `public/plugins/${APP_ID}/${nested}/module.js`,
    };
  }
  return { id: type, type: 'datasource', name: type, info: { logos: {} }, module: `core:plugin/${type}`, baseUrl: '' };
}

/**
 * Datasources provisioned for Grafana, as instance settings (secrets and connection settings left out). Grafana
 * expands `$NAME` and reads `$$` as `$` in datasource fields and jsonData (docs/provisioning.md, "Dollar signs");
 * here with no environment variables set, as only the Candor datasource's jsonData reaches the browser.
 */
export function provisionedDatasources() {
  const dir = path.join(ROOT, 'provisioning/datasources');
  const list = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => expandAllLikeGrafana(parse(fs.readFileSync(path.join(dir, f), 'utf8')).datasources ?? []));
  return list.map((ds, i) => ({
    id: i + 1,
    uid: ds.uid,
    name: ds.name,
    type: ds.type,
    access: ds.access ?? 'proxy',
    isDefault: Boolean(ds.isDefault),
    readOnly: ds.editable === false,
    meta: metaOf(ds.type),
    // Only the Candor datasource's jsonData is read in the browser; the sources' settings stay on the server.
    jsonData: ds.type === 'candor-scorecard-datasource' ? ds.jsonData : {},
  }));
}

/** The default page's dashboard: the platform scorecard. */
export const DEFAULT_DASHBOARD_UID = 'candor-platform-scorecard';

/** Every provisioned dashboard file: dashboards/*.json and the audience dashboards (provisioning/audience-dashboards). */
export function dashboardFiles() {
  const walk = (rel) =>
    fs.existsSync(path.join(ROOT, rel))
      ? fs
          .readdirSync(path.join(ROOT, rel), { withFileTypes: true })
          .flatMap((e) =>
            e.isDirectory() ? walk(`${rel}/${e.name}`) : e.name.endsWith('.json') ? [`${rel}/${e.name}`] : []
          )
      : [];
  return [...walk('dashboards'), ...walk('provisioning/audience-dashboards')].sort();
}

/** The dashboard with this uid (`/d/<uid>`, `/d-solo/<uid>`), else the platform scorecard's. */
function dashboardByUid(uid) {
  const files = dashboardFiles().map((file) => ({ file, json: readJson(file) }));
  return files.find((f) => f.json.uid === uid) ?? files.find((f) => f.json.uid === DEFAULT_DASHBOARD_UID) ?? files[0];
}

/** The Candor panel of a provisioned dashboard (by uid), with the dashboard's time and time zone. */
export function provisionedDashboard(uid = DEFAULT_DASHBOARD_UID) {
  const { file, json: dashboard } = dashboardByUid(uid);
  const panel = dashboard.panels.find((p) => p.type === 'candor-scorecard-panel');
  if (!panel) {
    throw new Error(`${file} has no candor-scorecard-panel`);
  }
  return {
    dashboardUid: dashboard.uid,
    panel: { ...panel, fieldConfig: panel.fieldConfig ?? { defaults: {}, overrides: [] } },
    time: dashboard.time,
    timezone: dashboard.timezone || 'browser',
  };
}

/** The signed-in user: a Viewer by default (the executive); `role=Editor` for tests that record an action. */
function user(role, theme) {
  const editor = role === 'Editor';
  return {
    id: editor ? 2 : 1,
    login: editor ? 'editor' : 'viewer',
    name: editor ? 'Platform Editor' : 'Executive Viewer',
    orgId: 1,
    orgRole: editor ? 'Editor' : 'Viewer',
    isSignedIn: true,
    theme,
    timezone: 'utc',
    weekStart: 'monday',
    locale: 'en-US',
    language: 'en-US',
    regionalFormat: 'en-US',
    permissions: editor ? { 'annotations:create': true, 'annotations:write': true } : {},
  };
}

function bootData({ theme, origin, datasources, role }) {
  return {
    settings: {
      appUrl: `${origin}/`,
      appSubUrl: '',
      buildInfo: { version: GRAFANA_VERSION, commit: 'harness', env: 'production', edition: 'Open Source' },
      datasources: Object.fromEntries(datasources.map((ds) => [ds.name, ds])),
      defaultDatasource: datasources.find((ds) => ds.isDefault)?.name ?? '',
      featureToggles: {},
      panels: {},
      bootData: undefined,
    },
    user: user(role, theme),
    navTree: [],
    assets: { dark: '', light: '' },
  };
}

/**
 * `?view=diy`: the do-it-yourself dashboard for the same catalog, one Stat panel per active metric, each with its
 * own request (Grafana sends one per panel), built by the datasource's own query builder (core/queries.ts).
 */
function diyPanels(dashboard, datasources, fixtureAsOf) {
  const candor = datasources.find((ds) => ds.uid === dashboard.panel.datasource.uid);
  const { catalog } = validateCatalog(candor.jsonData.catalog);
  if (!catalog) {
    throw new Error(`harness: the catalog of ${candor.uid} is not valid`);
  }
  const asOf = fixtureAsOf ? Date.parse(fixtureAsOf) : Date.now();
  return catalog.metrics
    .filter((m) => !m.retired)
    .map((m) => ({ title: m.label ?? m.name, unit: m.unit, body: diyBody(m, asOf) }));
}

/** A Stat panel's request: the metric's own query only (a hand-built dashboard has no freshness query). */
function diyBody(m, asOf) {
  const [body] = buildRequests([m], asOf, (t) => t);
  return { ...body, queries: body.queries.slice(0, 1) };
}

const script = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderPage({ url, origin, fixtureAsOf, liveAvailable }) {
  const theme = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
  const data = url.searchParams.get('data');
  const datasources = provisionedDatasources().map((ds) =>
    ds.type === 'candor-scorecard-datasource' && (data === 'hostile' || data === 'hostile-links')
      ? {
          ...ds,
          jsonData: {
            ...ds.jsonData,
            catalog: hostileCatalog(ds.jsonData.catalog, { unsafeLinks: data === 'hostile-links' }),
          },
        }
      : ds
  );
  const dashboard = provisionedDashboard(/^\/d(-solo)?\/([^/]+)/.exec(url.pathname)?.[2] ?? DEFAULT_DASHBOARD_UID);
  const harness = {
    appId: APP_ID,
    pluginBase: PLUGIN_BASE,
    modules: { app: 'module.js', datasource: 'datasource/module.js', panel: 'panel/module.js' },
    dashboard,
    datasources,
    defaultData: liveAvailable ? 'live' : 'fixture',
    fixtureAsOf,
    ...(url.searchParams.get('view') === 'diy'
      ? { diy: diyPanels(dashboard, datasources, data === 'fixture' || !liveAvailable ? fixtureAsOf : undefined) }
      : {}),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Candor scorecard (harness)</title>
<link rel="icon" href="${PLUGIN_BASE}img/logo.svg">
<link rel="stylesheet" href="/harness/host/main.css">
<!-- Grafana's own stylesheet resets the body margin; GlobalStyles does not. -->
<style>html, body { margin: 0; }</style>
<script>
window.grafanaBootData = ${script(bootData({ theme, origin, datasources, role: url.searchParams.get('role') }))};
window.__grafana_public_path__ = '/public/';
window.__candorHarness = ${script(harness)};
</script>
<script src="/harness/vendor/systemjs/system.js"></script>
<script src="/harness/vendor/systemjs/extras/amd.js"></script>
<script type="module" src="/harness/host/main.js"></script>
</head>
<body>
<div id="reactRoot"></div>
</body>
</html>
`;
}
