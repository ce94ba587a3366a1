import { isPartialNotice, observationFromFrames, toNumber, toTime, type FrameLike } from './frames';
import { FIXED_NOW, HOUR } from './testing/factories';

type Notice = { severity?: string; text: string };

/** A readable frame (one series) with the given notices. */
function createFrame(overrides: { notices?: Notice[]; value?: unknown } = {}): FrameLike {
  return {
    refId: 'm',
    fields: [
      { name: 'Time', type: 'time', values: [FIXED_NOW - HOUR, FIXED_NOW] },
      {
        name: 'Value',
        type: typeof overrides.value === 'string' ? 'string' : 'number',
        values: [1, overrides.value ?? 1],
      },
    ],
    meta: overrides.notices ? { notices: overrides.notices } : undefined,
  };
}
/** A frame of one time and one number field, whatever their values. */
const timeValueFrame = (times: unknown[], values: unknown[]): FrameLike => ({
  refId: 'm',
  fields: [
    { name: 'Time', type: 'time', values: times },
    { name: 'Value', type: 'number', values },
  ],
});
const read = (frames: FrameLike[]) => observationFromFrames({ metricId: 'm', frames, source: 'Prometheus (prom)' });

describe('observationFromFrames: partial and unreadable data is never evidence', () => {
  it.each([
    [
      'a value string that is not a number',
      [1, '80 '],
      [FIXED_NOW - HOUR, FIXED_NOW],
      'a value that is not a number ("80 " in Value)',
    ],
    [
      'a value without a readable time',
      [1, 0.8],
      [FIXED_NOW - HOUR, '2026-11-16 25:00'],
      'a value without a readable time (row 2)',
    ],
    ['a value whose time is null', [1, 0.8], [FIXED_NOW - HOUR, null], 'a value without a readable time (row 2)'],
  ])(
    '%s makes the frame unreadable, never a skipped sample (the older value would stand)',
    (_n, values, times, why) => {
      const frame = timeValueFrame(times, values);
      expect(read([frame]).observation).toEqual({
        error: `unsupported data: the query returned ${why}`,
        source: 'Prometheus (prom)',
      });
    }
  );

  it('a readable frame is a series; warning and info notices are passed on', () => {
    const out = read([createFrame({ notices: [{ severity: 'warning', text: 'metric might not be a counter' }] })]);
    expect(out.observation).toMatchObject({
      series: [{ times: [FIXED_NOW - HOUR, FIXED_NOW], values: [1, 1] }],
    });
    expect(out.warnings).toEqual(['m: Prometheus (prom): metric might not be a counter']);
  });

  it('a notice of severity error (a partial result) makes the metric an error naming it', () => {
    const out = read([createFrame({ notices: [{ severity: 'error', text: 'query timed out; partial result' }] })]);
    expect(out.observation).toEqual({
      error: 'incomplete result: query timed out; partial result',
      source: 'Prometheus (prom)',
    });
  });

  it('a readable frame next to an unreadable one is an error naming the unreadable frame', () => {
    const out = read([createFrame(), createFrame({ value: 'up' })]);
    expect(out.observation).toEqual({
      error:
        'partly unreadable data: frame 2 of 2 returned a frame without a number field (fields: Time:time, Value:string); the readable frames are not scored alone',
      source: 'Prometheus (prom)',
    });
  });

  it('only unreadable frames: unsupported data', () => {
    const out = read([createFrame({ value: 'up' })]);
    expect(out.observation).toMatchObject({
      error: expect.stringMatching(/^unsupported data: the query returned a frame/),
    });
  });
});

describe('toNumber: what counts as a number in a number field', () => {
  it.each([
    [3, 3],
    ['12', 12],
    ['-0.5', -0.5],
    ['1e-3', 0.001],
    ['.5', 0.5],
  ])('%j reads as %j', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });

  it.each(['0x0', ' 0 ', '', 'Infinity', '1_000', '0b1', '1,5', 'NaN', null, undefined, true, {}])(
    '%j is not evidence',
    (input) => {
      expect(toNumber(input)).toBeNull();
    }
  );
});

describe('frames that cannot be read as they stand', () => {
  it('a ragged frame (fields of different lengths) is not read, whichever field is short', () => {
    for (const [times, values] of [
      [[], [9]],
      [[FIXED_NOW - HOUR], [0, 9]],
      [[FIXED_NOW - HOUR, FIXED_NOW], [0]],
    ]) {
      const frame = timeValueFrame(times, values);
      expect(read([frame]).observation).toEqual({
        error: `unsupported data: the query returned fields of different lengths (Time: ${times.length}, Value: ${values.length})`,
        source: 'Prometheus (prom)',
      });
    }
  });

  it.each([
    [{ severity: 'error', text: 'query timed out' }, true],
    [{ severity: 'Error', text: 'x' }, true],
    [{ severity: 'warning', text: 'partial response: store gateway unavailable' }, true],
    [{ severity: 'warning', text: 'PromQL info: metric might not be a counter' }, false],
    [{ text: 'Partial data: 2 of 3 shards answered' }, true],
  ])('%j is partial: %s', (notice, partial) => {
    expect(isPartialNotice(notice)).toBe(partial);
  });
});

describe('toTime: a time cell in epoch milliseconds, a text without a zone read as UTC wherever it is read', () => {
  it.each<[unknown, number]>([
    [FIXED_NOW, FIXED_NOW],
    [new Date(FIXED_NOW), FIXED_NOW],
    ['2026-11-16T11:00:00Z', FIXED_NOW - HOUR],
    ['2026-11-16T12:00:00+01:00', FIXED_NOW - HOUR],
    ['2026-11-16 11:00:00', FIXED_NOW - HOUR],
    ['2026-11-16T11:00', FIXED_NOW - HOUR],
    ['2026-11-16 11:00:00.000', FIXED_NOW - HOUR],
    ['2026-11-16 12:00:00+01', FIXED_NOW - HOUR],
    ['2026-11-16T12:00:00+0100', FIXED_NOW - HOUR],
    ['2026-11-16', FIXED_NOW - 12 * HOUR],
  ])('%j -> %d', (cell, ms) => {
    expect(toTime(cell)).toBe(ms);
  });
  it.each([['yesterday'], ['11/16/2026 11:00'], ['Mon, 16 Nov 2026 11:00:00'], [null], [{}]])(
    '%j is unreadable (NaN)',
    (cell) => {
      expect(toTime(cell)).toBeNaN();
    }
  );
});
