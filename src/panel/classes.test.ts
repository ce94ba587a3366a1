import { classes } from './classes';

describe('classes', () => {
  it.each([
    [['a', 'b'], 'a b'],
    [['a', false, undefined, null, '', 'b'], 'a b'],
    [[false, 'b'], 'b'],
    [[], ''],
  ])('joins %j as %j', (names, joined) => {
    expect(classes(...(names as Array<string | false | null | undefined>))).toBe(joined);
  });
});
