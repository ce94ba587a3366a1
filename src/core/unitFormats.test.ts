/**
 * Every unit's symbol as Grafana writes it: Grafana's value format of 1 (and of 1,500 for the scaled kinds) against
 * ours. The differences are deliberate and listed, each with its reason.
 */
import { getValueFormat } from '@grafana/data';

import { formatValue } from './format';
import { GRAFANA_UNITS } from './units';
import { unitFormat } from './unitFormats';

/** Units Candor writes differently from Grafana on purpose: the value that shows it, and why. */
const DIFFERENT: Record<string, [number, string]> = {
  dBm: [1500, 'a logarithmic unit: Grafana SI-scales it ("1.5 kdBm"), which means nothing'],
  pressurepsi: [1500, 'Grafana writes ksi for 1,500 psi; ksi reads as another unit'],
  sci: [1500, 'scientific notation is for engineers: Candor writes 1.5K'],
  sishort: [1500, 'no space before a bare SI prefix: 1.5k'],
  // Currencies written after the number get a space: "12 kr", not "12kr".
  currencyDKK: [12, 'a space before kr'],
  currencyISK: [12, 'a space before kr'],
  currencyNOK: [12, 'a space before kr'],
  currencySEK: [12, 'a space before kr'],
  currencyVND: [12, 'a space before đ'],
  currencyTRY: [12, 'a space before ₺'],
};

const grafana = (unit: string, value: number) => {
  const f = getValueFormat(unit)(value, 1);
  return `${f.prefix ?? ''}${f.text}${f.suffix ?? ''}`.trim().replace(/\.0(?=\D|$)/, '');
};

describe('unit symbols match Grafana', () => {
  const compared = GRAFANA_UNITS.filter((u) => {
    const kind = unitFormat(u).kind;
    return kind !== 'unscored' && kind !== 'duration' && !(u in DIFFERENT);
  });

  it('covers every unit Grafana has: each is compared, written differently on purpose, a duration, or unscored', () => {
    expect(compared.length).toBeGreaterThan(200);
  });

  it.each(compared)('%s writes 1 as Grafana does', (unit) => {
    expect(formatValue(1, unit)).toBe(grafana(unit, 1));
  });

  it.each(compared.filter((u) => ['si', 'binary'].includes(unitFormat(u).kind)))(
    '%s scales 1,500 to the prefix Grafana uses',
    (unit) => {
      const ours = formatValue(1500, unit).replace(/^[\d.]+/, '');
      expect(grafana(unit, 1500).replace(/^[\d.]+/, '')).toBe(ours);
    }
  );

  it('writes durations in words people use, not Grafana\'s "1.28571 weeks"', () => {
    expect(grafana('d', 9)).toMatch(/^1\.3 week/);
    expect(formatValue(9, 'd')).toBe('9 days');
  });

  it.each(Object.entries(DIFFERENT))('%s differs on purpose: %j', (unit, [value]) => {
    expect(formatValue(value, unit)).not.toBe(grafana(unit, value));
  });
});
