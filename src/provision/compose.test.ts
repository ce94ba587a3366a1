import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';

import { DASHBOARDS_PATH } from './context';
import { ROOT } from './testing';

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));
const services = compose.services as Record<string, Record<string, any>>;

describe('docker-compose.yml', () => {
  it('has no top-level name or include (Debian docker-compose 1.29 rejects them)', () => {
    expect(Object.keys(compose).sort()).toEqual(['services', 'volumes']);
  });

  it('binds every published port to 127.0.0.1 only', () => {
    const ports = Object.values(services).flatMap((s) => (s.ports ?? []) as string[]);
    expect(ports.length).toBeGreaterThan(0);
    ports.forEach((p) => expect(p).toMatch(/^127\.0\.0\.1:\d+:\d+$/));
  });

  it('runs pinned Grafana OSS with the three plugin ids, anonymous Viewers and the scorecard as home', () => {
    const g = services.grafana;
    expect(g.image).toBe('grafana/grafana:${GRAFANA_VERSION:-13.2.3}');
    const env = g.environment as Record<string, string>;
    expect(env.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort()).toEqual([
      'candor-scorecard-app',
      'candor-scorecard-datasource',
      'candor-scorecard-panel',
    ]);
    expect(env).toMatchObject({ GF_AUTH_ANONYMOUS_ENABLED: 'true', GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer' });
    const home = env.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH;
    expect(home.startsWith(`${DASHBOARDS_PATH}/`)).toBe(true);
    expect(existsSync(path.join(ROOT, 'dashboards', path.basename(home)))).toBe(true);
    expect(g.volumes).toEqual(
      expect.arrayContaining([
        './dist:/var/lib/grafana/plugins/candor-scorecard-app:ro',
        './provisioning:/etc/grafana/provisioning:ro',
        `./dashboards:${DASHBOARDS_PATH}:ro`,
      ])
    );
  });

  it('mounts the generated recording rules into Prometheus and runs a one-shot demo-data loader', () => {
    expect(services.prometheus.volumes).toContain(
      './provisioning/prometheus/recording-rules.yaml:/etc/prometheus/rules/candor-recording-rules.yaml:ro'
    );
    expect(services['demo-data']).toMatchObject({ restart: 'no', entrypoint: ['sh', '/demo/load.sh'] });
    expect(existsSync(path.join(ROOT, 'test/demo/load.sh'))).toBe(true);
  });
});
