import { chooseDecimals, formatChange, formatInstant, formatTarget, formatValue, sinceText } from './format';
import { DAY, FIXED_NOW, HOUR, MINUTE } from './testing/factories';

describe('formatValue (through Grafana value formats)', () => {
  it.each([
    [0.9995, 'percentunit', '99.95%'],
    [0.001, 'percentunit', '0.1%'],
    [1, 'percentunit', '100%'],
    [0, 'percentunit', '0%'],
    [3, 'short', '3'],
    [67, 'none', '67'],
    [67, '', '67'],
    [3.5, 'h', '3.5 hour'],
    [1234.5, 'currencyUSD', '$1.2345K'],
    [5, 'not-a-unit', '5 not-a-unit'],
    [-0.002, 'percentunit', '-0.2%'],
  ])('%p %s -> %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('never rounds a value onto a different target', () => {
    expect(formatValue(0.99899, 'percentunit', 0.999)).toBe('99.899%');
    expect(formatValue(0.999, 'percentunit', 0.999)).toBe('99.9%');
    expect(formatValue(0.9995, 'percentunit', 0.999)).toBe('99.95%');
  });

  it('leaves decimals to Grafana for formats that are not plain numbers', () => {
    expect(chooseDecimals(FIXED_NOW, 'dateTimeAsIso')).toBeUndefined();
  });
});

describe('formatChange', () => {
  it('signs the change in the metric unit', () => {
    expect(formatChange(0.0005, 'percentunit')).toBe('+0.05%');
    expect(formatChange(-3, 'short')).toBe('-3');
    expect(formatChange(0, 'short')).toBe('0');
  });
});

describe('formatTarget', () => {
  it.each([
    ['higher-is-better', 0.999, 0.999, '≥ 99.9%'],
    ['lower-is-better', 0.001, 0.001, '≤ 0.1%'],
    ['within', -0.1, 0.05, '-10% … 5%'],
    ['within', 0, 0, '0%'],
  ])('%s %p…%p -> %s', (direction, target, targetHigh, text) => {
    expect(formatTarget({ direction, target, targetHigh, unit: 'percentunit' })).toBe(text);
  });

  it('is empty without a target', () => {
    expect(formatTarget({ direction: 'higher-is-better', target: null, targetHigh: null, unit: 'short' })).toBe('');
  });
});

describe('formatInstant', () => {
  it('uses the dashboard time zone', () => {
    expect(formatInstant(FIXED_NOW, 'utc')).toBe('2026-11-16 12:00 UTC');
    expect(formatInstant(FIXED_NOW, 'Europe/Berlin')).toBe('2026-11-16 13:00 CET');
  });
});

describe('sinceText', () => {
  const base = { colour: 'red' as const, lowerBound: false, asOf: FIXED_NOW, timeZone: 'utc' };

  it('says "for N d" for a week or more', () => {
    expect(sinceText({ ...base, since: FIXED_NOW - 12 * DAY - 3 * HOUR })?.text).toBe('red for 12 d');
  });

  it('names the weekday within the last week (FIXED_NOW is a Monday)', () => {
    expect(sinceText({ ...base, colour: 'amber', since: FIXED_NOW - 2 * DAY })?.text).toBe('amber since Sat');
    expect(sinceText({ ...base, colour: 'amber', since: FIXED_NOW - 7 * DAY + MINUTE })?.text).toBe('amber since Mon');
  });

  it('names the time on the same day', () => {
    expect(sinceText({ ...base, since: FIXED_NOW - 2 * HOUR - 48 * MINUTE })?.text).toBe('red since 09:12');
  });

  it('marks a lower bound with ≥', () => {
    const text = sinceText({ ...base, lowerBound: true, since: FIXED_NOW - 3 * DAY });
    expect(text?.text).toBe('red for ≥ 3 d');
    expect(text?.title).toContain('at least since 2026-11-13 12:00 UTC');
  });

  it('keeps the exact instant in the title, in the dashboard zone', () => {
    expect(sinceText({ ...base, timeZone: 'Europe/Berlin', since: FIXED_NOW - 2 * HOUR })).toEqual({
      text: 'red since 11:00',
      title: 'red since 2026-11-16 11:00 CET',
    });
  });

  it('is absent without a since time', () => {
    expect(sinceText({ ...base, since: null })).toBeUndefined();
  });
});
