/**
 * `candor report`: the weekly executive review, generated from Grafana, never hand-made (docs/report.md).
 * Steps: the command line and the catalog → at once: the catalog evaluated now, the comparison (the catalog one
 * week earlier, or the previous record's own time to check the record against), and the dashboard's pinned
 * fingerprint → the review (core/review.ts) → the report drawn by Chromium → the report and FILE.json together →
 * delivery. One progress line per step on a terminal; quiet in CI (CI set) or with --quiet.
 * Exit codes: 0 written, complete; 3 written, but something is missing (the report says what, at the top);
 * 1 no report (Grafana unreachable, token refused, invalid catalog, the page failed) or a delivery failed;
 * 2 the command line or a file cannot be read.
 */
import path from 'path';

import {
  readPreviousRecord,
  recordDisagreements,
  reportDigest,
  reportRecord,
  type Comparison,
  type ReportRecord,
} from '../../core/report';
import { reviewSince, weeklyReview } from '../../core/review';
import type { ScorecardRow } from '../../core/rows';
import { STATUS_WORD } from '../../core/words';
import type { Status } from '../../core/types';
import { CliError, type Io } from '../common';
import { reportCatalog, type ReportCatalog } from './catalog';
import { deliver } from './deliver';
import { evaluateThroughGrafana, provisionedDifference, type Evaluation } from './fetch';
import { candorRoot, readJson, writeTogether } from './files';
import { reportOptions, type ReportOptions } from './options';
import { renderReport } from './render';

export { REPORT_USAGE } from './options';

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

/** The previous record, read and checked before anything is fetched: a wrong file is exit 2 at once. */
function previousRecord(opts: ReportOptions, scorecardId: string) {
  if (!opts.previous) {
    return undefined;
  }
  const { value, sha256 } = readJson(opts.previous);
  const read = readPreviousRecord(value, { scorecardId, asOf: opts.asOf });
  if ('problem' in read) {
    throw new CliError(`${opts.previous}: ${read.problem}`, 2);
  }
  return { ...read, sha256, file: opts.previous };
}

interface Evaluated {
  current: Evaluation;
  previousRows: ScorecardRow[];
  comparison: Comparison;
  provisioned: string;
  requests: number;
}

/**
 * Everything asked of Grafana, at once: now; one week earlier (or, with a previous record, the record's own time,
 * to show where the record and Grafana disagree); and what the dashboard pins.
 */
async function evaluateAll(opts: ReportOptions, rc: ReportCatalog): Promise<Evaluated> {
  const target = { url: opts.url, token: opts.token };
  const previous = previousRecord(opts, rc.catalog.scorecard.id);
  const evaluate = (asOf: number, asOfIsNow: boolean) =>
    evaluateThroughGrafana({
      target,
      catalog: rc.catalog,
      fingerprint: rc.fingerprint,
      approval: rc.provisioned,
      selection: rc.selection,
      asOf,
      asOfIsNow,
    });
  const [current, before, provisioned] = await Promise.all([
    evaluate(opts.asOf, opts.asOfIsNow),
    evaluate(previous ? previous.evaluatedAt : opts.asOf - WEEK_MS, false),
    provisionedDifference(target, rc.dashboard, rc.fingerprint.full),
  ]);
  const comparison: Comparison = previous
    ? {
        kind: 'previous-report',
        file: previous.file,
        sha256: previous.sha256,
        evaluatedAt: previous.evaluatedAt,
        fingerprint: previous.fingerprint,
        disagreements: recordDisagreements(previous.rows, before.output.rows),
      }
    : { kind: 'one-week-earlier', evaluatedAt: opts.asOf - WEEK_MS };
  return {
    current,
    previousRows: previous ? previous.rows : before.output.rows,
    comparison,
    provisioned,
    requests: current.requests + before.requests + 1,
  };
}

function buildRecord(opts: ReportOptions, rc: ReportCatalog, ev: Evaluated): ReportRecord {
  const { current } = ev;
  // An audience's report speaks of its own metrics only: other pillars' actions stay out of it.
  const shown = new Set(current.output.rows.map((r) => r.metric_id));
  const review = weeklyReview({
    current: current.output.rows,
    previous: ev.previousRows,
    actions: current.actions.filter((a) => shown.has(a.metricId)),
    approvals: rc.approvals,
    since: reviewSince(opts.asOf, ev.comparison.kind === 'previous-report' ? ev.comparison.evaluatedAt : undefined),
    now: opts.asOf,
  });
  return reportRecord({
    audit: {
      scorecardId: rc.catalog.scorecard.id,
      title: rc.catalog.scorecard.title,
      catalogFile: path.relative(opts.root, rc.entry.file).split(path.sep).join('/'),
      catalogVersion: rc.catalog.scorecard.version,
      fingerprint: rc.fingerprint.full,
      fingerprintShort: rc.fingerprint.short,
      approval: rc.approval,
      approvedFingerprint: rc.provisioned?.fingerprint ?? null,
      governance: rc.governance,
      provisioned: ev.provisioned,
      actionsTruncated: current.actionsTruncated,
      evaluatedAt: opts.asOf,
      grafanaUrl: opts.url.href,
      dashboardUrl: new URL(`d/${encodeURIComponent(rc.dashboard)}`, opts.url).href,
      comparison: ev.comparison,
    },
    meta: current.output.meta,
    rows: current.output.rows,
    warnings: current.warnings,
    review,
  });
}

export async function reportCommand(argv: string[], io: Io, deps: ReportDeps = defaultDeps()): Promise<number> {
  const started = deps.clock();
  const opts = reportOptions(argv, deps.env, started);
  const seconds = () => ((deps.clock() - started) / 1000).toFixed(1);
  const step = (text: string) => deps.interactive && !opts.quiet && io.err(`candor report: ${seconds()} s: ${text}…`);
  step('reading the catalog');
  const rc = reportCatalog(opts, io);
  if (typeof rc === 'number') {
    return rc;
  }
  step(`evaluating ${rc.catalog.metrics.length} metrics through ${opts.url.origin}, now and for the comparison`);
  const evaluated = await evaluateAll(opts, rc);
  const record = buildRecord(opts, rc, evaluated);
  const jsonFile = opts.out.replace(/\.(pdf|html|png)$/i, '.json');
  const drawn = await renderReport({
    root: candorRoot(),
    page: { record, timeZone: opts.timeZone, recordFile: path.basename(jsonFile) },
    format: opts.format,
    step,
  });
  drawn.overflow.forEach((w) => io.err(`candor report: ${w}`));
  writeTogether([
    { file: opts.out, content: drawn.content },
    { file: jsonFile, content: `${JSON.stringify(record, null, 2)}\n` },
  ]);

  const { meta, audit, review } = record;
  const verdict = `${STATUS_WORD[meta.overall.colour as Status] ?? meta.overall.colour} ${meta.overall.score}/100`;
  if (opts.delivery.webhook || opts.delivery.mailTo.length) {
    step('sending');
  }
  const failures = await deliver({
    delivery: opts.delivery,
    env: deps.env,
    subject: `${rc.catalog.scorecard.title}: weekly review, ${verdict}${audit.complete ? '' : ' (incomplete)'}`,
    digest: reportDigest(record),
    file: opts.out,
    content: drawn.content,
  });
  failures.forEach((f) => io.err(`candor report: delivery failed: ${f}`));
  io.out(
    `${path.relative(process.cwd(), opts.out) || opts.out}: ${verdict}, ${review.standing.length} need attention, ${review.changes.length} changed; ` +
      `${audit.complete ? 'complete' : `INCOMPLETE: ${audit.missing.length} missing`}; ${evaluated.requests} requests to Grafana; ${seconds()} s` +
      ` (record: ${path.basename(jsonFile)})`
  );
  audit.missing.forEach((m) => io.err(`missing: ${m}`));
  return failures.length ? 1 : audit.complete ? 0 : 3;
}
