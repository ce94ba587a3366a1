/**
 * The catalog fingerprint: sha256 over its canonical JSON.
 *
 * Canonical form: the parsed data (so comments, whitespace, quoting and YAML style do not count), object keys sorted
 * at every depth, and the keyed collections `pillars` and `metrics` sorted by `id` (their position in the file is
 * not a definition: pillars are ordered by `order`). Every other array keeps its order. Numbers are written as
 * JSON writes them, so `0.999` and `9.99e-1` are the same definition.
 * The short id is the first 12 hex digits, shown as `sha256:abcdef012345`.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

function sortById(list: unknown): unknown {
  if (!Array.isArray(list)) {
    return list;
  }
  const id = (x: unknown) => String((x as { id?: unknown })?.id ?? '');
  return [...list].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

export function canonicalJson(value: unknown, atRoot = true): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v, false)).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    const parts = keys.map((k) => {
      const v = atRoot && (k === 'pillars' || k === 'metrics') ? sortById(obj[k]) : obj[k];
      return `${JSON.stringify(k)}:${canonicalJson(v, false)}`;
    });
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface Fingerprint {
  full: string;
  short: string;
}

export function fingerprint(catalogData: unknown): Fingerprint {
  const full = bytesToHex(sha256(utf8ToBytes(canonicalJson(catalogData))));
  return { full, short: `sha256:${full.slice(0, 12)}` };
}
