/**
 * The link that opens a metric's own query in Grafana's Explore, so an SRE can check the evidence at its source:
 * `/explore?schemaVersion=1&panes={"candor":{datasource, queries:[…], range}}&orgId=1`, the URL state Grafana 10 and
 * later read. Relative to Grafana's root; the panel prefixes Grafana's sub-path.
 */
import { POSTGRES_TYPE, PROMETHEUS_TYPE } from './datasourceTypes';
import type { SourceQuery } from './rows';

export function exploreUrl(query: SourceQuery, range: { from: string; to: string }, orgId = 1): string {
  const datasource = {
    type: query.kind === 'prometheus' ? PROMETHEUS_TYPE : POSTGRES_TYPE,
    uid: query.datasourceUid,
  };
  const model =
    query.kind === 'prometheus'
      ? { refId: 'A', datasource, expr: query.expr ?? '', range: true, editorMode: 'code' }
      : {
          refId: 'A',
          datasource,
          rawSql: query.rawSql ?? '',
          format: query.format ?? 'time_series',
          rawQuery: true,
          editorMode: 'code',
        };
  const panes = { candor: { datasource: datasource.uid, queries: [model], range } };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}&orgId=${orgId}`;
}
