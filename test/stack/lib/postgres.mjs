// A throwaway PostgreSQL cluster for the demo: initdb into a fresh directory, listen on 127.0.0.1 only (no Unix
// socket), password (SCRAM) logins, the schema of docs/demo-schema.md, the deterministic seed, and three roles:
//   candor_admin   - the cluster's superuser (setup only);
//   candor_feeds   - the "feeds" account that writes the seed (INSERT/UPDATE/DELETE/SELECT), never seen by Grafana;
//   candor_grafana - the datasource's read-only login (SELECT only, default_transaction_read_only), created by the
//                    doc's own access statements;
// plus candor_fixtures, owner of a separate scratch database where the Grafana golden SQL fixtures create their
// temporary tables (so the read-only role stays read-only).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { pgBinDir } from '../../../scripts/setup.mjs';
import { accessSql, tablesSql } from '../../demo/schema.mjs';
import { seedSql } from '../../demo/seed/index.mjs';
import { HOST, STACK_DIR, isAlive, log, run, sleep, startDetached } from './util.mjs';

/** Who runs the server: as root, the `postgres` system user (initdb refuses root); otherwise the current user. */
function serverUser() {
  if (process.getuid() !== 0) {
    return {};
  }
  const uid = Number(run('id', ['-u', 'postgres']).trim());
  const gid = Number(run('id', ['-g', 'postgres']).trim());
  return { uid, gid };
}

const password = () => crypto.randomBytes(18).toString('base64url');

/** Runs SQL (a string) through psql over TCP as `user`, stopping at the first error. */
export function psql(pg, user, database, sql) {
  return run(
    path.join(pg.bin, 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', HOST, '-p', String(pg.port), '-U', user, '-d', database, '-f', '-'],
    { input: sql, env: { ...process.env, PGPASSWORD: pg.passwords[user], PGCONNECT_TIMEOUT: '10' } }
  );
}

export async function startPostgres(port) {
  const bin = pgBinDir();
  const owner = serverUser();
  // As root the data directory lives under the system temp dir, owned by `postgres` (the repo may be unreadable to it).
  const root =
    owner.uid === undefined
      ? path.join(STACK_DIR, 'pg')
      : path.join(
          os.tmpdir(),
          `candor-stack-pg-${crypto.createHash('sha1').update(STACK_DIR).digest('hex').slice(0, 10)}`
        );
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const data = path.join(root, 'data');
  const passwords = {
    candor_admin: password(),
    candor_feeds: password(),
    candor_grafana: password(),
    candor_fixtures: password(),
  };
  const pwfile = path.join(root, 'pwfile');
  fs.writeFileSync(pwfile, `${passwords.candor_admin}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) {
    fs.chownSync(root, owner.uid, owner.gid);
    fs.chownSync(pwfile, owner.uid, owner.gid);
  }
  run(
    path.join(bin, 'initdb'),
    [
      '-D',
      data,
      '-U',
      'candor_admin',
      `--pwfile=${pwfile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=reject',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-instructions',
    ],
    { ...owner, cwd: root }
  );
  fs.rmSync(pwfile);
  const logFile = path.join(root, 'postgres.log');
  const settings = {
    listen_addresses: HOST,
    port: String(port),
    unix_socket_directories: '',
    timezone: 'UTC',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '100',
  };
  const args = ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const pidFile = path.join(STACK_DIR, 'postgres.pid');
  const pid = startDetached('postgres', path.join(bin, 'postgres'), args, {
    logFile: path.join(STACK_DIR, 'postgres.log'),
    pidFile,
    ...owner,
    cwd: root,
  });
  const pg = { bin, port, host: HOST, pid, pidFile, dataDir: data, root, logFile, passwords, serverUid: owner.uid };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = spawnSync(path.join(bin, 'pg_isready'), ['-q', '-h', HOST, '-p', String(port), '-t', '2'], {
      timeout: 5_000,
    });
    if (ready.status === 0) {
      break;
    }
    if (!isAlive(pid) || Date.now() > deadline) {
      throw new Error(`PostgreSQL did not become ready within 30 s (see ${path.join(STACK_DIR, 'postgres.log')})`);
    }
    await sleep(250);
  }
  log(`PostgreSQL ready on ${HOST}:${port}`);
  return pg;
}

/** Schema from the doc, seed as the feeds account, the doc's read-only role for Grafana, the fixtures scratch db. */
export function loadDemoData(pg, t0) {
  const q = (s) => s.replace(/'/g, "''");
  psql(pg, 'candor_admin', 'postgres', `CREATE DATABASE candor;`);
  psql(
    pg,
    'candor_admin',
    'candor',
    `${accessSql()}
ALTER ROLE candor_grafana PASSWORD '${q(pg.passwords.candor_grafana)}';
REVOKE ALL ON DATABASE candor FROM PUBLIC;
${tablesSql()}
CREATE ROLE candor_feeds LOGIN PASSWORD '${q(pg.passwords.candor_feeds)}';
GRANT CONNECT ON DATABASE candor TO candor_feeds;
GRANT USAGE ON SCHEMA public TO candor_feeds;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO candor_feeds;
CREATE ROLE candor_fixtures LOGIN PASSWORD '${q(pg.passwords.candor_fixtures)}';
`
  );
  psql(pg, 'candor_admin', 'postgres', `CREATE DATABASE candor_fixtures OWNER candor_fixtures;`);
  psql(pg, 'candor_feeds', 'candor', seedSql(t0));
  psql(pg, 'candor_admin', 'candor', 'ANALYZE;');
  log('PostgreSQL: schema (docs/demo-schema.md), seed and roles loaded');
}
