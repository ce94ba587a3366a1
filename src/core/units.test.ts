import { getValueFormats } from '@grafana/data';

import { GRAFANA_UNITS, isKnownUnit } from './units';

describe('units', () => {
  it("equals Grafana's own list of unit ids (the core may not import Grafana, so this test proves the copy)", () => {
    const grafana = getValueFormats().flatMap((category) => (category.submenu ?? []).map((u) => String(u.value)));
    expect([...GRAFANA_UNITS].sort()).toEqual(grafana.sort());
  });

  it.each([
    ['percentunit', true],
    ['currencyUSD', true],
    ['suffix:deploys/day', true],
    ['currency:CHF', true],
    ['percentage', false],
    ['', false],
  ])('%s known: %s', (unit, known) => {
    expect(isKnownUnit(unit)).toBe(known);
  });
});
