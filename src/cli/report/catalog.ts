/**
 * The catalog a report is about: the one named, the only one, or the one whose dashboard (or audience dashboard)
 * `--dashboard` names; what that dashboard selects; and what its lock file says about its approval.
 */
import path from 'path';

import { describeApproval } from '../../core/approval';
import type { Selection } from '../../core/engine';
import { fingerprint, type Fingerprint } from '../../core/fingerprint';
import type { Catalog } from '../../core/types';
import { validateCatalog } from '../../core/validate';
import { audienceDashboardUid, audienceSelection } from '../../provision/audiences';
import { dashboardUid } from '../../provision/context';
import { provisionedApproval } from '../../provision/datasources';
import { governanceProblems } from '../../provision/governance';
import type { Approval } from '../../provision/lock';
import { findCatalogs, loadEntry, unreadable, type LoadedEntry } from '../catalogs';
import { shownApproval } from '../check';
import { CliError, type Io } from '../common';

export interface ReportCatalog {
  entry: LoadedEntry;
  catalog: Catalog;
  fingerprint: Fingerprint;
  selection: Selection;
  dashboard: string;
  /** "path: reason" per governance problem of the lock file. */
  governance: string[];
  /** As `candor check` describes it; null without a lock file. */
  approval: { standing: string; text: string } | null;
  /** The approval record as the datasource gets it provisioned (with its standing), for the panel's header. */
  provisioned?: ReturnType<typeof provisionedApproval>;
  approvals: Approval[];
}

const dashboardsOf = (c: Catalog) => [dashboardUid(c), ...(c.audiences ?? []).map((a) => audienceDashboardUid(c, a))];

/** The catalog, or the exit code after its problems were printed (2 unreadable, 1 invalid). */
export function reportCatalog(
  input: { root: string; catalog?: string; dashboard?: string },
  io: Io
): ReportCatalog | number {
  const files = input.catalog ? [input.catalog] : findCatalogs(input.root);
  const entries = files.map(loadEntry);
  const entry =
    entries.length === 1
      ? entries[0]
      : entries.find((e) => e.catalog && input.dashboard && dashboardsOf(e.catalog).includes(input.dashboard));
  if (!entry) {
    throw new CliError(
      `candor report: ${files.length} catalogs: name one with --catalog FILE, or a dashboard of one with --dashboard UID`,
      2
    );
  }
  const cannotRead = unreadable(entry, io);
  if (cannotRead !== undefined) {
    return cannotRead;
  }
  const catalog = entry.catalog;
  if (!catalog) {
    validateCatalog(entry.data).problems.forEach((p) => io.err(`${entry.file}: ${p.path}: ${p.message}`));
    return 1;
  }
  const dashboard = input.dashboard ?? dashboardUid(catalog);
  if (!dashboardsOf(catalog).includes(dashboard)) {
    throw new CliError(`--dashboard: "${dashboard}" is no dashboard of ${catalog.scorecard.id} (${entry.file})`, 2);
  }
  const audience = (catalog.audiences ?? []).find((a) => audienceDashboardUid(catalog, a) === dashboard);
  const catalogFile = path.relative(path.dirname(entry.lockFile), entry.file).split(path.sep).join('/');
  const shown = entry.lock ? shownApproval(input.root, entry.lock) : undefined;
  return {
    entry,
    catalog,
    fingerprint: fingerprint(entry.data),
    selection: audience ? audienceSelection(audience) : {},
    dashboard,
    governance: governanceProblems({ data: entry.data, lock: entry.lock, catalogFile }).map(
      (p) => `${p.path}: ${p.message}`
    ),
    approval: shown ? describeApproval(shown) : null,
    provisioned: shown ? provisionedApproval(shown) : undefined,
    approvals: entry.lock?.approvals ?? [],
  };
}
