/**
 * The weekly executive report's record (`candor report`, docs/report.md): everything the report shows, kept as
 * JSON beside it (FILE.json), so any line of the report can be traced to an evaluated row, and so next week's
 * report can compare with it. Pure: the CLI fetches and renders; this module decides what the report says.
 *
 * Completeness — what the report must say is missing, at the top, never hidden in a footnote:
 *   - every item without fresh evidence (status noData, stale or error), with the engine's reason (its evidence);
 *   - the owners' actions when Grafana's annotations could not be read (amber then escalates: no action counts);
 *   - a catalog whose definitions are not approved as provisioned (governance problems of the lock file);
 *   - no comparison, when the previous evaluation could not be had, or a previous record Grafana disagrees with.
 * A report with any of these is `complete: false`; the command then exits 3 (written, incomplete).
 * Example: a Prometheus datasource that Grafana does not know gives "Uptime: no data — HTTP 404: Data source not
 * found" for each of its metrics, and every SQL metric keeps its status.
 */
import type { ScorecardMeta, ScorecardRow } from './rows';
import { activeByItem, SHOWN_RANK, type WeeklyReview } from './review';
import { itemLabel, STATUS_WORD } from './words';
import type { Status } from './types';

export const REPORT_FORMAT = 'candor/report-v1';

/** What the report is compared with: the previous report's record, or the catalog evaluated a week earlier. */
export type Comparison =
  | {
      kind: 'previous-report';
      file: string;
      /** sha256 of the file as read: the record is the operator's file, not evidence; this names which one. */
      sha256: string;
      evaluatedAt: number;
      fingerprint: string;
      /**
       * Items whose colour in the file differs from the catalog evaluated through Grafana as of the file's own
       * time: "Uptime: record red, Grafana green". Data corrected since differs too; a hand-edited file shows here.
       */
      disagreements: string[];
    }
  | { kind: 'one-week-earlier'; evaluatedAt: number }
  | { kind: 'none'; why: string };

export interface ReportAudit {
  scorecardId: string;
  title: string;
  catalogFile: string;
  catalogVersion: string;
  fingerprint: string;
  fingerprintShort: string;
  /** The approval in force as `candor check` describes it (core/approval.ts), or null without a lock file. */
  approval: { standing: string; text: string } | null;
  /** The fingerprint the approval in force approved; the panel shows a banner when the catalog's differs. */
  approvedFingerprint: string | null;
  /** Why the definitions are not approved as provisioned ("path: reason"), empty when they are. */
  governance: string[];
  /**
   * What Grafana's dashboard pins, against this catalog: "" when its pinned fingerprint is this catalog's, else why
   * not (another fingerprint, or the dashboard could not be read). The report evaluates the local catalog; this is
   * the check that it is the one the executives' dashboard shows.
   */
  provisioned: string;
  actionsTruncated: boolean;
  evaluatedAt: number;
  grafanaUrl: string;
  dashboardUrl: string;
  comparison: Comparison;
  missing: string[];
  complete: boolean;
}

export interface ReportRecord {
  format: typeof REPORT_FORMAT;
  audit: ReportAudit;
  meta: ScorecardMeta;
  rows: ScorecardRow[];
  warnings: string[];
  review: WeeklyReview;
}

const NO_EVIDENCE: ReadonlySet<string> = new Set<Status>(['noData', 'stale', 'error']);
/** Approval standings (core/approval.ts) that are a sign-off: approved by name, or signed and verified. */
const SIGNED_OFF: ReadonlySet<string> = new Set(['verified', 'unsigned']);

/** The first sentence of an evidence text: the reason, without the engine's detail. */
const firstSentence = (text: string) => {
  const cut = text.search(/\.\s/);
  return (cut < 0 ? text : text.slice(0, cut)).replace(/\.$/, '').trim();
};

/** One line per item without fresh evidence, in the scorecard's order, plus what else could not be read. */
export function missingEvidence(input: {
  meta: ScorecardMeta;
  rows: ScorecardRow[];
  governance: string[];
  comparison: Comparison;
  approval: ReportAudit['approval'];
  /** Grafana returned as many action annotations as one query may: older ones may be missing. */
  actionsTruncated?: boolean;
  /** Why the provisioned definitions could not be confirmed, or how they differ (see ReportAudit.provisioned). */
  provisioned?: string;
}): string[] {
  const { meta, rows } = input;
  const items = rows
    .filter((r) => !r.retired && NO_EVIDENCE.has(r.status))
    .map((r) => {
      const name = itemLabel(r);
      const word = STATUS_WORD[r.status as Status];
      const why = firstSentence(r.evidence);
      return why ? `${name}: ${word} — ${why}` : `${name}: ${word}`;
    });
  const actions =
    meta.actions && !meta.actions.read
      ? [`Owners' actions could not be read (${meta.actions.error ?? 'no answer'}): no action counts, amber escalates`]
      : [];
  const governance = input.governance.map((g) => `Definitions not approved as provisioned: ${g}`);
  // Only an approval that is recorded and holds counts: pending, invalid or unverifiable is no sign-off.
  const approval = !input.approval
    ? ['Definitions have no approval record (no lock file)']
    : SIGNED_OFF.has(input.approval.standing)
      ? []
      : [`Definitions not signed off: ${input.approval.text}`];
  const provisioned = input.provisioned ? [`Definitions in Grafana: ${input.provisioned}`] : [];
  const truncated = input.actionsTruncated
    ? ["Owners' actions: Grafana returned as many as one query may; older actions may be missing"]
    : [];
  const c = input.comparison;
  // A previous record is the operator's file: where Grafana's data for its own time says otherwise, the changes
  // measured against it are not evidence (a hand-edited "it was red already" hides a change; so may a backfill).
  const comparison =
    c.kind === 'none'
      ? [`No week-over-week comparison: ${c.why}`]
      : c.kind === 'previous-report' && c.disagreements.length > 0
        ? [
            `Week over week: the previous record differs from Grafana's data for its own time in ${c.disagreements.length} item(s) (${c.disagreements.slice(0, 3).join('; ')}${c.disagreements.length > 3 ? '; …' : ''}), so the changes measured against it are not evidence`,
          ]
        : [];
  return [...governance, ...approval, ...provisioned, ...items, ...actions, ...truncated, ...comparison];
}

export interface RecordInput {
  audit: Omit<ReportAudit, 'missing' | 'complete'>;
  meta: ScorecardMeta;
  rows: ScorecardRow[];
  warnings: string[];
  review: WeeklyReview;
}

export function reportRecord(input: RecordInput): ReportRecord {
  const { audit } = input;
  const missing = missingEvidence({
    ...input,
    governance: audit.governance,
    comparison: audit.comparison,
    approval: audit.approval,
    actionsTruncated: audit.actionsTruncated,
    provisioned: audit.provisioned,
  });
  return {
    format: REPORT_FORMAT,
    audit: { ...input.audit, missing, complete: missing.length === 0 },
    meta: input.meta,
    rows: input.rows,
    warnings: input.warnings,
    review: input.review,
  };
}

/** The oldest previous record a report compares with: a review skipped for a month still compares; older is a mistake. */
export const MAX_PREVIOUS_AGE_DAYS = 35;
const COLOURS: ReadonlySet<string> = new Set(['green', 'amber', 'red']);
const STATUSES: ReadonlySet<string> = new Set(['green', 'amber', 'red', 'noData', 'stale', 'error']);

/**
 * A previous report's record as read back: its rows and when they were evaluated, or "path: reason". The file is
 * the operator's, not evidence: it must be of this scorecard, evaluated before `asOf` and at most
 * MAX_PREVIOUS_AGE_DAYS earlier, with a known colour (and status, when given) on every row. What its colours claim
 * is checked against Grafana separately (recordDisagreements).
 */
export function readPreviousRecord(
  json: unknown,
  expect: { scorecardId: string; asOf: number }
): { rows: ScorecardRow[]; evaluatedAt: number; fingerprint: string } | { problem: string } {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(json) || json.format !== REPORT_FORMAT) {
    return { problem: `format: expected "${REPORT_FORMAT}" (a FILE.json that candor report wrote)` };
  }
  const audit = json.audit;
  if (!obj(audit) || typeof audit.evaluatedAt !== 'number' || !Number.isFinite(audit.evaluatedAt)) {
    return { problem: 'audit.evaluatedAt: expected the evaluation time in epoch milliseconds' };
  }
  const oldest = expect.asOf - MAX_PREVIOUS_AGE_DAYS * 86_400_000;
  if (audit.evaluatedAt >= expect.asOf || audit.evaluatedAt < oldest) {
    return {
      problem: `audit.evaluatedAt: ${utc(audit.evaluatedAt)} is not within the ${MAX_PREVIOUS_AGE_DAYS} days before this report (${utc(expect.asOf)})`,
    };
  }
  if (audit.scorecardId !== expect.scorecardId) {
    return {
      problem: `audit.scorecardId: "${String(audit.scorecardId)}" is another scorecard than "${expect.scorecardId}"`,
    };
  }
  const rows = json.rows;
  if (!Array.isArray(rows)) {
    return { problem: 'rows: expected the evaluated rows (a list)' };
  }
  const rowProblem = (r: unknown): string | undefined => {
    if (!obj(r) || typeof r.metric_id !== 'string' || typeof r.item !== 'string') {
      return 'expected metric_id and item';
    }
    if (typeof r.colour !== 'string' || !COLOURS.has(r.colour)) {
      return `colour: expected green, amber or red, got ${JSON.stringify(r.colour)}`;
    }
    if (r.status !== undefined && (typeof r.status !== 'string' || !STATUSES.has(r.status))) {
      return `status: ${JSON.stringify(r.status)} is no status`;
    }
    return undefined;
  };
  for (const [i, r] of rows.entries()) {
    const problem = rowProblem(r);
    if (problem) {
      return { problem: `rows[${i}].${problem}` };
    }
  }
  return {
    rows: rows as ScorecardRow[],
    evaluatedAt: audit.evaluatedAt,
    fingerprint: typeof audit.fingerprint === 'string' ? audit.fingerprint : '',
  };
}

/**
 * Items whose colour in a previous record differs from the same catalog evaluated through Grafana as of the
 * record's time, one line each: "Uptime: record red, Grafana green". An item only one side has is named too.
 */
export function recordDisagreements(recorded: ScorecardRow[], regraded: ScorecardRow[]): string[] {
  const name = (r: ScorecardRow) => itemLabel({ label: r.label ?? r.metric_id, item: r.item });
  const [now, before] = [activeByItem(regraded), activeByItem(recorded)];
  const lines: string[] = [];
  for (const [k, r] of before) {
    const g = now.get(k);
    if (!g) {
      lines.push(`${name(r)}: in the record, not in Grafana's evaluation`);
    } else if (g.colour !== r.colour) {
      lines.push(`${name(r)}: record ${r.colour}, Grafana ${g.colour}`);
    }
  }
  for (const [k, g] of now) {
    if (!before.has(k)) {
      lines.push(`${name(g)}: in Grafana's evaluation, not in the record`);
    }
  }
  return lines;
}

const utc = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The few lines a webhook or mail carries: the verdict, what changed, what needs attention, the link. */
export function reportDigest(record: ReportRecord): string {
  const { audit, meta, review } = record;
  // Worse: a colour that was known and is now redder (an item new this week is not "turned worse").
  const worse = review.changes.filter((c) => c.from !== 'absent' && SHOWN_RANK[c.to] < SHOWN_RANK[c.from]);
  const overdue =
    meta.actions && !meta.actions.read
      ? "owners' actions could not be read"
      : `${count(review.actions.overdue.length, 'action')} overdue`;
  const lines = [
    `${audit.complete ? '' : 'INCOMPLETE · '}${STATUS_WORD[meta.overall.colour as Status] ?? meta.overall.colour} · ${meta.overall.score}/100 · ${audit.title} · week to ${utc(audit.evaluatedAt)}`,
    `${count(review.standing.length, 'item')} need attention; ${count(worse.length, 'item')} turned worse; ${overdue}.`,
    ...review.standing
      .slice(0, 5)
      .map((a) => `- ${STATUS_WORD[a.status]}: ${a.label} ${a.valueText} (${a.owner}; ${a.actionText})`),
    ...(review.standing.length > 5 ? [`- and ${review.standing.length - 5} more`] : []),
    ...(audit.complete
      ? []
      : [
          `Missing (${audit.missing.length}):`,
          ...audit.missing.slice(0, 3).map((m) => `- ${m}`),
          ...(audit.missing.length > 3 ? [`- and ${audit.missing.length - 3} more`] : []),
        ]),
    `v${audit.catalogVersion} sha256:${audit.fingerprint.slice(0, 12)} · ${audit.dashboardUrl}`,
  ];
  return lines.join('\n');
}
