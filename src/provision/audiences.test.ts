import { parse } from 'yaml';

import { createCatalog, createMetric, createPillar } from '../core/testing/factories';
import type { Catalog } from '../core/types';
import { audienceDashboardUid, audienceFolderUid } from './audiences';
import { dashboardUid } from './context';
import { generateFiles } from './generate';
import { inputOf } from './testing';

function exec(): Catalog {
  return createCatalog({
    scorecard: { id: 'executive-performance', title: 'Executive Performance', version: '1', summary: ['uptime'] },
    pillars: [createPillar(), createPillar({ id: 'finance', title: 'Finance', question: 'Growing?', order: 2 })],
    metrics: [createMetric(), createMetric({ id: 'arr', pillar: 'finance', name: 'ARR' })],
    audiences: [
      { id: 'executive', title: 'Executives', teams: ['Executives'] },
      { id: 'board', title: 'Board', pillars: ['finance'], teams: ['Board'] },
      { id: 'customer-success', title: 'Customer Success', pillars: ['reliability'], summary: false },
    ],
  });
}

describe('audiences: one locked dashboard per audience, in its own folder', () => {
  const catalog = exec();
  const files = generateFiles([inputOf(catalog)]);
  const dashboard = (id: string) =>
    JSON.parse(
      files.find((f) => f.path === `provisioning/audience-dashboards/executive-performance/${id}/${id}.json`)!.content
    );

  it('writes one dashboard per audience and none in the shared Candor folder', () => {
    expect(files.map((f) => f.path).filter((p) => p.endsWith('.json'))).toEqual([
      'provisioning/audience-dashboards/executive-performance/board/board.json',
      'provisioning/audience-dashboards/executive-performance/customer-success/customer-success.json',
      'provisioning/audience-dashboards/executive-performance/executive/executive.json',
    ]);
  });

  it('selects the audience’s pillars and the summary, and gives the everything view the scorecard’s own uid', () => {
    expect(dashboard('executive').uid).toBe(dashboardUid(catalog));
    expect(dashboard('executive').panels[0].targets).toEqual([{ refId: 'A' }]);
    expect(dashboard('board').panels[0].targets).toEqual([{ refId: 'A', pillars: ['finance'], summary: true }]);
    expect(dashboard('customer-success').panels[0].targets).toEqual([{ refId: 'A', pillars: ['reliability'] }]);
    expect(dashboard('board').editable).toBe(false);
    expect(dashboard('board').title).toBe('Executive Performance — Board');
  });

  it('loads each audience from its own folder, with uids within Grafana’s 40 characters', () => {
    const providers = parse(files.find((f) => f.path === 'provisioning/dashboards/candor.yaml')!.content).providers;
    const board = providers.find((p: { folder: string }) => p.folder === 'Executive Performance · Board');
    expect(board).toMatchObject({
      folder: 'Executive Performance · Board',
      folderUid: audienceFolderUid(catalog, catalog.audiences![1]),
      allowUiUpdates: false,
      disableDeletion: true,
      options: { path: '/etc/grafana/provisioning/audience-dashboards/executive-performance/board' },
    });
    // Grafana's file provider reads every dashboard in the directory its path names: each audience's file lies in
    // its provider's directory (provisioning/ is mounted at /etc/grafana/provisioning), and in no other's.
    const mounted = (p: string) => `/etc/grafana/${p}`;
    for (const a of catalog.audiences!) {
      const file = files.find((f) => f.path.endsWith(`/${a.id}/${a.id}.json`))!;
      const owners = providers.filter((p: { options: { path: string } }) =>
        mounted(file.path).startsWith(`${p.options.path}/`)
      );
      expect(owners.map((p: { folderUid: string }) => p.folderUid)).toEqual([audienceFolderUid(catalog, a)]);
    }
    expect(new Set(providers.map((p: { name: string }) => p.name)).size).toBe(providers.length);
    for (const a of catalog.audiences!) {
      expect(audienceFolderUid(catalog, a).length).toBeLessThanOrEqual(40);
      expect(audienceDashboardUid(catalog, a).length).toBeLessThanOrEqual(40);
    }
    expect(new Set(catalog.audiences!.map((a) => audienceFolderUid(catalog, a))).size).toBe(3);
  });
});
