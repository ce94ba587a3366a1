/**
 * The running demo stack, as test/stack/stack.mjs recorded it in .stack/state.json. `requireStack` throws (so the
 * test fails, never skips) when the stack is not running or does not answer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const STATE_FILE = path.join(process.env.CANDOR_STACK_DIR ?? path.join(REPO_ROOT, '.stack'), 'state.json');

interface Login {
  database: string;
  user: string;
  password: string;
}
export interface StackState {
  t0: number;
  postgres: Login & { host: string; port: number; pid: number; fixtures: Login; feeds: Login };
  prometheus: { url: string; pid: number; historyStart: number; historyEnd: number };
  exporter: { url: string; pid: number };
  double: {
    url: string;
    queryUrl: string;
    pid: number;
    annotationsUrl: string;
    tokens: { viewer: string; editor: string };
  };
}

export async function requireStack(): Promise<StackState> {
  if (!fs.existsSync(STATE_FILE)) {
    throw new Error(
      `The demo stack is not running (no ${STATE_FILE}). Run \`npm run test:integration\`, or start it with ` +
        '`node test/stack/stack.mjs start` and stop it with `node test/stack/stack.mjs stop`.'
    );
  }
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as StackState;
  const checks: Array<[string, string]> = [
    ['the /api/ds/query double', `${state.double.url}/api/health`],
    ['Prometheus', `${state.prometheus.url}/-/ready`],
    ['the exporter', state.exporter.url],
  ];
  for (const [name, url] of checks) {
    if (!(await answers(url))) {
      throw new Error(`The demo stack is not healthy: ${name} does not answer at ${url}. Restart it.`);
    }
  }
  return state;
}

/**
 * Whether a service answers OK, asked at most twice. A test that blocks the event loop (psql runs synchronously)
 * for longer than the server's keep-alive timeout leaves fetch a pooled connection the server has closed meanwhile
 * ("other side closed"); the second asking opens a new one. Two refusals are an unhealthy stack.
 */
async function answers(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false
    );
    if (ok) {
      return true;
    }
  }
  return false;
}

/** POSTs a body to the double's `/api/ds/query`; resolves the HTTP status and the JSON body. */
export async function dsQuery(state: StackState, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(state.double.queryUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, json: await res.json() };
}

/** psql as one of the stack's logins; resolves { ok, output }. */
export function psql(state: StackState, login: Login, sql: string): { ok: boolean; output: string } {
  const bin = fs
    .readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin/psql`)
    .find((p) => fs.existsSync(p));
  try {
    const output = execFileSync(
      bin ?? 'psql',
      [
        '-X',
        '-A',
        '-t',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        state.postgres.host,
        '-p',
        String(state.postgres.port),
        '-U',
        login.user,
        '-d',
        login.database,
        '-c',
        sql,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: login.password },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
      }
    );
    return { ok: true, output: output.trim() };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { ok: false, output: (err.stderr ?? err.message).trim() };
  }
}

/** Runs test/grafana-double/convert.mjs; resolves its parsed JSON output. */
export function convert(args: string[]): any {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'test/grafana-double/convert.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out);
}
