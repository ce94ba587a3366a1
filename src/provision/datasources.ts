/**
 * Datasource provisioning (Grafana `apiVersion: 1`): the Candor datasource of each catalog, carrying the catalog and
 * its approval record in jsonData, and the SOURCE datasources the catalogs query. Connection settings of the
 * sources come from environment variables named after the uid (`candor-postgres` -> `CANDOR_POSTGRES_HOST`, …), so
 * no address or secret is committed; docker-compose.yml sets them for the quickstart.
 */
import { describeApproval } from '../core/approval';
import { POSTGRES_TYPE, PROMETHEUS_TYPE } from '../core/queries';
import { isPrometheus } from '../core/types';
import {
  type CatalogInput,
  candorDatasourceUid,
  DATASOURCE_TYPE,
  generatedHeader,
  type GeneratedFile,
  DEFAULT_SITE,
  type Site,
} from './context';
import { escapeDollars, escapeStrings } from './escape';
import { toYaml } from './yaml';

/** `candor-postgres` -> `CANDOR_POSTGRES`: the prefix of a source's environment variables. */
export function envPrefix(uid: string): string {
  return uid.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export interface SourceRef {
  uid: string;
  type: typeof PROMETHEUS_TYPE | typeof POSTGRES_TYPE;
}

/** Every source datasource the catalogs reference, by uid; a uid used with two source kinds is an error. */
export function sourceRefs(inputs: Array<Pick<CatalogInput, 'catalog'>>): SourceRef[] {
  const byUid = new Map<string, SourceRef>();
  for (const { catalog } of inputs) {
    for (const m of catalog.metrics) {
      const ref: SourceRef = isPrometheus(m.source)
        ? { uid: m.source.prometheus.datasourceUid, type: PROMETHEUS_TYPE }
        : { uid: m.source.sql.datasourceUid, type: POSTGRES_TYPE };
      const known = byUid.get(ref.uid);
      if (known && known.type !== ref.type) {
        throw new Error(`datasource uid "${ref.uid}" is used both as ${known.type} and as ${ref.type}`);
      }
      byUid.set(ref.uid, ref);
    }
  }
  return [...byUid.values()].sort((a, b) => a.uid.localeCompare(b.uid));
}

/** `$NAME` on purpose: these strings are meant to be expanded by Grafana. */
const env = (name: string) => `$${name}`;

function sourceDatasource(ref: SourceRef, site: Site): Record<string, unknown> {
  const p = envPrefix(ref.uid);
  const common = { name: ref.uid, uid: ref.uid, type: ref.type, access: 'proxy', orgId: site.orgId, editable: false };
  if (ref.type === PROMETHEUS_TYPE) {
    return { ...common, url: env(`${p}_URL`), jsonData: { httpMethod: 'POST', timeInterval: '15s' } };
  }
  return {
    ...common,
    url: env(`${p}_HOST`),
    user: env(`${p}_USER`),
    jsonData: {
      database: env(`${p}_DATABASE`),
      sslmode: env(`${p}_SSLMODE`),
      postgresVersion: 1500,
      timescaledb: false,
      maxOpenConns: 10,
      maxIdleConnsAuto: true,
      connMaxLifetime: 14400,
    },
    secureJsonData: { password: env(`${p}_PASSWORD`) },
  };
}

/** The source datasources of all catalogs, in one file (two catalogs may share one). */
export function generateSourceDatasources(inputs: CatalogInput[], site: Site = DEFAULT_SITE): GeneratedFile {
  const refs = sourceRefs(inputs);
  const header = [
    ...generatedHeader(inputs),
    '',
    'Source datasources read by the catalogs and by the generated alert rules. Connection settings are expanded by',
    'Grafana from environment variables (docs/provisioning.md#source-datasources):',
    ...refs.map((r) =>
      r.type === PROMETHEUS_TYPE
        ? `  ${r.uid}: ${envPrefix(r.uid)}_URL`
        : `  ${r.uid}: ${['HOST', 'DATABASE', 'USER', 'PASSWORD', 'SSLMODE'].map((k) => `${envPrefix(r.uid)}_${k}`).join(', ')}`
    ),
    'The PostgreSQL user must be read-only (docs/demo-schema.md#access-read-only).',
  ];
  return {
    path: 'provisioning/datasources/candor-sources.yaml',
    content: toYaml({ apiVersion: 1, datasources: refs.map((r) => sourceDatasource(r, site)) }, header),
  };
}

/** What the browser gets of an approval: the record and how it stands, never the signature block itself. */
export function provisionedApproval(approval: CatalogInput['approval']) {
  const { standing, text } = describeApproval(approval);
  return {
    version: approval.version,
    fingerprint: approval.fingerprint,
    approvedBy: approval.approvedBy,
    date: approval.date,
    standing,
    text,
  };
}

/**
 * The Candor datasource of one catalog. Every string of the catalog is written with `$` doubled: Grafana expands
 * jsonData, and `$$` gives back exactly one `$`, so `$__timeFrom()` reaches the datasource as the catalog says.
 */
export function candorDatasource(input: CatalogInput, site: Site = DEFAULT_SITE): Record<string, unknown> {
  const { catalog, data, approval } = input;
  return {
    name: escapeDollars(`Candor ${catalog.scorecard.id}`),
    uid: candorDatasourceUid(catalog),
    type: DATASOURCE_TYPE,
    orgId: site.orgId,
    editable: false,
    isDefault: false,
    jsonData: {
      catalog: escapeStrings(data),
      catalogVersion: escapeDollars(catalog.scorecard.version),
      fingerprint: approval.fingerprint,
      approval: escapeStrings(provisionedApproval(approval)),
    },
  };
}

export function generateCandorDatasource(input: CatalogInput, site: Site = DEFAULT_SITE): GeneratedFile {
  return {
    path: `provisioning/datasources/candor-${input.catalog.scorecard.id}.yaml`,
    content: toYaml({ apiVersion: 1, datasources: [candorDatasource(input, site)] }, generatedHeader([input])),
  };
}
