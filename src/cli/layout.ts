/**
 * Where `candor provision` writes, from candor.config.yaml (config.ts). The generators (src/provision/) name their
 * files by the quickstart's layout; each path is moved to the folder the config names for its kind:
 *   provisioning/prometheus/…  -> output.prometheus/…
 *   provisioning/…             -> output.provisioning/…   (datasources, dashboards, alerting, plugins, audiences)
 *   dashboards/…               -> output.dashboards/…
 *   docs/metrics.md            -> output.metricsDoc
 *   anything else (.github/CODEOWNERS) stays where it is.
 * With no config every path stays as generated.
 */
import path from 'path';

import type { GeneratedFile } from '../provision/context';
import type { GenerateOptions } from '../provision/generate';
import type { CandorConfig } from './config';

const join = (dir: string, rest: string) => path.posix.join(dir.replace(/\\/g, '/'), rest);

/** The path a generated file is written to under `config`. */
export function placedPath(config: CandorConfig, generated: string): string {
  const { output } = config;
  if (generated.startsWith('provisioning/prometheus/')) {
    return join(output.prometheus, generated.slice('provisioning/prometheus/'.length));
  }
  if (generated.startsWith('provisioning/')) {
    return join(output.provisioning, generated.slice('provisioning/'.length));
  }
  if (generated.startsWith('dashboards/')) {
    return join(output.dashboards, generated.slice('dashboards/'.length));
  }
  return generated === 'docs/metrics.md' ? output.metricsDoc : generated;
}

export const placeFile = (config: CandorConfig, f: GeneratedFile): GeneratedFile => ({
  ...f,
  path: placedPath(config, f.path),
});

/** The folders that hold only generated files (subfolders included), under `config`. */
export const generatedDirs = (config: CandorConfig): string[] =>
  [
    'dashboards',
    'provisioning/audience-dashboards',
    'provisioning/alerting',
    'provisioning/dashboards',
    'provisioning/datasources',
    'provisioning/plugins',
    'provisioning/prometheus',
  ].map((dir) => placedPath(config, `${dir}/`).replace(/\/$/, ''));

/** The generators' choices from the config: the Grafana site, and whether sources and policies are written. */
export const generateOptions = (config: CandorConfig): GenerateOptions => ({
  site: {
    orgId: config.orgId,
    dashboardsPath: config.output.dashboardsPath,
    audienceDashboardsPath: config.output.audienceDashboardsPath,
  },
  sources: config.sources === 'generate',
  sourceOptions: config.sourceOptions,
  notifications: config.notifications,
});
