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
      '#888888'
    )!;
    expect(sparkline.x).toMatchObject({ type: FieldType.time, values: [1000, 2000, 3000] });
    expect(sparkline.y).toMatchObject({ type: FieldType.number, values: [2, 9, 5] });
    expect(sparkline.y.state?.range).toEqual({ min: 2, max: 9, delta: 7 });
    expect(sparkline.y.config.color).toEqual({ mode: 'fixed', fixedColor: '#888888' });
  });

  it('is undefined with fewer than two points', () => {
    expect(toFieldSparkline([], '#888')).toBeUndefined();
    expect(toFieldSparkline([[1, 1]], '#888')).toBeUndefined();
  });
});
