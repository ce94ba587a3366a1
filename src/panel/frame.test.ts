import { createDataFrame, FieldType } from '@grafana/data';
import { describeMissing, FRAME_FIELDS, FrameCells, missingParts } from './frame';
import { createScorecardFrame } from './testing/factories';

describe('missingParts', () => {
  it('finds nothing missing in a complete frame', () => {
    expect(missingParts(createScorecardFrame())).toEqual({ fields: [], meta: [] });
  });

  it('lists missing fields in schema order and mistyped meta keys', () => {
    const frame = createScorecardFrame({
      omit: ['links', 'status'],
      meta: { asOf: 'yesterday' as never, title: undefined },
    });
    expect(missingParts(frame)).toEqual({
      fields: ['status', 'links'],
      meta: ['meta.custom.candor.title', 'meta.custom.candor.asOf'],
    });
  });

  it('names meta.custom.candor when there is none', () => {
    const frame = createDataFrame({ fields: FRAME_FIELDS.map((name) => ({ name, values: [] })) });
    expect(missingParts(frame)).toEqual({ fields: [], meta: ['meta.custom.candor'] });
  });
});

describe('describeMissing', () => {
  it.each([
    [{ fields: ['status'], meta: [] }, 'Not a Candor scorecard frame: missing field status'],
    [
      { fields: ['status', 'colour'], meta: ['meta.custom.candor'] },
      'Not a Candor scorecard frame: missing fields status, colour; meta.custom.candor',
    ],
    [
      { fields: [], meta: ['meta.custom.candor.asOf'] },
      'Not a Candor scorecard frame: missing meta.custom.candor.asOf',
    ],
  ])('%j', (missing, text) => {
    expect(describeMissing(missing)).toBe(text);
  });
});

describe('FrameCells', () => {
  const frame = createDataFrame({
    fields: [
      { name: 'value', type: FieldType.number, values: [1.5, Number.NaN, null, Infinity] },
      { name: 'name', type: FieldType.string, values: ['a', 7, null, undefined] },
      { name: 'last_sample', type: FieldType.time, values: [1000, new Date(2000), 'x', null] },
      { name: 'retired', type: FieldType.boolean, values: [true, 'true', false, 1] },
    ],
  });
  const cells = new FrameCells(frame);

  it('reads finite numbers only', () => {
    expect([0, 1, 2, 3].map((i) => cells.number('value', i))).toEqual([1.5, null, null, null]);
  });

  it('reads text, numbers as text, and nothing as ""', () => {
    expect([0, 1, 2, 3].map((i) => cells.text('name', i))).toEqual(['a', '7', '', '']);
  });

  it('reads times from numbers and Dates', () => {
    expect([0, 1, 2, 3].map((i) => cells.time('last_sample', i))).toEqual([1000, 2000, null, null]);
  });

  it('reads true and "true" as true, anything else as false, and absent fields as empty', () => {
    expect([0, 1, 2, 3].map((i) => cells.bool('retired', i))).toEqual([true, true, false, false]);
    expect(cells.text('owner', 0)).toBe('');
  });
});
