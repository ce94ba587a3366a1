import type { DataFrame } from '@grafana/data';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { CandorDatasource } from '../datasource/datasource';
import {
  createRequest,
  createSettings,
  installBackend,
  installDatasources,
  installTemplates,
  loadFrameJson,
  seriesFrameJson,
  TO,
} from '../datasource/testing/services';
import { evaluateCommand } from './evaluate';

const CATALOG = path.resolve(__dirname, '../../provisioning/catalogs/platform-scorecard.yaml');
const frame = seriesFrameJson;
/** A response as the browser's network tab shows it: one metric answered, one failed, the rest silent. */
const RESPONSE = {
  results: {
    'uptime-slo': { status: 200, frames: [frame('uptime-slo', [0.98, 0.9995], TO - 60_000)] },
    'error-rate': { status: 200, frames: [frame('error-rate', [0.002, 0.02], TO - 60_000)] },
    mttr: { status: 400, error: 'pq: relation "incidents" does not exist' },
  },
};

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = evaluateCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, () => TO);
  return { code, out, err };
}
function saved(json: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'candor-')), 'response.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('candor evaluate', () => {
  it('prints the rows of a saved response as JSON, explaining each status', () => {
    const r = run(['--catalog', CATALOG, '--response', saved(RESPONSE), '--now', new Date(TO).toISOString()]);
    expect(r.code).toBe(0);
    const { meta, rows } = JSON.parse(r.out.join('\n'));
    const byId = (id: string) => rows.find((x: { metric_id: string }) => x.metric_id === id);
    expect(byId('uptime-slo')).toMatchObject({
      status: 'green',
      value: 0.9995,
      previous: 0.98,
      change_quality: 'better',
    });
    expect(byId('error-rate')).toMatchObject({
      status: 'red',
      evidence: '2% > 1% (amber), target 0.05%, as of 11:59 UTC',
    });
    expect(byId('mttr')).toMatchObject({
      status: 'error',
      evidence: 'SQL (candor-postgres): pq: relation "incidents" does not exist',
    });
    expect(byId('nps')).toMatchObject({ status: 'noData', colour: 'red' });
    expect(meta).toMatchObject({ asOf: TO, asOfIsNow: false, overall: { colour: 'red' } });
  });

  it('scores severities named like Object.prototype members as ordinary items, without a crash', () => {
    const bySeverity = (severity: string, value: number) => {
      const f = frame('open-security-issues', [value, value], TO - 60_000);
      return {
        ...f,
        schema: { ...f.schema, fields: [f.schema.fields[0], { ...f.schema.fields[1], labels: { severity } }] },
      };
    };
    const severities: Array<[string, number]> = [
      ['critical', 0],
      ['high', 1],
      ['medium', 2],
      ['low', 3],
      ['constructor', 9],
      ['__proto__', 1],
      ['toString', 0],
    ];
    const response = {
      results: {
        'open-security-issues': { status: 200, frames: severities.map(([s, v]) => bySeverity(s, v)) },
        'open-security-issues.freshness': {
          status: 200,
          frames: [loadFrameJson('open-security-issues.freshness', TO)],
        },
      },
    };
    const r = run(['--catalog', CATALOG, '--response', saved(response), '--now', new Date(TO).toISOString()]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const rows: Array<{ metric_id: string; item: string; status: string }> = JSON.parse(r.out.join('\n')).rows;
    const items = rows.filter((x) => x.metric_id === 'open-security-issues').map((x) => [x.item, x.status]);
    expect(items).toEqual([
      ['critical', 'green'],
      ['high', 'green'],
      ['medium', 'green'],
      ['low', 'green'],
      ['__proto__', 'red'],
      ['constructor', 'red'],
      ['toString', 'green'],
    ]);
  });

  it('gives the same statuses and values as the datasource for the same response', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(TO);
    installTemplates({});
    installDatasources({});
    installBackend(() => RESPONSE);
    const [frameOut] = (await new CandorDatasource(createSettings()).query(createRequest({}, TO, 'now')))
      .data as DataFrame[];
    const col = (name: string) => frameOut.fields.find((f) => f.name === name)!.values as unknown[];
    const fromDatasource = col('metric_id').map((id, i) => [
      id,
      col('item')[i],
      col('status')[i],
      col('value')[i],
      col('colour_since')[i],
    ]);
    const cli = JSON.parse(run(['--catalog', CATALOG, '--response', saved(RESPONSE)]).out.join('\n'));
    const fromCli = cli.rows.map((x: Record<string, unknown>) => [
      x.metric_id,
      x.item,
      x.status,
      x.value,
      x.colour_since,
    ]);
    expect(fromCli).toEqual(fromDatasource);
    jest.restoreAllMocks();
  });

  it('exits 2 on wrong arguments or unreadable files, and 1 on an invalid catalog', () => {
    expect(run(['--catalog', CATALOG]).code).toBe(2);
    expect(run(['--catalog', CATALOG, '--response', saved(RESPONSE), '--now', 'yesterday']).err).toEqual([
      '--now: "yesterday" is not an ISO 8601 time with a zone (2026-11-16T12:00:00Z)',
    ]);
    for (const now of ['0', 'Nov 16', '2026-11-16T12:00:00']) {
      expect(run(['--catalog', CATALOG, '--response', saved(RESPONSE), '--now', now]).code).toBe(2);
    }
    expect(run(['--catalog', '/nope.yaml', '--response', saved(RESPONSE)]).code).toBe(2);
    expect(run(['--catalog', saved({ apiVersion: 'candor/v1' }), '--response', saved(RESPONSE)]).code).toBe(1);
    const notJson = saved('x');
    writeFileSync(notJson, '{');
    expect(run(['--catalog', CATALOG, '--response', notJson]).code).toBe(2);
    // JSON that is not a response: one line, exit 2, never a stack trace.
    for (const body of [
      {
        results: {
          m: {
            frames: [
              { schema: { fields: [{ name: 'v', type: 'number' }] }, data: { values: [[1]], entities: [{ NaN: 5 }] } },
            ],
          },
        },
      },
      { results: { m: { frames: 5 } } },
      { results: { x: null } },
    ]) {
      const r = run(['--catalog', CATALOG, '--response', saved(body)]);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/: not a \/api\/ds\/query response: /);
    }
  });
});

describe('candor evaluate: a file that is not a response', () => {
  it.each([[[]], ['x'], [{ frames: null }], [{ results: [] }], [{ results: { a: 'x' } }]])(
    '%j exits 2, never an all-noData scorecard with exit 0',
    (json) => {
      const r = run(['--catalog', CATALOG, '--response', saved(json)]);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toMatch(/: not a \/api\/ds\/query response: /);
    }
  );
});

describe('candor evaluate: the owners actions and the text for people', () => {
  // NPS 35 for three days: amber (green ≥ 40, amber ≥ 20), past the 48 hours amber may stand without an action.
  const npsAmber = {
    results: {
      nps: { status: 200, frames: [frame('nps', Array(73).fill(35), TO - 60_000)] },
      'nps.freshness': { status: 200, frames: [loadFrameJson('nps.freshness', TO - 60_000)] },
    },
  };
  const action = {
    id: 11,
    time: TO - 86_400_000,
    timeEnd: TO - 86_400_000,
    text: 'Interview the detractors',
    tags: [
      'candor',
      'candor-action',
      'scorecard:platform-scorecard',
      'metric:nps',
      'owner:VP Customer Success',
      'due:2026-11-30',
    ],
  };
  const now = new Date(TO).toISOString();
  const nps = (r: ReturnType<typeof run>) =>
    JSON.parse(r.out.join('\n')).rows.find((x: { metric_id: string }) => x.metric_id === 'nps');

  it('counts a saved /api/annotations answer as Grafana would: an open action keeps amber from escalating', () => {
    const without = run(['--catalog', CATALOG, '--response', saved(npsAmber), '--now', now]);
    expect(nps(without)).toMatchObject({
      status: 'amber',
      colour: 'red',
      escalation: expect.stringMatching(/no action recorded/),
    });
    const withAction = run([
      '--catalog',
      CATALOG,
      '--response',
      saved(npsAmber),
      '--annotations',
      saved([action]),
      '--now',
      now,
    ]);
    expect(nps(withAction)).toMatchObject({
      status: 'amber',
      colour: 'amber',
      escalation: '',
      action: { owner: 'VP Customer Success' },
    });
  });

  it('--output text: what needs attention first, one line each, then every pillar with its answer', () => {
    const r = run([
      '--catalog',
      CATALOG,
      '--response',
      saved(npsAmber),
      '--annotations',
      saved([action]),
      '--now',
      now,
      '--output',
      'text',
    ]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text.split('\n')[0]).toMatch(
      /^Red · \d+\/100 · LocalizeVideos Executive Platform Scorecard · as of 2026-11-16 12:00 UTC · v\d{4}\.\d+\.\d+ sha256:[0-9a-f]{12}$/
    );
    expect(text).toContain('Needs attention (');
    expect(text).toMatch(
      /Amber +Net Promoter Score \(90 days\) +35 \(target ≥ 50\) +for ≥ 3 days +VP Customer Success +action: Interview the detractors/
    );
    expect(text).toContain('Do customers trust us? — ');
    expect(r.err.every((l) => l.startsWith('warning: '))).toBe(true);
  });

  it.each([
    [['--output', 'yaml'], /^usage: candor evaluate/],
    [['--annotations', '/no/such/file.json'], /cannot read/],
  ])('%j exits 2 with one clear line', (extra, message) => {
    const r = run(['--catalog', CATALOG, '--response', saved(npsAmber), ...extra]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('--output text never passes a control character through: an action cannot rewrite the terminal', () => {
    const hostile = { ...action, text: 'Fixed\u001b[2K\r\u001b[1AGreen all fine' };
    const r = run([
      '--catalog',
      CATALOG,
      '--response',
      saved(npsAmber),
      '--annotations',
      saved([hostile]),
      '--now',
      now,
      '--output',
      'text',
    ]);
    expect(r.out.join('\n')).toContain('action: Fixed [2K  [1AGreen all fine');
    expect(r.out.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('an annotations file that is not a list exits 2', () => {
    const r = run(['--catalog', CATALOG, '--response', saved(npsAmber), '--annotations', saved({ id: 1 })]);
    expect(r).toMatchObject({ code: 2, err: [expect.stringMatching(/: not a \/api\/annotations answer: /)] });
  });
});
