// node --test test/demo/: the docker compose quickstart agrees with the real-stack tests, delivers its alert
// e-mails somewhere, and fails early without a build. (docker-compose 1.29 validates the syntax: npm run test:compose.)
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';

import {
  COMPOSE_EXPORTER,
  COMPOSE_FILE,
  COMPOSE_RULES,
  EXPORTER_JOB,
  composeConfig,
  prometheusConfig,
} from './prometheus/config.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));
const services = compose.services;
const jobOf = (config) => YAML.parse(config).scrape_configs.find((j) => j.job_name === EXPORTER_JOB);

test("the quickstart's prometheus.yml is the generator's output (no hand edit, no drift)", () => {
  assert.equal(fs.readFileSync(COMPOSE_FILE, 'utf8'), composeConfig());
});

test('both stacks scrape the demo exporter with the same job; only the target and intervals differ', () => {
  const testStack = jobOf(
    prometheusConfig({ scrapeInterval: '5s', evaluationInterval: '5s', exporterTarget: '127.0.0.1:1' })
  );
  const quickstart = jobOf(fs.readFileSync(COMPOSE_FILE, 'utf8'));
  const withoutTargets = ({ static_configs: _, ...job }) => job;
  assert.deepEqual(withoutTargets(quickstart), withoutTargets(testStack));
  assert.equal(quickstart.honor_labels, true);
  assert.deepEqual(quickstart.static_configs, [{ targets: [`${COMPOSE_EXPORTER.service}:${COMPOSE_EXPORTER.port}`] }]);
});

test('the scrape target is the compose exporter service, on the port it listens on, reachable from other containers', () => {
  const exporter = services[COMPOSE_EXPORTER.service];
  assert.ok(exporter, `docker-compose.yml has the service ${COMPOSE_EXPORTER.service}`);
  const command = exporter.entrypoint.join(' ');
  assert.match(command, new RegExp(`exporter\\.mjs .*--port ${COMPOSE_EXPORTER.port}\\b`));
  // Prometheus runs in its own container: a loopback-only exporter would be a down target there.
  assert.match(command, /exporter\.mjs .*--host 0\.0\.0\.0\b/);
  assert.equal(exporter.ports, undefined, 'the exporter publishes no port on the host');
});

test('the exporter listens where --host says, and on 127.0.0.1 without it', async () => {
  const script = path.join(ROOT, 'test/demo/prometheus/exporter.mjs');
  for (const [args, host] of [
    [[], '127.0.0.1'],
    [['--host', '0.0.0.0'], '0.0.0.0'],
  ]) {
    const child = spawn(process.execPath, [script, '--port', '0', '--origin', '0', '--t0', '0', ...args]);
    try {
      const line = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no listening line in 10 s')), 10_000);
        child.stdout.once('data', (d) => {
          clearTimeout(timer);
          resolve(String(d));
        });
      });
      assert.equal(line, `exporter listening on ${host}:0\n`);
    } finally {
      child.kill('SIGTERM');
    }
  }
});

test('Prometheus loads that file and the generated recording rules where the config looks for them', () => {
  const prom = services.prometheus;
  const configFlag = prom.command.find((c) => c.startsWith('--config.file='));
  const mounted = Object.fromEntries(prom.volumes.map((v) => v.split(':').slice(0, 2)).map(([a, b]) => [b, a]));
  assert.equal(mounted[configFlag.split('=')[1]], './provisioning/prometheus/prometheus.yml');
  const rules = Object.entries(mounted).find(([inside]) => path.dirname(inside) === path.dirname(COMPOSE_RULES));
  assert.equal(rules?.[1], './provisioning/prometheus/recording-rules.yaml');
  assert.ok(rules[0].endsWith('.yaml'));
});

test('alert e-mails are delivered to the mail catcher, not dropped for want of SMTP', () => {
  const env = services.grafana.environment;
  assert.equal(env.GF_SMTP_ENABLED, 'true');
  const [host, port] = env.GF_SMTP_HOST.split(':');
  assert.ok(services[host], `the SMTP host ${host} is a compose service`);
  assert.equal(port, '1025');
  assert.match(services[host].image, /^axllent\/mailpit:v\d+\.\d+\.\d+$/);
  assert.ok(env.GF_SMTP_FROM_ADDRESS);
  assert.ok(Object.keys(services.grafana.depends_on).includes(host));
});

test('without a build, compose stops before Grafana with one line saying what to run', () => {
  assert.deepEqual(services.grafana.depends_on['plugin-built'], { condition: 'service_completed_successfully' });
  const check = services['plugin-built'];
  // The checkout read-only, never ./dist itself (Docker would create a missing ./dist owned by root).
  assert.deepEqual(check.volumes, ['.:/repo:ro']);
  assert.deepEqual(check.command, ['sh', '/repo/test/demo/check-dist.sh', '/repo/dist']);
  const mountDist = Object.entries(services).filter(([, s]) => (s.volumes ?? []).some((v) => v.startsWith('./dist:')));
  assert.deepEqual(
    mountDist.map(([name]) => name),
    ['grafana']
  );
  const script = path.join(ROOT, 'test/demo/check-dist.sh');
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-dist-'));
  try {
    const missing = spawnSync('sh', [script, empty], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.equal(
      missing.stderr,
      'candor: the built plugin is missing (plugin.json not in dist/): run `npm install && npm run build` before `docker compose up`\n'
    );
    for (const f of ['plugin.json', 'module.js', 'panel/module.js', 'datasource/module.js']) {
      fs.mkdirSync(path.dirname(path.join(empty, f)), { recursive: true });
      fs.writeFileSync(path.join(empty, f), 'x');
    }
    assert.equal(spawnSync('sh', [script, empty]).status, 0);
    fs.rmSync(path.join(empty, 'panel/module.js'));
    assert.match(spawnSync('sh', [script, empty], { encoding: 'utf8' }).stderr, /panel\/module\.js not in dist/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
