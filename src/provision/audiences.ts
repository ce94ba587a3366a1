/**
 * Audiences (catalog `audiences:`, docs/catalog.md "Audiences"): Grafana OSS has no per-panel permissions, so each
 * audience gets its own locked dashboard in its own folder, and `candor lock --audiences` gives the audience's
 * Grafana teams View on that folder (and nobody else but the platform team). For a catalog with audiences:
 *   - the first audience that sees every pillar is the scorecard's own dashboard (uid `candor-<scorecard id>`, the
 *     one alert rules link to); validation requires one;
 *   - each audience: provisioning/audience-dashboards/<scorecard id>/<audience id>/<audience id>.json, loaded by its
 *     own dashboard provider (whose path is that folder: Grafana's file provider reads a directory) into the folder
 *     "<scorecard title> · <audience title>" (uid from audienceFolderUid);
 *   - the catalog gets no dashboard in the shared Candor folder, which every Viewer may see.
 * What this protects: which dashboards a team sees in Grafana. What it does not: a viewer allowed to query a source
 * datasource can still query it directly (datasource permissions are a Grafana Enterprise feature), and the Candor
 * datasource answers any pillar it is asked for.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

import type { Audience, Catalog } from '../core/types';
import { type CatalogInput, dashboardUid, DEFAULT_SITE, type GeneratedFile, type Site } from './context';
import { dashboardJson } from './dashboard';

/** Where the compose Grafana sees provisioning/ (docker-compose.yml mounts it read-only). */
export const AUDIENCE_DIR = 'provisioning/audience-dashboards';

const short = (text: string) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);

/** Stable, at most 40 characters (Grafana's limit), unique per scorecard and audience. */
export const audienceFolderUid = (c: Catalog, a: Audience) => `candor-f-${short(`${c.scorecard.id}/${a.id}`)}`;

const seesEverything = (a: Audience) => a.pillars === undefined;

/** The dashboard uid of an audience: the scorecard's own for the first audience that sees every pillar. */
export function audienceDashboardUid(c: Catalog, a: Audience): string {
  const main = (c.audiences ?? []).find(seesEverything);
  return main?.id === a.id ? dashboardUid(c) : `candor-d-${short(`${c.scorecard.id}/${a.id}`)}`;
}

export const audienceFolderTitle = (c: Catalog, a: Audience) => `${c.scorecard.title} · ${a.title}`;

/** What an audience's dashboard queries: every pillar, or its pillars with the summary unless it opts out. */
export const audienceSelection = (a: Audience): { pillars?: string[]; summary?: boolean } =>
  seesEverything(a) ? {} : { pillars: a.pillars, ...(a.summary === false ? {} : { summary: true }) };

export function generateAudienceDashboards(input: CatalogInput): GeneratedFile[] {
  const c = input.catalog;
  return (c.audiences ?? []).map((a) => {
    const query = audienceSelection(a);
    const json = dashboardJson(input, {
      uid: audienceDashboardUid(c, a),
      title: `${c.scorecard.title} — ${a.title}`,
      query,
      tags: [`audience:${a.id}`],
    });
    return {
      path: `${AUDIENCE_DIR}/${c.scorecard.id}/${a.id}/${a.id}.json`,
      content: `${JSON.stringify(json, null, 2)}\n`,
    };
  });
}

/** One dashboard provider per audience: its own folder, locked like the Candor folder. */
export function audienceProviders(inputs: CatalogInput[], site: Site = DEFAULT_SITE): Array<Record<string, unknown>> {
  return inputs.flatMap(({ catalog: c }) =>
    (c.audiences ?? []).map((a) => ({
      // Unique whatever the ids (scorecard a-b with audience c, a with b-c): named by the folder's uid.
      name: audienceFolderUid(c, a),
      orgId: site.orgId,
      type: 'file',
      folder: audienceFolderTitle(c, a),
      folderUid: audienceFolderUid(c, a),
      disableDeletion: true,
      allowUiUpdates: false,
      updateIntervalSeconds: 60,
      options: { path: `${site.audienceDashboardsPath}/${c.scorecard.id}/${a.id}`, foldersFromFilesStructure: false },
    }))
  );
}

/** The header lines naming the audience folders, for the provider file. */
export function audienceHeader(inputs: CatalogInput[]): string[] {
  const lines = inputs.flatMap(({ catalog: c }) =>
    (c.audiences ?? []).map(
      (a) =>
        `  "${audienceFolderTitle(c, a)}" (uid ${audienceFolderUid(c, a)}): teams ${(a.teams ?? []).join(', ') || 'none'}`
    )
  );
  return lines.length === 0
    ? []
    : [
        '',
        'Audience folders (docs/catalog.md "Audiences"; `candor lock --audiences` gives each its teams View):',
        ...lines,
      ];
}
