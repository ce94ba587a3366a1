import { screen, within } from '@testing-library/react';
import { TEST_IDS } from '../testIds';
import { createRow, createScorecardFrame, fivePillarRows, statusRow, type FrameRow } from '../testing/factories';
import { renderPanel } from '../testing/render';

/** The pillar columns: each column's pillar ids, top to bottom. */
const columns = () =>
  [...screen.getAllByTestId(TEST_IDS.pillar)[0].parentElement!.parentElement!.children].map((c) =>
    [...c.querySelectorAll<HTMLElement>('[data-testid="candor-pillar"]')].map((p) => p.dataset.pillarId)
  );

/** Five pillars with a few problems: red, noData, amber, stale, error, in that catalog order across pillars. */
function mixedRows(): FrameRow[] {
  const rows = fivePillarRows();
  const set = (i: number, patch: Partial<FrameRow>) => (rows[i] = { ...rows[i], ...patch });
  set(1, { ...statusRow('amber'), tier: 'high', alert_tier: 'high' });
  set(5, { ...statusRow('red'), tier: 'high', alert_tier: 'high' });
  set(9, { ...statusRow('noData'), value: null, tier: 'critical', alert_tier: 'critical' });
  set(14, { ...statusRow('stale'), tier: 'low', alert_tier: 'low' });
  set(18, { ...statusRow('error'), value: null, tier: 'medium', alert_tier: 'medium' });
  return rows;
}

describe('ScorecardPanel: size modes', () => {
  it.each([
    [1920, 1080, 5, 'normal'],
    [1280, 720, 3, 'normal'],
    [1280, 600, 3, 'dense'],
  ])('full scorecard at %i×%i in %i columns (%s rows), every pillar and row shown', (width, height, count, density) => {
    renderPanel({ series: [createScorecardFrame({ rows: mixedRows() })], width, height });
    const panel = screen.getByTestId(TEST_IDS.scorecard);
    expect(panel).toHaveAttribute('data-size-mode', 'full');
    expect(panel).toHaveAttribute('data-density', density);
    expect(screen.getByTestId(TEST_IDS.header)).toBeInTheDocument();
    expect(screen.getAllByTestId(TEST_IDS.pillar)).toHaveLength(5);
    expect(screen.getAllByTestId(TEST_IDS.metric)).toHaveLength(20);
    expect(columns()).toHaveLength(count);
    expect(columns().flat().sort()).toEqual(
      mixedRows()
        .map((r) => r.pillar_id)
        .filter((p, i, a) => a.indexOf(p) === i)
        .sort()
    );
  });

  it('the attention strip lists every row off target, worst first, above the pillars', () => {
    renderPanel({ series: [createScorecardFrame({ rows: mixedRows() })], width: 1920, height: 1080 });
    const strip = screen.getByTestId(TEST_IDS.attention);
    const entries = within(strip).getAllByTestId(TEST_IDS.attentionItem);
    // Red first; then by alert tier (critical, high, medium, low); then by status.
    expect(entries.map((e) => [e.dataset.status, e.dataset.tier, e.dataset.state])).toEqual([
      ['red', 'critical', 'noData'],
      ['red', 'high', 'red'],
      ['red', 'medium', 'error'],
      ['amber', 'high', 'amber'],
      ['amber', 'low', 'stale'],
    ]);
    expect(strip.compareDocumentPosition(screen.getAllByTestId(TEST_IDS.pillar)[0])).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    );
    expect(entries[3]).toHaveTextContent('No action recorded');
    expect(entries[3]).toHaveTextContent('respond within 24 h');
  });

  it('when nothing is off target the strip says so in one sentence, with the evaluation time', () => {
    renderPanel({ series: [createScorecardFrame({ rows: fivePillarRows() })], width: 1920, height: 1080 });
    expect(screen.getByTestId(TEST_IDS.attention)).toHaveTextContent(
      'Nothing needs attention: all 20 metrics are on target as of 2026-11-16 12:00 UTC.'
    );
    expect(screen.queryAllByTestId(TEST_IDS.attentionItem)).toHaveLength(0);
  });

  it('narrow column: one column, nothing dropped', () => {
    renderPanel({ series: [createScorecardFrame({ rows: mixedRows() })], width: 420, height: 1200 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'column');
    expect(columns()).toHaveLength(1);
    expect(screen.getAllByTestId(TEST_IDS.metric)).toHaveLength(20);
  });

  it('one pillar: the pillar tile with its header', () => {
    const rows = [createRow({ metric_id: 'a' }), createRow({ metric_id: 'b', ...statusRow('amber') })];
    renderPanel({ series: [createScorecardFrame({ rows })], width: 500, height: 400 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'pillar');
    expect(screen.getAllByTestId(TEST_IDS.pillar)).toHaveLength(1);
    expect(screen.getByTestId(TEST_IDS.header)).toHaveAttribute('data-status', 'amber');
    expect(screen.getAllByTestId(TEST_IDS.metric).map((m) => m.dataset.metricId)).toEqual(['b', 'a']);
  });

  it('small tile: overall light, score and the worst three rows only', () => {
    renderPanel({ series: [createScorecardFrame({ rows: mixedRows() })], width: 320, height: 200 });
    const panel = screen.getByTestId(TEST_IDS.scorecard);
    expect(panel).toHaveAttribute('data-size-mode', 'tile');
    expect(screen.getByTestId(TEST_IDS.header)).toHaveAttribute('data-status', 'red');
    expect(screen.getByTestId(TEST_IDS.overallStatus)).toHaveTextContent('Red');
    expect(screen.getByTestId(TEST_IDS.score)).toHaveTextContent('59/100');
    expect(screen.queryAllByTestId(TEST_IDS.pillar)).toHaveLength(0);
    const worst = screen.getAllByTestId(TEST_IDS.metric).map((m) => [m.dataset.state, m.dataset.status]);
    // The order of the attention strip: red first, then the alert tier (critical noData before high red).
    expect(worst).toEqual([
      ['noData', 'red'],
      ['red', 'red'],
      ['error', 'red'],
    ]);
    expect(screen.getByTestId(TEST_IDS.tileMore)).toHaveTextContent('+2 more not green');
  });

  it('small tile when all is green says so instead of listing rows', () => {
    renderPanel({ series: [createScorecardFrame({ rows: fivePillarRows() })], width: 200, height: 600 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'tile');
    expect(screen.queryAllByTestId(TEST_IDS.metric)).toHaveLength(0);
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveTextContent('All 20 metrics green');
  });

  it('changes mode when the panel is resized', () => {
    const frame = createScorecardFrame({ rows: mixedRows() });
    const { rerenderWith } = renderPanel({ series: [frame], width: 1920, height: 1080 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'full');
    rerenderWith({ series: [frame], width: 600, height: 1080 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'column');
    rerenderWith({ series: [frame], width: 600, height: 180 });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveAttribute('data-size-mode', 'tile');
  });
});

describe('ScorecardPanel: themes', () => {
  it.each(['dark', 'light'] as const)('%s theme: lights take the theme status tokens', (mode) => {
    const rows = [
      createRow({ metric_id: 'g' }),
      createRow({ metric_id: 'a', ...statusRow('amber') }),
      createRow({ metric_id: 'r', ...statusRow('red') }),
    ];
    const { theme } = renderPanel({ series: [createScorecardFrame({ rows })], mode });
    const light = (id: string) =>
      screen
        .getAllByTestId(TEST_IDS.metric)
        .find((m) => m.dataset.metricId === id)!
        .querySelector('[data-status] > span[aria-hidden="true"]')!;
    expect(light('g')).toHaveStyle({ backgroundColor: theme.colors.success.main });
    expect(light('a')).toHaveStyle({ backgroundColor: theme.colors.warning.main });
    expect(light('r')).toHaveStyle({ backgroundColor: theme.colors.error.main });
    expect(screen.getByTestId(TEST_IDS.scorecard)).toHaveStyle({ color: theme.colors.text.primary });
  });

  it('renders the same scorecard differently in the two themes', () => {
    const colours = (['dark', 'light'] as const).map((mode) => {
      const { unmount } = renderPanel({ series: [createScorecardFrame()], mode });
      const panel = screen.getByTestId(TEST_IDS.scorecard);
      const lightEl = screen.getByTestId(TEST_IDS.metric).querySelector('[data-status] > span[aria-hidden="true"]')!;
      const seen = [getComputedStyle(panel).color, getComputedStyle(lightEl).backgroundColor];
      unmount();
      return seen;
    });
    expect(colours[0][0]).not.toBe(colours[1][0]);
    expect(colours[0][1]).not.toBe(colours[1][1]);
  });
});

describe('ScorecardPanel: long texts', () => {
  it('never cuts a name: it wraps between words; long titles wrap too', () => {
    const label = 'Deploys per week to production';
    const rows = [createRow({ label, owner: 'Vice President of Very Long Organisational Titles' })];
    const pillarTitle = 'A pillar title far too long for any card in any layout whatsoever';
    const frame = createScorecardFrame({
      rows: rows.map((r) => ({ ...r, pillar_title: pillarTitle })),
      meta: { title: 'A scorecard title that is much longer than the header has room for, even at 1920 px' },
    });
    renderPanel({ series: [frame], width: 760, height: 600 });
    const row = screen.getByTestId(TEST_IDS.metric);
    const shownName = within(row).getByTestId(TEST_IDS.metricName);
    expect(shownName).toHaveTextContent(label);
    expect(shownName).not.toHaveStyle({ textOverflow: 'ellipsis' });
    expect(shownName).not.toHaveStyle({ whiteSpace: 'nowrap' });
    expect(shownName).toHaveAttribute('title', 'Uptime (30-day SLO compliance)');
    expect(screen.getByRole('heading', { level: 3, name: pillarTitle })).not.toHaveStyle({ textOverflow: 'ellipsis' });
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveStyle({ textOverflow: 'ellipsis' });
  });
});
