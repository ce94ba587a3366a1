import { attentionItems, pillarAnswer } from './attention';
import { DAY, FIXED_NOW, HOUR } from './testing/factories';
import { createRow } from './testing/rows';

const amber = createRow({
  metric_id: 'p0-p1-incidents',
  label: 'P0/P1 incidents (30 days)',
  unit: 'short',
  direction: 'lower-is-better',
  value: 2,
  target: 0,
  target_high: 0,
  status: 'amber',
  colour: 'amber',
  tier: 'critical',
  alert_tier: 'critical',
  owner: 'VP Engineering',
  colour_since: FIXED_NOW - 9 * DAY - HOUR,
});
const red = createRow({
  metric_id: 'budget-variance',
  label: 'Budget variance (MTD)',
  value: 0.14,
  status: 'red',
  colour: 'red',
  tier: 'high',
  alert_tier: 'critical',
  owner: 'CFO',
  escalation: 'Red for 21 days: escalated to critical',
  colour_since: FIXED_NOW - 21 * DAY,
});
const noData = createRow({
  metric_id: 'security-incidents',
  label: 'Security incidents (90 days)',
  value: null,
  status: 'noData',
  colour: 'red',
  tier: 'high',
  alert_tier: 'high',
  owner: 'CISO',
  colour_since: null,
});
const green = createRow();

describe('attentionItems: every red and amber item, worst first, one line each', () => {
  it('orders by shown colour, then alert tier, then status, then longest first; green and retired never appear', () => {
    const retired = createRow({ ...red, metric_id: 'old', retired: true });
    const items = attentionItems([green, amber, noData, retired, red], FIXED_NOW);
    expect(items.map((i) => i.metricId)).toEqual(['budget-variance', 'security-incidents', 'p0-p1-incidents']);
  });

  it('says what, how much against what, for how long, who, what is being done and how soon to respond', () => {
    const action = {
      id: '3',
      owner: 'VP Engineering',
      text: 'Post-incident reviews',
      dueDate: '2026-11-23',
      due: 0,
      recorded: 0,
      overdue: false,
    };
    const [withAction] = attentionItems([{ ...amber, action }], FIXED_NOW);
    expect(withAction).toMatchObject({
      label: 'P0/P1 incidents (30 days)',
      valueText: '2',
      targetText: '≤ 0',
      forText: 'for 9 days',
      owner: 'VP Engineering',
      actionText: 'Post-incident reviews (VP Engineering, due 2026-11-23)',
      respondText: 'respond now',
    });
    const [none] = attentionItems([noData], FIXED_NOW);
    expect(none).toMatchObject({
      valueText: 'No data',
      forText: '',
      actionText: 'no action recorded',
      respondText: 'respond within 24 h',
    });
  });

  it('names the item of an items metric', () => {
    const [item] = attentionItems([{ ...red, item: 'critical' }], FIXED_NOW);
    expect(item.label).toBe('Budget variance (MTD) · critical');
  });
});

describe('pillarAnswer: the executive question answered from the rows', () => {
  it.each([
    ['everything on target', [green, { ...green, metric_id: 'b' }], 'Yes: all 2 metrics on target.'],
    [
      'one amber without an action',
      [green, amber],
      'No: P0/P1 incidents (30 days) above target for 9 days; no action recorded.',
    ],
    [
      'one amber with an action',
      [
        {
          ...amber,
          action: { id: '1', owner: 'x', text: 'y', dueDate: '2026-11-30', due: 0, recorded: 0, overdue: false },
        },
      ],
      'No: P0/P1 incidents (30 days) above target for 9 days; action in progress.',
    ],
    ['red and more', [amber, red, green], 'No: Budget variance (MTD) below target for 21 days (1 more off target).'],
    ['no data', [noData, green], 'Unknown: Security incidents (90 days) has no data.'],
    ['no active metric', [{ ...green, retired: true }], 'No evidence: no active metric.'],
  ])('%s', (_name, rows, answer) => {
    expect(pillarAnswer(rows, FIXED_NOW)).toBe(answer);
  });
});
