import { describeHeader, describeRow, displayName } from './describe';
import { prepareScorecard } from './prepare';
import { createRow, createScorecardFrame, FIXED_NOW, statusRow, type FrameRow } from './testing/factories';

const rowOf = (overrides: Partial<FrameRow>) =>
  prepareScorecard([createScorecardFrame({ rows: [createRow(overrides)] })]).scorecard!.pillars[0].rows[0];
const ctx = { asOf: FIXED_NOW, timeZone: 'utc' };

describe('describeRow', () => {
  it('describes a healthy row: value, target, trend, since, status', () => {
    const view = describeRow(rowOf({}), ctx);
    expect(view).toMatchObject({
      name: 'Uptime (30 days)',
      fullName: 'Uptime (30-day SLO compliance)',
      valueText: '99.95%',
      targetText: '≥ 99.9%',
      since: { text: 'green for 12 days' },
      status: { colour: 'green', status: 'green', word: 'Green', icon: 'check-circle' },
      lastSampleText: '2026-11-16 11:55 UTC',
    });
    expect(view.trend).toMatchObject({ arrow: '↑', text: '+0.02 pt', quality: 'better', tone: 'green' });
    expect(view.problem).toBeUndefined();
  });

  it('colours a falling value by its quality, not its direction', () => {
    const view = describeRow(rowOf({ change: -20, change_quality: 'better', unit: 'ms' }), ctx);
    expect(view.trend).toMatchObject({ arrow: '↓', text: '-20 ms', tone: 'green' });
    expect(view.trend!.label).toBe('Trend: down -20 ms since the previous window, better');
    expect(describeRow(rowOf({ change: 5, change_quality: 'worse', unit: 'ms' }), ctx).trend?.tone).toBe('red');
    expect(describeRow(rowOf({ change: 0, change_quality: 'same' }), ctx).trend).toMatchObject({
      arrow: '→',
      tone: 'neutral',
    });
    expect(describeRow(rowOf({ change: null, change_quality: '' }), ctx).trend).toBeUndefined();
  });

  it('says what is missing for noData, stale and error rows', () => {
    const noData = describeRow(
      rowOf({ ...statusRow('noData'), value: null, evidence: 'No data in the 7d before 12:00 UTC' }),
      ctx
    );
    expect(noData).toMatchObject({ valueText: 'No data', problem: 'No data in the 7d before 12:00 UTC' });
    expect(noData.status).toMatchObject({ word: 'No data', colour: 'red', label: 'No data, shown red' });

    const stale = describeRow(
      rowOf({ ...statusRow('stale'), evidence: 'Stale: last sample 3 days ago, allowed 24 h' }),
      ctx
    );
    expect(stale).toMatchObject({ valueText: '99.95%', problem: 'Stale: last sample 3 days ago, allowed 24 h' });

    const error = describeRow(rowOf({ ...statusRow('error'), value: null, evidence: '' }), ctx);
    expect(error).toMatchObject({ valueText: 'Error', problem: 'Error: the source did not answer' });
  });

  it('keeps the evidence for print on amber and red rows only (problem rows show theirs already)', () => {
    expect(describeRow(rowOf({ ...statusRow('amber'), evidence: 'why amber' }), ctx).printEvidence).toBe('why amber');
    expect(describeRow(rowOf({}), ctx).printEvidence).toBeUndefined();
    expect(describeRow(rowOf({ ...statusRow('noData'), evidence: 'none' }), ctx).printEvidence).toBeUndefined();
  });

  it('names items and shows a dash for a missing value of a judged row', () => {
    expect(displayName({ label: 'Open security issues', item: 'critical' })).toBe('Open security issues · critical');
    expect(describeRow(rowOf({ value: null }), ctx).valueText).toBe('—');
  });
});

describe('describeHeader', () => {
  it('gives the overall status, score, as-of, catalog and tier counts with response windows', () => {
    const rows = [
      createRow({ metric_id: 'a', tier: 'critical', ...statusRow('red') }),
      createRow({ metric_id: 'b', tier: 'high', ...statusRow('amber') }),
      createRow({ metric_id: 'c', tier: 'high', ...statusRow('stale') }),
    ];
    const scorecard = prepareScorecard([createScorecardFrame({ rows, meta: { asOfIsNow: false } })]).scorecard!;
    const view = describeHeader(scorecard, 'utc');
    expect(view.overall).toMatchObject({ colour: 'red', word: 'Red' });
    expect(view.scoreText).toBe('59');
    expect(view.asOfText).toBe('As of 2026-11-16 12:00 UTC');
    expect(view.asOfTitle).toContain('a past time');
    expect(view.catalogText).toBe('Catalog v1.0.0 · sha256:ab12cd34ef56');
    // Every row has shown its colour for 12 days: past each tier's response window, the oldest named.
    expect(view.tiers.map((t) => [t.text, t.breached, t.oldest, t.label])).toEqual([
      [
        'Critical 1',
        1,
        '12 days',
        'Critical: 1 open, respond now, 1 past that; oldest: Uptime (30 days), unanswered for 12 days',
      ],
      [
        'High 2',
        2,
        '11 days',
        'High: 2 open, respond within 24 h, 2 past that; oldest: Uptime (30 days), 11 days past its 24 h window',
      ],
      ['Medium 0', 0, '', 'Medium: 0 open, respond within 72 h'],
      ['Low 0', 0, '', 'Low: 0 open, respond within 1 week'],
    ]);
  });

  it('shows a dash when the frame has no score', () => {
    const scorecard = prepareScorecard([createScorecardFrame()]).scorecard!;
    expect(describeHeader({ ...scorecard, overall: { ...scorecard.overall, score: null } }, 'utc').scoreText).toBe('—');
  });
});
