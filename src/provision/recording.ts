/**
 * Prometheus recording rules for the Prometheus-sourced active metrics, so large organisations can precompute the
 * definitions in Prometheus, Mimir or Thanos rulers. One group per catalog; the series is named
 * `candor:<metric id with underscores>:<unit kind>` and labelled with the scorecard id. An expression that uses
 * Grafana variables or macros (`$__range`, `$var`) cannot run in Prometheus and is skipped, with a comment.
 */
import { isPrometheus, type MetricDef } from '../core/types';
import { activeMetrics, type CatalogInput, generatedHeader, type GeneratedFile } from './context';
import { toYaml } from './yaml';

const UNIT_SUFFIX: Record<string, string> = {
  percentunit: 'ratio',
  percent: 'percent',
  ms: 'milliseconds',
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
  currencyUSD: 'usd',
};

export function recordName(m: MetricDef): string {
  return `candor:${m.id.replace(/-/g, '_')}:${UNIT_SUFFIX[m.unit] ?? 'value'}`;
}

export const usesGrafanaVariables = (expr: string) => expr.includes('$');

export function generateRecordingRules(inputs: CatalogInput[]): GeneratedFile {
  const skipped: string[] = [];
  const groups = inputs
    .map(({ catalog }) => {
      const rules = activeMetrics(catalog).flatMap((m) => {
        if (!isPrometheus(m.source)) {
          return [];
        }
        const expr = m.source.prometheus.expr.trim();
        if (usesGrafanaVariables(expr)) {
          skipped.push(
            `${catalog.scorecard.id}/${m.id} (uses Grafana variables or macros, which Prometheus cannot evaluate)`
          );
          return [];
        }
        return [{ record: recordName(m), expr: `${expr}\n`, labels: { scorecard: catalog.scorecard.id } }];
      });
      return { name: `candor-${catalog.scorecard.id}`, interval: '1m', rules };
    })
    .filter((g) => g.rules.length > 0);
  const header = [
    ...generatedHeader(inputs),
    '',
    'Recording rules of the Prometheus-sourced metrics (check them with `promtool check rules`). The catalog',
    'queries stay the definition; point a metric at its recorded series only with an approved catalog change.',
    ...(skipped.length > 0 ? ['Skipped:', ...skipped.map((s) => `  ${s}`)] : ['Skipped: none.']),
  ];
  return { path: 'provisioning/prometheus/recording-rules.yaml', content: toYaml({ groups }, header) };
}
