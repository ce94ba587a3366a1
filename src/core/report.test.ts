import fc from 'fast-check';
import {
  missingEvidence,
  readPreviousRecord,
  recordDisagreements,
  REPORT_FORMAT,
  reportDigest,
  reportRecord,
  type RecordInput,
} from './report';
import { weeklyReview } from './review';
import type { ScorecardMeta } from './rows';
import { DAY, FIXED_NOW } from './testing/factories';
import { createRow } from './testing/rows';

const meta = (overrides: Partial<ScorecardMeta> = {}): ScorecardMeta => ({
  schemaVersion: 1,
  scorecardId: 'exec',
  title: 'Executive scorecard',
  catalogVersion: '2026.12.1',
  fingerprint: 'a'.repeat(64),
  fingerprintShort: 'sha256:aaaaaaaaaaaa',
  asOf: FIXED_NOW,
  asOfIsNow: true,
  overall: { colour: 'red', score: 59, openByTier: { critical: 1, high: 0, medium: 0, low: 0 } },
  pillars: [],
  selection: {},
  actions: { read: true, count: 0 },
  ...overrides,
});

function createInput(overrides: Partial<RecordInput> = {}): RecordInput {
  const rows = overrides.rows ?? [createRow({ metric_id: 'uptime', label: 'Uptime', colour: 'red', status: 'red' })];
  return {
    audit: {
      scorecardId: 'exec',
      title: 'Executive scorecard',
      catalogFile: 'provisioning/catalogs/exec.yaml',
      catalogVersion: '2026.12.1',
      fingerprint: 'a'.repeat(64),
      fingerprintShort: 'sha256:aaaaaaaaaaaa',
      approval: { standing: 'unsigned', text: 'approved (unsigned)' },
      approvedFingerprint: 'a'.repeat(64),
      governance: [],
      provisioned: '',
      actionsTruncated: false,
      evaluatedAt: FIXED_NOW,
      grafanaUrl: 'https://grafana.example/',
      dashboardUrl: 'https://grafana.example/d/candor-exec',
      comparison: { kind: 'one-week-earlier', evaluatedAt: FIXED_NOW - 7 * DAY },
    },
    meta: meta(),
    rows,
    warnings: [],
    review: weeklyReview({ current: rows, actions: [], approvals: [], since: FIXED_NOW - 7 * DAY, now: FIXED_NOW }),
    ...overrides,
  };
}

describe('what the report says is missing', () => {
  const base = {
    meta: meta(),
    governance: [],
    comparison: { kind: 'one-week-earlier' as const, evaluatedAt: 0 },
    approval: { standing: 'verified', text: 'approved and signed' },
  };
  it.each([
    [
      'noData',
      'No data in the 30d before 12:00 UTC. More detail.',
      'Incidents: No data — No data in the 30d before 12:00 UTC',
    ],
    ['stale', 'Stale: last sample 9 h ago, allowed 6 h', 'Incidents: Stale — Stale: last sample 9 h ago, allowed 6 h'],
    ['error', 'HTTP 404: Data source not found', 'Incidents: Error — HTTP 404: Data source not found'],
  ])('an item with status %s is named with its reason', (status, evidence, line) => {
    const rows = [createRow({ label: 'Incidents', status, colour: 'red', evidence })];
    expect(missingEvidence({ ...base, rows })).toEqual([line]);
  });

  it('names nothing for items with fresh evidence, whatever their colour, nor retired items', () => {
    const rows = [
      createRow({ status: 'red', colour: 'red' }),
      createRow({ status: 'green', colour: 'green' }),
      createRow({ status: 'noData', colour: 'red', retired: true }),
    ];
    expect(missingEvidence({ ...base, rows })).toEqual([]);
  });

  it('says when the actions, the approval or the comparison are missing, definitions first', () => {
    const lines = missingEvidence({
      rows: [],
      meta: meta({ actions: { read: false, count: 0, error: 'HTTP 500' } }),
      governance: ['lock.approvals[1].fingerprint: does not match the catalog'],
      comparison: { kind: 'none', why: 'the previous record is another scorecard' },
      approval: { standing: 'pending', text: 'sign-off pending, not yet approved: v1 (sha256:aaaaaaaaaaaa)' },
      provisioned: 'the dashboard candor-exec pins sha256:bbbbbbbbbbbb, this report evaluated sha256:aaaaaaaaaaaa',
      actionsTruncated: true,
    });
    expect(lines).toEqual([
      'Definitions not approved as provisioned: lock.approvals[1].fingerprint: does not match the catalog',
      'Definitions not signed off: sign-off pending, not yet approved: v1 (sha256:aaaaaaaaaaaa)',
      'Definitions in Grafana: the dashboard candor-exec pins sha256:bbbbbbbbbbbb, this report evaluated sha256:aaaaaaaaaaaa',
      "Owners' actions could not be read (HTTP 500): no action counts, amber escalates",
      "Owners' actions: Grafana returned as many as one query may; older actions may be missing",
      'No week-over-week comparison: the previous record is another scorecard',
    ]);
  });

  it.each([
    ['verified', false],
    ['unsigned', false],
    ['pending', true],
    ['invalid', true],
    ['unverified', true],
  ])('an approval standing %s is missing evidence: %p', (standing, missing) => {
    const lines = missingEvidence({ ...base, rows: [], approval: { standing, text: `${standing} record` } });
    expect(lines).toEqual(missing ? [`Definitions not signed off: ${standing} record`] : []);
  });

  it('no lock file: no approval record at all', () => {
    expect(missingEvidence({ ...base, rows: [], approval: null })).toEqual([
      'Definitions have no approval record (no lock file)',
    ]);
  });

  it('a report with anything missing is not complete', () => {
    const incomplete = reportRecord(
      createInput({ rows: [createRow({ status: 'stale', colour: 'amber', evidence: 'Stale: old' })] })
    );
    expect(incomplete.audit.complete).toBe(false);
    expect(reportRecord(createInput()).audit.complete).toBe(true);
  });
});

describe('a complete report has evidence for everything (property)', () => {
  const STATUSES = ['green', 'amber', 'red', 'noData', 'stale', 'error'];
  it('is complete exactly when every active item has fresh evidence, the actions were read and the approval holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(...STATUSES), retired: fc.boolean() }), { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (items, actionsRead, approved) => {
          const rows = items.map((i, n) =>
            createRow({ metric_id: `m${n}`, status: i.status, colour: 'red', retired: i.retired, evidence: 'why' })
          );
          const input = createInput({ rows, meta: meta({ actions: { read: actionsRead, count: 0 } }) });
          input.audit.governance = approved ? [] : ['lock: changed by hand'];
          input.audit.approval = { standing: 'verified', text: 'signed' };
          const evidence = rows.every((r) => r.retired || ['green', 'amber', 'red'].includes(r.status));
          expect(reportRecord(input).audit.complete).toBe(evidence && actionsRead && approved);
        }
      )
    );
  });
});

describe('reading the previous report back', () => {
  const good = () => JSON.parse(JSON.stringify(reportRecord(createInput())));
  it('gives its rows, time and fingerprint', () => {
    const read = readPreviousRecord(good(), { scorecardId: 'exec', asOf: FIXED_NOW + DAY });
    expect(read).toEqual({ rows: good().rows, evaluatedAt: FIXED_NOW, fingerprint: 'a'.repeat(64) });
  });
  it.each([
    ['another format', (r: any) => (r.format = 'x'), `format: expected "${REPORT_FORMAT}"`],
    ['no time', (r: any) => delete r.audit.evaluatedAt, 'audit.evaluatedAt: expected'],
    [
      'another scorecard',
      (r: any) => (r.audit.scorecardId = 'other'),
      'audit.scorecardId: "other" is another scorecard',
    ],
    ['rows not a list', (r: any) => (r.rows = {}), 'rows: expected the evaluated rows'],
    ['a row without colour', (r: any) => delete r.rows[0].colour, 'rows[0].colour: expected green, amber or red'],
    [
      'a made-up colour',
      (r: any) => (r.rows[0].colour = 'purple'),
      'rows[0].colour: expected green, amber or red, got "purple"',
    ],
    ['a made-up status', (r: any) => (r.rows[0].status = 'fine'), 'rows[0].status: "fine" is no status'],
    ['a row without id', (r: any) => delete r.rows[0].metric_id, 'rows[0].expected metric_id and item'],
    [
      'a time after this report',
      (r: any) => (r.audit.evaluatedAt = FIXED_NOW + 2 * DAY),
      'audit.evaluatedAt: 2026-11-18 12:00 UTC is not within the 35 days before',
    ],
    [
      'a time too long ago',
      (r: any) => (r.audit.evaluatedAt = FIXED_NOW - 40 * DAY),
      'is not within the 35 days before this report',
    ],
  ])('refuses a record with %s, naming the path', (_, change, problem) => {
    const record = good();
    change(record);
    const read = readPreviousRecord(record, { scorecardId: 'exec', asOf: FIXED_NOW + DAY });
    expect('problem' in read && read.problem).toContain(problem);
  });
});

describe('checking a previous record against Grafana', () => {
  it('a previous record Grafana disagrees with is missing evidence: the changes against it prove nothing', () => {
    const comparison = {
      kind: 'previous-report' as const,
      file: 'last.json',
      sha256: 'f'.repeat(64),
      evaluatedAt: FIXED_NOW - 7 * DAY,
      fingerprint: 'a'.repeat(64),
      disagreements: ['Churn: record red, Grafana green'],
    };
    const approval = { standing: 'verified', text: 'signed' };
    expect(missingEvidence({ meta: meta(), rows: [], governance: [], comparison, approval })).toEqual([
      "Week over week: the previous record differs from Grafana's data for its own time in 1 item(s) (Churn: record red, Grafana green), so the changes measured against it are not evidence",
    ]);
    expect(
      missingEvidence({
        meta: meta(),
        rows: [],
        governance: [],
        comparison: { ...comparison, disagreements: [] },
        approval,
      })
    ).toEqual([]);
  });

  it('names each item whose colour the record states differently, and items only one side has', () => {
    const recorded = [
      createRow({ metric_id: 'uptime', label: 'Uptime', colour: 'red' }),
      createRow({ metric_id: 'churn', label: 'Churn', colour: 'green' }),
      createRow({ metric_id: 'sec', label: 'Security', item: 'critical', colour: 'amber' }),
    ];
    const regraded = [
      createRow({ metric_id: 'uptime', label: 'Uptime', colour: 'red' }),
      createRow({ metric_id: 'churn', label: 'Churn', colour: 'red' }),
      createRow({ metric_id: 'nps', label: 'NPS', colour: 'amber' }),
    ];
    expect(recordDisagreements(recorded, regraded)).toEqual([
      'Churn: record green, Grafana red',
      "Security · critical: in the record, not in Grafana's evaluation",
      "NPS: in Grafana's evaluation, not in the record",
    ]);
  });
});

describe('the digest a webhook or mail carries', () => {
  it('leads with the verdict, then what needs attention, what is missing and the link', () => {
    const rows = [
      createRow({
        metric_id: 'uptime',
        label: 'Uptime',
        colour: 'red',
        status: 'red',
        value_text: '98%',
        owner: 'SRE',
      }),
      createRow({ metric_id: 'sec', label: 'Incidents', colour: 'red', status: 'noData', evidence: 'No data' }),
    ];
    const text = reportDigest(
      reportRecord(
        createInput({
          rows,
          review: weeklyReview({ current: rows, actions: [], approvals: [], since: 0, now: FIXED_NOW }),
        })
      )
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('INCOMPLETE · Red · 59/100 · Executive scorecard · week to 2026-11-16 12:00 UTC');
    expect(lines[1]).toBe('2 items need attention; 0 items turned worse; 0 actions overdue.');
    expect(lines.some((l) => l.startsWith('- Red: Uptime 98% (SRE;'))).toBe(true);
    expect(text).toContain('Missing (1):\n- Incidents: No data — No data');
    expect(lines.at(-1)).toBe('v2026.12.1 sha256:aaaaaaaaaaaa · https://grafana.example/d/candor-exec');
  });
});
