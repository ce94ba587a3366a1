import { formatValue } from './valueFormat';

describe('formatValue', () => {
  it.each([
    [0.9995, 'percentunit', '99.95%'],
    [0.999, 'percentunit', '99.9%'],
    [0.98999, 'percentunit', '98.999%'],
    [1, 'percentunit', '100%'],
    [0, 'percentunit', '0%'],
    [42, 'short', '42'],
    [1234567, 'short', '1.23457 Mil'],
    [3, 'h', '3 hour'],
    [40.5, 'currencyUSD', '$40.5'],
    [-0.12, 'percentunit', '-12%'],
  ])('%s %s -> %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it('never rounds a value onto a boundary it is below', () => {
    expect(formatValue(0.99949, 'percentunit')).not.toBe(formatValue(0.9995, 'percentunit'));
  });
});
