import React from 'react';
import { render, screen, within } from '@testing-library/react';

import type { Catalog } from '../../core/types';
import { createSettings, DEFAULT_CATALOG } from '../testing/services';
import type { CandorOptions } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Props = React.ComponentProps<typeof ConfigEditor>;

const catalog = DEFAULT_CATALOG as Catalog;
const props = (jsonData: Partial<CandorOptions>): Props =>
  ({ options: { jsonData: createSettings(jsonData).jsonData }, onOptionsChange: jest.fn() }) as unknown as Props;

describe('ConfigEditor', () => {
  it('shows the frozen catalog read-only: pillars, metrics, owners, queries, thresholds, version, fingerprint', () => {
    render(
      <ConfigEditor
        {...props({ approval: { version: '2026.12.4', fingerprint: 'x', approvedBy: ['CTO'], date: '2026-11-20' } })}
      />
    );
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(
      `LocalizeVideos Executive Platform Scorecard — version ${(DEFAULT_CATALOG as Catalog).scorecard.version}`
    );
    expect(screen.getByText(/approved by CTO on 2026-11-20/)).toBeInTheDocument();
    expect(screen.getByText(/reach every viewer's browser/)).toBeInTheDocument();
    const uptime = document.querySelector('[data-metric-id="uptime-slo"]') as HTMLElement;
    expect(within(uptime).getByText('Head of SRE')).toBeInTheDocument();
    expect(within(uptime).getByText(/green ≥ 99\.9%, amber ≥ 99\.5%, red below/)).toBeInTheDocument();
    expect(within(uptime).getByText(/probe_success/)).toBeInTheDocument();
    expect(document.querySelectorAll('[data-metric-id]')).toHaveLength(catalog.metrics.length);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('lists every validation problem with its path', () => {
    const broken = {
      ...catalog,
      metrics: [{ ...catalog.metrics[0], owner: '', unit: 'percentage' }, ...catalog.metrics.slice(1)],
    };
    render(<ConfigEditor {...props({ catalog: broken })} />);
    const list = screen.getByTestId('candor-catalog-problems');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual([
      'metrics[0].owner: every metric needs an owner',
      'metrics[0].unit: unknown Grafana unit "percentage" (did you mean percent?)',
    ]);
  });

  it('names each SQL metric without a freshness query as a risk, and shows the freshness queries there are', () => {
    const [first, second, ...rest] = catalog.metrics;
    const { sql: _dropped, ...withoutQuery } = second.freshness;
    render(
      <ConfigEditor
        {...props({ catalog: { ...catalog, metrics: [first, { ...second, freshness: withoutQuery }, ...rest] } })}
      />
    );
    const list = screen.getByTestId('candor-catalog-risks');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual([
      `metrics[1].freshness (${second.id}): no freshness query: a SQL query that writes its own times looks fresh after its records stop loading; add freshness.sql returning the last load time`,
    ]);
    const mttr = document.querySelector('[data-metric-id="mttr"]') as HTMLElement;
    expect(within(mttr).getByText('last load (freshness)')).toBeInTheDocument();
  });

  it('shows no risk list when every SQL metric has a freshness query', () => {
    render(<ConfigEditor {...props({})} />);
    expect(screen.queryByTestId('candor-catalog-risks')).toBeNull();
  });

  it('says when the provisioned fingerprint does not match the catalog', () => {
    render(<ConfigEditor {...props({ fingerprint: '0'.repeat(64) })} />);
    expect(screen.getByText(/does not match the catalog/)).toBeInTheDocument();
  });
});
