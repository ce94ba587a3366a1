import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { getDefaultTimeRange, LoadingState, toDataFrame } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { TEST_IDS } from '../testIds';
import {
  createRow,
  createScorecardFrame,
  DAY,
  fivePillarRows,
  FIXED_NOW,
  FULL_FINGERPRINT,
  HOUR,
  statusRow,
} from '../testing/factories';
import { renderPanel } from '../testing/render';

const metrics = () => screen.getAllByTestId(TEST_IDS.metric);
const metric = (id: string) => metrics().find((m) => m.getAttribute('data-metric-id') === id)!;
const pillar = (id: string) =>
  screen.getAllByTestId(TEST_IDS.pillar).find((p) => p.getAttribute('data-pillar-id') === id)!;

describe('ScorecardPanel: empty and wrong input', () => {
  it("shows Grafana's standard no-data view without frames", () => {
    const data = { state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange() };
    const standard = render(<PanelDataErrorView panelId={1} data={data} />);
    const noData = standard.container.textContent!;
    standard.unmount();
    renderPanel({ series: [] });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveTextContent(noData);
    expect(screen.queryByTestId(TEST_IDS.header)).not.toBeInTheDocument();
  });

  it('names what a frame of another schema is missing', () => {
    renderPanel({
      series: [
        toDataFrame({
          fields: [
            { name: 'time', values: [1] },
            { name: 'value', values: [2] },
          ],
        }),
      ],
    });
    const warn = screen.getByTestId(TEST_IDS.warn);
    expect(warn).toHaveTextContent(
      /^Not a Candor scorecard frame: missing fields pillar_id, .*status, colour, .*; meta\.custom\.candor$/
    );
    expect(warn).toHaveAttribute('role', 'status');
  });
});

describe('ScorecardPanel: trend line', () => {
  it("draws each row's trend as one path in the colour of its quality; none with a single point", () => {
    const days = (values: number[]): Array<[number, number]> =>
      values.map((v, i) => [FIXED_NOW - (values.length - 1 - i) * DAY, v]);
    const rows = [
      createRow({ metric_id: 'up', sparkline: days([1, 2, 3]), change_quality: 'better' }),
      createRow({ metric_id: 'down', sparkline: days([3, 2, 1]), change_quality: 'worse' }),
      createRow({ metric_id: 'alone', sparkline: days([5]), change_quality: '' }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    const path = (id: string) => metric(id).querySelector('[data-testid="candor-sparkline"] path');
    expect(path('up')).toHaveAttribute('d', 'M0.8 17.3L36 9L71.3 0.8');
    expect(path('down')).toHaveAttribute('d', 'M0.8 0.8L36 9L71.3 17.3');
    expect(path('up')!.getAttribute('stroke')).not.toBe(path('down')!.getAttribute('stroke'));
    expect(path('alone')).toBeNull();
  });
});

describe('ScorecardPanel: states', () => {
  it('all green: every light, word and status attribute says green', () => {
    renderPanel({ series: [createScorecardFrame({ rows: fivePillarRows() })] });
    const header = screen.getByTestId(TEST_IDS.header);
    expect(header).toHaveAttribute('data-status', 'green');
    expect(within(header).getByTestId(TEST_IDS.overallStatus)).toHaveTextContent('Green');
    expect(within(header).getByTestId(TEST_IDS.score)).toHaveTextContent('100/100 health');
    expect(screen.getAllByTestId(TEST_IDS.pillar).map((p) => p.getAttribute('data-status'))).toEqual(
      Array(5).fill('green')
    );
    expect(metrics()).toHaveLength(20);
    expect(metrics().every((m) => m.getAttribute('data-status') === 'green')).toBe(true);
    expect(screen.queryAllByTestId(TEST_IDS.metricProblem)).toHaveLength(0);
    expect(screen.queryByTestId(TEST_IDS.fingerprintBanner)).not.toBeInTheDocument();
    expect(screen.getAllByTestId(TEST_IDS.tierCount).map((t) => t.textContent)).toEqual([
      'Critical 0 · now',
      'High 0 · 24 h',
      'Medium 0 · 72 h',
      'Low 0 · 1 week',
    ]);
  });

  it('mixed: pillars in catalog order, non-green rows first, tiers counted, header worst colour', () => {
    const rows = [
      createRow({ pillar_id: 'p1', pillar_title: 'First', metric_id: 'g', tier: 'low' }),
      createRow({ pillar_id: 'p1', pillar_title: 'First', metric_id: 'a', tier: 'high', ...statusRow('amber') }),
      createRow({ pillar_id: 'p2', pillar_title: 'Second', metric_id: 'g2' }),
      createRow({ pillar_id: 'p2', pillar_title: 'Second', metric_id: 'r', tier: 'critical', ...statusRow('red') }),
      createRow({ pillar_id: 'p2', pillar_title: 'Second', metric_id: 'a2', tier: 'medium', ...statusRow('amber') }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    expect(screen.getByTestId(TEST_IDS.header)).toHaveAttribute('data-status', 'red');
    expect(screen.getAllByTestId(TEST_IDS.pillar).map((p) => [p.dataset.pillarId, p.dataset.status])).toEqual([
      ['p1', 'amber'],
      ['p2', 'red'],
    ]);
    const ids = (p: string) =>
      within(pillar(p))
        .getAllByTestId(TEST_IDS.metric)
        .map((m) => m.dataset.metricId);
    expect(ids('p1')).toEqual(['a', 'g']);
    expect(ids('p2')).toEqual(['r', 'a2', 'g2']);
    const counts = screen.getAllByTestId(TEST_IDS.tierCount).map((t) => [t.dataset.tier, t.dataset.count]);
    expect(counts).toEqual([
      ['critical', '1'],
      ['high', '1'],
      ['medium', '1'],
      ['low', '0'],
    ]);
    expect(within(metric('r')).getByTestId(TEST_IDS.metricStatus)).toHaveTextContent('Red');
  });

  it('a pillar is red because one metric has no data, and the row says what is missing', () => {
    const rows = [
      createRow({ metric_id: 'fine' }),
      createRow({
        metric_id: 'error-rate',
        ...statusRow('noData'),
        value: null,
        change: null,
        change_quality: '',
        evidence: 'No data in the 7d before 12:00 UTC',
      }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    expect(pillar('platform-reliability')).toHaveAttribute('data-status', 'red');
    const row = metric('error-rate');
    expect(row).toHaveAttribute('data-status', 'red');
    expect(row).toHaveAttribute('data-state', 'noData');
    expect(within(row).getByTestId(TEST_IDS.metricStatus)).toHaveTextContent('No data');
    expect(within(row).getByTestId(TEST_IDS.metricValue)).toHaveTextContent('No data');
    expect(within(row).getByTestId(TEST_IDS.metricProblem)).toHaveTextContent('No data in the 7d before 12:00 UTC');
    expect(within(metric('fine')).queryByTestId(TEST_IDS.metricProblem)).not.toBeInTheDocument();
    expect(row.className).not.toBe(metric('fine').className);
    expect(metrics()[0]).toBe(row);
  });

  it('stale: amber, the last value kept, and the staleness spelled out', () => {
    const evidence = 'Stale: last sample 3 d ago, allowed 24 h; last value 99.95%';
    const rows = [createRow({ ...statusRow('stale'), last_sample: FIXED_NOW - 3 * DAY, evidence })];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    const row = metric('uptime-slo');
    expect(row.dataset).toMatchObject({ status: 'amber', state: 'stale' });
    expect(within(row).getByTestId(TEST_IDS.metricStatus)).toHaveTextContent('Stale');
    expect(within(row).getByTestId(TEST_IDS.metricValue)).toHaveTextContent('99.95%');
    expect(within(row).getByTestId(TEST_IDS.metricProblem)).toHaveTextContent(evidence);
  });

  it("error: red, with the source's own message in the row and in the notices", () => {
    const message = 'Prometheus (candor-prometheus): connection refused';
    const rows = [createRow({ ...statusRow('error'), value: null, evidence: message })];
    renderPanel({ series: [createScorecardFrame({ rows, notices: [message] })] });
    const row = metric('uptime-slo');
    expect(row.dataset).toMatchObject({ status: 'red', state: 'error' });
    expect(within(row).getByTestId(TEST_IDS.metricValue)).toHaveTextContent('Error');
    expect(within(row).getByTestId(TEST_IDS.metricProblem)).toHaveTextContent(message);
    expect(screen.getByTestId(TEST_IDS.notices)).toHaveTextContent(message);
  });

  it('shows since when a row off target has been so; its owner is in the strip when there is one', () => {
    const rows = [
      createRow({ metric_id: 'a', ...statusRow('red'), colour_since: FIXED_NOW - 12 * DAY }),
      createRow({
        metric_id: 'b',
        ...statusRow('amber'),
        colour_since: FIXED_NOW - 3 * DAY,
        colour_since_lower_bound: true,
      }),
      createRow({ metric_id: 'c', ...statusRow('amber'), colour_since: FIXED_NOW - 2 * HOUR, owner: 'CFO' }),
      createRow({ metric_id: 'd', owner: 'Head of SRE', pillar_id: 'cost', pillar_title: 'Cost' }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    expect(within(metric('a')).getByTestId(TEST_IDS.metricSince)).toHaveTextContent('red for 12 days');
    expect(within(metric('b')).getByTestId(TEST_IDS.metricSince)).toHaveTextContent('amber for ≥ 3 days');
    expect(within(metric('c')).getByTestId(TEST_IDS.metricSince)).toHaveTextContent('amber since 10:00');
    // The owner of a row off target is in the attention strip, on one line with its action.
    expect(within(metric('c')).queryByTestId(TEST_IDS.metricOwner)).toBeNull();
    const entries = within(screen.getByTestId(TEST_IDS.attention)).getAllByTestId(TEST_IDS.attentionItem);
    expect(entries.find((i) => i.dataset.metricId === 'c')).toHaveTextContent('CFO');
    // A row on target names its owner and does not say since when it is green.
    expect(within(metric('d')).getByTestId(TEST_IDS.metricOwner)).toHaveTextContent('Head of SRE');
    expect(within(metric('d')).queryByTestId(TEST_IDS.metricSince)).toBeNull();
  });

  it('names the owner of a row off target in the row when there is no strip (a small one-pillar embed)', () => {
    const rows = [createRow({ metric_id: 'c', ...statusRow('amber'), owner: 'CFO' })];
    renderPanel({ series: [createScorecardFrame({ rows })], width: 520, height: 560 });
    expect(screen.queryByTestId(TEST_IDS.attention)).toBeNull();
    expect(within(metric('c')).getByTestId(TEST_IDS.metricOwner)).toHaveTextContent('CFO');
  });

  it('shows what needs attention on a one-pillar page at full width (a department dashboard)', () => {
    const rows = [createRow({ metric_id: 'c', ...statusRow('amber'), owner: 'CFO' })];
    renderPanel({ series: [createScorecardFrame({ rows })], width: 1280, height: 720 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'pillar');
    expect(within(screen.getByTestId(TEST_IDS.attention)).getByTestId(TEST_IDS.attentionItem)).toHaveTextContent('CFO');
  });

  it('labels retired rows and lists them after the active ones', () => {
    const rows = [createRow({ metric_id: 'old', retired: true, ...statusRow('red') }), createRow({ metric_id: 'new' })];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    expect(metrics().map((m) => m.dataset.metricId)).toEqual(['new', 'old']);
    expect(metric('old')).toHaveAttribute('data-retired', 'true');
    expect(metric('old')).toHaveTextContent('Retired');
  });

  it('shows the trend coloured by quality and the target with its direction', () => {
    const rows = [
      createRow({
        unit: 'ms',
        direction: 'lower-is-better',
        value: 180,
        target: 150,
        target_high: 150,
        change: -20,
        change_quality: 'better',
      }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    const trend = screen.getByTestId(TEST_IDS.metricTrend);
    expect(trend).toHaveTextContent('↓ -20 ms');
    // The text comes from the datasource (the core formatter); the factory writes it as the engine does.
    expect(trend).toHaveAttribute('data-quality', 'better');
    expect(trend).toHaveAttribute('title', 'Trend: down -20 ms since the previous window, better');
    expect(within(trend).getByText('Trend: down -20 ms since the previous window, better')).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.metricTarget)).toHaveTextContent('target ≤ 150 ms');
    expect(screen.getByTestId(TEST_IDS.metricValue)).toHaveTextContent('180 ms');
  });

  it('opens the evidence from the row’s one button: reason, definition, thresholds, source, owner, links', async () => {
    const rows = [
      createRow({
        ...statusRow('stale'),
        evidence: 'Stale: last sample 3 days ago, allowed 24 h',
        last_sample: FIXED_NOW - 3 * DAY,
      }),
    ];
    renderPanel({ series: [createScorecardFrame({ rows })] });
    const trigger = screen.getByTestId(TEST_IDS.metricStatus);
    expect(trigger.tagName).toBe('BUTTON');
    expect(trigger).toHaveAttribute('aria-label', 'Uptime (30 days): Stale, shown amber. Show evidence');
    // One affordance per row: no link is in the row itself, only behind the button.
    expect(within(metric('uptime-slo')).queryAllByRole('link')).toHaveLength(0);
    fireEvent.click(trigger);
    const evidence = await screen.findByTestId(TEST_IDS.evidence);
    expect(evidence).toHaveTextContent('Stale: last sample 3 days ago, allowed 24 h');
    expect(evidence).toHaveTextContent('SourcePrometheus (candor-prometheus)');
    expect(evidence).toHaveTextContent('Last sample2026-11-13 12:00 UTC');
    expect(evidence).toHaveTextContent('Thresholdsgreen ≥ 99.9%, amber ≥ 99.5%, red below');
    expect(evidence).toHaveTextContent('Share of successful probes over 30 days.');
    expect(within(evidence).getByTestId(TEST_IDS.exploreLink).getAttribute('href')).toMatch(
      /^\/explore\?schemaVersion=1&panes=.*candor-prometheus.*&orgId=1$/
    );
    expect(within(evidence).getByTestId(TEST_IDS.metricLink)).toHaveAttribute(
      'href',
      'https://runbooks.example.com/uptime'
    );
  });

  it('keeps the evidence of amber and red rows in the page for print, where nothing hovers', () => {
    const evidence = '0.4% > 0.1% (green) but ≤ 1% (amber)';
    renderPanel({ series: [createScorecardFrame({ rows: [createRow({ ...statusRow('amber'), evidence })] })] });
    expect(metric('uptime-slo')).toHaveTextContent(evidence);
  });

  it('formats the as-of time in the dashboard time zone', () => {
    renderPanel({ series: [createScorecardFrame()], timeZone: 'America/New_York' });
    expect(screen.getByTestId(TEST_IDS.asOf)).toHaveTextContent('As of 2026-11-16 07:00 EST');
    expect(screen.getByTestId(TEST_IDS.catalog)).toHaveTextContent('Catalog v1.0.0 · sha256:ab12cd34ef56');
  });
});

describe('ScorecardPanel: frozen definitions', () => {
  const other = 'ffeeddccbbaa'.padEnd(64, '1');

  it('shows a red banner with both fingerprints when the approved one differs', () => {
    renderPanel({ series: [createScorecardFrame()], options: { approvedFingerprint: other } });
    const banner = screen.getByTestId(TEST_IDS.fingerprintBanner);
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('Definitions changed without approval.');
    expect(banner).toHaveTextContent(
      'This dashboard approved sha256:ffeeddccbbaa; the catalog in use is sha256:ab12cd34ef56.'
    );
    expect(banner).toHaveAttribute('title', `Approved: ${other}\nIn use: ${FULL_FINGERPRINT}`);
  });

  it.each([FULL_FINGERPRINT, 'sha256:ab12cd34ef56'])('shows no banner when %s is pinned', (approved) => {
    renderPanel({ series: [createScorecardFrame()], options: { approvedFingerprint: approved } });
    expect(screen.queryByTestId(TEST_IDS.fingerprintBanner)).not.toBeInTheDocument();
    // No approval record in the frame: it claims only what it checked.
    expect(screen.getByTestId(TEST_IDS.catalog)).toHaveTextContent(/· pinned fingerprint$/);
  });

  it.each([
    ['verified', '· approved and signed'],
    ['unsigned', '· approved (unsigned)'],
    ['pending', '· sign-off pending'],
    ['invalid', '· signature does not verify'],
  ])('says how the approval stands (%s), never more', (standing, label) => {
    const text = `${standing}: v2026.12.1 recorded by Candor engineering`;
    const frame = createScorecardFrame({ meta: { approval: { standing, text } } });
    renderPanel({ series: [frame], options: { approvedFingerprint: FULL_FINGERPRINT } });
    const catalog = screen.getByTestId(TEST_IDS.catalog);
    expect(catalog.textContent?.endsWith(label)).toBe(true);
    expect(catalog.getAttribute('title')).toContain(text);
    if (standing === 'pending') {
      expect(catalog).not.toHaveTextContent(/approved/);
    }
  });

  it('claims nothing about approval when no fingerprint is pinned', () => {
    renderPanel({ series: [createScorecardFrame()] });
    expect(screen.queryByTestId(TEST_IDS.fingerprintBanner)).not.toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.scorecard)).not.toHaveTextContent(/approv/i);
  });

  it('keeps the banner in the small tile', () => {
    renderPanel({ series: [createScorecardFrame()], options: { approvedFingerprint: other }, width: 250, height: 200 });
    expect(screen.getByTestId(TEST_IDS.fingerprintBanner)).toHaveTextContent('Definitions changed without approval.');
  });
});
