/**
 * Stable `data-testid`s of the scorecard panel, for tests and for anyone embedding or checking it. Change them only
 * with a note in the changelog: browser tests and screenshot checks rely on them.
 *
 * Attributes that come with them:
 * - `scorecard`: `data-size-mode` (`full` | `pillar` | `column` | `tile`).
 * - `header`, `pillar`, `metric`: `data-status`, the colour SHOWN (`green` | `amber` | `red`).
 * - `pillar`: `data-pillar-id`. `metric`: `data-metric-id`, `data-item`, `data-state` (the status: `green`, `amber`,
 *   `red`, `noData`, `stale`, `error`) and `data-retired` (`true` on retired rows).
 * - `tierCount`: `data-tier`, `data-count` and `data-breached` (how many are past the tier's response window).
 * - `summary`: the executive summary above the pillars; `summaryItem`: one metric in it, with `data-metric-id`,
 *   `data-status` (shown colour) and `data-state` (status). `pillarScore`: a pillar's score, `data-score`.
 * - `metricGoal`: a row's dated goal and where its pace takes it.
 * - `attention`: the "needs attention" strip; `attentionItem`: one red or amber row in it, worst first, with
 *   `data-metric-id`, `data-item`, `data-status` (shown colour), `data-state` (status) and `data-tier` (alert tier).
 * - `metricStatus`: the row's one affordance (status and name), which opens its evidence (`evidence`).
 */
export const TEST_IDS = {
  scorecard: 'candor-scorecard',
  header: 'candor-header',
  overallStatus: 'candor-overall-status',
  score: 'candor-score',
  asOf: 'candor-as-of',
  catalog: 'candor-catalog',
  tierCount: 'candor-tier-count',
  summary: 'candor-summary',
  summaryItem: 'candor-summary-item',
  pillarScore: 'candor-pillar-score',
  metricGoal: 'candor-metric-goal',
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
  metricEscalated: 'candor-metric-escalated',
  evidence: 'candor-evidence',
  exploreLink: 'candor-explore-link',
  action: 'candor-action',
  actionForm: 'candor-action-form',
  actionDone: 'candor-action-done',
  tileMore: 'candor-tile-more',
  attention: 'candor-attention',
  attentionItem: 'candor-attention-item',
  pillarAnswer: 'candor-pillar-answer',
} as const;
