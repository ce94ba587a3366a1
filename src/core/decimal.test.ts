import fc from 'fast-check';

import { big, compare, compareScaled, fromNumber, fromText } from './decimal';

describe('decimal', () => {
  it.each([
    ['12.50', { m: big(1250), e: -2 }],
    ['-0.001', { m: big(-1), e: -3 }],
    ['1e-7', { m: big(1), e: -7 }],
    ['1.5e+21', { m: big(15), e: 20 }],
    ['007', { m: big(7), e: 0 }],
  ])('reads %s exactly', (text, dec) => {
    expect(fromText(text)).toEqual(dec);
  });

  it.each(['', '.', 'abc', '1.2.3', '--1', '1e'])('refuses "%s"', (text) => {
    expect(fromText(text)).toBeUndefined();
  });

  it('compares numbers as the decimals they print as: 0.9995 is exactly 99.95 / 100', () => {
    const ratio = { num: big(1), den: big(100) };
    expect(compareScaled(fromText('99.95')!, ratio, 0.9995)).toBe(0);
    expect(compareScaled(fromText('99.949')!, ratio, 0.9995)).toBe(-1);
    expect(compareScaled(fromText('100')!, ratio, 0.9995)).toBe(1);
  });

  it('orders any two finite numbers as arithmetic does', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          expect(compare(fromNumber(a), fromNumber(b))).toBe(Math.sign(a - b) || 0);
        }
      )
    );
  });
});
