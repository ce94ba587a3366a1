// Types of the double's Prometheus planner for the TypeScript tests that call it (test/integration/double.test.ts).
export interface PlannedQuery {
  expr: string;
  stepMs: number;
  start: number;
  end: number;
  legendFormat: string;
}
export function planPrometheusQuery(
  q: { expr?: string; interval?: string; intervalMs?: number; maxDataPoints?: number; intervalFactor?: number },
  range: { from: number; to: number },
  options?: { scrapeInterval?: string }
): PlannedQuery;
export function roundInterval(ms: number): number;
