// Small process and file helpers for the demo stack: spare ports, PID files, bounded waits, state file.
// Everything listens on 127.0.0.1 only; every wait has a deadline; processes are stopped by their PID.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOST = '127.0.0.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const STACK_DIR = path.resolve(process.env.CANDOR_STACK_DIR || path.join(REPO_ROOT, '.stack'));
export const STATE_FILE = path.join(STACK_DIR, 'state.json');

export function log(message) {
  process.stderr.write(`[stack] ${message}\n`);
}

/** A port the kernel just handed out on 127.0.0.1 (closed again before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (sync or async, truthy = done) every 250 ms until `timeoutMs`; throws naming `what` on timeout. */
export async function waitFor(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last.message})` : ''}`);
}

/** GET with a timeout; resolves { status, text }. */
export async function httpGet(url, timeoutMs = 5_000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}

/** Runs a command to completion (bounded); throws with its output when it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().slice(-2000);
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`);
  }
  return result.stdout;
}

/** Starts a long-running process in its own process group, output to `logFile`, PID written to `pidFile`. */
export function startDetached(name, cmd, args, { logFile, pidFile, env, uid, gid, cwd } = {}) {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(cmd, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
    cwd: cwd ?? REPO_ROOT,
    ...(uid === undefined ? {} : { uid, gid }),
  });
  fs.closeSync(out);
  child.unref();
  if (!child.pid) {
    throw new Error(`could not start ${name}`);
  }
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  log(`${name} started (pid ${child.pid}, log ${path.relative(REPO_ROOT, logFile)})`);
  return child.pid;
}

export function readPid(pidFile) {
  try {
    return Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
}

/** The command line of a process (Linux /proc), '' when unknown. */
export function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * `signal` (SIGTERM), wait up to `timeoutMs`, then SIGKILL. Only the given PID is signalled, and only when its
 * command line still contains `marker` (a PID file may outlive its process and the PID be reused).
 */
export async function stopPid(name, pid, { timeoutMs = 15_000, signal = 'SIGTERM', marker } = {}) {
  if (!isAlive(pid)) {
    return false;
  }
  if (marker && !commandLine(pid).includes(marker)) {
    log(`${name}: pid ${pid} is no longer ${name} (${commandLine(pid).slice(0, 80) || 'unknown'}): left alone`);
    return false;
  }
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) {
    await sleep(100);
  }
  if (isAlive(pid)) {
    log(`${name} (pid ${pid}) ignored ${signal} for ${timeoutMs / 1000} s: SIGKILL`);
    process.kill(pid, 'SIGKILL');
  }
  log(`${name} stopped (pid ${pid})`);
  return true;
}

export function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeState(state) {
  fs.mkdirSync(STACK_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
