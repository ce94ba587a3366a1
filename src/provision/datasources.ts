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
import { own } from '../core/own';

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

/**
 * How a generated source authenticates beyond its URL (candor.config.yaml `sourceOptions`), chosen when the file is
 * generated: Grafana cannot turn a setting on from an empty environment variable, so each one is asked for by name.
 *   basicAuth: Prometheus behind basic auth       <PREFIX>_BASIC_AUTH_USER, <PREFIX>_BASIC_AUTH_PASSWORD
 *   tls: ca      the server's certificate is checked against this CA      <PREFIX>_TLS_CA_CERT (PEM)
 *   tls: client  and the datasource shows its own certificate              + <PREFIX>_TLS_CLIENT_CERT, _TLS_CLIENT_KEY
 */
export interface SourceOptions {
  basicAuth?: boolean;
  tls?: 'ca' | 'client';
}

/** The TLS settings of a generated source: Prometheus' HTTP client or PostgreSQL's file-content certificates. */
function tlsSettings(ref: SourceRef, p: string, tls: SourceOptions['tls']) {
  if (!tls) {
    return { jsonData: {}, secureJsonData: {} };
  }
  const client = tls === 'client';
  const secureJsonData = {
    tlsCACert: env(`${p}_TLS_CA_CERT`),
    ...(client ? { tlsClientCert: env(`${p}_TLS_CLIENT_CERT`), tlsClientKey: env(`${p}_TLS_CLIENT_KEY`) } : {}),
  };
  const jsonData =
    ref.type === PROMETHEUS_TYPE
      ? { tlsAuthWithCACert: true, ...(client ? { tlsAuth: true } : {}) }
      : { tlsConfigurationMethod: 'file-content' };
  return { jsonData, secureJsonData };
}

function sourceDatasource(ref: SourceRef, site: Site, options: SourceOptions = {}): Record<string, unknown> {
  const p = envPrefix(ref.uid);
  const common = { name: ref.uid, uid: ref.uid, type: ref.type, access: 'proxy', orgId: site.orgId, editable: false };
  const tls = tlsSettings(ref, p, options.tls);
  const secure = (values: Record<string, string>) => (Object.keys(values).length > 0 ? { secureJsonData: values } : {});
  if (ref.type === PROMETHEUS_TYPE) {
    const basic = options.basicAuth ? { basicAuth: true, basicAuthUser: env(`${p}_BASIC_AUTH_USER`) } : {};
    return {
      ...common,
      url: env(`${p}_URL`),
      ...basic,
      jsonData: { httpMethod: 'POST', timeInterval: '15s', ...tls.jsonData },
      ...secure({
        ...(options.basicAuth ? { basicAuthPassword: env(`${p}_BASIC_AUTH_PASSWORD`) } : {}),
        ...tls.secureJsonData,
      }),
    };
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
      ...tls.jsonData,
    },
    secureJsonData: { password: env(`${p}_PASSWORD`), ...tls.secureJsonData },
  };
}

/** The environment variables a generated source reads, for its header and docs/install.md. */
export function sourceVariables(ref: SourceRef, options: SourceOptions = {}): string[] {
  const p = envPrefix(ref.uid);
  const base = ref.type === PROMETHEUS_TYPE ? ['URL'] : ['HOST', 'DATABASE', 'USER', 'PASSWORD', 'SSLMODE'];
  const basic = ref.type === PROMETHEUS_TYPE && options.basicAuth ? ['BASIC_AUTH_USER', 'BASIC_AUTH_PASSWORD'] : [];
  const tls = options.tls
    ? ['TLS_CA_CERT', ...(options.tls === 'client' ? ['TLS_CLIENT_CERT', 'TLS_CLIENT_KEY'] : [])]
    : [];
  return [...base, ...basic, ...tls].map((k) => `${p}_${k}`);
}

/** The source datasources of all catalogs, in one file (two catalogs may share one). */
export function generateSourceDatasources(
  inputs: CatalogInput[],
  site: Site = DEFAULT_SITE,
  options: Readonly<Record<string, SourceOptions>> = {}
): GeneratedFile {
  const refs = sourceRefs(inputs);
  const header = [
    ...generatedHeader(inputs),
    '',
    'Source datasources read by the catalogs and by the generated alert rules. Connection settings are expanded by',
    'Grafana from environment variables (docs/provisioning.md#source-datasources):',
    ...refs.map((r) => `  ${r.uid}: ${sourceVariables(r, own(options, r.uid)).join(', ')}`),
    'The PostgreSQL user must be read-only (docs/demo-schema.md#access-read-only).',
  ];
  return {
    path: 'provisioning/datasources/candor-sources.yaml',
    content: toYaml(
      { apiVersion: 1, datasources: refs.map((r) => sourceDatasource(r, site, own(options, r.uid))) },
      header
    ),
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
