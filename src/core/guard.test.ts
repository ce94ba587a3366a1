import { coreFormat, type ValueFormatter } from './evidence';
import { fingerprint } from './fingerprint';
import type { FrameLike } from './frames';
import { runEngineGuarded } from './guard';
import { createCatalog, createMetric, FIXED_NOW, HOUR } from './testing/factories';

const frame = (refId: string, value: number): FrameLike => ({
  refId,
  fields: [
    { name: 'Time', type: 'time', values: [FIXED_NOW - HOUR, FIXED_NOW] },
    { name: 'Value', type: 'number', values: [value, value] },
  ],
});

function createInput(format: ValueFormatter) {
  const catalog = createCatalog({
    metrics: [
      createMetric({ id: 'uptime' }),
      createMetric({
        id: 'latency',
        unit: 'ms',
        direction: 'lower-is-better',
        target: 100,
        thresholds: { green: 100, amber: 200 },
      }),
    ],
  });
  return {
    catalog,
    fingerprint: fingerprint(catalog),
    selection: {},
    frames: [frame('uptime', 1), frame('latency', 50)],
    errors: [],
    asOf: FIXED_NOW,
    asOfIsNow: true,
    now: FIXED_NOW,
    format,
  };
}

describe('runEngineGuarded', () => {
  it('without an exception, gives the engine output as it is', () => {
    const out = runEngineGuarded(createInput(coreFormat));
    expect(out.result.rows.map((r) => [r.metric_id, r.status])).toEqual([
      ['uptime', 'green'],
      ['latency', 'green'],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('a metric whose evaluation throws is an error with the reason; the others keep their status', () => {
    const failing: ValueFormatter = (value, style) => {
      if (style.unit === 'ms') {
        throw new TypeError('cannot format ms');
      }
      return coreFormat(value, style);
    };
    const out = runEngineGuarded(createInput(failing));
    const latency = out.result.rows.find((r) => r.metric_id === 'latency')!;
    expect(out.result.rows.find((r) => r.metric_id === 'uptime')!.status).toBe('green');
    expect(latency.status).toBe('error');
    expect(latency.colour).toBe('red');
    expect(latency.evidence).toContain('Candor could not evaluate this metric (cannot format ms)');
    expect(out.warnings).toContain('latency: evaluation failed, shown as an error: cannot format ms');
    expect(out.result.meta.overall.colour).toBe('red');
  });

  it('a failure that no single metric has is passed on, not hidden', () => {
    let calls = 0;
    const failsFirstTimeOnly: ValueFormatter = (value, style) => {
      calls += 1;
      if (calls === 1) {
        throw new Error('transient');
      }
      return coreFormat(value, style);
    };
    expect(() => runEngineGuarded(createInput(failsFirstTimeOnly))).toThrow('transient');
  });
});
