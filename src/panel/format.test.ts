import { formatInstant, sinceText } from './format';
import { DAY, FIXED_NOW, HOUR, MINUTE } from './testing/factories';

describe('formatInstant', () => {
  it('uses the dashboard time zone', () => {
    expect(formatInstant(FIXED_NOW, 'utc')).toBe('2026-11-16 12:00 UTC');
    expect(formatInstant(FIXED_NOW, 'Europe/Berlin')).toBe('2026-11-16 13:00 CET');
  });
});

describe('sinceText', () => {
  const base = { colour: 'red' as const, lowerBound: false, asOf: FIXED_NOW, timeZone: 'utc' };

  it('says "for N days" for a week or more', () => {
    expect(sinceText({ ...base, since: FIXED_NOW - 12 * DAY - 3 * HOUR })?.text).toBe('red for 12 days');
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
    expect(text?.text).toBe('red for ≥ 3 days');
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
