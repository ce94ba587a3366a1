/**
 * `candor action add|list|done`: an owner's action on an off-target metric, kept as a Grafana organization
 * annotation (mapping: src/core/actions.ts; the record and its rules: docs/actions.md). The token (--token or, better,
 * CANDOR_GRAFANA_TOKEN) is never printed. Exit codes: 0 done; 1 the input is readable but wrong, or Grafana refused or
 * could not be reached; 2 the command line or the catalog cannot be read.
 *
 * Grafana's annotations HTTP API (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/, since 12.4
 * at https://grafana.com/docs/grafana/v12.4/developer-resources/api-reference/http-api/annotations/):
 *   POST  /api/annotations {time, tags, text} (no dashboardUID/panelId: an organization annotation)
 *         -> 200 {"message":"Annotation added","id":N}                                          #create-annotation
 *   GET   /api/annotations?tags=a&tags=b&type=annotation&from=MS&to=MS&limit=N (repeated tags are AND-ed)
 *         -> 200 [{id, time, timeEnd, text, tags, …}]                                            #find-annotations
 *   PATCH /api/annotations/:id {tags, timeEnd} -> 200 {"message":"Annotation patched"}           #patch-annotation
 *   GET   /api/annotations/:id -> 200 one item as in the list, 404 {"message":"Annotation not found"}: not on that
 *         page but in Grafana's OpenAPI spec (getAnnotationByID, Grafana 9+), as is `matchAny` (OR of tags; not sent).
 * Permissions (https://grafana.com/docs/grafana/latest/administration/roles-and-permissions/access-control/rbac-fixed-basic-role-definitions/):
 * Viewer has fixed:annotations:reader (annotations:read); Editor has fixed:annotations:writer (annotations:create,
 * annotations:write, annotations:delete on every annotation type, organization annotations included).
 */
import path from 'path';

import {
  ACTION_QUERY_LIMIT,
  ACTION_TAG,
  type Action,
  actionFromAnnotation,
  actionsFromAnnotations,
  actionsQuery,
  searchParams,
  type AnnotationLike,
  annotationForAction,
  closedTags,
  DONE_TAG,
  type NewAction,
  newActionProblems,
} from '../core/actions';
import { parseInstant, utcDate } from '../core/duration';
import type { Catalog } from '../core/types';
import { catalogDir, findCatalogs } from './catalogs';
import { CliError, type Io, loadValid, parseArgs, type ParsedArgs } from './common';
import { type GrafanaResponse, GrafanaUnreachable, grafanaMessage, grafanaRequest } from './grafanaHttp';

export const DEFAULT_CATALOG = path.join('provisioning', 'catalogs', 'platform-scorecard.yaml');
export const TOKEN_ENV = 'CANDOR_GRAFANA_TOKEN';

/** Without --catalog: the one catalog of the catalog folder (candor.config.yaml), else this repository's default. */
function defaultCatalog(root: string): string {
  const files = findCatalogs(root);
  if (files.length === 1) {
    return files[0];
  }
  const fallback = path.join(root, DEFAULT_CATALOG);
  if (files.some((f) => path.resolve(f) === path.resolve(fallback))) {
    return fallback;
  }
  throw new CliError(`--catalog: ${files.length} catalogs in ${catalogDir(root)}: name one with --catalog FILE`, 2);
}

const COMMON = `[--catalog FILE] --grafana-url URL [--token TOKEN]`;
const NOTES = `  --catalog FILE      the scorecard (default: the only catalog of the catalog folder, else ${DEFAULT_CATALOG})
  --grafana-url URL   Grafana's address, http(s)://…
  --token TOKEN       a Grafana service-account token. Prefer ${TOKEN_ENV}=… : it keeps the token out of the
                      shell history and the process list. The token is never printed.
Details: docs/actions.md`;
const USAGES = {
  add: `usage: candor action add --metric ID [--item NAME] --owner NAME --text TEXT --due YYYY-MM-DD [--link URL] ${COMMON}
  Records what the owner is doing about an off-target metric, due at the end of that UTC day (Editor token).`,
  list: `usage: candor action list [--metric ID] [--all] [--as-of ISO] [--json] ${COMMON}
  Lists the open actions as of now (or --as-of); --all adds the closed ones (Viewer token is enough).`,
  done: `usage: candor action done ID ${COMMON}
  Closes action ID (tag candor-done, close time in timeEnd); closing a closed action changes nothing (Editor token).`,
};
type Sub = keyof typeof USAGES;
export const ACTION_USAGE = `usage: candor action add|list|done … (candor action SUBCOMMAND --help for each)
${Object.values(USAGES)
  .map((u) => u.split('\n')[0].replace('usage: ', '  '))
  .join('\n')}
${NOTES}`;

const FLAGS = {
  add: { metric: 'string', item: 'string', owner: 'string', text: 'string', due: 'string', link: 'string' },
  list: { metric: 'string', all: 'boolean', 'as-of': 'string', json: 'boolean' },
  done: {},
} as const;

/** What a test replaces: the clock and the environment the token may come from. */
export interface ActionDeps {
  now?: () => number;
  env?: Record<string, string | undefined>;
}

interface Context {
  io: Io;
  args: ParsedArgs;
  now: number;
  base: URL;
  token: string;
  catalog: Catalog;
}

const usageError = (sub: string, why: string) =>
  new CliError(`candor action ${sub}: ${why} (see candor action ${sub} --help)`, 2);
const fail = (why: string) => new CliError(`candor action: ${why}`, 1);

/** Sends one request; unreachable becomes one line naming the URL, 401/403 say what the token lacks. */
async function call(
  ctx: Context,
  method: 'GET' | 'POST' | 'PATCH',
  route: string,
  options: { query?: Record<string, string | string[]>; body?: unknown } = {}
): Promise<GrafanaResponse> {
  const url = new URL(route, ctx.base);
  searchParams(options.query ?? {}).forEach((v, k) => url.searchParams.append(k, v));
  let res: GrafanaResponse;
  try {
    res = await grafanaRequest({ method, url, token: ctx.token, body: options.body });
  } catch (e) {
    if (e instanceof GrafanaUnreachable) {
      throw fail(`cannot reach Grafana at ${ctx.base.origin}${ctx.base.pathname} (${e.reason})`);
    }
    throw e;
  }
  if (res.status === 401) {
    throw fail(`Grafana refused the token (${detail(res)}); check --token or ${TOKEN_ENV}`);
  }
  if (res.status === 403) {
    throw fail(
      method === 'GET'
        ? `the token's role cannot read annotations (${detail(res)}); reading needs Viewer or annotations:read`
        : `the token's role cannot write annotations (${detail(res)}); writing needs Editor, or annotations:create and annotations:write on organization annotations`
    );
  }
  return res;
}

const detail = (res: GrafanaResponse) => `HTTP ${res.status}${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}`;
const unexpected = (what: string, res: GrafanaResponse) => fail(`${what}: Grafana answered ${detail(res)}`);

const target = (a: { metricId: string; item?: string }) =>
  a.item === undefined ? a.metricId : `${a.metricId}/${a.item}`;

async function add(ctx: Context): Promise<number> {
  const s = ctx.args.strings;
  const draft: NewAction = {
    scorecardId: ctx.catalog.scorecard.id,
    metricId: s.metric!,
    item: s.item,
    owner: s.owner!,
    text: s.text!,
    dueDate: s.due!,
    link: s.link,
  };
  const problems = newActionProblems(draft, { metrics: ctx.catalog.metrics, today: utcDate(ctx.now) });
  if (problems.length > 0) {
    problems.forEach((p) => ctx.io.err(p));
    return 1;
  }
  const { tags, text } = annotationForAction(draft);
  const res = await call(ctx, 'POST', 'api/annotations', { body: { time: ctx.now, tags, text } });
  const id = (res.body as { id?: unknown } | undefined)?.id;
  if (res.status !== 200 || (typeof id !== 'number' && typeof id !== 'string')) {
    throw unexpected('recording the action', res);
  }
  ctx.io.out(`action ${String(id)} recorded for ${target(draft)} (due ${draft.dueDate})`);
  return 0;
}

type State = 'open' | 'overdue' | 'closed';
const stateOf = (a: Action, asOf: number): State =>
  a.done !== undefined && a.done <= asOf ? 'closed' : a.due < asOf ? 'overdue' : 'open';

async function list(ctx: Context): Promise<number> {
  const { strings, booleans } = ctx.args;
  const asOf = strings['as-of'] === undefined ? ctx.now : parseInstant(strings['as-of'])!;
  const scorecardId = ctx.catalog.scorecard.id;
  if (strings.metric !== undefined && !ctx.catalog.metrics.some((m) => m.id === strings.metric)) {
    throw fail(`"${strings.metric}" is not a metric of scorecard ${scorecardId}`);
  }
  const res = await call(ctx, 'GET', 'api/annotations', { query: actionsQuery(scorecardId, asOf) });
  if (res.status !== 200 || !Array.isArray(res.body)) {
    throw unexpected('reading the actions', res);
  }
  const read = actionsFromAnnotations(res.body as AnnotationLike[], scorecardId);
  read.warnings.forEach((w) => ctx.io.err(`warning: ${w}`));
  if (res.body.length >= ACTION_QUERY_LIMIT) {
    ctx.io.err(
      `warning: Grafana returned the maximum of ${ACTION_QUERY_LIMIT} annotations; older actions may be missing`
    );
  }
  const shown = read.actions
    .filter((a) => a.created <= asOf && (strings.metric === undefined || a.metricId === strings.metric))
    .map((a) => ({ ...a, state: stateOf(a, asOf) }))
    .filter((a) => booleans.all || a.state !== 'closed')
    .sort((a, b) => a.due - b.due || a.created - b.created);
  if (booleans.json) {
    ctx.io.out(JSON.stringify(shown, null, 2));
    return 0;
  }
  if (shown.length === 0) {
    ctx.io.out(
      `no ${booleans.all ? '' : 'open '}actions for ${strings.metric ?? scorecardId} as of ${new Date(asOf).toISOString()}`
    );
    return 0;
  }
  const rows = [
    ['ID', 'METRIC', 'OWNER', 'DUE', 'STATE', 'TEXT'],
    ...shown.map((a) => [
      a.id,
      target(a),
      a.owner,
      a.dueDate,
      a.state === 'closed' ? `closed ${utcDate(a.done!)}` : a.state,
      `${a.text.replace(/\s*\n\s*/g, ' / ')}${a.link ? ` <${a.link}>` : ''}`,
    ]),
  ];
  // Annotation text is anyone's input: control characters (terminal escapes) are shown as spaces.
  const cells = rows.map((r) => r.map((c) => c.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  cells.forEach((r) => ctx.io.out(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')));
  return 0;
}

async function done(ctx: Context): Promise<number> {
  const id = ctx.args.positional[0];
  const found = await call(ctx, 'GET', `api/annotations/${id}`);
  if (found.status === 404) {
    throw fail(`no annotation ${id} in Grafana (or the token cannot see it); nothing changed`);
  }
  if (found.status !== 200 || typeof found.body !== 'object' || found.body === null) {
    throw unexpected(`reading annotation ${id}`, found);
  }
  const annotation = found.body as AnnotationLike;
  const tags = Array.isArray(annotation.tags) ? annotation.tags.filter((t) => typeof t === 'string') : [];
  const scorecardId = ctx.catalog.scorecard.id;
  if (!tags.includes(ACTION_TAG)) {
    throw fail(`annotation ${id} is not a Candor action (no ${ACTION_TAG} tag); nothing changed`);
  }
  const read = actionFromAnnotation({ ...annotation, tags });
  if (!read.action) {
    throw fail(`${read.warning ?? `annotation ${id} is not a readable action`}; nothing changed`);
  }
  if (read.action.scorecardId !== scorecardId) {
    throw fail(`action ${id} belongs to scorecard ${read.action.scorecardId}, not ${scorecardId}; nothing changed`);
  }
  if (tags.includes(DONE_TAG)) {
    const since = read.action.done === undefined ? '' : ` since ${new Date(read.action.done).toISOString()}`;
    ctx.io.out(`action ${id} is already closed${since}; nothing changed`);
    return 0;
  }
  const patched = await call(ctx, 'PATCH', `api/annotations/${id}`, {
    // Never before `time`: Grafana would swap the two and move the recorded time (then `updated` dates the close).
    body: { tags: closedTags(tags), timeEnd: Math.max(ctx.now, read.action.created) },
  });
  if (patched.status !== 200) {
    throw unexpected(`closing action ${id}`, patched);
  }
  ctx.io.out(`action ${id} closed`);
  return 0;
}

const RUN: Record<Sub, (ctx: Context) => Promise<number>> = { add, list, done };

/** What is wrong with a subcommand's own arguments, checked before any file is read or request sent. */
function argumentProblem(sub: Sub, { strings, positional }: ParsedArgs): string | undefined {
  const missing = ['metric', 'owner', 'text', 'due'].filter((f) => strings[f] === undefined);
  const asOf = strings['as-of'];
  const id = positional[0];
  if (sub === 'add' && missing.length > 0) {
    return `needs ${missing.map((f) => `--${f}`).join(', ')}`;
  }
  if (sub === 'list' && asOf !== undefined && parseInstant(asOf) === undefined) {
    return `--as-of "${asOf}" is not an ISO 8601 time with a zone (2026-11-16T12:00:00Z)`;
  }
  if (sub === 'done' && (id === undefined || !/^\d{1,15}$/.test(id))) {
    return id === undefined ? 'needs the action id' : `"${id}" is not an annotation id (a number)`;
  }
  return undefined;
}

export async function actionCommand(argv: string[], io: Io, deps: ActionDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.out(ACTION_USAGE);
    return 0;
  }
  if (sub !== 'add' && sub !== 'list' && sub !== 'done') {
    io.err(sub === undefined ? ACTION_USAGE : `candor action: unknown subcommand "${sub}"\n${ACTION_USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${USAGES[sub]}\n${NOTES}`);
    return 0;
  }
  const args = parseArgs(rest, {
    flags: { ...FLAGS[sub], catalog: 'string', 'grafana-url': 'string', token: 'string' },
    usage: USAGES[sub],
    maxPositional: sub === 'done' ? 1 : 0,
  });
  const problem = argumentProblem(sub, args);
  if (problem) {
    throw usageError(sub, problem);
  }
  const rawUrl = args.strings['grafana-url'];
  if (rawUrl === undefined) {
    throw usageError(sub, 'needs --grafana-url URL');
  }
  let base: URL;
  try {
    base = new URL(rawUrl.endsWith('/') ? rawUrl : `${rawUrl}/`);
  } catch {
    throw usageError(sub, `--grafana-url "${rawUrl}" is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw usageError(sub, '--grafana-url must be an http:// or https:// address');
  }
  const token = args.strings.token ?? (deps.env ?? process.env)[TOKEN_ENV];
  if (!token) {
    throw usageError(sub, `needs a Grafana token: set ${TOKEN_ENV} (preferred) or pass --token`);
  }
  const catalog = loadValid(args.strings.catalog ?? defaultCatalog('.'), io);
  return RUN[sub]({ io, args, now: (deps.now ?? Date.now)(), base, token, catalog });
}
