import { FieldType } from '@grafana/data';
import { toFieldSparkline } from './sparkline';

describe('toFieldSparkline', () => {
  it('builds time and value fields in time order, with the range the Sparkline scales by', () => {
    const sparkline = toFieldSparkline(
      [
        [3000, 5],
        [1000, 2],
        [2000, 9],
      ],
      { color: '#888888', steps: false }
    )!;
    expect(sparkline.x).toMatchObject({ type: FieldType.time, values: [1000, 2000, 3000] });
    expect(sparkline.y).toMatchObject({ type: FieldType.number, values: [2, 9, 5] });
    expect(sparkline.y.state?.range).toEqual({ min: 2, max: 9, delta: 7 });
    expect(sparkline.y.config.color).toEqual({ mode: 'fixed', fixedColor: '#888888' });
    expect(sparkline.y.config.custom.lineInterpolation).toBe('linear');
  });

  it('draws counts as steps', () => {
    const sparkline = toFieldSparkline(
      [
        [1000, 2],
        [2000, 3],
      ],
      { color: '#888', steps: true }
    )!;
    expect(sparkline.y.config.custom.lineInterpolation).toBe('stepAfter');
  });

  it('is undefined with fewer than two points', () => {
    expect(toFieldSparkline([], { color: '#888', steps: false })).toBeUndefined();
    expect(toFieldSparkline([[1, 1]], { color: '#888', steps: false })).toBeUndefined();
  });
});
