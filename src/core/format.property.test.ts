/**
 * The formatter's promise as properties, for every scored unit Grafana knows and the custom ones, over random
 * values and random thresholds near them (where rounding could flip a reading):
 *   1. the shown value is on the same side of every mark as the true value, and equals a mark only when it meets it
 *      (`exactly` marks: only when it is it);
 *   2. the text is the number it claims, close to the value (a wrong scale would show here);
 *   3. never more digits than a mark needed: one digit fewer would break a mark, or the default already had them;
 *   4. a change never reads as a signed zero; it is `no change` or has a non-zero digit.
 * Truth is decided on decimals (decimal.ts), independently of the formatter's own loop.
 */
import fc from 'fast-check';

import { compareScaled, fromText } from './decimal';
import { formatChange, showValue, type Mark } from './format';
import { GRAFANA_UNITS } from './units';
import { unitFormat } from './unitFormats';

const CUSTOM = ['suffix:deploys', 'prefix:#', 'count:tickets', 'si:W', 'currency:CHF', 'locale:en'];
const SCORED = [...GRAFANA_UNITS, ...CUSTOM].filter((u) => unitFormat(u).kind !== 'unscored');

/** Realistic feed values: up to 10 significant digits, 1e-6 … 1e9, either sign. */
const decimalValue = fc
  .tuple(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: -15, max: 0 }), fc.boolean())
  .map(([m, e, neg]) => Number(`${neg ? '-' : ''}${m}e${e}`))
  .filter((v) => Math.abs(v) >= 1e-6 && Math.abs(v) <= 1e9);

/** A mark near the value: the value itself, or it moved by a small relative step, written with ≤ 6 digits. */
const markNear = (v: number) =>
  fc
    .tuple(
      fc.constantFrom(0, 1e-5, -1e-5, 1e-4, -1e-4, 1e-3, -1e-3, 0.01, -0.01, 0.2, -0.2),
      fc.constantFrom<Mark['side']>('atLeast', 'atMost', 'exactly')
    )
    .map(([delta, side]): Mark => ({ at: Number((v * (1 + delta)).toPrecision(6)), side }));

/** Whether a shown number's relation to a mark (`rel`) reads as the true one (`truth`), by the mark's side. */
const agrees = (rel: number, truth: number, side: Mark['side']) =>
  side === 'atLeast' ? rel >= 0 === truth >= 0 : side === 'atMost' ? rel <= 0 === truth <= 0 : rel === truth;

const case_ = fc.constantFrom(...SCORED).chain((unit) =>
  decimalValue.chain((v) =>
    fc.record({
      unit: fc.constant(unit),
      v: fc.constant(v),
      marks: fc.array(markNear(v), { maxLength: 4 }),
      integer: fc.boolean(),
    })
  )
);

describe('the formatter never flatters (every unit, random values and thresholds)', () => {
  it('keeps every mark on the true side, the text is the number it claims, and no digit is spare', () => {
    fc.assert(
      fc.property(case_, ({ unit, v: raw, marks, integer }) => {
        const v = integer ? Math.round(raw) || 1 : raw;
        const shown = showValue(v, { unit, marks, integer });
        const signed = fromText(`${shown.negative ? '-' : ''}${shown.number}`)!;
        const all: Mark[] = [{ at: 0, side: 'exactly' }, ...marks];
        // 1. Same side of every mark.
        for (const { at, side } of all) {
          const truth = v < at ? -1 : v > at ? 1 : 0;
          const rel = compareScaled(signed, shown.ratio, at);
          expect({ unit, v, at, side, text: shown.text, agrees: agrees(rel, truth, side) }).toEqual({
            unit,
            v,
            at,
            side,
            text: shown.text,
            agrees: true,
          });
        }
        // 2. The text carries the number, close to the value.
        expect(shown.text).toContain(shown.number);
        const approx = Number(shown.number) * (Number(shown.ratio.num) / Number(shown.ratio.den));
        expect(Math.abs(approx - Math.abs(v))).toBeLessThanOrEqual(Math.abs(v) * 0.06);
        // 3. Minimal: with one decimal fewer some mark breaks, or the number has no more than the default digits.
        const [, fraction = ''] = shown.number.split('.');
        const digits = shown.number.replace('.', '').replace(/^0+/, '').length;
        if (fraction.length > 0 && digits > 3 && !/^\d+\.\d\d$/.test(shown.number)) {
          const scaled = Math.abs(v) / (Number(shown.ratio.num) / Number(shown.ratio.den));
          const shorter = fromText(`${v < 0 ? '-' : ''}${scaled.toFixed(fraction.length - 1)}`)!;
          const broken = all.some(({ at, side }) => {
            const truth = v < at ? -1 : v > at ? 1 : 0;
            return !agrees(compareScaled(shorter, shown.ratio, at), truth, side);
          });
          expect({ text: shown.text, marks: all, sparePrecision: !broken }).toEqual({
            text: shown.text,
            marks: all,
            sparePrecision: false,
          });
        }
      })
    );
  });

  it('never writes a change that rounds to zero with a sign', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCORED), decimalValue, decimalValue, (unit, change, current) => {
        const text = formatChange(change, { unit }, current);
        expect(text === 'no change' || /^[+-]\D*[1-9]/.test(text) || /^[+-].*[1-9]/.test(text)).toBe(true);
        expect(text).not.toMatch(/^[+-][^1-9]*$/);
      })
    );
  });
});
