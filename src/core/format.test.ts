import { formatChange, formatExact, formatValue, showValue, type Mark } from './format';

const atLeast = (at: number): Mark => ({ at, side: 'atLeast' });
const atMost = (at: number): Mark => ({ at, side: 'atMost' });
const exactly = (at: number): Mark => ({ at, side: 'exactly' });

describe('formatValue: three significant digits, human units', () => {
  it.each([
    // The values the issue found in machine precision, as people read them.
    [0.068182, 'percentunit', '6.82%'],
    [1.28571 * 7, 'd', '9 days'],
    [15.2267, 'h', '15 h'],
    [0.42407, 'currencyUSD', '$0.42'],
    [0.78, 'h', '47 min'],
    [0.0004207, 'percentunit', '0.0421%'],
    [35.185, 'none', '35.2'],
    // Durations: the largest unit that reads well, two significant digits.
    [45, 's', '45 s'],
    [90, 'm', '1.5 h'],
    [47.9, 'h', '2 days'],
    [21, 'd', '3 weeks'],
    [400, 'd', '1.1 years'],
    [1, 'd', '24 h'],
    [2, 'd', '2 days'],
    [250, 'ms', '250 ms'],
    [0.5, 'dtdurations', '500 ms'],
    // Money: cents below 10, whole above, compact from a thousand.
    [4.5, 'currencyUSD', '$4.50'],
    [36.123, 'currencyUSD', '$36'],
    [1234567, 'currencyUSD', '$1.23M'],
    [1200000, 'currencyEUR', '€1.2M'],
    [-7, 'currencyUSD', '-$7'],
    [12, 'currencySEK', '12 kr'],
    [1500, 'currency:CHF', 'CHF1.5K'],
    // Plain, SI, binary, custom.
    [999.7, 'short', '1K'],
    [1500, 'reqps', '1.5K req/s'],
    [0.0042, 'watt', '4.2 mW'],
    [1536, 'bytes', '1.5 KiB'],
    [2.5e6, 'decbytes', '2.5 MB'],
    [12, 'suffix:deploys', '12 deploys'],
    [12345, 'count:tickets', '12.3K tickets'],
    [0, 'percentunit', '0%'],
    // Candor's own units (candorUnits.ts).
    [3.2, 'ratio', '3.2:1'],
    [7.74, 'ratio', '7.74:1'],
    [8.5, 'score:10', '8.5/10'],
    [4.8, 'score:5', '4.8/5'],
    [67, 'nps', '+67'],
    [-12, 'nps', '-12'],
    [0, 'nps', '0'],
    [8, 'months', '8 months'],
    [1, 'months', '1 month'],
    [2.5, 'months', '2.5 months'],
  ])('%p %s reads %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('writes counts whole at their own scale', () => {
    expect(formatValue(22, { unit: 'short', integer: true })).toBe('22');
    expect(formatValue(1234, { unit: 'short', integer: true })).toBe('1.23K');
  });
});

describe('formatValue: as many more digits as a mark needs, never one more', () => {
  it.each([
    // 99.949% against ≥ 99.95% must not read 99.95% (3 digits read 99.9%, below it: on the same side).
    [0.99949, 'percentunit', [atLeast(0.9995)], '99.9%'],
    [0.99949, 'percentunit', [atLeast(0.9994)], '99.95%'],
    [0.99949, 'percentunit', [atLeast(0.9995), exactly(1)], '99.9%'],
    [0.9995, 'percentunit', [atLeast(0.9995)], '100%'],
    [0.9995, 'percentunit', [atLeast(0.9995), exactly(1)], '99.95%'],
    [0.99951, 'percentunit', [atLeast(0.9995), exactly(1)], '99.95%'],
    [0.99996, 'percentunit', [exactly(1)], '99.996%'],
    [1, 'percentunit', [exactly(1)], '100%'],
    [12.3, 'h', [atMost(12)], '12.3 h'],
    [12.04, 'h', [atMost(12)], '12.04 h'],
    [1.0004, 'none', [atMost(1)], '1.0004'],
    [0.0001, 'percentunit', [], '0.01%'],
    [-0.0000001, 'percentunit', [], '-0.00001%'],
  ])('%p %s with %j reads %s', (value, unit, marks, text) => {
    expect(formatValue(value, { unit, marks })).toBe(text);
  });

  it('never reads zero for a value that is not zero', () => {
    expect(formatValue(0.0004, { unit: 'currencyUSD' })).toBe('$0.0004');
    expect(formatValue(3e-9, { unit: 'h' })).not.toMatch(/^0 /);
  });

  it('gives the parts the text is made of', () => {
    const shown = showValue(1536, { unit: 'bytes' });
    expect(shown).toMatchObject({ text: '1.5 KiB', number: '1.5', negative: false, step: 'Ki' });
    expect(Number(shown.ratio.num) / Number(shown.ratio.den)).toBe(1024);
  });
});

describe('formatExact: thresholds and targets with every digit they were written with', () => {
  it.each([
    [0.999, 'percentunit', '99.9%'],
    [0.9995, 'percentunit', '99.95%'],
    [7, 'd', '7 days'],
    [168, 'h', '7 days'],
    [24, 'h', '24 h'],
    [1, 'h', '1 h'],
    [0.4, 'currencyUSD', '$0.40'],
    [-0.1, 'percentunit', '-10%'],
    [2.5, 'short', '2.5'],
  ])('%p %s reads %s', (value, unit, text) => {
    expect(formatExact(value, unit)).toBe(text);
  });
});

describe('formatChange: at the precision of the value it changes', () => {
  it('writes one sign, also for a unit that signs its values', () => {
    expect(formatChange(8, { unit: 'nps' }, 67)).toBe('+8');
    expect(formatChange(-5, { unit: 'nps' }, 62)).toBe('-5');
    expect(formatChange(0.3, { unit: 'ratio' }, 3.2)).toBe('+0.3');
    expect(formatChange(-0.09, { unit: 'score:10' }, 8.5)).toBe('-0.09');
  });

  const fraction = { unit: 'percentunit', marks: [exactly(0), exactly(1)] };
  it.each([
    [0.00088, fraction, 0.9995, '+0.09 pt'],
    [-0.00000023, fraction, 0.99799, 'no change'],
    [0.082, { unit: 'percentunit' }, 0.14, '+8.2 pt'],
    [-0.000002, { unit: 'currencyUSD' }, 0.42407, 'no change'],
    [2.2, { unit: 'currencyUSD' }, 36.1, '+$2'],
    [-20, { unit: 'h' }, 15.2, '-20 h'],
    [-0.2, { unit: 'h' }, 15.2, 'no change'],
    [-16, { unit: 'short', integer: true }, 8, '-16'],
    [-4.8, { unit: 'none' }, 35.185, '-4.8'],
    [0, { unit: 'none' }, 3, 'no change'],
    [3, { unit: 'none' }, undefined, '+3'],
  ])('%p in %j beside %p reads %s', (change, style, current, text) => {
    expect(formatChange(change, style, current)).toBe(text);
  });
});
