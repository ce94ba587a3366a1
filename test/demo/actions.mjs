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

/** An annotation that is not a Candor action (a deploy marker): Candor must ignore it. */
export const DEMO_OTHER = { tags: ['deploy'], text: 'Deploy v2.14', recorded: -1 };

/** The demo's annotations for a stack started at `t0` (epoch ms), in the order they are stored (ids 1, 2, …). */
export function demoActions(t0) {
  const actions = DEMO_ACTIONS.map((a) => {
    const { tags, text } = annotationForAction({
      scorecardId: DEMO_SCORECARD,
      metricId: a.metricId,
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
  });
  const other = t0 + DEMO_OTHER.recorded * DAY_MS;
  return [...actions, { time: other, timeEnd: other, text: DEMO_OTHER.text, tags: DEMO_OTHER.tags, created: other }];
}
