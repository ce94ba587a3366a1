import { createTheme } from '@grafana/data';
import {
  COLOUR_LOOK,
  compareSeverity,
  isColour,
  isEvidenceProblem,
  isStatus,
  shownColour,
  STATUS_LOOK,
  STATUSES,
  statusLabel,
  toneOf,
} from './status';
import type { Colour, Status } from './types';

describe('status mapping', () => {
  it('gives every status a word and an icon, and the three colours distinct ones', () => {
    for (const s of STATUSES) {
      expect(STATUS_LOOK[s].word).toBeTruthy();
      expect(STATUS_LOOK[s].icon).toBeTruthy();
    }
    expect(new Set(STATUSES.map((s) => STATUS_LOOK[s].word)).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => STATUS_LOOK[s].icon)).size).toBe(STATUSES.length);
    expect(COLOUR_LOOK.green.word).toBe('Green');
    expect(COLOUR_LOOK.amber.word).toBe('Amber');
    expect(COLOUR_LOOK.red.word).toBe('Red');
  });

  it.each<[Status, Colour, Colour]>([
    ['green', 'green', 'green'],
    ['amber', 'amber', 'amber'],
    ['red', 'red', 'red'],
    ['noData', 'green', 'red'],
    ['error', 'amber', 'red'],
    ['stale', 'green', 'amber'],
    ['stale', 'red', 'red'],
    ['green', 'red', 'red'],
  ])('%s with colour %s shows %s (never greener than the status allows)', (status, colour, shown) => {
    expect(shownColour(status, colour)).toBe(shown);
  });

  it('marks noData, stale and error as evidence problems, nothing else', () => {
    expect(STATUSES.filter(isEvidenceProblem)).toEqual(['noData', 'stale', 'error']);
  });

  it('orders severity by colour, then red > error > noData > stale > amber > green', () => {
    const rows: Array<{ colour: Colour; status: Status }> = [
      { colour: 'green', status: 'green' },
      { colour: 'amber', status: 'amber' },
      { colour: 'amber', status: 'stale' },
      { colour: 'red', status: 'noData' },
      { colour: 'red', status: 'error' },
      { colour: 'red', status: 'red' },
    ];
    expect([...rows].sort(compareSeverity).map((r) => r.status)).toEqual([
      'red',
      'error',
      'noData',
      'stale',
      'amber',
      'green',
    ]);
    expect(compareSeverity(rows[0], { colour: 'green', status: 'green' })).toBe(0);
  });

  it('labels a status whose word differs from its colour with both', () => {
    expect(statusLabel('noData', 'red')).toBe('No data, shown red');
    expect(statusLabel('red', 'red')).toBe('Red');
  });

  it('recognises only documented statuses and colours', () => {
    expect(isStatus('noData')).toBe(true);
    expect(isStatus('nodata')).toBe(false);
    expect(isStatus(undefined)).toBe(false);
    expect(isColour('amber')).toBe(true);
    expect(isColour('orange')).toBe(false);
  });

  it.each(['dark', 'light'] as const)('takes colours from the %s theme status tokens', (mode) => {
    const theme = createTheme({ colors: { mode } });
    expect(toneOf(theme, 'green').main).toBe(theme.colors.success.main);
    expect(toneOf(theme, 'amber').text).toBe(theme.colors.warning.text);
    expect(toneOf(theme, 'red').contrastText).toBe(theme.colors.error.contrastText);
  });
});
