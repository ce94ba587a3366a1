/**
 * The weekly executive report's record (`candor report`, docs/report.md): everything the report shows, kept as
 * JSON beside it (FILE.json), so any line of the report can be traced to an evaluated row, and so next week's
 * report can compare with it. Pure: the CLI fetches and renders; this module decides what the report says.
 *
 * Completeness — what the report must say is missing, at the top, never hidden in a footnote:
 *   - every item without fresh evidence (status noData, stale or error), with the engine's reason (its evidence);
 *   - the owners' actions when Grafana's annotations could not be read (amber then escalates: no action counts);
 *   - a catalog whose definitions are not approved as provisioned (governance problems of the lock file);
 *   - no comparison, when the previous evaluation could not be had.
 * A report with any of these is `complete: false`; the command then exits 3 (written, incomplete).
 * Example: a Prometheus datasource that Grafana does not know gives "Uptime: no data — HTTP 404: Data source not
 * found" for each of its metrics, and every SQL metric keeps its status.
 */
import type { ScorecardMeta, ScorecardRow } from './rows';
import type { WeeklyReview } from './review';
import { STATUS_WORD } from './words';
import type { Status } from './types';

export const REPORT_FORMAT = 'candor/report-v1';

/** What the report is compared with: the previous report's record, or the catalog evaluated a week earlier. */
export type Comparison =
  | { kind: 'previous-report'; file: string; evaluatedAt: number; fingerprint: string }
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
}): string[] {
  const { meta, rows } = input;
  const items = rows
    .filter((r) => !r.retired && NO_EVIDENCE.has(r.status))
    .map((r) => {
      const name = r.item ? `${r.label} · ${r.item}` : r.label;
      const word = STATUS_WORD[r.status as Status];
      const why = firstSentence(r.evidence);
      return why ? `${name}: ${word} — ${why}` : `${name}: ${word}`;
    });
  const actions =
    meta.actions && !meta.actions.read
      ? [`Owners' actions could not be read (${meta.actions.error ?? 'no answer'}): no action counts, amber escalates`]
      : [];
  const governance = input.governance.map((g) => `Definitions not approved as provisioned: ${g}`);
  const comparison = input.comparison.kind === 'none' ? [`No week-over-week comparison: ${input.comparison.why}`] : [];
  return [...governance, ...items, ...actions, ...comparison];
}

export interface RecordInput {
  audit: Omit<ReportAudit, 'missing' | 'complete'>;
  meta: ScorecardMeta;
  rows: ScorecardRow[];
  warnings: string[];
  review: WeeklyReview;
}

export function reportRecord(input: RecordInput): ReportRecord {
  const missing = missingEvidence({ ...input, governance: input.audit.governance, comparison: input.audit.comparison });
  return {
    format: REPORT_FORMAT,
    audit: { ...input.audit, missing, complete: missing.length === 0 },
    meta: input.meta,
    rows: input.rows,
    warnings: input.warnings,
    review: input.review,
  };
}

/** A previous report's record as read back: the rows and when they were evaluated, or "path: reason". */
export function readPreviousRecord(
  json: unknown,
  scorecardId: string
): { rows: ScorecardRow[]; evaluatedAt: number; fingerprint: string } | { problem: string } {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(json) || json.format !== REPORT_FORMAT) {
    return { problem: `format: expected "${REPORT_FORMAT}" (a FILE.json that candor report wrote)` };
  }
  const audit = json.audit;
  if (!obj(audit) || typeof audit.evaluatedAt !== 'number' || !Number.isFinite(audit.evaluatedAt)) {
    return { problem: 'audit.evaluatedAt: expected the evaluation time in epoch milliseconds' };
  }
  if (audit.scorecardId !== scorecardId) {
    return { problem: `audit.scorecardId: "${String(audit.scorecardId)}" is another scorecard than "${scorecardId}"` };
  }
  const rows = json.rows;
  const rowOk = (r: unknown) =>
    obj(r) && typeof r.metric_id === 'string' && typeof r.item === 'string' && typeof r.colour === 'string';
  if (!Array.isArray(rows)) {
    return { problem: 'rows: expected the evaluated rows (a list)' };
  }
  const bad = rows.findIndex((r) => !rowOk(r));
  if (bad >= 0) {
    return { problem: `rows[${bad}]: expected metric_id, item and colour` };
  }
  return {
    rows: rows as ScorecardRow[],
    evaluatedAt: audit.evaluatedAt,
    fingerprint: typeof audit.fingerprint === 'string' ? audit.fingerprint : '',
  };
}

const RANK: Record<string, number> = { red: 0, amber: 1, green: 2, absent: 3 };
const utc = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The few lines a webhook or mail carries: the verdict, what changed, what needs attention, the link. */
export function reportDigest(record: ReportRecord): string {
  const { audit, meta, review } = record;
  // Worse: a colour that was known and is now redder (an item new this week is not "turned worse").
  const worse = review.changes.filter((c) => c.from !== 'absent' && RANK[c.to] < RANK[c.from]);
  const lines = [
    `${STATUS_WORD[meta.overall.colour as Status] ?? meta.overall.colour} · ${meta.overall.score}/100 · ${audit.title} · week to ${utc(audit.evaluatedAt)}`,
    `${count(review.standing.length, 'item')} need attention; ${count(worse.length, 'item')} turned worse; ${count(review.actions.overdue.length, 'action')} overdue.`,
    ...review.standing
      .slice(0, 5)
      .map((a) => `- ${STATUS_WORD[a.status]}: ${a.label} ${a.valueText} (${a.owner}; ${a.actionText})`),
    ...(review.standing.length > 5 ? [`- and ${review.standing.length - 5} more`] : []),
    ...(audit.complete
      ? []
      : [`Missing: ${audit.missing.length} — ${audit.missing[0]}${audit.missing.length > 1 ? ' …' : ''}`]),
    `v${audit.catalogVersion} sha256:${audit.fingerprint.slice(0, 12)} · ${audit.dashboardUrl}`,
  ];
  return lines.join('\n');
}
