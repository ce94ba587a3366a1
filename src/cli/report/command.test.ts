/**
 * @jest-environment node
 *
 * `candor report`'s command line: every mistake is one line and exit 2 before anything is fetched or drawn.
 * (The whole command, drawn in Chromium against the demo stack, is tested in test/integration/report.test.ts.)
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { CliError } from '../common';
import { reportCommand } from './command';

const run = (argv: string[], env: NodeJS.ProcessEnv = { CANDOR_GRAFANA_TOKEN: 'glsa_x' }) => {
  const err: string[] = [];
  return reportCommand(
    argv,
    { out: () => undefined, err: (l) => err.push(l) },
    { env, clock: () => 0, interactive: false }
  )
    .then((code) => ({ code, message: err.join('\n') }))
    .catch((e: CliError) => ({ code: e.code, message: e.message }));
};

const CATALOG = 'provisioning/catalogs/platform-scorecard.yaml';
const URL_ARGS = ['--grafana-url', 'http://127.0.0.1:1/'];

describe('candor report: the command line', () => {
  it.each([
    [[...URL_ARGS], '--out: name a .pdf, .html or .png file'],
    [[...URL_ARGS, '--out', 'weekly.docx'], '--out: name a .pdf, .html or .png file (got "weekly.docx")'],
    [['--out', 'w.pdf'], '--grafana-url is required'],
    [['--grafana-url', 'grafana', '--out', 'w.pdf'], '--grafana-url: "grafana" is not a URL'],
    [['--grafana-url', 'file:///etc', '--out', 'w.pdf'], '--grafana-url: only http(s) URLs'],
    [['--grafana-url', 'https://admin:pw@grafana.example', '--out', 'w.pdf'], 'no credentials in the URL'],
    [[...URL_ARGS, '--out', 'w.pdf', '--as-of', 'yesterday'], '--as-of: "yesterday" is not an ISO 8601 time'],
    [[...URL_ARGS, '--out', 'w.pdf', '--webhook'], '--webhook: set CANDOR_REPORT_WEBHOOK_URL'],
    [[...URL_ARGS, '--out', 'w.pdf', '--timezone', 'Mars/Olympus'], '--timezone: "Mars/Olympus" is no IANA time zone'],
    [[...URL_ARGS, '--out', 'w.pdf', '--colour', 'green'], 'unknown option --colour'],
  ])('%j → exit 2: %s', async (argv, message) => {
    const out = await run(argv);
    expect(out.code).toBe(2);
    expect(out.message).toContain(message);
  });

  it('without a token in the environment or on the command line: exit 2, naming the variable', async () => {
    const out = await run([...URL_ARGS, '--out', 'w.pdf'], {});
    expect(out).toEqual({ code: 2, message: expect.stringContaining('set CANDOR_GRAFANA_TOKEN') });
  });

  it('a dashboard uid that is no dashboard of the catalog: exit 2', async () => {
    const argv = [...URL_ARGS, '--out', 'w.pdf', '--catalog', 'provisioning/catalogs/platform-scorecard.yaml'];
    const out = await run([...argv, '--dashboard', 'someone-elses']);
    expect(out.code).toBe(2);
    expect(out.message).toContain('--dashboard: "someone-elses" is no dashboard of');
  });

  it('an output folder that does not exist: exit 2 before anything is fetched', async () => {
    const out = await run([...URL_ARGS, '--out', 'no-such-folder/w.pdf']);
    expect(out.code).toBe(2);
    expect(out.message).toContain('no-such-folder does not exist or cannot be written');
  });

  it('a previous record that is not JSON: exit 2 before anything is fetched', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'candor-report-cmd-'));
    writeFileSync(path.join(dir, 'last.json'), '{ not json');
    const argv = [...URL_ARGS, '--out', path.join(dir, 'w.pdf'), '--catalog', CATALOG];
    const out = await run([...argv, '--previous', path.join(dir, 'last.json')]);
    expect(out.code).toBe(2);
    expect(out.message).toContain('last.json: not JSON');
  });

  it('an unreachable Grafana: exit 1 and no report written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'candor-report-cmd-'));
    const out = await run([...URL_ARGS, '--out', path.join(dir, 'w.pdf'), '--catalog', CATALOG]);
    expect(out.code).toBe(1);
    expect(out.message).toContain('http://127.0.0.1:1/api/');
    expect(readdirSync(dir)).toEqual([]);
  });
});
