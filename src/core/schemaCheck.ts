/**
 * Structural validation against the committed JSON Schema, with Ajv's errors rewritten as
 * `path: plain-English reason` (`metrics[3].owner: every metric needs an owner`). The schema is compiled ahead of
 * time (schema/validatorSource.ts): the same Ajv validator everywhere, without Ajv's compiler in the browser.
 */
import type { ErrorObject } from 'ajv';

import validateSchema from './schema/catalogValidator.generated';
import type { Problem } from './types';

const PATTERN_MESSAGES: Record<string, string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'must be kebab-case: lowercase letters and digits joined by single hyphens',
  '^[1-9][0-9]*(s|m|h|d|w)$': 'must be a duration such as 15m, 6h, 7d or 2w',
  '^\\d{4}-\\d{2}-\\d{2}$': 'must be a date written YYYY-MM-DD',
};

/** `/metrics/3/owner` -> `metrics[3].owner`. */
export function toPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1);
  if (extra !== undefined) {
    parts.push(extra);
  }
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path ? `${path}.${p}` : p), '');
}

function describe(e: ErrorObject): Problem {
  const path = toPath(e.instancePath) || '(catalog)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty);
      const sub = (e.parentSchema as { properties?: Record<string, { 'x-missing'?: string }> }).properties?.[prop];
      return { path: toPath(e.instancePath, prop), message: sub?.['x-missing'] ?? 'is required' };
    }
    case 'additionalProperties':
      return { path: toPath(e.instancePath, String(p.additionalProperty)), message: 'is not a catalog field' };
    case 'enum':
      return { path, message: `must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `must be ${String(p.allowedValue)}` };
    case 'type': {
      const types = ([] as string[]).concat(p.type as string);
      const names: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'an integer' };
      const wanted =
        types.includes('number') && types.includes('array')
          ? 'a number, or a [low, high] pair for direction within'
          : types.map((t) => names[t] ?? `a ${t}`).join(' or ');
      // YAML reads 1.0 as the number 1 (and 1.10 as 1.1): a text that looks like a number must be quoted.
      const quote =
        types.length === 1 && types[0] === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean')
          ? `, and YAML read an unquoted ${typeof e.data} (${String(e.data)}): write the value in quotes exactly as meant (version: '1.0', not 1.0, which is the number 1)`
          : '';
      return { path, message: `must be ${wanted}${quote}` };
    }
    case 'pattern':
      return { path, message: PATTERN_MESSAGES[String(p.pattern)] ?? `must match ${String(p.pattern)}` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'minItems':
    case 'maxItems':
      if (path === 'scorecard.summary') {
        return { path, message: `at most ${String(p.limit)} metrics: a summary an executive reads at a glance` };
      }
      return { path, message: p.limit === 1 ? 'must not be empty' : 'a band must be exactly [low, high]' };
    case 'minProperties':
    case 'maxProperties':
      return { path, message: 'must name exactly one source: prometheus or sql' };
    default:
      return { path, message: e.message ?? 'is invalid' };
  }
}

export function schemaProblems(data: unknown): Problem[] {
  if (validateSchema(data)) {
    return [];
  }
  const seen = new Set<string>();
  return (validateSchema.errors ?? []).map(describe).filter((pr) => {
    const key = `${pr.path}: ${pr.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
