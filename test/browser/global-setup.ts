/**
 * Before the browser tests: check what they need (Chromium, the built plugin, the saved scenario, the RUNNING demo
 * stack with its Grafana double), then start the harness server (it builds the host bundle first) and hand its URL to
 * the tests. The returned teardown stops that server by its PID. Nothing is skipped: a missing piece fails the run
 * here, with what to do about it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assertChromium } from './chromium';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');
const STATE = path.join(path.resolve(process.env.CANDOR_STACK_DIR || path.join(ROOT, '.stack')), 'state.json');
const START_TIMEOUT_MS = 120_000;

async function assertStackRunning(): Promise<void> {
  const hint =
    'The browser tests run against the demo stack (real Prometheus and PostgreSQL behind the Grafana double). ' +
    'Run them with `npm run test:browser`, which starts it, or start it first: node test/stack/stack.mjs start.';
  let url: string | undefined;
  try {
    url = JSON.parse(fs.readFileSync(STATE, 'utf8'))?.double?.url;
  } catch {
    throw new Error(`No demo stack: ${STATE} is missing. ${hint}`);
  }
  const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch((e: Error) => e);
  if (!url || health instanceof Error || !health.ok) {
    throw new Error(`The Grafana double (${url ?? 'no URL in the state file'}) does not answer. ${hint}`);
  }
}

function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'server.mjs'), '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return resolve();
      }
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the harness server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
      const match = /harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the harness server exited (code ${code}) before listening`));
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromium();
  for (const file of ['module.js', 'datasource/module.js', 'panel/module.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', file))) {
      throw new Error(`dist/${file} is missing: run npm run build first (the browser tests load the built plugin).`);
    }
  }
  if (!fs.existsSync(path.join(HERE, 'fixtures', 'scenario.json.gz'))) {
    throw new Error('test/browser/fixtures/scenario.json.gz is missing: record it (see test/browser/README.md).');
  }
  await assertStackRunning();
  const { url, stop } = await startServer();
  process.env.CANDOR_HARNESS_URL = url;
  return stop;
}
