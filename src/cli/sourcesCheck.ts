/**
 * `candor check --grafana-url URL`: the datasources the catalogs query exist in that Grafana, by uid, with the type
 * each metric's query needs (a Prometheus query sent to a PostgreSQL datasource fails on every refresh). Read with
 * Grafana's datasource API (`GET /api/datasources/uid/:uid`) and a service-account token from CANDOR_GRAFANA_TOKEN
 * (the token's organisation is the one checked). A missing uid or a wrong type is a problem of the check (exit 1);
 * a refused token or an unreachable Grafana stops it (exit 1, one line).
 */
import { sourceRefs } from '../provision/datasources';
import type { Catalog } from '../core/types';
import { CliError, type Io } from './common';
import { grafanaRequest } from './grafanaHttp';

export interface SourcesCheck {
  grafanaUrl: string;
  token: string;
  catalogs: Catalog[];
  io: Io;
}

export async function checkSources({ grafanaUrl, token, catalogs, io }: SourcesCheck): Promise<number> {
  let base: URL;
  try {
    base = new URL(grafanaUrl.endsWith('/') ? grafanaUrl : `${grafanaUrl}/`);
  } catch {
    throw new CliError(`--grafana-url: "${grafanaUrl}" is not a URL`, 2);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new CliError(`--grafana-url: "${grafanaUrl}" is not an http(s) URL`, 2);
  }
  let refs;
  try {
    refs = sourceRefs(catalogs.map((catalog) => ({ catalog })));
  } catch (e) {
    io.err(`datasources: ${(e as Error).message}`);
    return 1;
  }
  let problems = 0;
  for (const ref of refs) {
    const url = new URL(`api/datasources/uid/${encodeURIComponent(ref.uid)}`, base);
    const res = await grafanaRequest({ method: 'GET', url, token });
    if (res.status === 401) {
      throw new CliError(`${base.origin}: the token was refused (HTTP 401): set CANDOR_GRAFANA_TOKEN`, 1);
    }
    if (res.status === 403) {
      throw new CliError(
        `${base.origin}: the token may not read datasources (HTTP 403): give its service account datasources:read`,
        1
      );
    }
    const found = typeof res.body === 'object' && res.body !== null ? (res.body as { type?: unknown }) : undefined;
    if (res.status === 404) {
      problems++;
      io.err(
        `datasource ${ref.uid}: not in Grafana (${base.origin}): create it, or change datasourceUid in the catalog`
      );
    } else if (res.status !== 200) {
      problems++;
      io.err(`datasource ${ref.uid}: Grafana answered HTTP ${res.status}`);
    } else if (typeof found?.type !== 'string') {
      problems++;
      io.err(`datasource ${ref.uid}: ${base.origin} answered something that is not a datasource (is it Grafana?)`);
    } else if (found.type !== ref.type) {
      problems++;
      io.err(`datasource ${ref.uid}: is a ${String(found?.type)} datasource; the catalog's queries need ${ref.type}`);
    } else {
      io.out(`datasource ${ref.uid}: ${ref.type} in Grafana`);
    }
  }
  return problems > 0 ? 1 : 0;
}
