/** @jest-environment node */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig, readConfig } from './config';

const good = () => ({
  apiVersion: 'candor/config-v1',
  catalogs: 'catalogs',
  sources: 'generate',
  notifications: true,
  orgId: 3,
  output: { provisioning: 'grafana/provisioning', dashboardsPath: '/etc/grafana/dashboards/candor' },
});

describe('readConfig', () => {
  it('reads a good config, defaults for what it leaves out', () => {
    expect(readConfig(good())).toEqual({
      config: {
        catalogs: 'catalogs',
        sources: 'generate',
        sourceOptions: {},
        notifications: true,
        orgId: 3,
        output: {
          ...DEFAULT_CONFIG.output,
          provisioning: 'grafana/provisioning',
          dashboardsPath: '/etc/grafana/dashboards/candor',
        },
      },
      problems: [],
    });
  });

  it('an empty file is every default: existing datasources, no notification policies, organisation 1', () => {
    expect(readConfig(null).config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({ sources: 'existing', notifications: false, orgId: 1 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['apiVersion', { apiVersion: 'candor/v1' }, 'apiVersion: must be candor/config-v1'],
    ['an unknown field', { catalog: 'x' }, 'catalog: unknown field'],
    ['sources', { sources: 'new' }, 'sources: must be existing (datasources Grafana already has) or generate'],
    ['notifications', { notifications: 'yes' }, 'notifications: must be true or false'],
    ['orgId', { orgId: 0 }, 'orgId: must be a Grafana organisation id'],
    ['catalogs outside', { catalogs: '../elsewhere' }, 'catalogs: "../elsewhere" must stay inside the project'],
    ['catalogs absolute', { catalogs: '/etc' }, 'catalogs: "/etc" must stay inside the project'],
    ['output key', { output: { docs: 'x' } }, 'output.docs: unknown field'],
    ['output path', { output: { dashboards: '' } }, 'output.dashboards: must be a path relative to the project root'],
    ['dashboardsPath', { output: { dashboardsPath: 'dashboards' } }, 'output.dashboardsPath: must be an absolute path'],
    [
      'dashboardsPath with a line break (YAML written into a generated header)',
      { output: { dashboardsPath: '/var/lib/x\napiVersion: 1' } },
      'output.dashboardsPath: must be an absolute path',
    ],
    ['a sourceOptions tls', { sourceOptions: { p: { tls: 'mutual' } } }, 'sourceOptions.p.tls: must be ca'],
    ['a sourceOptions field', { sourceOptions: { p: { token: 'x' } } }, 'sourceOptions.p.token: unknown field'],
    [
      'sourceOptions for existing datasources',
      { sources: 'existing', sourceOptions: { p: { basicAuth: true } } },
      'sourceOptions: applies to generated datasources only',
    ],
    ['catalogs with a line break', { catalogs: 'a\nb' }, 'catalogs: must not hold a control character'],
    [
      'metricsDoc over the CI workflow',
      { output: { metricsDoc: '.github/workflows/candor.yml' } },
      'output.metricsDoc: must be a Markdown file of its own',
    ],
    ['catalogs in git', { catalogs: '.git/x' }, 'catalogs: ".git/x" is the project itself'],
    ['the project as an output', { output: { dashboards: '.' } }, 'output.dashboards: "." is the project itself'],
    ['a Windows path', { catalogs: 'C:\\Windows' }, 'catalogs: "C:\\Windows" may hold letters, digits'],
    ['a space (CODEOWNERS syntax)', { catalogs: 'score cards' }, 'catalogs: "score cards" may hold letters, digits'],
    [
      'the workflows as a folder',
      { output: { dashboards: '.github/workflows' } },
      'output.dashboards: ".github/workflows" is the project itself',
    ],
    [
      'recording rules in the catalogs',
      { output: { prometheus: 'catalogs' } },
      'overlaps catalogs (catalogs): give each its own folder',
    ],
    [
      'the doc in a generated folder',
      { output: { metricsDoc: 'provisioning/datasources/m.md' } },
      'output.metricsDoc: overlaps output',
    ],
  ])('a good config with a wrong %s: one problem with its path', (_name, change, message) => {
    const { config, problems } = readConfig({ ...good(), ...change });
    expect(config).toBeUndefined();
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringContaining(message)]);
  });
});

describe('loadConfig: symbolic links', () => {
  it('refuses a path through a symbolic link: an alias of another folder, or a way out of the project', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'candor-config-'));
    mkdirSync(path.join(root, 'catalogs'));
    symlinkSync(path.join(root, 'catalogs'), path.join(root, 'alias'));
    writeFileSync(path.join(root, CONFIG_FILE), 'apiVersion: candor/config-v1\ncatalogs: alias\n');
    expect(() => loadConfig(root)).toThrow(
      expect.objectContaining({
        code: 2,
        message: expect.stringContaining('catalogs: alias is a symbolic link: name the real folder'),
      })
    );
  });
});

describe('loadConfig', () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), 'candor-config-'));

  it('is the defaults without a file', () => {
    expect(loadConfig(dir())).toBe(DEFAULT_CONFIG);
  });

  it('refuses a wrong file with exit 2, each problem as file: path: reason', () => {
    const root = dir();
    writeFileSync(path.join(root, CONFIG_FILE), 'apiVersion: candor/config-v1\nsources: all\norgId: x\n');
    expect(() => loadConfig(root)).toThrow(
      expect.objectContaining({
        code: 2,
        message: expect.stringMatching(
          /candor\.config\.yaml: sources: must be .*\n.*candor\.config\.yaml: orgId: must be/
        ),
      })
    );
  });
});
