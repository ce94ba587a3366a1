/**
 * `candor.config.yaml`: where a config repository keeps its catalogs and where `candor provision` writes, what it
 * generates and for which Grafana organisation. Optional: without the file every default below applies. Read from
 * the project root (`--root`, default the current folder). Versioned (`apiVersion: candor/config-v1`); every field is
 * documented in docs/install.md, and each problem is reported as `candor.config.yaml: path: reason`.
 *
 *   apiVersion: candor/config-v1
 *   catalogs: catalogs                 # the catalogs, their lock files and tests/ (default provisioning/catalogs)
 *   sources: existing                  # existing (default): the catalogs name datasources Grafana already has;
 *                                      # generate: candor provision writes them (docs/provisioning.md)
 *   sourceOptions:                     # with sources: generate, how each generated source authenticates
 *     candor-prometheus: { basicAuth: true, tls: ca }   # tls: ca or client (docs/install.md)
 *   notifications: false               # true: also write the notification policy tree for the tier routes
 *   orgId: 1                           # the Grafana organisation every provisioned file belongs to
 *   output:
 *     provisioning: provisioning       # Grafana's provisioning folder: datasources/, dashboards/, alerting/, plugins/
 *     dashboards: dashboards           # the dashboard JSON files
 *     prometheus: provisioning/prometheus  # the recording rules
 *     metricsDoc: docs/metrics.md      # the definitions, for people
 *     dashboardsPath: /var/lib/grafana/dashboards/candor  # where Grafana reads `dashboards` from (its provider)
 *     audienceDashboardsPath: /etc/grafana/provisioning/audience-dashboards  # and the audience dashboards
 */
import { existsSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';

import type { Problem } from '../core/types';
import type { SourceOptions } from '../provision/datasources';
import { CliError, read } from './common';
import { symlinkOnPath } from './generatedRecord';
import { generatedDirs } from './layout';

export const CONFIG_FILE = 'candor.config.yaml';
export const CONFIG_API_VERSION = 'candor/config-v1';

export interface CandorConfig {
  catalogs: string;
  sources: 'existing' | 'generate';
  sourceOptions: Record<string, SourceOptions>;
  notifications: boolean;
  orgId: number;
  output: {
    provisioning: string;
    dashboards: string;
    prometheus: string;
    metricsDoc: string;
    dashboardsPath: string;
    audienceDashboardsPath: string;
  };
}

export const DEFAULT_CONFIG: CandorConfig = {
  catalogs: 'provisioning/catalogs',
  sources: 'existing',
  sourceOptions: {},
  notifications: false,
  orgId: 1,
  output: {
    provisioning: 'provisioning',
    dashboards: 'dashboards',
    prometheus: 'provisioning/prometheus',
    metricsDoc: 'docs/metrics.md',
    dashboardsPath: '/var/lib/grafana/dashboards/candor',
    audienceDashboardsPath: '/etc/grafana/provisioning/audience-dashboards',
  },
};

const OUTPUT_KEYS = Object.keys(DEFAULT_CONFIG.output) as Array<keyof CandorConfig['output']>;
const TOP_KEYS = ['apiVersion', 'catalogs', 'sources', 'sourceOptions', 'notifications', 'orgId', 'output'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A control character (a line break): never in a path, which generated files write into comments. */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A folder or file inside the project: relative, without `..`, not empty, not the project itself, not in git's or
 * the CI workflows' folders (which a generated file must never replace), no control character.
 */
export function projectPath(v: unknown): { path?: string; problem?: string } {
  if (typeof v !== 'string' || v.trim() === '') {
    return { problem: 'must be a path relative to the project root' };
  }
  if (CONTROL.test(v)) {
    return { problem: 'must not hold a control character (a line break)' };
  }
  // CODEOWNERS and git pathspecs read these paths too: nothing either would take for syntax (a space, [, !, *).
  if (!/^[A-Za-z0-9._/\\-]+$/.test(v)) {
    return { problem: `"${v}" may hold letters, digits, ".", "_", "-" and "/" only` };
  }
  // Kept in this one form (forward slashes, no ./, no trailing slash), so no reader normalises it again.
  const normal = path.posix.normalize(v.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (path.posix.isAbsolute(normal) || /^[A-Za-z]:/.test(normal) || normal === '..' || normal.startsWith('../')) {
    return { problem: `"${v}" must stay inside the project (relative, no ..)` };
  }
  if (normal === '.' || /^\.git(\/|$)/.test(normal) || /^\.github\/workflows(\/|$)/.test(normal)) {
    return { problem: `"${v}" is the project itself, git's folder or the CI workflows: name a folder of its own` };
  }
  return { path: normal };
}

/** The config from the file's parsed data: defaults for what is absent, one problem per wrong field. */
export function readConfig(data: unknown): { config?: CandorConfig; problems: Problem[] } {
  if (data === undefined || data === null) {
    return { config: DEFAULT_CONFIG, problems: [] };
  }
  if (!isRecord(data)) {
    return { problems: [{ path: '', message: `must be a mapping (apiVersion: ${CONFIG_API_VERSION}, …)` }] };
  }
  const problems: Problem[] = [];
  const add = (p: string, message: string) => problems.push({ path: p, message });
  Object.keys(data)
    .filter((k) => !TOP_KEYS.includes(k))
    .forEach((k) => add(k, `unknown field (known: ${TOP_KEYS.join(', ')})`));
  if (data.apiVersion !== CONFIG_API_VERSION) {
    add('apiVersion', `must be ${CONFIG_API_VERSION}`);
  }
  const config: CandorConfig = { ...DEFAULT_CONFIG, output: { ...DEFAULT_CONFIG.output } };
  if (data.catalogs !== undefined) {
    const { path: folder, problem } = projectPath(data.catalogs);
    problem ? add('catalogs', problem) : (config.catalogs = folder!);
  }
  if (data.sources !== undefined) {
    data.sources === 'existing' || data.sources === 'generate'
      ? (config.sources = data.sources)
      : add('sources', 'must be existing (datasources Grafana already has) or generate');
  }
  if (data.sourceOptions !== undefined) {
    readSourceOptions(data.sourceOptions, config, add);
  }
  if (data.notifications !== undefined) {
    typeof data.notifications === 'boolean'
      ? (config.notifications = data.notifications)
      : add('notifications', 'must be true or false');
  }
  if (data.orgId !== undefined) {
    Number.isInteger(data.orgId) && (data.orgId as number) >= 1
      ? (config.orgId = data.orgId as number)
      : add('orgId', 'must be a Grafana organisation id (a whole number, 1 or more)');
  }
  if (data.output !== undefined) {
    readOutput(data.output, config, add);
  }
  problems.push(...overlapProblems(config));
  return problems.length > 0 ? { problems } : { config, problems };
}

const inside = (a: string, b: string) => a === b || a.startsWith(`${b}/`);

/**
 * The catalog folder, the generated folders and the definitions doc never overlap: a generated file could replace a
 * catalog or another generated file, and `provision` would call a catalog a hand edit.
 */
function overlapProblems(config: CandorConfig): Problem[] {
  const places: Array<[string, string]> = [
    ['catalogs', config.catalogs],
    ...generatedDirs(config).map((d): [string, string] => [`output (${d})`, d]),
    ['output.metricsDoc', config.output.metricsDoc],
  ];
  const problems: Problem[] = [];
  places.forEach(([name, p], i) =>
    places.slice(i + 1).forEach(([other, q]) => {
      if (inside(p, q) || inside(q, p)) {
        problems.push({
          path: name === 'catalogs' ? 'catalogs' : other,
          message: `overlaps ${name} (${p}): give each its own folder`,
        });
      }
    })
  );
  return problems;
}

/** Paths that lead elsewhere through a symbolic link: an alias of another folder, or a way out of the project. */
function symlinkProblems(root: string, config: CandorConfig): Problem[] {
  const paths: Array<[string, string]> = [
    ['catalogs', config.catalogs],
    ...(Object.entries(config.output).filter(([k]) => !k.endsWith('Path')) as Array<[string, string]>).map(
      ([k, v]): [string, string] => [`output.${k}`, v]
    ),
  ];
  return paths.flatMap(([name, p]) => {
    const link = symlinkOnPath(root, p);
    return link ? [{ path: name, message: `${link} is a symbolic link: name the real folder` }] : [];
  });
}

function readSourceOptions(value: unknown, config: CandorConfig, add: (p: string, message: string) => void): void {
  if (!isRecord(value)) {
    add('sourceOptions', 'must be a mapping: datasource uid -> { basicAuth, tls }');
    return;
  }
  if (config.sources !== 'generate' && Object.keys(value).length > 0) {
    add('sourceOptions', 'applies to generated datasources only: set sources: generate, or configure yours in Grafana');
  }
  const options: Record<string, SourceOptions> = Object.create(null);
  for (const [uid, raw] of Object.entries(value)) {
    const at = `sourceOptions.${uid}`;
    if (!isRecord(raw)) {
      add(at, 'must be a mapping (basicAuth, tls)');
      continue;
    }
    const unknown = Object.keys(raw).filter((k) => k !== 'basicAuth' && k !== 'tls');
    unknown.forEach((k) => add(`${at}.${k}`, 'unknown field (known: basicAuth, tls)'));
    if (raw.basicAuth !== undefined && typeof raw.basicAuth !== 'boolean') {
      add(`${at}.basicAuth`, 'must be true or false');
    }
    if (raw.tls !== undefined && raw.tls !== 'ca' && raw.tls !== 'client') {
      add(`${at}.tls`, "must be ca (check the server's certificate) or client (and show the datasource's own)");
    }
    options[uid] = {
      ...(raw.basicAuth === true ? { basicAuth: true } : {}),
      ...(raw.tls === 'ca' || raw.tls === 'client' ? { tls: raw.tls } : {}),
    };
  }
  config.sourceOptions = options;
}

function readOutput(output: unknown, config: CandorConfig, add: (p: string, message: string) => void): void {
  if (!isRecord(output)) {
    add('output', `must be a mapping (${OUTPUT_KEYS.join(', ')})`);
    return;
  }
  for (const [key, value] of Object.entries(output)) {
    if (!(OUTPUT_KEYS as string[]).includes(key)) {
      add(`output.${key}`, `unknown field (known: ${OUTPUT_KEYS.join(', ')})`);
    } else if (key === 'dashboardsPath' || key === 'audienceDashboardsPath') {
      typeof value === 'string' && value.startsWith('/') && !CONTROL.test(value)
        ? (config.output[key] = value)
        : add(`output.${key}`, "must be an absolute path: where Grafana's server reads the dashboard files");
    } else if (key === 'metricsDoc' && (typeof value !== 'string' || !value.endsWith('.md'))) {
      add('output.metricsDoc', 'must be a Markdown file of its own (….md)');
    } else {
      const { path: place, problem } = projectPath(value);
      problem ? add(`output.${key}`, problem) : (config.output[key as keyof CandorConfig['output']] = place!);
    }
  }
}

/** The project's config: `candor.config.yaml` under `root` when there is one, else the defaults. Exit 2 when wrong. */
export function loadConfig(root: string): CandorConfig {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    return DEFAULT_CONFIG;
  }
  let data: unknown;
  try {
    data = parse(read(file));
  } catch (e) {
    throw new CliError(`${file}: not YAML (${(e as Error).message.split('\n')[0]})`, 2);
  }
  const checked = readConfig(data);
  const problems = checked.config ? symlinkProblems(root, checked.config) : checked.problems;
  const config = problems.length === 0 ? checked.config : undefined;
  if (!config) {
    throw new CliError(problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'), 2);
  }
  return config;
}
