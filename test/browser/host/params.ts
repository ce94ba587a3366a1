/**
 * What the page shows, from its query string, and what the server knows (written into the page as
 * `window.__candorHarness` before the host runs). See test/browser/README.md for the parameters.
 */
import type { DataSourceInstanceSettings } from '@grafana/data';
import type { DiyPanel } from './DiyHost';

export type Embed = 'kiosk' | 'solo';
/** `hostile`, `hostile-links`: the saved scenario with the hostile corpus (test/browser/hostile/corpus.mjs). */
export type DataMode = 'live' | 'fixture' | 'hostile' | 'hostile-links';

/** The provisioned dashboard's panel and time settings (dashboards/platform-scorecard.json), passed by the server. */
export interface DashboardPanel {
  dashboardUid: string;
  panel: {
    id: number;
    type: string;
    title: string;
    gridPos: { h: number; w: number };
    datasource: { type: string; uid: string };
    targets: Array<{ refId: string; [key: string]: unknown }>;
    options: Record<string, unknown>;
    fieldConfig: { defaults: Record<string, unknown>; overrides: [] };
  };
  time: { from: string; to: string };
  timezone: string;
}

export interface HarnessConfig {
  appId: string;
  pluginBase: string;
  /** Plugin modules to load, relative to pluginBase: the app, the datasource and the panel. */
  modules: { app: string; datasource: string; panel: string };
  dashboard: DashboardPanel;
  /** Every datasource of the boot data (Candor's own and its sources), as Grafana's boot data lists them. */
  datasources: DataSourceInstanceSettings[];
  /** `live` when the server proxies to the Grafana double; the saved scenario otherwise. */
  defaultData: DataMode;
  /** The evaluation time of the saved scenario (ISO), used as the dashboard's `to` in fixture mode. */
  fixtureAsOf?: string;
  /** `?view=diy`: the do-it-yourself dashboard's Stat panels instead of Candor (host/DiyHost.tsx). */
  diy?: DiyPanel[];
}

declare global {
  interface Window {
    __candorHarness: HarnessConfig;
    /** For tests: the state of the last refresh, how many ran, and what the last one asked for. */
    __candorHarnessStatus?: {
      state: 'loading' | 'done' | 'error';
      error?: string;
      queries: number;
      request?: { range: unknown; targets: unknown[] };
    };
  }
}

export interface PageParams {
  theme: 'dark' | 'light';
  embed: Embed;
  width?: number;
  height?: number;
  pillars?: string[];
  metrics?: string[];
  data: DataMode;
  /** The dashboard range's `to`: `now` or an absolute time (epoch ms). */
  to: 'now' | number;
  from: string;
}

const list = (value: string | null) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const size = (value: string | null) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
};

function parseTo(value: string | null, fallback: string | undefined): 'now' | number {
  const raw = value ?? fallback ?? 'now';
  if (raw === 'now') {
    return 'now';
  }
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) {
    throw new Error(`harness: ?to=${raw} is neither "now", epoch ms nor an ISO time`);
  }
  return ms;
}

export function readParams(search: string, config: HarnessConfig): PageParams {
  const q = new URLSearchParams(search);
  const asked = q.get('data');
  const data: DataMode =
    asked === 'live' || asked === 'fixture' || asked === 'hostile' || asked === 'hostile-links'
      ? asked
      : config.defaultData;
  return {
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    embed: q.get('embed') === 'solo' || q.has('d-solo') ? 'solo' : 'kiosk',
    width: size(q.get('width')),
    height: size(q.get('height')),
    pillars: list(q.get('pillars')),
    metrics: list(q.get('metrics')),
    data,
    to: parseTo(q.get('to'), data === 'live' ? undefined : config.fixtureAsOf),
    from: q.get('from') ?? config.dashboard.time.from,
  };
}
