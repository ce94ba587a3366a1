/**
 * `candor report`'s command line, checked whole before anything is fetched or drawn: every mistake is one line and
 * exit 2 (the URL, the output file and its folder, the token, the time, the time zone, the deliveries, Chromium).
 */
import { accessSync, constants, existsSync } from 'fs';
import path from 'path';

import { parseInstant } from '../../core/duration';
import { CliError, parseArgs } from '../common';
import { deliveryProblems, type Delivery } from './deliver';
import { chromiumPath, type OutputFormat } from './render';

export const REPORT_USAGE = `usage: candor report --grafana-url URL --out FILE.pdf|FILE.html|FILE.png [--catalog FILE] [--dashboard UID]
                     [--as-of ISO-8601] [--previous FILE.json] [--timezone ZONE] [--webhook] [--mail-to ADDRESS]...
                     [--quiet] [--root DIR]
  The token: CANDOR_GRAFANA_TOKEN in the environment (or --token, which a shell history keeps).
  Exit: 0 written; 3 written but incomplete (it says what is missing); 1 no report, or a delivery failed; 2 usage.`;

export interface ReportOptions {
  url: URL;
  token: string;
  out: string;
  format: OutputFormat;
  asOf: number;
  asOfIsNow: boolean;
  timeZone: string;
  delivery: Delivery;
  root: string;
  catalog?: string;
  dashboard?: string;
  previous?: string;
  quiet: boolean;
}

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

function outputOf(out: string | undefined): { out: string; format: OutputFormat } {
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if (!out || !['pdf', 'html', 'png'].includes(ext)) {
    throw new CliError(`--out: name a .pdf, .html or .png file${out ? ` (got "${out}")` : ''}\n${REPORT_USAGE}`, 2);
  }
  const dir = path.dirname(path.resolve(out));
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new CliError(`--out: the folder ${dir} does not exist or cannot be written`, 2);
  }
  return { out: path.resolve(out), format: ext as OutputFormat };
}

export function reportOptions(argv: string[], env: NodeJS.ProcessEnv, now: number): ReportOptions {
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
  const { out, format } = outputOf(s.out);
  const url = grafanaUrl(s['grafana-url']);
  const token = s.token ?? env.CANDOR_GRAFANA_TOKEN ?? '';
  if (!token) {
    throw new CliError('candor report: no token: set CANDOR_GRAFANA_TOKEN (a service-account token, Viewer role)', 2);
  }
  const asOf = s['as-of'] === undefined ? now : parseInstant(s['as-of']);
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
  const problems = deliveryProblems(delivery, env);
  if (problems.length) {
    throw new CliError(problems.join('\n'), 2);
  }
  if (!existsSync(chromiumPath(env))) {
    throw new CliError(
      `${chromiumPath(env)}: no Chromium to draw the report (install Debian's chromium, or set CHROMIUM_PATH)`,
      2
    );
  }
  return {
    url,
    token,
    out,
    format,
    asOf,
    asOfIsNow: s['as-of'] === undefined,
    timeZone,
    delivery,
    root: path.resolve(s.root ?? '.'),
    catalog: s.catalog,
    dashboard: s.dashboard,
    previous: s.previous,
    quiet: Boolean(args.booleans.quiet),
  };
}
