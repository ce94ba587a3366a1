/**
 * `candor lock --url URL --token TOKEN [--folder UID] [--team NAME] [--audiences [--root DIR]]`: folder permissions
 * cannot be provisioned by file in Grafana OSS, so this applies them through the HTTP API. The Candor folder:
 * viewers View, the platform team Admin, nobody Edit. With --audiences, also each audience folder of the catalogs
 * (docs/catalog.md "Audiences"): the audience's teams View, the platform team Admin, nobody else — not the Viewer
 * role, so a board dashboard is not every viewer's. Idempotent: it reads the permissions first and posts only when
 * they differ, then prints what changed. The token (also read from CANDOR_GRAFANA_TOKEN, which keeps it out of the
 * process list) is never printed.
 */
import { audienceFolderTitle, audienceFolderUid } from '../provision/audiences';
import { FOLDER_UID } from '../provision/context';
import { validateCatalog } from '../core/validate';
import type { Catalog } from '../core/types';
import { findCatalogs, loadEntry, unreadable } from './catalogs';
import { CliError, type Command, type Io, parseArgs } from './common';
import { type GrafanaResponse, grafanaRequest as request } from './grafanaHttp';

export const LOCK_USAGE = `usage: candor lock --url URL [--token TOKEN] [--folder UID] [--team NAME] [--audiences [--root DIR]]
  Sets the permissions of the Candor folder (default uid ${FOLDER_UID}): Viewer role View, the team (default
  "Platform Team") Admin, nothing else (so nobody can Edit). The token may come from CANDOR_GRAFANA_TOKEN.
  --audiences: also each audience folder of the catalogs under provisioning/catalogs/: its teams View, the
  platform team Admin, nobody else. Exit 0 locked, 1 Grafana API error or unknown team, 2 usage or an invalid
  catalog (nothing changed).`;

const PERMISSION_NAMES: Record<number, string> = { 1: 'View', 2: 'Edit', 4: 'Admin' };

/** One permission entry, keyed by its principal. */
export interface Grant {
  key: string;
  label: string;
  permission: number;
  item: { role?: string; teamId?: number; userId?: number; permission: number };
}

interface RawItem {
  role?: string;
  teamId?: number;
  team?: string;
  userId?: number;
  userLogin?: string;
  permission?: number;
  inherited?: boolean;
}

/** The folder's own grants (inherited ones and the built-in Admin role, which Grafana always keeps, aside). */
export function grantsOf(items: RawItem[]): Grant[] {
  return items
    .filter((i) => !i.inherited && i.role !== 'Admin' && typeof i.permission === 'number')
    .map((i): Grant => {
      const permission = i.permission!;
      if (i.role) {
        return { key: `role:${i.role}`, label: `role ${i.role}`, permission, item: { role: i.role, permission } };
      }
      if (i.teamId) {
        return {
          key: `team:${i.teamId}`,
          label: `team ${i.team ?? i.teamId}`,
          permission,
          item: { teamId: i.teamId, permission },
        };
      }
      return {
        key: `user:${i.userId}`,
        label: `user ${i.userLogin ?? i.userId}`,
        permission,
        item: { userId: i.userId, permission },
      };
    });
}

/** What changes from `current` to `desired`, one line each; empty when they are the same. */
export function diffGrants(current: Grant[], desired: Grant[]): string[] {
  const name = (p: number) => PERMISSION_NAMES[p] ?? String(p);
  const now = new Map(current.map((g) => [g.key, g]));
  const lines: string[] = [];
  for (const d of desired) {
    const c = now.get(d.key);
    if (!c) {
      lines.push(`+ ${d.label}: ${name(d.permission)}`);
    } else if (c.permission !== d.permission) {
      lines.push(`~ ${d.label}: ${name(c.permission)} -> ${name(d.permission)}`);
    }
    now.delete(d.key);
  }
  now.forEach((c) => lines.push(`- ${c.label}: ${name(c.permission)} (removed)`));
  return lines;
}

function fail(what: string, res: GrafanaResponse): never {
  const message = typeof res.body === 'object' && res.body ? (res.body as { message?: string }).message : res.body;
  throw new CliError(`candor lock: ${what}: HTTP ${res.status}${message ? ` (${String(message)})` : ''}`, 1);
}

async function teamGrant(base: URL, token: string, team: string, permission = 4): Promise<Grant> {
  const url = new URL(`api/teams/search?name=${encodeURIComponent(team)}`, base);
  const res = await request({ method: 'GET', url, token });
  if (res.status !== 200) {
    fail(`looking up team "${team}"`, res);
  }
  const found = ((res.body as { teams?: Array<{ id: number; name: string }> }).teams ?? []).find(
    (t) => t.name === team
  );
  if (!found) {
    const hint =
      permission === 4
        ? 'create it (the platform team) or pass --team NAME'
        : "create it, or change the catalog's audiences";
    throw new CliError(`candor lock: team "${team}" not found in Grafana: ${hint}`, 1);
  }
  return { key: `team:${found.id}`, label: `team ${team}`, permission, item: { teamId: found.id, permission } };
}

interface FolderLock {
  base: URL;
  token: string;
  folder: string;
  desired: Grant[];
  /** "Viewer View, Platform Team Admin, nobody Edit": what locked means for this folder. */
  meaning: string;
}

async function lockFolder(args: FolderLock, io: Io): Promise<void> {
  const permissionsUrl = new URL(`api/folders/${encodeURIComponent(args.folder)}/permissions`, args.base);
  const current = await request({ method: 'GET', url: permissionsUrl, token: args.token });
  if (current.status === 404) {
    throw new CliError(
      `candor lock: folder "${args.folder}" not found: start Grafana with the provisioned dashboards first`,
      1
    );
  }
  if (current.status !== 200 || !Array.isArray(current.body)) {
    fail(`reading the permissions of folder "${args.folder}"`, current);
  }
  const { desired } = args;
  const changes = diffGrants(grantsOf(current.body as RawItem[]), desired);
  if (changes.length === 0) {
    io.out(`folder ${args.folder}: permissions already locked (${args.meaning}); nothing changed`);
    return;
  }
  const posted = await request({
    method: 'POST',
    url: permissionsUrl,
    token: args.token,
    body: { items: desired.map((d) => d.item) },
  });
  if (posted.status !== 200) {
    fail(`setting the permissions of folder "${args.folder}"`, posted);
  }
  io.out(`folder ${args.folder}: permissions locked; changed:`);
  changes.forEach((c) => io.out(`  ${c}`));
}

interface RunArgs {
  url: string;
  token: string;
  folder: string;
  team: string;
  /** The project root whose catalogs' audiences are locked too; undefined: the Candor folder only. */
  audiencesRoot?: string;
}

/**
 * The catalogs whose audiences --audiences locks. Every catalog must be readable and valid: one that is not would
 * leave its audience folders with Grafana's defaults (every Viewer sees them) while the command said it locked.
 */
function audienceCatalogs(root: string, io: Io): Catalog[] | undefined {
  const entries = findCatalogs(root).map(loadEntry);
  const bad = entries.filter((e) => !e.catalog);
  for (const e of bad) {
    if (unreadable(e, io) === undefined) {
      const { problems } = validateCatalog(e.data);
      problems.forEach((p) => io.err(`${e.file}: ${p.path}: ${p.message}`));
    }
  }
  if (bad.length > 0) {
    io.err(`candor lock: ${bad.length} catalog(s) not valid: no folder was changed (fix them: candor validate)`);
    return undefined;
  }
  return entries.map((e) => e.catalog!);
}

async function run(args: RunArgs, io: Io): Promise<number> {
  const catalogs = args.audiencesRoot === undefined ? [] : audienceCatalogs(args.audiencesRoot, io);
  if (!catalogs) {
    return 2;
  }
  const base = new URL(args.url.endsWith('/') ? args.url : `${args.url}/`);
  const platform = await teamGrant(base, args.token, args.team);
  const viewers: Grant = {
    key: 'role:Viewer',
    label: 'role Viewer',
    permission: 1,
    item: { role: 'Viewer', permission: 1 },
  };
  const meaning = `Viewer View, ${args.team} Admin, nobody Edit`;
  await lockFolder({ base, token: args.token, folder: args.folder, desired: [viewers, platform], meaning }, io);
  if (args.audiencesRoot === undefined) {
    return 0;
  }
  for (const c of catalogs) {
    for (const a of c.audiences ?? []) {
      // The platform team is Admin everywhere; listed as an audience team too, it is not also given View.
      const viewers = (a.teams ?? []).filter((t) => t !== args.team);
      const teams = await Promise.all(viewers.map((t) => teamGrant(base, args.token, t, 1)));
      const folder = audienceFolderUid(c, a);
      const names = (a.teams ?? []).join(', ') || 'no team';
      io.out(`${audienceFolderTitle(c, a)}:`);
      await lockFolder(
        {
          base,
          token: args.token,
          folder,
          desired: [...teams, platform],
          meaning: `${names} View, ${args.team} Admin, nobody else`,
        },
        io
      );
    }
  }
  return 0;
}

export const lock: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    flags: { url: 'string', token: 'string', folder: 'string', team: 'string', audiences: 'boolean', root: 'string' },
    usage: LOCK_USAGE,
  });
  const url = args.strings.url;
  const token = args.strings.token ?? process.env.CANDOR_GRAFANA_TOKEN;
  if (!url || !token) {
    io.err(`candor: lock needs --url and a token (--token or CANDOR_GRAFANA_TOKEN)\n${LOCK_USAGE}`);
    return 2;
  }
  if (!/^https?:\/\//.test(url)) {
    io.err(`candor: --url must be an http:// or https:// address\n${LOCK_USAGE}`);
    return 2;
  }
  return run(
    {
      url,
      token,
      folder: args.strings.folder ?? FOLDER_UID,
      team: args.strings.team ?? 'Platform Team',
      ...(args.booleans.audiences ? { audiencesRoot: args.strings.root ?? '.' } : {}),
    },
    io
  );
};
