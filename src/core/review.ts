/**
 * The weekly executive review (issue 14's `candor report`): what changed since the previous review, from evidence
 * only. Pure: two evaluations of the same catalog (this week's and the previous report's, or the catalog evaluated
 * as of the start of the period), the owners' actions and the lock file's approvals in; the review's sections out.
 *
 *   changes      every item whose SHOWN colour differs between the two evaluations, worse news first (now red,
 *                then now amber, then recovered), with both colours; an item new this week is `absent` before,
 *                one gone this week `absent` after (a metric retired or an item the query no longer returns)
 *   standing     every item red or amber now, worst first (attention.ts), with how long it has been so
 *   actions      opened (recorded in the period), closed (closed in the period), overdue (open, due before now)
 *   definitions  the approvals recorded in the period, oldest first, each with the metrics it added and retired
 *                against the approval before it (the lock's `metrics` and `retired` lists)
 * The period is (since, now]: since is the previous review's evaluation time, or now − 7 days.
 * Example: uptime green last week and red now is a change `green → red`; churn red both weeks is no change but
 * stands "red for 3 weeks"; an action recorded on Tuesday is opened, one closed on Friday is closed.
 */
import type { Action } from './actions';
import { attentionItems, type AttentionItem } from './attention';
import type { ScorecardRow } from './rows';
import { endOfDay } from './duration';
import type { Colour } from './types';
import { itemLabel } from './words';

/** An approval as the lock file records it (provision/lock.ts `Approval`), the fields the review reads. */
export interface ApprovalRecord {
  version: string;
  fingerprint: string;
  approvedBy: string[];
  /** YYYY-MM-DD (UTC). */
  date: string;
  metrics?: string[];
  retired?: string[];
}

export type Shown = Colour | 'absent';

export interface ColourChange {
  metricId: string;
  item: string;
  label: string;
  from: Shown;
  to: Shown;
  /** The statuses behind the colours (noData shows red: "was red" may mean "was unknown"); absent for absent. */
  fromStatus?: string;
  toStatus?: string;
}

export interface DefinitionChange {
  approval: ApprovalRecord;
  added: string[];
  retired: string[];
}

export interface WeeklyReview {
  since: number;
  now: number;
  changes: ColourChange[];
  standing: AttentionItem[];
  actions: { opened: Action[]; closed: Action[]; overdue: Action[] };
  definitions: DefinitionChange[];
}

export interface ReviewInput {
  current: ScorecardRow[];
  /** The previous review's rows; absent: no comparison is possible, and `changes` says every item is new. */
  previous?: ScorecardRow[];
  actions: Action[];
  approvals: ApprovalRecord[];
  since: number;
  now: number;
}

const WEEK_MS = 7 * 86_400_000;
const key = (r: Pick<ScorecardRow, 'metric_id' | 'item'>) => JSON.stringify([r.metric_id, r.item]);
/** Worse news first: red, amber, green, then an item that is not on the scorecard. */
export const SHOWN_RANK: Record<Shown, number> = { red: 0, amber: 1, green: 2, absent: 3 };

/** An evaluation's active (not retired) rows by item, to pair them with another evaluation's. */
export const activeByItem = (rows: ScorecardRow[]): Map<string, ScorecardRow> =>
  new Map(rows.filter((r) => !r.retired).map((r) => [key(r), r]));

/** The start of the period: the previous review's evaluation time when known, else a week before now. */
export const reviewSince = (now: number, previousAsOf?: number): number =>
  previousAsOf !== undefined && previousAsOf < now ? previousAsOf : now - WEEK_MS;

function colourChanges(current: ScorecardRow[], previous: ScorecardRow[]): ColourChange[] {
  const [now, before] = [activeByItem(current), activeByItem(previous)];
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  return (
    keys
      .map((k): ColourChange => {
        const [a, b] = [before.get(k), now.get(k)];
        const row = (b ?? a)!;
        return {
          metricId: row.metric_id,
          item: row.item,
          label: itemLabel(row),
          from: (a?.colour as Colour | undefined) ?? 'absent',
          to: (b?.colour as Colour | undefined) ?? 'absent',
          ...(a ? { fromStatus: a.status } : {}),
          ...(b ? { toStatus: b.status } : {}),
        };
      })
      // A change of colour, or of evidence behind the same colour (no data → red is news: it is now known).
      .filter((c) => c.from !== c.to || c.fromStatus !== c.toStatus)
      .sort((x, y) => SHOWN_RANK[x.to] - SHOWN_RANK[y.to] || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0))
  );
}

function definitionChanges(approvals: ApprovalRecord[], since: number, now: number): DefinitionChange[] {
  return approvals.flatMap((approval, i) => {
    const end = endOfDay(approval.date);
    // A day-stamped approval counts in the period when its day overlaps it.
    if (end === undefined || end < since || end - 86_400_000 >= now) {
      return [];
    }
    const before = approvals[i - 1];
    const minus = (a: string[] = [], b: string[] = []) => a.filter((x) => !b.includes(x));
    return [
      {
        approval,
        // An earlier approval that did not list its metrics (older lock files) gives no "added": unknown, not all.
        added: !before ? [...(approval.metrics ?? [])] : before.metrics ? minus(approval.metrics, before.metrics) : [],
        retired: minus(approval.retired, before?.retired),
      },
    ];
  });
}

export function weeklyReview(input: ReviewInput): WeeklyReview {
  const { since, now } = input;
  const inPeriod = (t: number | undefined) => t !== undefined && t > since && t <= now;
  return {
    since,
    now,
    changes: colourChanges(input.current, input.previous ?? []),
    standing: attentionItems(input.current, now),
    actions: {
      opened: input.actions.filter((a) => inPeriod(a.created)),
      closed: input.actions.filter((a) => inPeriod(a.done)),
      overdue: input.actions.filter((a) => a.done === undefined && a.created <= now && a.due < now),
    },
    definitions: definitionChanges(input.approvals, since, now),
  };
}
