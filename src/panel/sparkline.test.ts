import fc from 'fast-check';
import { sparklinePath } from './sparkline';

const BOX = { width: 72, height: 18, pad: 1, steps: false };

/** Every coordinate pair of a path, whatever its commands. */
function coordinates(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let [x, y] = [NaN, NaN];
  for (const [, cmd, args] of d.matchAll(/([MLHV])([^MLHV]*)/g)) {
    const n = args.trim().split(/\s+/).map(Number);
    if (cmd === 'H') {
      x = n[0];
    } else if (cmd === 'V') {
      y = n[0];
    } else {
      [x, y] = n;
    }
    out.push([x, y]);
  }
  return out;
}

describe('sparklinePath', () => {
  it.each([
    ['a line', false, 'M1 17L36 1L71 9'],
    ['steps for counts', true, 'M1 17H36V1H71V9'],
  ])('draws %s over the box, oldest point left, lowest value at the bottom', (_name, steps, d) => {
    const points: Array<[number, number]> = [
      [2000, 2],
      [0, 1],
      [1000, 3],
    ];
    expect(sparklinePath(points, { ...BOX, steps })).toBe(d);
  });

  it('draws a flat series through the middle', () => {
    expect(
      sparklinePath(
        [
          [0, 5],
          [10, 5],
        ],
        BOX
      )
    ).toBe('M1 9L71 9');
  });

  it('is undefined with fewer than two readable points', () => {
    expect(sparklinePath([], BOX)).toBeUndefined();
    expect(sparklinePath([[1, 1]], BOX)).toBeUndefined();
    expect(
      sparklinePath(
        [
          [1, 1],
          [2, NaN],
        ],
        BOX
      )
    ).toBeUndefined();
  });

  it('stays inside the box, pad included, and goes left to right, for any series (property)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 60 }), fc.boolean(), (points, steps) => {
        const xy = coordinates(sparklinePath(points, { ...BOX, steps })!);
        for (const [x, y] of xy) {
          expect(x).toBeGreaterThanOrEqual(BOX.pad);
          expect(x).toBeLessThanOrEqual(BOX.width - BOX.pad);
          expect(y).toBeGreaterThanOrEqual(BOX.pad);
          expect(y).toBeLessThanOrEqual(BOX.height - BOX.pad);
        }
        xy.slice(1).forEach(([x], i) => expect(x).toBeGreaterThanOrEqual(xy[i][0]));
      })
    );
  });
});
