import { expandValues, toPoints } from './notation';

describe('series notation', () => {
  it.each([
    ['1 2 3', [1, 2, 3]],
    ['0.5x3', [0.5, 0.5, 0.5, 0.5]],
    ['1+2x3', [1, 3, 5, 7]],
    ['10-1x2', [10, 9, 8]],
    ['_ 1 _x1', ['missing', 1, 'missing', 'missing']],
    ['NaN Inf -Inf', [NaN, Infinity, -Infinity]],
    ['-5-1x1', [-5, -6]],
    ['1e-3', [0.001]],
  ])('expands %s', (text, expected) => {
    expect(expandValues(text).values).toEqual(expected);
  });

  it.each(['abc', '1x', '_+1x2', '1x2x3'])('rejects %s with the bad token named', (text) => {
    expect(expandValues(text).error).toContain(`"${text}"`);
  });

  it('refuses absurd expansions', () => {
    expect(expandValues('1x1000000').error).toMatch(/more than 100000/);
  });

  it('places the last sample at the end and skips missing values', () => {
    expect(toPoints([1, 'missing', 3], 10_000, 1000)).toEqual([
      [8000, 1],
      [10_000, 3],
    ]);
  });
});
