import { fireEvent, screen, within } from '@testing-library/react';
import { TEST_IDS } from '../testIds';
import { createRow, createScorecardFrame, type FrameRow } from '../testing/factories';
import { renderPanel } from '../testing/render';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

/** No element or event-handler attribute came from the data: only text. */
function expectNoInjectedMarkup() {
  expect(document.querySelector('img, script, iframe, object, embed')).toBeNull();
  const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).filter((a) => a.name.toLowerCase().startsWith('on'))
  );
  expect(handlers).toEqual([]);
}

describe('ScorecardPanel: hostile strings', () => {
  const textFields: Array<keyof FrameRow> = [
    'pillar_id',
    'pillar_title',
    'pillar_question',
    'pillar_colour',
    'metric_id',
    'item',
    'name',
    'description',
    'owner',
    'unit',
    'direction',
    'indicator',
    'tier',
    'colour',
    'evidence',
    'change_quality',
    'source',
    'label',
    'value_text',
    'target_text',
    'change_text',
    'thresholds_text',
    'alert_tier',
    'escalation',
  ];

  function hostileRow(status: string): FrameRow {
    const row = createRow({ status, value: 5 });
    for (const field of textFields) {
      (row as unknown as Record<string, unknown>)[field] = `${HOSTILE} ${field}`;
    }
    row.links = [{ title: `${HOSTILE} link`, url: 'https://example.com/' }];
    row.action = {
      id: `${HOSTILE} id`,
      owner: `${HOSTILE} action owner`,
      text: `${HOSTILE} action`,
      dueDate: '2026-11-30',
      due: 0,
      recorded: 0,
      overdue: false,
      link: 'javascript:alert(3)',
    };
    row.query = { kind: 'prometheus', datasourceUid: `${HOSTILE} uid`, expr: `${HOSTILE} expr` };
    return row;
  }

  it('renders every text field of rows, meta, notices and the option as text, never markup', async () => {
    const rows = [hostileRow('noData'), { ...hostileRow(SCRIPT), metric_id: `${SCRIPT} second` }];
    const frame = createScorecardFrame({
      rows,
      notices: [`${HOSTILE} notice`],
      meta: {
        title: `${HOSTILE} title`,
        scorecardId: HOSTILE,
        catalogVersion: `${HOSTILE} version`,
        fingerprint: HOSTILE,
        fingerprintShort: `${HOSTILE} short`,
        pillars: [
          {
            id: `${HOSTILE} pillar_id`,
            title: `${HOSTILE} meta pillar`,
            question: `${HOSTILE} question`,
            order: 1,
            colour: HOSTILE,
          },
        ],
      },
    });
    renderPanel({ series: [frame], options: { approvedFingerprint: `${HOSTILE} approved` } });
    const panel = screen.getByTestId(TEST_IDS.scorecard);
    for (const text of [
      'title',
      'version',
      'short',
      'meta pillar',
      'question',
      'label',
      'item',
      'owner',
      'evidence',
      'notice',
      'approved',
      'value_text',
    ]) {
      expect(panel.textContent).toContain(`${HOSTILE} ${text}`);
    }
    expect(panel.textContent).toContain('unknown status "<script>alert(2)</script>"');
    expectNoInjectedMarkup();

    // The evidence (a portal outside the panel) renders text too; the action's javascript: link never renders.
    fireEvent.click(screen.getAllByTestId(TEST_IDS.metricStatus)[0]);
    const evidence = await screen.findByTestId(TEST_IDS.evidence);
    for (const text of ['description', 'source', 'thresholds_text', 'escalation', 'action', 'action owner']) {
      expect(evidence.textContent).toContain(`${HOSTILE} ${text}`);
    }
    // The full name is the evidence's title.
    expect(document.body.textContent).toContain(`${HOSTILE} name`);
    expect(within(evidence).getByTestId(TEST_IDS.metricLink)).toHaveTextContent(`${HOSTILE} link`);
    expect(document.querySelector('a[href^="javascript" i]')).toBeNull();
    expectNoInjectedMarkup();
  });

  it('renders a hostile warning for a wrong frame as text', () => {
    const frame = createScorecardFrame({ meta: { schemaVersion: HOSTILE as unknown as number } });
    renderPanel({ series: [frame] });
    expect(screen.getByTestId(TEST_IDS.warn)).toHaveTextContent('missing meta.custom.candor.schemaVersion');
    expectNoInjectedMarkup();
  });
});

describe('ScorecardPanel: links', () => {
  it('opens http(s) links in a new tab and refuses everything else', async () => {
    const links = [
      { title: 'Runbook', url: 'https://runbooks.example.com/uptime' },
      { title: 'Plain', url: 'http://intranet.example.com/x' },
      { title: 'Script', url: 'javascript:alert(1)' },
      { title: 'Mixed case', url: ' JaVaScRiPt:alert(1)' },
      { title: 'Tabbed', url: 'java\tscript:alert(1)' },
      { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
      { title: 'Protocol-relative', url: '//evil.example.com' },
    ];
    renderPanel({ series: [createScorecardFrame({ rows: [createRow({ links })] })] });
    expect(document.querySelectorAll('a')).toHaveLength(0);
    fireEvent.click(screen.getByTestId(TEST_IDS.metricStatus));
    const evidence = await screen.findByTestId(TEST_IDS.evidence);
    const anchors = within(evidence).getAllByTestId(TEST_IDS.metricLink);
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual([
      'https://runbooks.example.com/uptime',
      'http://intranet.example.com/x',
    ]);
    for (const a of anchors) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
      expect(a.getAttribute('aria-label')).toMatch(/\(opens in a new tab\)$/);
    }
    const notices = screen.getByTestId(TEST_IDS.notices);
    for (const title of ['Script', 'Mixed case', 'Tabbed', 'Data', 'Protocol-relative']) {
      expect(notices).toHaveTextContent(`uptime-slo: link "${title}" refused: only http and https links open`);
    }
    expect(evidence).toHaveTextContent('Link "Script" refused: only http and https links open');
    expect(document.querySelector('a[href^="javascript" i], a[href^="data" i]')).toBeNull();
  });
});
