import { formatSpan, parseInstant } from './duration';

describe('parseInstant: a full ISO 8601 instant, or nothing', () => {
  it.each([
    ['2026-11-16T12:00:00Z', Date.UTC(2026, 10, 16, 12)],
    ['2026-11-16T12:00Z', Date.UTC(2026, 10, 16, 12)],
    ['2026-11-16T13:00:00+01:00', Date.UTC(2026, 10, 16, 12)],
    ['2026-11-16T12:00:00.250Z', Date.UTC(2026, 10, 16, 12, 0, 0, 250)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '0',
    'Nov 16',
    '2026-11-16',
    '2026-11-16T12:00:00',
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00Z',
    '2026-11-16T25:00Z',
    ' 2026-11-16T12:00Z',
    '',
  ])('%j is refused', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('formatSpan: how long, floored, in words people use', () => {
  const MIN = 60_000;
  it.each([
    [0, '0 min'],
    [47 * MIN + 59_000, '47 min'],
    [60 * MIN, '1 h'],
    [47 * 60 * MIN, '47 h'],
    [50 * 60 * MIN, '2 days'],
    [(21 * 24 + 23) * 60 * MIN, '21 days'],
    [100 * 24 * 60 * MIN, '14 weeks'],
    [-5, '0 min'],
  ])('%p ms reads %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
