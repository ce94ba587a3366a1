// Seed of the second catalog, "Executive Performance Monitoring" of an AI marketing platform, relative to T0
// (docs/demo-scenario.md, "Executive performance (second catalog)"): daily KPI closings (kpi_daily) from seven feeds,
// the initiatives register and the risk register.
// Scenario: the marketing feed has never synced (its KPIs have rows, but no feed_sync row: the Marketing department
// shows no data); churn 3.2 %; UK expansion late; Series A at risk; the economic downturn risk's review is overdue.
import { DAY, date, insert, isoDay, prng, startOfUtcDay, ts } from './sql.mjs';

/** Days of KPI history before T0's day (T0's day itself is the 401st row of each KPI). */
export const KPI_HISTORY_DAYS = 400;
/** The day before T0's day whose closing is exactly the "90 days before" figure. */
export const KPI_BASE_DAYS = 90;

/**
 * Each KPI: its feed, the closing of T0's day (`current`), the closing 90 days before (`before`), the valid range and
 * whether it is a whole number. Between the two the value moves linearly; before day T0−90 it keeps the same slope,
 * clamped to the range.
 */
export const KPIS = [
  { kpi: 'api_p95_ms', feed: 'engineering', current: 180, before: 200, min: 0 },
  { kpi: 'bug_resolution_h', feed: 'engineering', current: 24, before: 30, min: 0 },
  { kpi: 'feature_delivery_d', feed: 'engineering', current: 14, before: 18, min: 0 },
  { kpi: 'code_quality', feed: 'engineering', current: 8.5, before: 8.2, min: 0, max: 10 },
  { kpi: 'pipeline_eur', feed: 'sales', current: 3_800_000, before: 3_300_000, min: 0 },
  { kpi: 'win_rate', feed: 'sales', current: 0.35, before: 0.33, min: 0, max: 1 },
  { kpi: 'sales_cycle_d', feed: 'sales', current: 45, before: 50, min: 0 },
  { kpi: 'cac_eur', feed: 'sales', current: 2400, before: 3200, min: 0 },
  { kpi: 'deal_size_eur', feed: 'sales', current: 28_000, before: 25_000, min: 0 },
  { kpi: 'leads_month', feed: 'marketing', current: 200, before: 150, min: 0, int: true },
  { kpi: 'lead_conversion', feed: 'marketing', current: 0.12, before: 0.1, min: 0, max: 1 },
  { kpi: 'brand_awareness', feed: 'marketing', current: 0.15, before: 0.12, min: 0, max: 1 },
  { kpi: 'content_engagement', feed: 'marketing', current: 4.2, before: 4.0, min: 0, max: 5 },
  { kpi: 'marketing_roi', feed: 'marketing', current: 3.2, before: 2.9, min: 0 },
  { kpi: 'retention', feed: 'customer_success', current: 0.92, before: 0.88, min: 0, max: 1 },
  { kpi: 'nps', feed: 'customer_success', current: 67, before: 62, min: -100, max: 100, int: true },
  { kpi: 'support_rating', feed: 'customer_success', current: 4.8, before: 4.7, min: 0, max: 5 },
  { kpi: 'time_to_value_d', feed: 'customer_success', current: 45, before: 56, min: 0 },
  { kpi: 'churn', feed: 'customer_success', current: 0.032, before: 0.037, min: 0, max: 1 },
  { kpi: 'arr_eur', feed: 'finance', current: 1_200_000, before: 970_000, min: 0 },
  { kpi: 'mrr_eur', feed: 'finance', current: 100_000, before: 87_000, min: 0 },
  { kpi: 'revenue_growth', feed: 'finance', current: 0.33, before: 0.28, min: -1 },
  { kpi: 'gross_margin', feed: 'finance', current: 0.78, before: 0.75, min: 0, max: 1 },
  { kpi: 'nrr', feed: 'finance', current: 1.15, before: 1.1, min: 0 },
  { kpi: 'burn_eur_month', feed: 'finance', current: 45_000, before: 50_500, min: 0 },
  { kpi: 'ltv_eur', feed: 'finance', current: 18_500, before: 13_700, min: 0 },
  { kpi: 'ltv_cac', feed: 'finance', current: 7.7, before: 4.3, min: 0 },
  { kpi: 'payback_months', feed: 'finance', current: 8, before: 9.4, min: 0 },
  { kpi: 'runway_months', feed: 'finance', current: 14, before: 16, min: 0 },
  { kpi: 'market_share', feed: 'market', current: 0.023, before: 0.018, min: 0, max: 1 },
  { kpi: 'team_satisfaction', feed: 'people', current: 0.85, before: 0.81, min: 0, max: 1 },
];

const clamp = (v, { min = -Infinity, max = Infinity }) => Math.min(max, Math.max(min, v));

/** The trend line of `k` days before T0's day: linear through (90, before) and (0, current), clamped. */
export function kpiTrend(spec, k) {
  return clamp(spec.current + ((spec.before - spec.current) * k) / KPI_BASE_DAYS, spec);
}

/**
 * Daily closings of every KPI, with a ±0.5 % deterministic wobble, up to the day of its feed's last sync (T0's day
 * for a feed that never synced): a closing after the sync cannot have arrived. The "current" figure is that day's,
 * so the latest point a query reads is exactly it, whatever T0's time of day (just after midnight the feeds'
 * syncs still fall on the day before).
 */
export function kpiRows(t0, sync = {}) {
  const rnd = prng(41);
  const rows = [];
  for (const spec of KPIS) {
    const today = startOfUtcDay(sync[spec.feed] ?? t0);
    for (let k = KPI_HISTORY_DAYS; k >= 0; k--) {
      const wobble = rnd.between(-0.005, 0.005); // drawn every day, so each day's wobble is the same for any T0
      let value;
      if (k === 0) {
        value = spec.current;
      } else if (k === KPI_BASE_DAYS) {
        value = spec.before;
      } else {
        const v = kpiTrend(spec, k) * (1 + wobble);
        value = clamp(spec.int ? Math.round(v) : Number(v.toPrecision(6)), spec);
      }
      rows.push([spec.kpi, date(today - k * DAY), value]);
    }
  }
  return rows;
}

/** The initiatives register: [id, title, owner, started (days from T0's day), due, progress, milestones, target]. */
export const INITIATIVES = [
  // At risk: half of the plan's time has passed (about 50 % expected), 30 % done.
  ['series-a', 'Series A funding', 'CEO', -60, 60, 30, null, '€8M raised'],
  // Late: due 10 days ago, 45 % done.
  ['uk-expansion', 'UK market expansion', 'CMO', -120, -10, 45, null, '25 UK customers, a local team of 5'],
  // On track: 20 % planned 10 days ago and 70 % in 30 days (about 32 % expected now), 35 % done.
  [
    'ai-features',
    'Product feature development',
    'CTO',
    -30,
    60,
    35,
    [
      [-10, 20],
      [30, 70],
    ],
    '3 AI features released',
  ],
];

/** The risk register: [id, title, owner, probability, impact, mitigation, mitigation %, review (days from T0's day)]. */
export const RISKS = [
  ['big-tech', 'Big Tech competition', 'CEO', 0.8, 4, 'Differentiation strategy', 70, 20],
  ['talent', 'Talent shortage', 'CHRO', 0.9, 4, 'Competitive compensation', 85, 5],
  // Stale: its review was due 10 days ago.
  ['downturn', 'Economic downturn', 'CFO', 0.4, 4, 'Revenue diversification', 60, -10],
  ['churn', 'Customer churn', 'CRO', 0.6, 3, 'Retention program', 40, 10],
];

/** kpi_daily, initiatives and risks; `sync` holds the feeds' sync times (feedSyncTimes in index.mjs). */
export function seedExecutive(t0, sync) {
  const today = startOfUtcDay(t0);
  const day = (d) => date(today + d * DAY);
  const initiatives = INITIATIVES.map(([id, title, owner, started, due, progress, milestones, target]) => [
    id,
    title,
    owner,
    day(started),
    day(due),
    progress,
    target,
    milestones ? milestones.map(([d, pct]) => `${isoDay(today + d * DAY)}:${pct}`).join(';') : null,
    ts(sync.initiatives),
  ]);
  const risks = RISKS.map(([id, title, owner, probability, impact, mitigation, progress, review]) => [
    id,
    title,
    owner,
    probability,
    impact,
    mitigation,
    progress,
    day(review),
    ts(sync.risks),
  ]);
  return [
    insert('kpi_daily', ['kpi', 'day', 'value'], kpiRows(t0, sync)),
    insert(
      'initiatives',
      ['id', 'title', 'owner', 'started_on', 'due_on', 'progress', 'target', 'milestones', 'updated_at'],
      initiatives
    ),
    insert(
      'risks',
      ['id', 'title', 'owner', 'probability', 'impact', 'mitigation', 'mitigation_progress', 'review_on', 'updated_at'],
      risks
    ),
  ].join('\n');
}
