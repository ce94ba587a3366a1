/**
 * Actions: what an owner is doing about an off-target metric, kept as Grafana annotations (Grafana's annotations
 * HTTP API, `/api/annotations`), so they live in Grafana, under Grafana's permissions, and show on any time-series
 * panel too. This module is the one mapping between an annotation and an action, both ways.
 *
 * An action annotation carries these tags (order free, unknown tags ignored):
 *   candor, candor-action               always
 *   scorecard:<scorecard id>            the catalog's `scorecard.id`; exactly one (two catalogs may share metric ids)
 *   metric:<metric id>                  the metric it is for; exactly one
 *   item:<item>                         optional: only that item of an items metric (else every item)
 *   owner:<owner>                       who does it
 *   due:<YYYY-MM-DD>                    due at the END of that UTC day (23:59:59.999)
 *   candor-done                         closed; the close time is `timeEnd` (when after `time`), but never later than
 *                                       `updated` (Grafana's own time of the last change), so a region drawn into the
 *                                       future and then tagged done is closed when it was tagged
 * `time` is when it was recorded; `text` is what is being done, and an optional last line `Link: https://…`.
 * Grafana sets `created` itself: an action counts from the later of `time` and `created`, so an annotation written
 * today with a `time` in the past cannot change what the scorecard said then.
 *
 * Rules of reading (each failure a warning value, never an exception):
 *   - an annotation without `candor-action` is not an action (ignored silently);
 *   - one without a scorecard, a metric, an owner or a valid due date is reported and not counted (it cannot prevent
 *     escalation);
 *   - a link that is not http(s) is dropped with a warning;
 *   - as of time T, an action counts only if recorded at or before T, and is open unless closed at or before T;
 *   - an action is due at most MAX_ACTION_DAYS after it was recorded: a later due day is read as that (with a
 *     warning), so a promise far in the future cannot hold amber off red for a year.
 */
import { endOfDay, isInstant, utcDate } from './duration';
import { bareRecord } from './own';

export { endOfDay };
import { hiddenCharacter } from './visibleName';

export const ACTION_TAG = 'candor-action';
export const DONE_TAG = 'candor-done';
const DAY_MS = 86_400_000;
/** The furthest an action may be due after it was recorded: a step that takes longer is recorded as several. */
export const MAX_ACTION_DAYS = 90;

export interface Action {
  /** The annotation id, as text. */
  id: string;
  scorecardId: string;
  metricId: string;
  item?: string;
  owner: string;
  text: string;
  link?: string;
  /** Epoch ms when recorded. */
  created: number;
  /** Epoch ms: the end of the due day (UTC). */
  due: number;
  /** The day it is due, `2026-12-10`: as written, or the day it counts as due when that was capped. */
  dueDate: string;
  /** Epoch ms when closed, absent while open. */
  done?: number;
}

/** The fields of a Grafana annotation that Candor reads (GET /api/annotations items). */
export interface AnnotationLike {
  id?: number | string;
  time?: number;
  timeEnd?: number;
  /** Set by Grafana when the annotation was written (epoch ms). */
  created?: number;
  updated?: number;
  text?: string;
  tags?: string[];
}

const instant = (v: unknown) => (isInstant(v) ? v : undefined);

const isHttp = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

function tagValues(tags: string[]): Record<string, string[]> {
  const out = bareRecord<string[]>();
  for (const tag of tags) {
    const at = tag.indexOf(':');
    if (at > 0) {
      const key = tag.slice(0, at);
      (out[key] ??= []).push(tag.slice(at + 1));
    }
  }
  return out;
}

function splitText(text: string): { text: string; link?: string } {
  const lines = text.trim().split('\n');
  const last = lines[lines.length - 1]?.trim() ?? '';
  const m = /^link:\s*(\S+)$/i.exec(last);
  if (!m || lines.length < 2) {
    return { text: text.trim() };
  }
  return { text: lines.slice(0, -1).join('\n').trim(), link: m[1] };
}

/** One annotation as an action, or why it is not one (undefined + no warning: not an action at all). */
export function actionFromAnnotation(a: AnnotationLike): { action?: Action; warning?: string } {
  const tags = Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [];
  if (!tags.includes(ACTION_TAG)) {
    return {};
  }
  const id = String(a.id ?? '?');
  const values = tagValues(tags);
  const one = (key: string) => (values[key]?.length === 1 ? values[key][0].trim() : undefined);
  const scorecardId = one('scorecard');
  const metricId = one('metric');
  const owner = one('owner');
  const dueDate = one('due');
  const due = dueDate === undefined ? undefined : endOfDay(dueDate);
  const where = `action ${id}${metricId ? ` (${metricId})` : ''}`;
  if (!metricId) {
    return { warning: `${where}: needs exactly one metric:<id> tag; not counted` };
  }
  if (!scorecardId) {
    return { warning: `${where}: needs exactly one scorecard:<id> tag; not counted` };
  }
  if (!owner) {
    return { warning: `${where}: needs exactly one owner:<name> tag; not counted` };
  }
  if (due === undefined || dueDate === undefined) {
    return { warning: `${where}: needs one due:<YYYY-MM-DD> tag with a real date; not counted` };
  }
  const time = instant(a.time);
  if (time === undefined) {
    return { warning: `${where}: has no recorded time; not counted` };
  }
  const { text, link } = splitText(typeof a.text === 'string' ? a.text : '');
  const recorded = Math.max(time, instant(a.created) ?? -Infinity);
  const timeEnd = instant(a.timeEnd);
  const end = timeEnd !== undefined && timeEnd > time ? timeEnd : undefined;
  const updated = instant(a.updated);
  const closedAt = end !== undefined && updated !== undefined ? Math.min(end, updated) : (end ?? updated);
  const latestDue = recorded + MAX_ACTION_DAYS * DAY_MS;
  const capped = due > latestDue;
  const action: Action = {
    id,
    scorecardId,
    metricId,
    ...(one('item') === undefined ? {} : { item: one('item') }),
    owner,
    text: text || '(no description)',
    created: recorded,
    due: capped ? latestDue : due,
    dueDate: capped ? utcDate(latestDue) : dueDate,
    ...(tags.includes(DONE_TAG) ? { done: Math.max(closedAt ?? recorded, recorded) } : {}),
  };
  if (capped) {
    return {
      action,
      warning: `${where}: due ${dueDate} is more than ${MAX_ACTION_DAYS} days after it was recorded; it counts as due ${utcDate(latestDue)}`,
    };
  }
  if (link !== undefined && !isHttp(link)) {
    return { action, warning: `${where}: link "${link}" is not http(s) and is not shown` };
  }
  return { action: link === undefined ? action : { ...action, link } };
}

/** Every action among `annotations` for `scorecardId` (an action naming another scorecard is skipped, an entry that
 * is not an object is named in a warning). */
export function actionsFromAnnotations(
  annotations: AnnotationLike[],
  scorecardId: string
): { actions: Action[]; warnings: string[] } {
  const actions: Action[] = [];
  const warnings: string[] = [];
  for (const [i, a] of annotations.entries()) {
    // A careless proxy's answer may hold anything; an entry that is not an object is named, never read.
    if (a === null || typeof a !== 'object' || Array.isArray(a)) {
      warnings.push(`annotations[${i}]: ${JSON.stringify(a) ?? String(a)} is not an annotation; ignored`);
      continue;
    }
    const read = actionFromAnnotation(a);
    if (read.warning) {
      warnings.push(read.warning);
    }
    if (read.action && read.action.scorecardId === scorecardId) {
      actions.push(read.action);
    }
  }
  return { actions, warnings };
}

export interface NewAction {
  scorecardId: string;
  metricId: string;
  item?: string;
  owner: string;
  text: string;
  dueDate: string;
  link?: string;
}

/** The tags and text of a new action annotation (the inverse of `actionFromAnnotation`). */
export function annotationForAction(a: NewAction): { tags: string[]; text: string } {
  const tags = ['candor', ACTION_TAG, `scorecard:${a.scorecardId}`, `metric:${a.metricId}`];
  if (a.item) {
    tags.push(`item:${a.item}`);
  }
  tags.push(`owner:${a.owner}`, `due:${a.dueDate}`);
  return { tags, text: a.link ? `${a.text.trim()}\nLink: ${a.link}` : a.text.trim() };
}

/** The actions that count for an item as of `asOf`: recorded by then, open at `asOf` (not closed by then). */
export function openActionsFor(actions: Action[], target: { metricId: string; item?: string }, asOf: number): Action[] {
  return actions
    .filter((a) => a.metricId === target.metricId && (a.item === undefined || a.item === target.item))
    .filter((a) => a.created <= asOf && (a.done === undefined || a.done > asOf))
    .sort((a, b) => a.due - b.due || a.created - b.created);
}

/** The longest action text kept (one or two sentences; the detail belongs behind the link). */
export const MAX_ACTION_TEXT = 500;
/** The longest owner or item name kept in a tag (Grafana refuses tag lists over 500 characters). */
export const MAX_TAG_VALUE = 100;

/**
 * What is wrong with a new action before it is written, as `field: reason` (the CLI's flags and the panel's form
 * share these rules): a metric of the catalog, an item only of a metric with items (one of its expected items when
 * it lists them), a readable owner, a text of 1–500 characters, a real due day not before `today` (`YYYY-MM-DD`,
 * UTC), and a link, when given, that is http(s). Tag values (owner, item) may not contain a comma, a colon or a
 * line break (nor any control or text-direction character, visibleName.ts) and stay under 100 characters: Grafana keeps only the part of a tag before a second colon, and its tag
 * filters could not tell the rest apart.
 */
export function newActionProblems(
  a: NewAction,
  ctx: { metrics: Array<{ id: string; items?: { expected?: string[] } }>; today: string }
): string[] {
  const problems: string[] = [];
  const tagSafe = (v: string) => !/[,:]/.test(v) && hiddenCharacter(v) === undefined && v.length <= MAX_TAG_VALUE;
  const metric = ctx.metrics.find((m) => m.id === a.metricId);
  if (!metric) {
    problems.push(`metric: "${a.metricId}" is not a metric of scorecard ${a.scorecardId}`);
  }
  if (!/\p{L}/u.test(a.owner.normalize('NFKC')) || !tagSafe(a.owner)) {
    problems.push(
      `owner: needs a readable name (letters), at most ${MAX_TAG_VALUE} characters, without commas, colons, line breaks or text-direction characters`
    );
  }
  if (a.item !== undefined && (a.item.trim() === '' || !tagSafe(a.item))) {
    problems.push(
      'item: must be a non-empty item name without commas, colons, line breaks or text-direction characters'
    );
  } else if (a.item !== undefined && metric && !metric.items) {
    problems.push(`item: ${metric.id} has no items (an item action would never apply); leave it out`);
  } else if (a.item !== undefined && metric?.items?.expected && !metric.items.expected.includes(a.item)) {
    problems.push(`item: "${a.item}" is not an item of ${metric.id} (expected: ${metric.items.expected.join(', ')})`);
  }
  const text = a.text.trim();
  if (text === '' || text.length > MAX_ACTION_TEXT) {
    problems.push(`text: say what is being done, in 1 to ${MAX_ACTION_TEXT} characters`);
  }
  const latest = utcDate(endOfDay(ctx.today)! + MAX_ACTION_DAYS * DAY_MS);
  if (endOfDay(a.dueDate) === undefined) {
    problems.push(`due: "${a.dueDate}" is not a day written YYYY-MM-DD`);
  } else if (a.dueDate < ctx.today) {
    problems.push(`due: ${a.dueDate} is already past (today is ${ctx.today}); an action is due today or later`);
  } else if (a.dueDate > latest) {
    problems.push(
      `due: ${a.dueDate} is more than ${MAX_ACTION_DAYS} days away; record the next step, due by ${latest}`
    );
  }
  if (a.link !== undefined && !isHttp(a.link)) {
    problems.push('link: only an http(s) URL is kept');
  }
  return problems;
}

/** The tags of an action annotation once closed: its own tags plus `candor-done` (the close time goes in `timeEnd`). */
export function closedTags(tags: string[]): string[] {
  return tags.includes(DONE_TAG) ? [...tags] : [...tags, DONE_TAG];
}

/** The annotations query that reads a scorecard's actions: every action of it recorded in the year before `asOf`. */
export const ACTION_LOOKBACK_MS = 365 * DAY_MS;
export const ACTION_QUERY_LIMIT = 5000;
export function actionsQuery(scorecardId: string, asOf: number): Record<string, string | string[]> {
  return {
    tags: [ACTION_TAG, `scorecard:${scorecardId}`],
    type: 'annotation',
    from: String(asOf - ACTION_LOOKBACK_MS),
    to: String(asOf),
    limit: String(ACTION_QUERY_LIMIT),
  };
}

/**
 * A query as URL parameters, a list as a repeated key (`tags=a&tags=b`, as Grafana's backendSrv sends arrays):
 * Grafana reads a repeated key as several tags, and a joined `a,b` as one tag that matches nothing.
 */
export function searchParams(query: Readonly<Record<string, string | readonly string[]>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    [value].flat().forEach((v) => params.append(key, v));
  }
  return params;
}
