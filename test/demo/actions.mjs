// The demo's actions (docs/demo-scenario.md): what the owners of some off-target metrics are doing about them, as the
// Grafana annotations Candor reads. Built with src/core/actions.ts itself (loaded through tsx), so the demo's tags
// and texts are exactly what Candor writes. Times are relative to T0, the moment the stack starts (the same T0 that
// seeds PostgreSQL and Prometheus); due dates are UTC days.
//   demoActions(t0) -> [{ time, timeEnd, text, tags, created, updated }]: POST bodies of /api/annotations plus the
//   created/updated times Grafana would have recorded; test/stack/lib/double.mjs seeds the double's store with them.
import { tsImport } from 'tsx/esm/api';

const { annotationForAction, closedTags } = await tsImport('../../src/core/actions.ts', import.meta.url);

export const DEMO_SCORECARD = 'platform-scorecard';
const DAY_MS = 86_400_000;

/** The UTC day `days` after T0 (negative: before), as `YYYY-MM-DD`. */
export const utcDay = (t0, days) => new Date(t0 + days * DAY_MS).toISOString().slice(0, 10);

/**
 * One entry per action: recorded `recorded` days after T0 (negative: before), due on the UTC day `due` days after
 * T0, closed `closed` days after T0 when set. The comment says what it does to the metric's escalation at T0.
 */
export const DEMO_ACTIONS = [
  // Open, due in a week: the amber metric does not escalate.
  {
    metricId: 'p0-p1-incidents',
    owner: 'VP Engineering',
    text: 'Post-incident reviews of the P1 and the P0; a deploy guard for schema migrations',
    link: 'https://grafana.example.com/d/incidents/incident-review',
    recorded: -8,
    due: 7,
  },
  // Overdue (due yesterday): the metric escalates.
  {
    metricId: 'critical-patch-time',
    owner: 'Head of Security Engineering',
    text: 'Patch the open critical finding in the video transcoder base image',
    recorded: -2,
    due: -1,
  },
  // Open, due in three weeks.
  {
    metricId: 'nps',
    owner: 'VP Customer Success',
    text: 'Interview the detractors of the last survey; fix the top two complaints',
    recorded: -20,
    due: 21,
  },
  // Open, due in three days: the red metric does not escalate.
  {
    metricId: 'budget-variance',
    owner: 'CFO',
    text: 'Freeze non-critical cloud spend until the month closes',
    recorded: -5,
    due: 3,
  },
  // Closed ten days ago: the metric has no open action and escalates.
  {
    metricId: 'infra-cost-trend',
    owner: 'Head of FinOps',
    text: 'Rightsize the staging cluster',
    recorded: -30,
    due: -12,
    closed: -10,
  },
];

/**
 * The executive performance catalog's actions (docs/demo-scenario.md, "Executive performance"): the seed's
 * "immediate actions" and a few more, so its amber metrics read "action in progress". One is overdue (code quality:
 * it escalates); the ambers without one (revenue growth, sales cycle, deal size, payback, support rating, the stale
 * risk) escalate after 48 hours, as Candor's rule says.
 */
export const EXEC_SCORECARD = 'executive-performance';
export const EXEC_ACTIONS = [
  { metricId: 'churn-rate', owner: 'CRO', text: 'Retention program for the at-risk customers', recorded: -6, due: 7 },
  {
    metricId: 'api-response-time',
    owner: 'CTO',
    text: 'Deploy the API performance improvements',
    recorded: -3,
    due: 4,
  },
  { metricId: 'team-satisfaction', owner: 'CHRO', text: 'Launch the engagement programme', recorded: -1, due: 14 },
  {
    metricId: 'customer-retention',
    owner: 'CRO',
    text: 'Renewal outreach to the accounts at risk',
    recorded: -10,
    due: 20,
  },
  {
    metricId: 'nps',
    owner: 'CRO',
    text: 'Interview the detractors; fix the top two complaints',
    recorded: -10,
    due: 21,
  },
  { metricId: 'burn-rate', owner: 'CFO', text: 'Hiring freeze outside product and sales', recorded: -4, due: 25 },
  { metricId: 'runway', owner: 'CFO', text: 'Close the remaining €6M of the Series A', recorded: -20, due: 30 },
  {
    metricId: 'pipeline-value',
    owner: 'CRO',
    text: 'Outbound campaign to enterprise accounts',
    recorded: -12,
    due: 18,
  },
  { metricId: 'win-rate', owner: 'CRO', text: 'Discovery-call training for the sales team', recorded: -5, due: 25 },
  { metricId: 'cac', owner: 'CRO', text: 'Move budget to the channels with the lowest CAC', recorded: -8, due: 30 },
  { metricId: 'ltv', owner: 'CFO', text: 'Annual plans with a discount', recorded: -9, due: 40 },
  // ARR is amber by its goal (late at the last 90 days' pace), long enough to escalate without this.
  { metricId: 'arr', owner: 'CFO', text: 'Enterprise tier and a price rise for new contracts', recorded: -15, due: 45 },
  { metricId: 'code-quality', owner: 'CTO', text: 'Refactor the five worst hotspots', recorded: -14, due: -2 },
  {
    metricId: 'bug-resolution-time',
    owner: 'CTO',
    text: 'A bug triage rota with a 4-hour first response',
    recorded: -1,
    due: 10,
  },
  { metricId: 'feature-delivery-time', owner: 'CTO', text: 'Split epics into one-week slices', recorded: -1, due: 21 },
  {
    metricId: 'time-to-value',
    owner: 'CRO',
    text: 'An onboarding specialist for every new account',
    recorded: -1,
    due: 30,
  },
  {
    metricId: 'strategic-initiatives',
    item: 'Series A funding',
    owner: 'CEO',
    text: 'Weekly investor pipeline review',
    recorded: -7,
    due: 14,
  },
];

/** An annotation that is not a Candor action (a deploy marker): Candor must ignore it. */
export const DEMO_OTHER = { tags: ['deploy'], text: 'Deploy v2.14', recorded: -1 };

/** One action of a scorecard as the annotation Grafana would hold at `t0`: recorded, and closed when it was. */
function annotationOf(scorecardId, a, t0) {
  const { tags, text } = annotationForAction({
    scorecardId,
    metricId: a.metricId,
    ...(a.item ? { item: a.item } : {}),
    owner: a.owner,
    text: a.text,
    dueDate: utcDay(t0, a.due),
    ...(a.link ? { link: a.link } : {}),
  });
  const time = t0 + a.recorded * DAY_MS;
  if (a.closed === undefined) {
    return { time, timeEnd: time, text, tags, created: time, updated: time };
  }
  const closedAt = t0 + a.closed * DAY_MS;
  return { time, timeEnd: closedAt, text, tags: closedTags(tags), created: time, updated: closedAt };
}

/** The demo's annotations for a stack started at `t0` (epoch ms), in the order they are stored (ids 1, 2, …). */
export function demoActions(t0) {
  const actions = DEMO_ACTIONS.map((a) => annotationOf(DEMO_SCORECARD, a, t0));
  const other = t0 + DEMO_OTHER.recorded * DAY_MS;
  // The executive catalog's actions come last, so the platform scorecard's keep their ids.
  const executive = EXEC_ACTIONS.map((a) => annotationOf(EXEC_SCORECARD, a, t0));
  return [
    ...actions,
    { time: other, timeEnd: other, text: DEMO_OTHER.text, tags: DEMO_OTHER.tags, created: other },
    ...executive,
  ];
}
