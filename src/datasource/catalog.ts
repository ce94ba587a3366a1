import { fingerprint, type Fingerprint } from '../core/fingerprint';
import { catalogWarnings } from '../core/freshness';
import type { Catalog, Problem } from '../core/types';
import { validateCatalog } from '../core/validate';
import type { CandorOptions } from './types';

export interface LoadedDefinitions {
  catalog?: Catalog;
  fingerprint?: Fingerprint;
  problems: Problem[];
  /** Facts worth a notice that do not stop the scorecard (e.g. the provisioned fingerprint is stale). */
  warnings: string[];
  /** Risks the valid catalog does not guard against (`candor validate` warns of them too); for the settings page. */
  risks: Problem[];
}

/** The catalog provisioned in jsonData, validated with the same rules as `candor validate`. */
export function loadDefinitions(jsonData: CandorOptions | undefined): LoadedDefinitions {
  if (!jsonData?.catalog) {
    return {
      problems: [
        {
          path: 'jsonData.catalog',
          message: 'no catalog is provisioned for this datasource (see docs/provisioning.md)',
        },
      ],
      warnings: [],
      risks: [],
    };
  }
  const { catalog, problems } = validateCatalog(jsonData.catalog);
  const fp = fingerprint(jsonData.catalog);
  const warnings =
    jsonData.fingerprint && jsonData.fingerprint !== fp.full
      ? [
          `the provisioned fingerprint ${jsonData.fingerprint.slice(0, 12)} does not match the catalog (${fp.short}): the definitions changed after provisioning`,
        ]
      : [];
  return { catalog, fingerprint: fp, problems, warnings, risks: catalog ? catalogWarnings(catalog) : [] };
}
