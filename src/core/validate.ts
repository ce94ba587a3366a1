/**
 * Catalog validation: the JSON Schema for structure (schemaCheck.ts), then the rules of the PHASE-62 spec that a
 * schema cannot express. Every problem is reported at once, each with its path and a plain-English reason.
 *
 * Rules: ids unique; every metric in a known pillar; every metric has an owner; every pillar has at least one
 * active leading indicator; thresholds ordered consistently with the direction (thresholds.ts); the target is green;
 * units known to Grafana and quantities; a valid-value domain for every metric, its thresholds inside it
 * (domain.ts); links http(s) only; nothing that looks like a secret anywhere (a catalog reaches every viewer's
 * browser); a row's name that fits, and escalation limits within bounds (validateShown.ts).
 */
import { domainProblems } from './domain';
import { endOfDay } from './duration';
import { schemaProblems } from './schemaCheck';
import { extraProblems } from './validateExtras';
import { classify } from './thresholds';
import type { Boundary, Catalog, Direction, MetricDef, Problem, Thresholds } from './types';
import { unitFormat } from './unitFormats';
import { isKnownUnit, suggestUnit } from './units';
import { duplicateLabels, escalationProblems, hiddenCharacterProblems, labelProblems } from './validateShown';
import { hasVisibleName } from './visibleName';
import { querySqlProblems, quotedVariables } from './validateSql';

export { hasVisibleName, quotedVariables };

const isBand = (b: Boundary): b is [number, number] => Array.isArray(b);

/** Problems of a thresholds object for a direction; `path` is where it sits. */
export function thresholdProblems(path: string, direction: Direction, t: Thresholds): Problem[] {
  const { green, amber } = t;
  if (direction === 'within') {
    const bad = (['green', 'amber'] as const).filter((k) => !isBand(t[k]));
    if (bad.length > 0) {
      return bad.map((k) => ({ path: `${path}.${k}`, message: 'direction within needs a [low, high] band' }));
    }
    const [gLo, gHi] = green as [number, number];
    const [aLo, aHi] = amber as [number, number];
    if (gLo > gHi || aLo > aHi) {
      return [{ path, message: 'each band must be written [low, high] with low ≤ high' }];
    }
    return aLo <= gLo && gHi <= aHi
      ? []
      : [{ path, message: `the amber band [${aLo}, ${aHi}] must contain the green band [${gLo}, ${gHi}]` }];
  }
  const bands = (['green', 'amber'] as const).filter((k) => isBand(t[k]));
  if (bands.length > 0) {
    return bands.map((k) => ({ path: `${path}.${k}`, message: `direction ${direction} needs a single number` }));
  }
  if (direction === 'higher-is-better' && (green as number) < (amber as number)) {
    return [
      { path, message: `for higher-is-better the green boundary (${green}) must be ≥ the amber boundary (${amber})` },
    ];
  }
  if (direction === 'lower-is-better' && (green as number) > (amber as number)) {
    return [
      { path, message: `for lower-is-better the green boundary (${green}) must be ≤ the amber boundary (${amber})` },
    ];
  }
  return [];
}

function targetProblems(path: string, m: MetricDef): Problem[] {
  const values = isBand(m.target) ? m.target : [m.target];
  if (isBand(m.target) && m.direction !== 'within') {
    return [{ path, message: `direction ${m.direction} needs a single number` }];
  }
  for (const v of values) {
    const colour = classify(v, m.direction, m.thresholds);
    if (colour !== 'green') {
      return [{ path, message: `target ${v} would be ${colour} under these thresholds; a target must be green` }];
    }
  }
  return [];
}

const SECRET_VALUE: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i, 'a password in a URL'],
  [/\b(password|passwd|pwd|secret|api[_-]?key|token)\s*[=:]\s*['"]?[^\s'"$]{4,}/i, 'a credential assignment'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\b(ghp|gho|ghs|github_pat|glsa|glc|xox[abp])_[A-Za-z0-9_]{10,}/, 'an access token'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]{16,}/, 'a bearer token'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JSON web token'],
];

const SECRET_KEY =
  /^(password|passwd|pwd|secret|client[_-]?secret|token|api[_-]?key|access[_-]?key|credentials?|private[_-]?key)$/i;

/** `YYYY-MM-DD` that names a real day (not 2026-02-30). */
const isRealDate = (text: string): boolean => endOfDay(text) !== undefined;

/** Every string in the data that looks like a secret, or sits under a secret-looking key, with its path. */
export function secretProblems(value: unknown, path = ''): Problem[] {
  if (typeof value === 'string') {
    const key = path.split('.').pop() ?? '';
    const hit =
      SECRET_KEY.test(key) && value.trim() !== ''
        ? ([/./, `a value under "${key}"`] as const)
        : SECRET_VALUE.find(([re]) => re.test(value));
    return hit
      ? [
          {
            path,
            message: `looks like a secret (${hit[1]}); a catalog reaches every viewer's browser, keep secrets in the datasource's secure settings`,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => secretProblems(v, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => secretProblems(v, path ? `${path}.${k}` : k));
  }
  return [];
}

function duplicates(list: ReadonlyArray<readonly [{ id: string }, number]>, kind: string, key: string): Problem[] {
  const first = new Map<string, number>();
  return list.flatMap(([x, i]) => {
    if (typeof x.id !== 'string') {
      return [];
    }
    const at = first.get(x.id);
    if (at === undefined) {
      first.set(x.id, i);
      return [];
    }
    return [{ path: `${key}[${i}].id`, message: `duplicate ${kind} id "${x.id}" (also ${key}[${at}])` }];
  });
}

/** Semantic problems of one metric; a rule is skipped where the schema already found its fields broken. */

function metricProblems(m: MetricDef, i: number, pillarIds: Set<string>, broken: (path: string) => boolean): Problem[] {
  const at = `metrics[${i}]`;
  const ok = (...fields: string[]) => fields.every((f) => !broken(`${at}.${f}`));
  const problems: Problem[] = [];
  if (ok('pillar') && typeof m.pillar === 'string' && !pillarIds.has(m.pillar)) {
    problems.push({
      path: `${at}.pillar`,
      message: `unknown pillar "${m.pillar}" (known: ${[...pillarIds].join(', ')})`,
    });
  }
  if (typeof m.owner === 'string' && !hasVisibleName(m.owner)) {
    problems.push({ path: `${at}.owner`, message: 'every metric needs an owner' });
  }
  problems.push(...querySqlProblems(m, at, ok('source')));
  if (typeof m.unit === 'string' && !isKnownUnit(m.unit)) {
    const hint = suggestUnit(m.unit);
    problems.push({
      path: `${at}.unit`,
      message: `unknown Grafana unit "${m.unit}"${hint ? ` (did you mean ${hint}?)` : ''}`,
    });
  }
  const format = typeof m.unit === 'string' && isKnownUnit(m.unit) ? unitFormat(m.unit) : undefined;
  if (format?.kind === 'unscored') {
    problems.push({
      path: `${at}.unit`,
      message: `${format.why}; a scorecard judges numbers (use a number unit such as short, percentunit or h)`,
    });
  }
  problems.push(...labelProblems(m, at, ok));
  if (ok('unit', 'domain', 'target', 'thresholds', 'items') && isKnownUnit(m.unit)) {
    problems.push(...domainProblems(m, at));
  }
  if (ok('direction', 'thresholds') && m.thresholds) {
    const thresholdIssues = thresholdProblems(`${at}.thresholds`, m.direction, m.thresholds);
    problems.push(...thresholdIssues);
    if (thresholdIssues.length === 0 && ok('target') && m.target !== undefined) {
      problems.push(...targetProblems(`${at}.target`, m));
    }
  }
  if (ok('direction', 'items')) {
    const expected = m.items?.expected;
    Object.entries(m.items?.thresholds ?? {}).forEach(([item, t]) => {
      if (expected && !expected.includes(item)) {
        problems.push({
          path: `${at}.items.thresholds.${item}`,
          message: `"${item}" is not one of the expected items (${expected.join(', ')})`,
        });
      }
      problems.push(...thresholdProblems(`${at}.items.thresholds.${item}`, m.direction, t));
    });
  }
  if (ok('links')) {
    (m.links ?? []).forEach((l, j) => {
      if (!/^https?:\/\/[^\s]+$/i.test(l.url)) {
        problems.push({ path: `${at}.links[${j}].url`, message: 'only http and https links are allowed' });
      }
    });
  }
  if (ok('retired') && m.retired && !isRealDate(m.retired.date)) {
    problems.push({ path: `${at}.retired.date`, message: 'is not a real date' });
  }
  return problems;
}

export function validateCatalog(data: unknown): { catalog?: Catalog; problems: Problem[] } {
  const structural = schemaProblems(data);
  const secrets = secretProblems(data);
  const c = data as Partial<Catalog> | null;
  if (!c || !Array.isArray(c.pillars) || !Array.isArray(c.metrics)) {
    return { problems: [...structural, ...secrets] };
  }
  // Semantic rules still run where the fields they read are structurally sound, so all problems show at once.
  const broken = (prefix: string) =>
    structural.some((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
  const pillars = c.pillars.filter((p) => p !== null && typeof p === 'object');
  const objects = c.metrics.map((m, i) => [m, i] as const).filter(([m]) => m !== null && typeof m === 'object');
  const pillarIds = new Set(pillars.map((p) => p.id));
  const problems: Problem[] = [
    ...structural,
    ...duplicates(
      pillars.map((p, i) => [p, i] as const),
      'pillar',
      'pillars'
    ),
    ...duplicates(objects, 'metric', 'metrics'),
    ...objects.flatMap(([m, i]) => metricProblems(m, i, pillarIds, broken)),
    ...duplicateLabels(objects),
    ...hiddenCharacterProblems(c),
    ...escalationProblems(c.escalation, broken),
    ...extraProblems(c, broken),
  ];
  // The pillar rules need only each metric's pillar, indicator and retirement to be sound.
  const pillarFields = ['id', 'pillar', 'indicator', 'retired'];
  if (
    objects.length === c.metrics.length &&
    objects.every(([, i]) => pillarFields.every((f) => !broken(`metrics[${i}].${f}`)))
  ) {
    problems.push(...pillarProblems(c.pillars, c.metrics));
  }
  problems.push(...secrets);
  return problems.length > 0 ? { problems } : { catalog: data as Catalog, problems };
}

function pillarProblems(pillars: Catalog['pillars'], metrics: MetricDef[]): Problem[] {
  return pillars.flatMap((p, i) => {
    const active = metrics.filter((m) => m.pillar === p.id && !m.retired);
    if (active.length === 0) {
      return [{ path: `pillars[${i}]`, message: `pillar "${p.id}" has no active metric` }];
    }
    return active.some((m) => m.indicator === 'leading')
      ? []
      : [
          {
            path: `pillars[${i}]`,
            message: `pillar "${p.id}" has only lagging indicators; add at least one leading indicator`,
          },
        ];
  });
}
