/**
 * Drill-down links, checked again in the panel (defence in depth: the catalog validation and the datasource already
 * allow http(s) only). Anything else is refused and shown as plain text, never as a link.
 */
import type { RefusedLink, SafeLink } from './types';

/** The URL, normalised, when it is an absolute http or https URL; undefined otherwise. */
export function safeHttpUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') {
    return undefined;
  }
  const trimmed = url.trim();
  // The scheme must be written out, before any parsing: `new URL` forgives tabs and newlines inside a scheme.
  if (!/^https?:\/\/[^\s]/i.test(trimmed)) {
    return undefined;
  }
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The frame's `links` value: a JSON array of `{ title, url }`, as a value or as JSON text. */
export function readLinks(raw: unknown): { links: SafeLink[]; refused: RefusedLink[] } {
  const links: SafeLink[] = [];
  const refused: RefusedLink[] = [];
  const list = parseJsonArray(raw);
  for (const entry of list ?? []) {
    const candidate = (entry ?? {}) as { title?: unknown; url?: unknown };
    const url = safeHttpUrl(candidate.url);
    const title = typeof candidate.title === 'string' && candidate.title.trim() !== '' ? candidate.title : '';
    if (url) {
      links.push({ title: title || url, url });
    } else {
      refused.push({ title: title || 'Untitled link', reason: 'refused: only http and https links open' });
    }
  }
  return { links, refused };
}

/** An array, from an array or from JSON text holding one; undefined for anything else. */
export function parseJsonArray(raw: unknown): unknown[] | undefined {
  const parsed = parseJson(raw);
  return Array.isArray(parsed) ? parsed : undefined;
}

/** A value as Grafana may hand over an "other" field: the value itself, or JSON text of it (undefined if not JSON). */
export function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') {
    return raw;
  }
  if (raw.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
