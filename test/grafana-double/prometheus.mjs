// A Prometheus query of `/api/ds/query`, run as Grafana's Prometheus datasource (promlib) runs it:
//   min step   = the query's `interval` (min step), else its `intervalMs`, else the datasource's scrape interval, else 15 s;
//   step       = max(min step, range / maxDataPoints rounded to a "nice" interval, range / 11,000 rounded);
//   start, end = the range's ends aligned DOWN to a multiple of the step;
//   $__interval, $__range, $__rate_interval... replaced in the expression;
// then POST /api/v1/query_range on the real Prometheus, and the response converted as promlib converts it.
import { formatInterval } from './frames.mjs';
import { convertPrometheus, finishPrometheusFrames } from './promConvert.mjs';

const SAFE_RESOLUTION = 11_000;

/** Grafana's "nice" interval rounding (gtime.RoundInterval), milliseconds in and out. */
export function roundInterval(ms) {
  const table = [
    [10, 1],
    [15, 10],
    [35, 20],
    [75, 50],
    [150, 100],
    [350, 200],
    [750, 500],
    [1500, 1000],
    [3500, 2000],
    [7500, 5000],
    [12500, 10000],
    [17500, 15000],
    [25000, 20000],
    [45000, 30000],
    [90000, 60000],
    [210000, 120000],
    [450000, 300000],
    [750000, 600000],
    [1050000, 900000],
    [1500000, 1200000],
    [2700000, 1800000],
    [5400000, 3600000],
    [9000000, 7200000],
    [16200000, 10800000],
    [32400000, 21600000],
    [86400000, 43200000],
    [172800000, 86400000],
    [604800000, 86400000],
    [1814400000, 604800000],
  ];
  for (const [limit, value] of table) {
    if (ms <= limit) {
      return value;
    }
  }
  return ms < 3628800000 ? 2592000000 : 31536000000;
}

/** Grafana duration strings: "15s", "1m", "500ms", "1h30m", "2d", a bare number of seconds. */
export function parseDuration(text) {
  const s = String(text).trim().replace(/^<|>$/g, '');
  if (/^\d+$/.test(s)) {
    return Number(s) * 1000;
  }
  const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_557_600_000 };
  let total = 0;
  let rest = s;
  const re = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/;
  while (rest) {
    const m = re.exec(rest);
    if (!m) {
      throw new Error(`invalid duration "${text}"`);
    }
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

const VARIABLE_INTERVALS = [
  '$__interval',
  '${__interval}',
  '$__interval_ms',
  '${__interval_ms}',
  '$__rate_interval',
  '${__rate_interval}',
  '$__rate_interval_ms',
  '${__rate_interval_ms}',
];

/** The query's step, expression and aligned range, as promlib's models.Parse + TimeRange compute them. */
export function planPrometheusQuery(q, range, { scrapeInterval = '' } = {}) {
  const minStepText = VARIABLE_INTERVALS.includes(q.interval) ? '' : (q.interval ?? '');
  let minStep;
  if (minStepText && minStepText !== '0s') {
    minStep = parseDuration(minStepText);
  } else if (q.intervalMs) {
    minStep = Number(q.intervalMs);
  } else {
    minStep = scrapeInterval ? parseDuration(scrapeInterval) : 15_000;
  }
  const span = range.to - range.from;
  const maxDataPoints = q.maxDataPoints ?? 100;
  const raw = span / (maxDataPoints || 1500);
  const calculated = raw < minStep ? minStep : roundInterval(raw);
  const safe = roundInterval(span / SAFE_RESOLUTION);
  const rateOnly = ['$__rate_interval', '${__rate_interval}'].includes(q.interval);
  const scrape = parseDuration(scrapeInterval || '15s');
  const adjusted = Math.max(calculated, safe);
  const stepMs = rateOnly ? Math.max(adjusted + scrape, 4 * scrape) : adjusted * (q.intervalFactor || 1);

  const queryInterval = q.intervalMs ?? 1000; // the request's own interval (Grafana's default 1 s)
  const rateInterval = Math.max(queryInterval + scrape, 4 * scrape);
  const rangeS = Math.round(span / 1000);
  const vars = [
    ['__interval_ms', String(stepMs)],
    ['__interval', formatInterval(stepMs)],
    ['__range_ms', String(span)],
    ['__range_s', String(rangeS)],
    ['__range', `${rangeS}s`],
    ['__rate_interval_ms', String(rateInterval)],
    ['__rate_interval', formatInterval(rateInterval)],
  ];
  let expr = q.expr ?? '';
  for (const [name, value] of vars) {
    expr = expr.split(`\${${name}}`).join(value).split(`$${name}`).join(value);
  }
  const align = (t) => Math.floor(t / stepMs) * stepMs;
  return { expr, stepMs, start: align(range.from), end: align(range.to), legendFormat: q.legendFormat ?? '' };
}

/** Runs one query against Prometheus at `baseUrl`; resolves a data response { frames?, error?, status }. */
export async function runPrometheusQuery(baseUrl, q, range, options = {}) {
  const plan = planPrometheusQuery(q, range, options);
  const url = `${baseUrl}/api/v1/query_range`;
  const form = new URLSearchParams({
    query: plan.expr,
    start: String(plan.start / 1000),
    end: String(plan.end / 1000),
    step: String(plan.stepMs / 1000),
  });
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (e) {
    const cause =
      e.cause?.code === 'ECONNREFUSED' ? `dial tcp ${new URL(baseUrl).host}: connect: connection refused` : e.message;
    return { error: `Post "${url}": ${cause}`, status: 502 };
  }
  const text = await res.text();
  if (![400, 422, 503].includes(res.status) && (res.status < 200 || res.status >= 300)) {
    const frames = finishPrometheusFrames([], plan);
    return {
      error: `unexpected response with status code ${res.status}: ${text.slice(0, 1024)}`,
      status: res.status,
      frames,
    };
  }
  let converted;
  try {
    converted = convertPrometheus(JSON.parse(text));
  } catch (e) {
    converted = { error: e.message };
  }
  return {
    ...(converted.error ? { error: converted.error } : {}),
    status: res.status,
    frames: finishPrometheusFrames(converted.frames ?? [], plan),
  };
}
