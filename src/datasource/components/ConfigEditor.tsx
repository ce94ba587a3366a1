import React, { useMemo } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert, Stack, Text } from '@grafana/ui';

import { loadDefinitions } from '../catalog';
import type { Catalog } from '../../core/types';
import type { CandorOptions } from '../types';
import { CatalogView } from './CatalogView';

type Props = DataSourcePluginOptionsEditorProps<CandorOptions>;

/**
 * The config page is read-only: the catalog is provisioned as code (`candor provision`) and changes only through
 * an approved change of the catalog file. It shows the definitions, their version, fingerprint and approval, and
 * every validation problem with its path.
 */
export function ConfigEditor({ options }: Props) {
  const jsonData = options.jsonData;
  const loaded = useMemo(() => loadDefinitions(jsonData), [jsonData]);
  const { catalog, fingerprint, problems, warnings, risks } = loaded;
  const approval = jsonData?.approval;
  return (
    <Stack direction="column" gap={2}>
      <Alert severity="info" title="Provisioned, read-only">
        These definitions are frozen: change them in the catalog file, get the change approved and re-provision.
        Settings of this datasource reach every viewer&apos;s browser, so they hold no secrets: credentials belong to
        the Prometheus and SQL datasources the metrics query.
      </Alert>
      {problems.length > 0 && (
        <Alert severity="error" title={`The catalog has ${problems.length} problem(s)`}>
          <ul data-testid="candor-catalog-problems">
            {problems.map((p) => (
              <li key={`${p.path}: ${p.message}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {warnings.map((w) => (
        <Alert key={w} severity="warning" title="Fingerprint mismatch">
          {w}
        </Alert>
      ))}
      {risks.length > 0 && (
        <Alert severity="warning" title={`${risks.length} risk(s) the catalog does not guard against`}>
          <ul data-testid="candor-catalog-risks">
            {risks.map((p) => (
              <li key={`${p.path}: ${p.message}`}>
                <code>{p.path}</code> ({metricAt(catalog, p.path)}): {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {catalog && fingerprint && (
        <>
          <Text element="h3">
            {catalog.scorecard.title} — version {catalog.scorecard.version}
          </Text>
          <Text color="secondary">
            Fingerprint <code title={fingerprint.full}>{fingerprint.short}</code>
            {approval
              ? ` · approved by ${approval.approvedBy.join(', ')} on ${approval.date} (version ${approval.version})`
              : ' · no approval record provisioned'}
          </Text>
          <CatalogView catalog={catalog} />
        </>
      )}
    </Stack>
  );
}

/** The id of the metric a path such as `metrics[3].freshness` is about. */
function metricAt(catalog: Catalog | undefined, path: string): string {
  const index = /^metrics\[(\d+)\]/.exec(path)?.[1];
  return (index === undefined ? undefined : catalog?.metrics[Number(index)]?.id) ?? 'catalog';
}
