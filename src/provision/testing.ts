/**
 * Test helpers: catalog inputs for the generators, from the default catalog and lock or from the core factories.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { fingerprint } from '../core/fingerprint';
import { loadCatalog } from '../core/parse';
import type { Catalog } from '../core/types';
import type { CatalogInput } from './context';
import { currentApproval, parseLock } from './lock';

export const ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_CATALOG = 'provisioning/catalogs/platform-scorecard.yaml';

/** The default catalog with its committed approval. */
export function defaultInput(): CatalogInput {
  const loaded = loadCatalog(readFileSync(path.join(ROOT, DEFAULT_CATALOG), 'utf8'));
  const { lock } = parseLock(readFileSync(path.join(ROOT, DEFAULT_CATALOG.replace(/\.yaml$/, '.lock.yaml')), 'utf8'));
  if (!loaded.catalog || !lock) {
    throw new Error('the default catalog or its lock does not load');
  }
  return { file: DEFAULT_CATALOG, data: loaded.data, catalog: loaded.catalog, approval: currentApproval(lock) };
}

/** Any valid catalog as an approved input (the approval made up for the test). */
export function inputOf(catalog: Catalog, file = 'provisioning/catalogs/test.yaml'): CatalogInput {
  const data = JSON.parse(JSON.stringify(catalog));
  const approval = {
    version: catalog.scorecard.version,
    fingerprint: fingerprint(data).full,
    approvedBy: ['Test'],
    date: '2026-11-16',
  };
  return { file, data, catalog: data as Catalog, approval };
}
