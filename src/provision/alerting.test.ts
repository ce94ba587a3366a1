import { createMetric } from '../core/testing/factories';
import { ruleData } from './alerting';

describe('alert rules of itemised metrics', () => {
  it('an item named like an Object.prototype member falls back to the metric thresholds, never "undefined"', () => {
    for (const direction of ['lower-is-better', 'within'] as const) {
      const m = createMetric({
        id: 'open-security-issues',
        unit: 'short',
        direction,
        thresholds: direction === 'within' ? { green: [0, 1], amber: [0, 2] } : { green: 0, amber: 0 },
        items: {
          label: 'severity',
          expected: ['critical', 'constructor', 'toString'],
          thresholds: { critical: direction === 'within' ? { green: [0, 1], amber: [0, 3] } : { green: 0, amber: 1 } },
        },
      });
      const text = JSON.stringify(ruleData(m));
      expect(text).not.toContain('undefined');
      expect(text).toContain('constructor');
    }
  });
});
