/**
 * Stable `data-testid`s of the scorecard panel, for tests and for anyone embedding or checking it. Change them only
 * with a note in the changelog: browser tests and screenshot checks rely on them.
 *
 * Attributes that come with them:
 * - `scorecard`: `data-size-mode` (`full` | `pillar` | `column` | `tile`).
 * - `header`, `pillar`, `metric`: `data-status`, the colour SHOWN (`green` | `amber` | `red`).
 * - `pillar`: `data-pillar-id`. `metric`: `data-metric-id`, `data-item`, `data-state` (the status: `green`, `amber`,
 *   `red`, `noData`, `stale`, `error`) and `data-retired` (`true` on retired rows).
 * - `tierCount`: `data-tier` and `data-count`.
 */
export const TEST_IDS = {
  scorecard: 'candor-scorecard',
  header: 'candor-header',
  overallStatus: 'candor-overall-status',
  score: 'candor-score',
  asOf: 'candor-as-of',
  catalog: 'candor-catalog',
  tierCount: 'candor-tier-count',
  fingerprintBanner: 'candor-fingerprint-banner',
  notices: 'candor-notices',
  warn: 'candor-warn',
  pillar: 'candor-pillar',
  pillarStatus: 'candor-pillar-status',
  metric: 'candor-metric',
  metricName: 'candor-metric-name',
  metricValue: 'candor-metric-value',
  metricTarget: 'candor-metric-target',
  metricTrend: 'candor-metric-trend',
  metricStatus: 'candor-metric-status',
  metricSince: 'candor-metric-since',
  metricOwner: 'candor-metric-owner',
  metricProblem: 'candor-metric-problem',
  metricLink: 'candor-metric-link',
  evidence: 'candor-evidence',
  tileMore: 'candor-tile-more',
} as const;
