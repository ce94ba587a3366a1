/** @jest-environment node */
/**
 * An output folder moved in candor.config.yaml leaves no generated file behind unchecked: the files written where
 * the folder was are stale, named by --check and deleted by provision, wherever they are in the project.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { run } from './testing/run';

describe('moving an output folder', () => {
  it('names every file of the old folder in --check, and provision deletes them', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'candor-layout-'));
    expect((await run('init', root)).code).toBe(0);
    expect((await run('approve', '--by', 'Ada Lovelace', '--root', root)).code).toBe(0);
    expect((await run('provision', '--root', root)).code).toBe(0);
    const old = path.join(root, 'grafana/provisioning/datasources/candor-scorecard.yaml');
    // A hand edit in the old folder, which Grafana may still read.
    writeFileSync(old, readFileSync(old, 'utf8').replace('green: 0.999', 'green: 0.5'));
    const config = path.join(root, 'candor.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('provisioning: grafana/provisioning', 'provisioning: grafana/candor')
    );
    const check = await run('provision', '--check', '--root', root);
    expect(check.code).toBe(1);
    expect(check.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^grafana\/provisioning\/datasources\/candor-scorecard\.yaml: generated earlier but no catalog generates it now/
        ),
        expect.stringMatching(/^grafana\/candor\/datasources\/candor-scorecard\.yaml: missing/),
      ])
    );
    expect((await run('provision', '--root', root)).code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect((await run('provision', '--check', '--root', root)).code).toBe(0);
  });

  it('sourceOptions: generated sources authenticate as asked; options for a uid no catalog queries stop provision', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'candor-layout-'));
    expect((await run('init', root)).code).toBe(0);
    expect((await run('approve', '--by', 'Ada Lovelace', '--root', root)).code).toBe(0);
    const config = path.join(root, 'candor.config.yaml');
    const base = readFileSync(config, 'utf8').replace('sources: existing', 'sources: generate');
    writeFileSync(config, `${base}sourceOptions:\n  promethues: { basicAuth: true }\n`);
    const typo = await run('provision', '--root', root);
    expect(typo.code).toBe(2);
    expect(typo.err).toEqual([
      'candor.config.yaml: sourceOptions.promethues: no catalog queries a datasource with this uid',
    ]);
    writeFileSync(config, `${base}sourceOptions:\n  prometheus: { basicAuth: true, tls: ca }\n`);
    expect((await run('provision', '--root', root)).code).toBe(0);
    const sources = readFileSync(path.join(root, 'grafana/provisioning/datasources/candor-sources.yaml'), 'utf8');
    expect(sources).toContain('basicAuthUser: $PROMETHEUS_BASIC_AUTH_USER');
    expect(sources).toContain('tlsCACert: $PROMETHEUS_TLS_CA_CERT');
  });
});
