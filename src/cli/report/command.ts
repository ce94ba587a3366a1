/**
 * `candor report`: the weekly executive review, generated from Grafana, never hand-made (docs/report.md).
 * Steps: read the catalog and its lock file → evaluate it through Grafana now → the comparison (the previous
 * report's FILE.json, or the catalog evaluated one week earlier) → the review (core/review.ts) → FILE.json → the
 * report drawn by Chromium → delivery. One progress line per step on a terminal; quiet in CI (CI set) or --quiet.
 * Exit codes: 0 written, complete; 3 written, but something is missing (the report says what, at the top);
 * 1 no report (Grafana unreachable, token refused, invalid catalog, the page failed) or a delivery failed;
 * 2 the command line or a file cannot be read.
 */
import { existsSync, renameSync, writeFileSync } from 'fs';
import path from 'path';

import { describeApproval } from '../../core/approval';
import { parseInstant } from '../../core/duration';
import { fingerprint } from '../../core/fingerprint';
import { readPreviousRecord, reportDigest, reportRecord, type Comparison } from '../../core/report';
import { reviewSince, weeklyReview } from '../../core/review';
import type { ScorecardRow } from '../../core/rows';
import { validateCatalog } from '../../core/validate';
import { STATUS_WORD } from '../../core/words';
import { audienceDashboardUid, audienceSelection } from '../../provision/audiences';
import { dashboardUid } from '../../provision/context';
import { governanceProblems } from '../../provision/governance';
import { currentApproval } from '../../provision/lock';
import { findCatalogs, loadEntry, unreadable } from '../catalogs';
import { shownApproval } from '../check';
import { CliError, type Io, parseArgs, read } from '../common';
import { deliver, deliveryProblems } from './deliver';
import { evaluateThroughGrafana, type GrafanaTarget } from './fetch';
import { renderReport, type OutputFormat } from './render';

export const REPORT_USAGE = `usage: candor report --grafana-url URL --out FILE.pdf|FILE.html|FILE.png [--catalog FILE] [--dashboard UID]
                     [--as-of ISO-8601] [--previous FILE.json] [--timezone ZONE] [--webhook] [--mail-to ADDRESS]...
                     [--quiet] [--root DIR]
  The token: CANDOR_GRAFANA_TOKEN in the environment (or --token, which a shell history keeps).
  Exit: 0 written; 3 written but incomplete (it says what is missing); 1 no report, or a delivery failed; 2 usage.`;

const WEEK_MS = 7 * 86_400_000;

export interface ReportDeps {
  env: NodeJS.ProcessEnv;
  clock: () => number;
  /** Progress lines are printed (a terminal, not CI). */
  interactive: boolean;
}

const defaultDeps = (): ReportDeps => ({
  env: process.env,
  clock: Date.now,
  interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
});

function grafanaUrl(text: string | undefined): URL {
  if (!text) {
    throw new CliError(`candor report: --grafana-url is required\n${REPORT_USAGE}`, 2);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--grafana-url: "${text}" is not a URL`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--grafana-url: only http(s) URLs (got ${url.protocol})`, 2);
  }
  if (url.username || url.password) {
    throw new CliError('--grafana-url: no credentials in the URL; the token goes in CANDOR_GRAFANA_TOKEN', 2);
  }
  // A Grafana under a sub-path (https://example.com/grafana/): API paths are resolved below it.
  url.pathname = url.pathname.replace(/\/*$/, '/');
  url.search = '';
  url.hash = '';
  return url;
}

function formatOf(out: string | undefined): OutputFormat {
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if (!out || !['pdf', 'html', 'png'].includes(ext)) {
    throw new CliError(`--out: name a .pdf, .html or .png file${out ? ` (got "${out}")` : ''}\n${REPORT_USAGE}`, 2);
  }
  return ext as OutputFormat;
}

/** Writes a file whole or not at all: a report is never half a file. */
function writeWhole(file: string, content: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    throw new CliError(`${file}: cannot write: ${(e as Error).message}`, 2);
  }
}

export async function reportCommand(argv: string[], io: Io, deps: ReportDeps = defaultDeps()): Promise<number> {
  const started = deps.clock();
  const args = parseArgs(argv, {
    usage: REPORT_USAGE,
    flags: {
      'grafana-url': 'string',
      token: 'string',
      catalog: 'string',
      dashboard: 'string',
      'as-of': 'string',
      previous: 'string',
      timezone: 'string',
      out: 'string',
      webhook: 'boolean',
      'mail-to': 'list',
      quiet: 'boolean',
      root: 'string',
    },
  });
  const s = args.strings;
  const step = (text: string) =>
    deps.interactive &&
    !args.booleans.quiet &&
    io.err(`candor report: ${((deps.clock() - started) / 1000).toFixed(1)} s: ${text}…`);
  const format = formatOf(s.out);
  const url = grafanaUrl(s['grafana-url']);
  const token = s.token ?? deps.env.CANDOR_GRAFANA_TOKEN ?? '';
  if (!token) {
    throw new CliError('candor report: no token: set CANDOR_GRAFANA_TOKEN (a service-account token, Viewer role)', 2);
  }
  const asOf = s['as-of'] === undefined ? deps.clock() : parseInstant(s['as-of']);
  if (asOf === undefined) {
    throw new CliError(`--as-of: "${s['as-of']}" is not an ISO 8601 time with a zone (2026-12-07T08:00:00Z)`, 2);
  }
  const timeZone = s.timezone ?? 'utc';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timeZone === 'utc' ? 'UTC' : timeZone });
  } catch {
    throw new CliError(`--timezone: "${timeZone}" is no IANA time zone (Europe/Berlin, America/New_York, UTC)`, 2);
  }
  const delivery = { webhook: Boolean(args.booleans.webhook), mailTo: args.lists['mail-to'] ?? [] };
  const problems = deliveryProblems(delivery, deps.env);
  if (problems.length) {
    throw new CliError(problems.join('\n'), 2);
  }

  const root = path.resolve(s.root ?? '.');
  const catalogs = s.catalog ? [s.catalog] : findCatalogs(root);
  step('reading the catalog');
  const entries = catalogs.map(loadEntry);
  const entry =
    entries.length === 1
      ? entries[0]
      : entries.find(
          (e) =>
            e.catalog &&
            s.dashboard &&
            [
              dashboardUid(e.catalog),
              ...(e.catalog.audiences ?? []).map((a) => audienceDashboardUid(e.catalog!, a)),
            ].includes(s.dashboard)
        );
  if (!entry) {
    throw new CliError(
      `candor report: ${catalogs.length} catalogs: name one with --catalog FILE, or a dashboard of one with --dashboard UID`,
      2
    );
  }
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const catalog = entry.catalog;
  if (!catalog) {
    const { problems: invalid } = validateCatalog(entry.data);
    invalid.forEach((p) => io.err(`${entry.file}: ${p.path}: ${p.message}`));
    return 1;
  }
  const audience = (catalog.audiences ?? []).find((a) => audienceDashboardUid(catalog, a) === s.dashboard);
  if (s.dashboard && !audience && s.dashboard !== dashboardUid(catalog)) {
    throw new CliError(`--dashboard: "${s.dashboard}" is no dashboard of ${catalog.scorecard.id} (${entry.file})`, 2);
  }
  const selection = audience ? audienceSelection(audience) : {};
  const fp = fingerprint(entry.data);
  const catalogFile = path.relative(path.dirname(entry.lockFile), entry.file).split(path.sep).join('/');
  const governance = governanceProblems({ data: entry.data, lock: entry.lock, catalogFile }).map(
    (p) => `${p.path}: ${p.message}`
  );
  const approval = entry.lock ? describeApproval(shownApproval(root, entry.lock)) : null;

  const target: GrafanaTarget = { url, token };
  const evaluate = (at: number, isNow: boolean) =>
    evaluateThroughGrafana({
      target,
      catalog,
      fingerprint: fp,
      approval: entry.lock ? currentApproval(entry.lock) : undefined,
      selection,
      asOf: at,
      asOfIsNow: isNow,
    });
  step(
    `evaluating ${catalog.metrics.length} metrics through ${url.origin}${s.previous ? '' : ', now and one week earlier'}`
  );
  // Both evaluations at once when the comparison is the week before: one round trip's wait, not two.
  const [current, weekBefore] = await Promise.all([
    evaluate(asOf, s['as-of'] === undefined),
    s.previous ? undefined : evaluate(asOf - WEEK_MS, false),
  ]);

  let requests = current.requests;
  let previousRows: ScorecardRow[] | undefined;
  let comparison: Comparison;
  if (s.previous) {
    const read1 = readPreviousRecord(readJson(s.previous), catalog.scorecard.id);
    if ('problem' in read1) {
      throw new CliError(`${s.previous}: ${read1.problem}`, 2);
    }
    previousRows = read1.rows;
    comparison = {
      kind: 'previous-report',
      file: s.previous,
      evaluatedAt: read1.evaluatedAt,
      fingerprint: read1.fingerprint,
    };
  } else {
    const before = weekBefore!;
    previousRows = before.output.rows;
    requests += before.requests;
    comparison = { kind: 'one-week-earlier', evaluatedAt: asOf - WEEK_MS };
  }
  const review = weeklyReview({
    current: current.output.rows,
    previous: previousRows,
    actions: current.actions,
    approvals: entry.lock?.approvals ?? [],
    since: reviewSince(asOf, comparison.kind === 'previous-report' ? comparison.evaluatedAt : undefined),
    now: asOf,
  });
  const dashboard = s.dashboard ?? dashboardUid(catalog);
  const record = reportRecord({
    audit: {
      scorecardId: catalog.scorecard.id,
      title: catalog.scorecard.title,
      catalogFile: path.relative(root, entry.file).split(path.sep).join('/'),
      catalogVersion: catalog.scorecard.version,
      fingerprint: fp.full,
      fingerprintShort: fp.short,
      approval,
      approvedFingerprint: entry.lock ? currentApproval(entry.lock).fingerprint : null,
      governance,
      evaluatedAt: asOf,
      grafanaUrl: url.href,
      dashboardUrl: new URL(`d/${encodeURIComponent(dashboard)}`, url).href,
      comparison,
    },
    meta: current.output.meta,
    rows: current.output.rows,
    warnings: current.warnings,
    review,
  });

  const out = path.resolve(s.out!);
  const jsonFile = out.replace(/\.(pdf|html|png)$/i, '.json');
  const content = await renderReport({
    root: candorRoot(),
    page: { record, timeZone, recordFile: path.basename(jsonFile) },
    format,
    step,
  });
  // Both or neither: the record is written only with the report it traces.
  writeWhole(out, content);
  writeWhole(jsonFile, `${JSON.stringify(record, null, 2)}\n`);

  const digest = reportDigest(record);
  const verdict = `${STATUS_WORD[record.meta.overall.colour as 'red'] ?? record.meta.overall.colour} ${record.meta.overall.score}/100`;
  if (delivery.webhook || delivery.mailTo.length) {
    step('sending');
  }
  const failures = await deliver({
    delivery,
    env: deps.env,
    subject: `${catalog.scorecard.title}: weekly review, ${verdict}`,
    digest,
    file: out,
    content,
  });
  failures.forEach((f) => io.err(`candor report: delivery failed: ${f}`));
  const seconds = ((deps.clock() - started) / 1000).toFixed(1);
  io.out(
    `${path.relative(process.cwd(), out) || out}: ${verdict}, ${record.review.standing.length} need attention, ${record.review.changes.length} changed colour; ` +
      `${record.audit.complete ? 'complete' : `INCOMPLETE: ${record.audit.missing.length} missing`}; ${requests} requests to Grafana; ${seconds} s` +
      ` (record: ${path.basename(jsonFile)})`
  );
  if (!record.audit.complete) {
    record.audit.missing.forEach((m) => io.err(`missing: ${m}`));
  }
  return failures.length ? 1 : record.audit.complete ? 0 : 3;
}

function readJson(file: string): unknown {
  const text = read(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: not JSON: ${(e as Error).message}`, 2);
  }
}

/** The Candor repository this command runs from (its bundle sources and node_modules), whatever the working folder. */
function candorRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'src', 'report', 'main.tsx'))) {
    const up = path.dirname(dir);
    if (up === dir) {
      throw new CliError('candor report: cannot find the report page sources (src/report) beside this command', 2);
    }
    dir = up;
  }
  return dir;
}
