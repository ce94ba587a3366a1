/**
 * Catalog format migrations (`candor migrate`, docs/install.md "Upgrade"). A catalog declares its format in
 * `apiVersion`; each migration rewrites one format into the next, and a catalog is migrated step by step until it
 * reaches the current one. `candor/v1` is the only format so far, so the table is empty: a v1 catalog is left as it
 * is and anything else is refused with the formats Candor reads. A migrated catalog has a new fingerprint: it is
 * approved again, like any change to a definition.
 */
export const CURRENT_API_VERSION = 'candor/v1';

export interface Migration {
  /** The format it produces. */
  to: string;
  /** What it changes, in one line, for the command's output and the reviewer. */
  says: string;
  migrate: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** From format -> the migration to the next one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {};

export type Migrated = { data: Record<string, unknown>; from: string; steps: string[] } | { error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function migrateCatalog(data: unknown, migrations: Readonly<Record<string, Migration>> = MIGRATIONS): Migrated {
  if (!isRecord(data)) {
    return { error: 'apiVersion: a catalog is a mapping that declares its apiVersion' };
  }
  const from = data.apiVersion;
  const known = [...new Set([CURRENT_API_VERSION, ...Object.keys(migrations)])].sort().join(', ');
  if (typeof from !== 'string' || (from !== CURRENT_API_VERSION && !Object.hasOwn(migrations, from))) {
    return { error: `apiVersion: ${JSON.stringify(from ?? null)} is no format Candor reads (known: ${known})` };
  }
  let current: Record<string, unknown> = data;
  const steps: string[] = [];
  // Each step must move to another format: a table that loops would never reach the current one.
  for (let version = from; version !== CURRENT_API_VERSION;) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step || steps.length > Object.keys(migrations).length) {
      return { error: `apiVersion: no migration from ${from} to ${CURRENT_API_VERSION}` };
    }
    current = { ...step.migrate(current), apiVersion: step.to };
    steps.push(`${version} -> ${step.to}: ${step.says}`);
    version = step.to;
  }
  return { data: current, from, steps };
}
