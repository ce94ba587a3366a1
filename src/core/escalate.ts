/**
 * Escalation: Amber means "deviation detected, action in progress" and must never be ignored; Red must never be
 * normalised (PHASE-62). After evaluation and before rollup, each item that is not green is checked against the open
 * actions its owner recorded (actions.ts), as of `now`:
 *
 *   amber, no open action for longer than amberWithoutAction (default 48h)
 *       -> shown red: "Amber for 3 days, no action recorded: shown red". The clock starts when the item turned amber,
 *          or when its last action was closed, whichever is later.
 *   amber, its open action past its due day (the end of that UTC day)
 *       -> shown red: "Action overdue since 2026-12-01: shown red".
 *   red (as evidence: red, stale red, or no data for at least its trend window) for longer than redFor (default 14d)
 *       -> alert tier critical: "Red for 21 days: escalated to critical". A source error has no history Candor can
 *       see (each refresh either reaches it or not), so it is not escalated by duration; it is red meanwhile.
 *   red, its open action past its due day
 *       -> alert tier one step up (low -> medium -> high -> critical): "Action overdue since …: escalated to high".
 *
 * An action never changes a status and never makes anything greener: the status is evidence only; an open action
 * on time only keeps amber from escalating. Retired and green items are never escalated. Boundaries: "longer than"
 * is strict (exactly 48h of amber is not yet escalated); a due day counts until its last millisecond. A stale item
 * keeps the clock of the colour it had (amber since its amber run began), so a stopped feed never restarts it.
 * Worked example (defaults): amber since Mon 09:00, no action; Wed 09:00 still amber (48h), Wed 09:01 shown red.
 */
import { openActionsFor, type Action } from './actions';
import { formatSpanSince, parseDuration, utcDate } from './duration';
import type { ItemResult } from './evaluate';
import type { Catalog, Tier } from './types';

export const ESCALATION_DEFAULTS = { amberWithoutAction: '48h', redFor: '14d' } as const;

/** How far a catalog may move each limit (validate.ts): never looser than a week of amber or 30 days of red. */
export const ESCALATION_BOUNDS = {
  amberWithoutAction: {
    min: '1h',
    max: '7d',
    why: 'Amber must never be ignored: at most a week without an action',
  },
  redFor: { min: '1d', max: '30d', why: 'Red must never be normalised: at most 30 days before it is critical' },
} as const;

export interface ActionSummary {
  id: string;
  owner: string;
  text: string;
  link?: string;
  dueDate: string;
  /** The end of the due day, epoch ms. */
  due: number;
  recorded: number;
  overdue: boolean;
}

export type EscalationRule = 'amber-without-action' | 'action-overdue' | 'red-too-long';

export interface Escalation {
  rule: EscalationRule;
  reason: string;
  /** When the escalation took effect. */
  since: number;
  /** The colour it is shown in now, when the rule changed it. */
  colour?: 'red';
  /** The alert tier it has now, when the rule raised it. */
  tier?: Tier;
}

const TIER_ORDER: Tier[] = ['low', 'medium', 'high', 'critical'];
const raise = (tier: Tier): Tier => TIER_ORDER[Math.min(TIER_ORDER.length - 1, TIER_ORDER.indexOf(tier) + 1)];

export interface Policy {
  amberWithoutActionMs: number;
  redForMs: number;
}

export function escalationPolicy(catalog: Pick<Catalog, 'escalation'>): Policy {
  const spec = { ...ESCALATION_DEFAULTS, ...catalog.escalation };
  return {
    amberWithoutActionMs: parseDuration(spec.amberWithoutAction) ?? parseDuration('48h')!,
    redForMs: parseDuration(spec.redFor) ?? parseDuration('14d')!,
  };
}

function summary(a: Action, now: number): ActionSummary {
  return {
    id: a.id,
    owner: a.owner,
    text: a.text,
    ...(a.link ? { link: a.link } : {}),
    dueDate: a.dueDate,
    due: a.due,
    recorded: a.created,
    overdue: a.due < now,
  };
}

interface ItemInput {
  result: ItemResult;
  tier: Tier;
  actions: Action[];
  now: number;
  policy: Policy;
}

/** The escalations of one item, and its open action. */
function escalateItem({ result, tier, actions, now, policy }: ItemInput): ItemResult {
  if (result.retired || result.colour === 'green') {
    return result;
  }
  const target = { metricId: result.metricId, item: result.item };
  const open = openActionsFor(actions, target, now);
  const action = open[0] && summary(open[0], now);
  const escalations: Escalation[] = [];
  let alertTier = tier;
  if (result.colour === 'amber') {
    if (action?.overdue) {
      escalations.push({
        rule: 'action-overdue',
        reason: `Action overdue since ${action.dueDate} (${action.owner}): shown red`,
        since: action.due,
        colour: 'red',
      });
    } else if (!action && result.colourSince !== undefined) {
      const closed = actions
        .filter((a) => a.metricId === target.metricId && (a.item === undefined || a.item === target.item))
        .map((a) => a.done)
        .filter((done): done is number => done !== undefined && done <= now);
      const lastClosed = closed.length > 0 ? Math.max(...closed) : undefined;
      const start = Math.max(result.colourSince, lastClosed ?? -Infinity);
      if (now - start > policy.amberWithoutActionMs) {
        const amberFor = formatSpanSince(result.colourSince, now, result.colourSinceIsLowerBound);
        const why =
          lastClosed !== undefined && lastClosed > result.colourSince
            ? `no open action since ${utcDate(lastClosed)}`
            : 'no action recorded';
        escalations.push({
          rule: 'amber-without-action',
          reason: `Amber for ${amberFor}, ${why}: shown red`,
          since: start + policy.amberWithoutActionMs,
          colour: 'red',
        });
      }
    }
  } else {
    if (result.colourSince !== undefined && now - result.colourSince > policy.redForMs && tier !== 'critical') {
      alertTier = 'critical';
      const redFor = formatSpanSince(result.colourSince, now, result.colourSinceIsLowerBound);
      escalations.push({
        rule: 'red-too-long',
        reason: `Red for ${redFor}: escalated to critical`,
        since: result.colourSince + policy.redForMs,
        tier: 'critical',
      });
    }
    if (action?.overdue && alertTier !== 'critical') {
      alertTier = raise(alertTier);
      escalations.push({
        rule: 'action-overdue',
        reason: `Action overdue since ${action.dueDate} (${action.owner}): escalated to ${alertTier}`,
        since: action.due,
        tier: alertTier,
      });
    }
  }
  const shownRed = escalations.some((e) => e.colour === 'red');
  return {
    ...result,
    ...(action ? { action } : {}),
    ...(escalations.length > 0 ? { escalations } : {}),
    ...(shownRed ? { colour: 'red' as const } : {}),
    ...(alertTier !== tier ? { alertTier } : {}),
  };
}

/** Every result with its open action and escalations; `tiers` gives each metric's catalog tier. */
export function escalate(input: {
  results: ItemResult[];
  catalog: Pick<Catalog, 'escalation' | 'metrics'>;
  actions: Action[];
  now: number;
}): ItemResult[] {
  const policy = escalationPolicy(input.catalog);
  const tiers = new Map(input.catalog.metrics.map((m) => [m.id, m.tier]));
  return input.results.map((result) =>
    escalateItem({
      result,
      tier: tiers.get(result.metricId) ?? 'low',
      actions: input.actions,
      now: input.now,
      policy,
    })
  );
}
