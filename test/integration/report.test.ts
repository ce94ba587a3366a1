/**
 * `candor report` end to end against the running demo stack (the Grafana double over the real Prometheus and
 * PostgreSQL): the command as a user runs it, the PDF read back with poppler (pdfinfo, pdftoppm, pdftotext), the
 * HTML checked to load nothing, the PNG decoded, the week-over-week comparison with a previous record, and the
 * failures that must leave no report behind.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT, requireStack, type StackState } from './stack';

let state: StackState;
let dir: string;

beforeAll(async () => {
  state = await requireStack();
  for (const tool of ['pdfinfo', 'pdftoppm', 'pdftotext']) {
    if (!fs.existsSync(`/usr/bin/${tool}`)) {
      throw new Error(`${tool} is missing: npm run setup installs poppler-utils`);
    }
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-report-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd: REPO_ROOT, env: { ...process.env, CI: 'true', ...env }, timeout: 180_000, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    );
  });
}
const PLATFORM = 'provisioning/catalogs/platform-scorecard.yaml';
/** The command as a user runs it; `extra` may name another --catalog (the last one given wins). */
const report = (out: string, extra: string[] = [], token = state.double.tokens.viewer) =>
  run(
    process.execPath,
    ['cli/candor.mjs', 'report', '--grafana-url', state.double.url, '--out', out, '--catalog', PLATFORM, ...extra],
    { CANDOR_GRAFANA_TOKEN: token }
  );
const record = (file: string) => JSON.parse(fs.readFileSync(file.replace(/\.\w+$/, '.json'), 'utf8'));

describe('candor report against the demo stack', () => {
  let pdf: string;
  let first: Run;
  beforeAll(async () => {
    pdf = path.join(dir, 'weekly.pdf');
    first = await report(pdf);
  }, 240_000);

  it('writes the PDF and its record, says what is missing, and exits 3 (written, incomplete)', () => {
    expect(first.stderr).toContain('missing: ');
    expect(first.code).toBe(3);
    expect(first.stdout).toMatch(
      /weekly\.pdf: Red \d+\/100, \d+ need attention, .*INCOMPLETE: \d+ missing; \d+ requests to Grafana; [\d.]+ s/
    );
    const rec = record(pdf);
    expect(rec.audit.complete).toBe(false);
    expect(rec.audit.missing.length).toBeGreaterThan(0);
    expect(rec.audit.comparison.kind).toBe('one-week-earlier');
    expect(rec.rows.length).toBeGreaterThan(20);
    // The demo catalog's approval is recorded with the executives' sign-off pending: never a complete report.
    expect(rec.audit.missing).toContain(`Definitions not signed off: ${rec.audit.approval.text}`);
    // The dashboard the double serves is the provisioned one: it pins this catalog.
    expect(rec.audit.provisioned).toBe('');
  });

  it('is two pages at most, renders to PNG, and its text carries the fingerprint and the attention items in order', async () => {
    const info = await run('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(info.stdout).toMatch(/A4/);
    const png = path.join(dir, 'page');
    expect((await run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, png])).code).toBe(0);
    const image = fs.readFileSync(`${png}-1.png`);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    const rec = record(pdf);
    expect(text).toContain(`sha256:${rec.audit.fingerprint.slice(0, 12)}`);
    expect(text).toContain(rec.audit.fingerprint);
    expect(text).toContain(`Incomplete: ${rec.audit.missing.length} missing`);
    // The attention items appear in the order the record lists them (worst first), each after the one before.
    let at = text.indexOf('Needs attention');
    expect(at).toBeGreaterThan(-1);
    for (const item of rec.meta.attention as Array<{ label: string }>) {
      const next = text.indexOf(item.label, at);
      expect({ item: item.label, found: next > at }).toEqual({ item: item.label, found: true });
      at = next;
    }
    // Page two: the review and the audit trail.
    expect(text).toContain('Since the last review');
    expect(text).toContain('Audit trail');
    expect(text).toContain(state.double.url);
  });

  it('compares with the previous record when given: the period starts at its evaluation', async () => {
    const next = path.join(dir, 'next.pdf');
    const out = await report(next, ['--previous', pdf.replace(/\.pdf$/, '.json')]);
    expect(out.code).toBe(3);
    const rec = record(next);
    expect(rec.audit.comparison).toMatchObject({ kind: 'previous-report', evaluatedAt: record(pdf).audit.evaluatedAt });
    expect(rec.review.since).toBe(record(pdf).audit.evaluatedAt);
    // The same data minutes apart: nothing changed colour.
    expect(rec.review.changes).toEqual([]);
    expect(rec.audit.comparison.disagreements).toEqual([]);
  }, 120_000);

  it('a hand-edited previous record shows where it differs from Grafana, on the page and in the record', async () => {
    const edited = path.join(dir, 'edited.json');
    const rec = record(pdf);
    const target = rec.rows.find((r: { colour: string; retired: boolean }) => r.colour === 'green' && !r.retired);
    target.colour = 'red'; // claims a green item was already red, to hide a future red as "no change"
    fs.writeFileSync(edited, JSON.stringify(rec));
    const out = path.join(dir, 'edited-next.pdf');
    expect((await report(out, ['--previous', edited])).code).toBe(3);
    const next = record(out);
    const name = target.item ? `${target.label} · ${target.item}` : target.label;
    expect(next.audit.comparison.disagreements).toEqual([`${name}: record red, Grafana green`]);
    expect(next.audit.missing.some((m: string) => m.startsWith('Week over week: the previous record differs'))).toBe(
      true
    );
    const text = (await run('pdftotext', [out, '-'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain("The previous record differs from Grafana's data for its own time in 1 item(s)");
  }, 120_000);

  it('an audience dashboard reports that audience: the board sees its pillars and the summary only', async () => {
    const out = path.join(dir, 'board.pdf');
    const catalog = 'provisioning/catalogs/executive-performance.yaml';
    const board = JSON.parse(
      fs.readFileSync(
        path.join(REPO_ROOT, 'provisioning/audience-dashboards/executive-performance/board/board.json'),
        'utf8'
      )
    );
    const res = await report(out, ['--catalog', catalog, '--dashboard', board.uid]);
    expect([0, 3]).toContain(res.code);
    const rec = record(out);
    const wanted = board.panels.find((p: { type: string }) => p.type === 'candor-scorecard-panel').targets[0].pillars;
    const pillars = new Set(
      rec.rows.filter((r: { summary_only: boolean }) => !r.summary_only).map((r: { pillar_id: string }) => r.pillar_id)
    );
    expect([...pillars].sort()).toEqual([...wanted].sort());
    expect(rec.audit.dashboardUrl).toBe(`${state.double.url}/d/${board.uid}`);
    expect(rec.audit.provisioned).toBe('');
  }, 120_000);

  it('writes self-contained HTML: no script, nothing loaded from the rendering server', async () => {
    const html = path.join(dir, 'weekly.html');
    const out = await report(html);
    expect(out.code).toBe(3);
    const text = fs.readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/(src|href)="\/(?!\/)/);
    expect(text).not.toMatch(/url\(["']?(https?:|\/)/);
    expect(text).toMatch(/data:font\/woff2;base64,/);
    expect(text).toContain(record(html).audit.fingerprint);
    expect(text).toContain('Weekly executive review');
  }, 120_000);

  it('writes a PNG of both sheets', async () => {
    const png = path.join(dir, 'weekly.png');
    expect((await report(png)).code).toBe(3);
    const image = fs.readFileSync(png);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.readUInt32BE(16)).toBeGreaterThan(1000); // width
    expect(image.readUInt32BE(20)).toBeGreaterThan(image.readUInt32BE(16)); // two sheets, one under the other
  }, 120_000);

  it('a token Grafana does not know: exit 1, one line, and no report nor record written', async () => {
    const out = path.join(dir, 'refused.pdf');
    const res = await report(out, [], 'glsa_unknown_token_0000');
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toMatch(
      /^POST \/api\/ds\/query: Grafana refused the token \(HTTP 401: Invalid API key\)/
    );
    expect(res.stderr).not.toContain('glsa_unknown');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(out.replace(/\.pdf$/, '.json'))).toBe(false);
  });
});
