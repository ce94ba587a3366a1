/**
 * The contract between datasource and panel: the real CandorDatasource (default catalog, Grafana services installed
 * through @grafana/runtime's setters) answers a refresh, and the panel renders exactly the colours and states its
 * frame says, for every metric item.
 */
import type { DataFrame } from '@grafana/data';
import { screen } from '@testing-library/react';

import { CandorDatasource } from '../../datasource/datasource';
import {
  createRequest,
  createSettings,
  installBackend,
  installDatasources,
  installTemplates,
  loadFrameJson,
  seriesFrameJson,
  TO,
} from '../../datasource/testing/services';
import { renderPanel } from '../testing/render';
import { TEST_IDS } from '../testIds';

const series = seriesFrameJson;

describe('datasource -> panel', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(TO);
    installTemplates({});
    installDatasources({ 'candor-prometheus': 'Prometheus', 'candor-postgres': 'PostgreSQL' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('renders every item of a real refresh with the colour and state of its row', async () => {
    installBackend(() => ({
      results: {
        'uptime-slo': { status: 200, frames: [series('uptime-slo', [0.9991, 0.9995], TO - 60_000)] },
        'error-rate': { status: 200, frames: [series('error-rate', [0.002, 0.005], TO - 60_000)] },
        nps: { status: 200, frames: [series('nps', [45, 47], TO - 3 * 86_400_000)] },
        'nps.freshness': { status: 200, frames: [loadFrameJson('nps.freshness', TO - 60_000)] },
        mttr: { status: 400, error: 'pq: relation "incidents" does not exist' },
      },
    }));
    const [frame] = (await new CandorDatasource(createSettings()).query(createRequest())).data as DataFrame[];
    const col = (name: string) => frame.fields.find((f) => f.name === name)!.values as string[];
    renderPanel({ series: [frame] });
    const rendered = screen.getAllByTestId(TEST_IDS.metric);
    expect(rendered).toHaveLength(col('metric_id').length);
    for (const [i, id] of col('metric_id').entries()) {
      const el = rendered.find((e) => e.dataset.metricId === id && (e.dataset.item ?? '') === col('item')[i]);
      expect([id, el?.dataset.status, el?.dataset.state]).toEqual([id, col('colour')[i], col('status')[i]]);
    }
    const states = Object.fromEntries(rendered.map((e) => [e.dataset.metricId, e.dataset.state]));
    expect(states).toMatchObject({
      'uptime-slo': 'green',
      'error-rate': 'amber',
      nps: 'stale',
      mttr: 'error',
      'churn-rate': 'noData',
    });
    expect(screen.getByTestId(TEST_IDS.header).dataset.status).toBe('red');
  });
});
