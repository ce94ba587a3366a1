import { createDataFrame, FieldType, toDataFrame } from '@grafana/data';
import { ADDED_FIELDS, FRAME_FIELDS } from './frame';
import { prepareScorecard } from './prepare';
import { createRow, createScorecardFrame, FIXED_NOW, statusRow } from './testing/factories';

describe('prepareScorecard', () => {
  it('returns nothing for no frames (the panel shows the standard no-data view)', () => {
    expect(prepareScorecard([])).toEqual({});
    expect(prepareScorecard(undefined)).toEqual({});
  });

  it('reads a Candor frame: meta, pillars in catalog order, typed rows', () => {
    const frame = createScorecardFrame({
      rows: [
        createRow({ pillar_id: 'p1', metric_id: 'm1' }),
        createRow({ pillar_id: 'p2', metric_id: 'm2', item: 'critical', ...statusRow('red') }),
      ],
      meta: { asOfIsNow: false },
      notices: ['Prometheus (candor-prometheus): connection refused'],
    });
    const { scorecard, warn } = prepareScorecard([frame]);
    expect(warn).toBeUndefined();
    expect(scorecard).toMatchObject({
      title: 'LocalizeVideos Executive Platform Scorecard',
      catalogVersion: '1.0.0',
      asOf: FIXED_NOW,
      asOfIsNow: false,
      overall: { colour: 'red', score: 59, openByTier: { critical: 1, high: 0, medium: 0, low: 0 } },
      notices: ['Prometheus (candor-prometheus): connection refused'],
    });
    expect(scorecard!.pillars.map((p) => [p.id, p.colour, p.rows.map((r) => r.key)])).toEqual([
      ['p1', 'green', ['m1']],
      ['p2', 'red', ['m2/critical']],
    ]);
    const row = scorecard!.pillars[0].rows[0];
    expect(row).toMatchObject({ value: 0.9995, colourSinceLowerBound: false, retired: false, changeQuality: 'better' });
    expect(row.sparkline).toHaveLength(7);
    expect(row.links).toEqual([{ title: 'Runbook', url: 'https://runbooks.example.com/uptime' }]);
  });

  it('keeps pillars without rows (red) and rows whose pillar the meta does not list', () => {
    const frame = createScorecardFrame({
      rows: [createRow({ pillar_id: 'orphan', pillar_title: 'Orphan', metric_id: 'x' })],
      meta: { pillars: [{ id: 'empty', title: 'Empty', question: 'Q?', order: 1, colour: 'red' }] },
    });
    const { scorecard } = prepareScorecard([frame]);
    expect(scorecard!.pillars.map((p) => [p.id, p.title, p.rows.length])).toEqual([
      ['empty', 'Empty', 0],
      ['orphan', 'Orphan', 1],
    ]);
    expect(scorecard!.notices).toContain(
      'orphan: pillar not listed in meta.custom.candor.pillars; shown after the others'
    );
  });

  it('never shows noData or error greener than red, nor stale greener than amber', () => {
    const frame = createScorecardFrame({
      rows: [
        createRow({ metric_id: 'n', status: 'noData', colour: 'green' }),
        createRow({ metric_id: 's', status: 'stale', colour: 'green' }),
        createRow({ metric_id: 'u', status: 'mystery', colour: 'purple' }),
      ],
    });
    const { scorecard } = prepareScorecard([frame]);
    const rows = scorecard!.pillars[0].rows;
    expect(rows.map((r) => [r.key, r.status, r.colour])).toEqual([
      ['u', 'error', 'red'],
      ['n', 'noData', 'red'],
      ['s', 'stale', 'amber'],
    ]);
    expect(rows[0].evidence).toContain('Unknown status "mystery"');
    expect(scorecard!.notices).toEqual(
      expect.arrayContaining([
        'n: colour "green" cannot show status noData; shown red',
        'u: unknown status "mystery", shown as an error',
      ])
    );
  });

  it('reads null, NaN and text numbers as no value, and links and sparklines given as JSON text', () => {
    const frame = createScorecardFrame({
      rows: [createRow({ value: Number.NaN, previous: null })],
    });
    const links = frame.fields.find((f) => f.name === 'links')!;
    links.values = ['[{"title":"A","url":"https://a.example.com/"},{"title":"B","url":"javascript:alert(1)"}]'];
    const sparkline = frame.fields.find((f) => f.name === 'sparkline')!;
    sparkline.values = ['[[1,2],[2,"x"],[3,4]]'];
    const row = prepareScorecard([frame]).scorecard!.pillars[0].rows[0];
    expect(row.value).toBeNull();
    expect(row.previous).toBeNull();
    expect(row.links).toEqual([{ title: 'A', url: 'https://a.example.com/' }]);
    expect(row.refusedLinks.map((l) => l.title)).toEqual(['B']);
    expect(row.sparkline).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('names what a frame of another schema is missing', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'status', values: ['green'] },
        { name: 'colour', values: ['red'] },
      ],
    });
    const { scorecard, warn } = prepareScorecard([frame]);
    expect(scorecard).toBeUndefined();
    // The fields added to version 1 later are not required (frame.ts ADDED_FIELDS).
    const missing = FRAME_FIELDS.filter((f) => f !== 'status' && f !== 'colour' && !ADDED_FIELDS.includes(f));
    expect(warn).toBe(`Not a Candor scorecard frame: missing fields ${missing.join(', ')}; meta.custom.candor`);
  });

  it('names the exact fields and meta keys a near-Candor frame lacks', () => {
    const frame = createScorecardFrame({ omit: ['status', 'colour'], meta: { asOf: undefined } });
    expect(prepareScorecard([frame]).warn).toBe(
      'Not a Candor scorecard frame: missing fields status, colour; meta.custom.candor.asOf'
    );
    const metaOnly = createScorecardFrame({ meta: { pillars: 'x' as never } });
    expect(prepareScorecard([metaOnly]).warn).toBe('Not a Candor scorecard frame: missing meta.custom.candor.pillars');
  });

  it('refuses another schema version by name', () => {
    expect(prepareScorecard([createScorecardFrame({ meta: { schemaVersion: 2 } })]).warn).toBe(
      'Unsupported Candor frame schema version 2: this panel reads version 1. Update the Candor plugin.'
    );
  });

  it('takes the Candor frame among others and says when more were not shown', () => {
    const other = createDataFrame({ fields: [{ name: 'time', type: FieldType.time, values: [1] }] });
    const { scorecard } = prepareScorecard([other, createScorecardFrame(), createScorecardFrame()]);
    expect(scorecard!.notices).toEqual(['1 more Candor frame was not shown: one query per scorecard panel']);
  });

  it('reads an empty Candor frame as a scorecard with red, empty pillars', () => {
    const frame = createScorecardFrame({
      rows: [],
      meta: { pillars: [{ id: 'p', title: 'P', question: 'Q', order: 1, colour: 'red' }] },
    });
    expect(prepareScorecard([frame]).scorecard!.pillars).toEqual([
      {
        id: 'p',
        title: 'P',
        question: 'Q',
        colour: 'red',
        answer: 'No evidence: no active metric.',
        rows: [],
        score: 0,
      },
    ]);
  });
});

describe('summary-only rows (a summary metric outside the selection)', () => {
  const inPillar = createRow({
    metric_id: 'arr',
    pillar_id: 'finance',
    pillar_title: 'Finance',
    ...statusRow('green'),
  });
  const outside = createRow({
    metric_id: 'retention',
    pillar_id: 'cs',
    pillar_title: 'CS',
    summary_only: true,
    ...statusRow('red'),
  });
  const meta = {
    pillars: [{ id: 'finance', title: 'Finance', question: 'Q', order: 1, colour: 'green' }],
    summary: [
      {
        metricId: 'retention',
        item: '',
        label: 'Retention',
        owner: 'CRO',
        valueText: '99%',
        targetText: '≥ 95%',
        changeText: '',
        changeQuality: '',
        colour: 'green' as const,
        status: 'green' as const,
        goalText: '',
        evidence: '',
      },
    ],
  };

  it('join no pillar card, but the attention list, the tiers and the summary, where the row decides', () => {
    const sc = prepareScorecard([createScorecardFrame({ rows: [inPillar, outside], meta })]).scorecard!;
    expect(sc.pillars.map((p) => [p.id, p.rows.map((r) => r.metricId)])).toEqual([['finance', ['arr']]]);
    expect(sc.attention.map((a) => a.metricId)).toEqual(['retention']);
    expect(sc.tiers.reduce((n, t) => n + t.count, 0)).toBe(1);
    // The meta said green; the row says red, and the row decides.
    expect(sc.summary.map((s) => [s.metricId, s.colour])).toEqual([['retention', 'red']]);
  });

  it('never leave a card whose pillar the frame lists', () => {
    const hiding = { ...outside, pillar_id: 'finance', pillar_title: 'Finance' };
    const sc = prepareScorecard([createScorecardFrame({ rows: [inPillar, hiding], meta })]).scorecard!;
    expect(sc.pillars[0].rows.map((r) => r.metricId).sort()).toEqual(['arr', 'retention']);
  });
});
