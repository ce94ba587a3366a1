/**
 * Grafana's own backend outputs (../shared/fixtures/grafana, see SOURCES.md there), read as Grafana's HTTP API
 * would send them. A missing fixtures folder fails the test that reads it: it is never skipped.
 */
import type { BackendDataSourceResponse } from '@grafana/runtime';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

export const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/grafana');

/** The `{ status, frames }` of a golden `.jsonc` (its leading `//` lines removed). */
export function readGolden(relative: string): { status: number; frames: unknown[] } {
  const text = readFileSync(path.join(FIXTURES, relative), 'utf8');
  return JSON.parse(
    text
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('//'))
      .join('\n')
  );
}

export function allGoldenFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(FIXTURES, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(rel);
      } else if (entry.name.endsWith('.jsonc')) {
        out.push(rel);
      }
    }
  };
  walk('.');
  return out.sort();
}

/** A `/api/ds/query` response body answering `refId` with the golden file's frames. */
export function responseOf(relative: string, refId: string): BackendDataSourceResponse {
  return { results: { [refId]: { status: 200, frames: readGolden(relative).frames as never } } };
}
