// The demo's Prometheus series (docs/demo-schema.md, "Prometheus series"): one deterministic model used both for the
// backfilled history (OpenMetrics + promtool) and for the live exporter, so the live samples continue the history.
// Values are functions of time (seconds) and of the history's origin (when every counter was 0).
//
// Scenario (docs/demo-scenario.md): uptime 99.95 % over 30 days (green; a 2-hour outage of one endpoint 35 days ago
// makes the earlier figure amber), API error rate 0.04 % (green), SLA adherence 99.8 % (green), cost per 1,000
// requests $0.42 (green).

const API = { job: 'api', method: 'GET', route: '/v1/videos', instance: 'api-gateway:9100' };
const ENDPOINTS = [
  'https://app.localizevideos.example',
  'https://api.localizevideos.example',
  'https://cdn.localizevideos.example',
];
const CUSTOMERS = ['acme-media', 'globex-studios', 'initech-learning'];

const counter = (rate) => (t, origin) => Math.max(0, Math.floor(rate * (t - origin)));
const money = (rate) => (t, origin) => Math.round(rate * Math.max(0, t - origin) * 10_000) / 10_000;

/** probe_success: 1, except one scrape minute in 1,997 (0.05 %) and a 2-hour outage of the CDN 35 days before T0. */
function probe(offset, outage) {
  return (t, origin, t0) => {
    const minute = Math.floor(t / 60);
    if ((minute + offset) % 1997 === 0) {
      return 0;
    }
    return outage && t >= t0 - 35 * 86400 && t < t0 - 35 * 86400 + 7200 ? 0 : 1;
  };
}

/** Metric families: { name (family), type, help, series: [{ labels, value(tSeconds, originSeconds, t0Seconds) }] }. */
export const FAMILIES = [
  {
    name: 'probe_success',
    type: 'gauge',
    help: 'Whether the synthetic probe succeeded',
    series: ENDPOINTS.map((url, i) => ({
      labels: { job: 'blackbox', probe_group: 'public-endpoints', instance: url },
      value: probe(i * 613, i === 2),
    })),
  },
  {
    name: 'http_requests',
    type: 'counter',
    help: 'API requests served, by status',
    series: [
      ['200', 48],
      ['404', 1.5],
      ['500', 0.012],
      ['503', 0.008],
    ].map(([code, rate]) => ({ labels: { ...API, code }, value: counter(rate) })),
  },
  {
    name: 'sla_checks',
    type: 'counter',
    help: 'Contractual SLA checks run (one per customer contract and SLA every 5 minutes)',
    series: CUSTOMERS.flatMap((customer) =>
      ['availability', 'turnaround'].map((sla) => ({
        labels: { job: 'sla-evaluator', instance: 'sla-evaluator:9100', customer, sla },
        value: counter(1 / 300),
      }))
    ),
  },
  {
    name: 'sla_breaches',
    type: 'counter',
    help: 'SLA checks that found the SLA breached',
    // 0.2 % of all checks, all of them Globex's turnaround SLA.
    series: CUSTOMERS.flatMap((customer) =>
      ['availability', 'turnaround'].map((sla) => ({
        labels: { job: 'sla-evaluator', instance: 'sla-evaluator:9100', customer, sla },
        value: counter(customer === 'globex-studios' && sla === 'turnaround' ? 0.002 * (6 / 300) : 0),
      }))
    ),
  },
  {
    name: 'cloud_cost_usd',
    type: 'counter',
    help: 'US dollars of infrastructure cost accrued (on-demand prices less committed discounts)',
    series: [
      ['aws', 'compute', 0.012],
      ['aws', 'storage', 0.003],
      ['gcp', 'gpu-transcoding', 0.005],
      ['gcp', 'cdn', 0.001],
    ].map(([provider, service, rate]) => ({
      labels: { job: 'cost-exporter', instance: 'cost-exporter:9100', scope: 'platform', provider, service },
      value: money(rate),
    })),
  },
];

/** The sample name of a family: counters are exposed as `<name>_total`. */
export const sampleName = (family) => (family.type === 'counter' ? `${family.name}_total` : family.name);

export function labelText(labels) {
  const escape = (v) => String(v).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',')}}`;
}
