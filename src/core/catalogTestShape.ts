/**
 * The shape of a catalog test file, as strict as a catalog's: every field has to be one the format knows, and every
 * expected status one the engine gives, so a typo can never make a case pass silently.
 *   tests[2].series.mttr.agoo: is not a test-file field (known: labels, values, ago)
 *   tests[0].expect.metrics.nps: "Green" is not a status (green, amber, red, noData, stale, error)
 * Each problem has its path; the checks of content (durations, value notation, metric ids) stay in catalogTest.ts.
 */
import type { Problem } from './types';

const FILE_FIELDS = ['catalog', 'evaluationTime', 'tests'];
const TEST_FIELDS = ['name', 'interval', 'series', 'loaded', 'actions', 'expect'];
const SERIES_FIELDS = ['labels', 'values', 'ago', 'field'];
const ACTION_FIELDS = ['metric', 'item', 'owner', 'text', 'ago', 'due', 'done'];
const EXPECT_FIELDS = ['metrics', 'shown', 'tiers', 'pillars', 'overall', 'scoreAtMost', 'evidence'];
const TIERS = ['critical', 'high', 'medium', 'low'];
const STATUSES = ['green', 'amber', 'red', 'noData', 'stale', 'error'];
const COLOURS = ['green', 'amber', 'red'];

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownFields(value: Record<string, unknown>, known: string[], path: string): Problem[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => ({ path: `${path}${k}`, message: `is not a test-file field (known: ${known.join(', ')})` }));
}

function seriesProblems(spec: unknown, path: string): Problem[] {
  if (Array.isArray(spec)) {
    return spec.flatMap((s, i) => seriesProblems(s, `${path}[${i}]`));
  }
  if (!isMapping(spec)) {
    return [{ path, message: 'must be a series ({ values: "…" }), a list of series, or { error: "…" }' }];
  }
  if ('error' in spec) {
    return unknownFields(spec, ['error'], `${path}.`);
  }
  const problems = unknownFields(spec, SERIES_FIELDS, `${path}.`);
  if (typeof spec.values !== 'string' && typeof spec.values !== 'number') {
    problems.push({
      path: `${path}.values`,
      message: 'is required: the values in expanding notation ("1 2 3", "0x5")',
    });
  }
  return problems;
}

function actionProblems(spec: unknown, path: string): Problem[] {
  if (!isMapping(spec)) {
    return [{ path, message: 'must be an action ({ metric, owner, due, ago?, done?, item?, text? })' }];
  }
  const problems = unknownFields(spec, ACTION_FIELDS, `${path}.`);
  for (const field of ['metric', 'owner', 'due']) {
    if (typeof spec[field] !== 'string') {
      problems.push({ path: `${path}.${field}`, message: 'is required (a string)' });
    }
  }
  for (const field of ['item', 'text', 'ago', 'done']) {
    if (spec[field] !== undefined && typeof spec[field] !== 'string') {
      problems.push({ path: `${path}.${field}`, message: 'must be a string' });
    }
  }
  return problems;
}

function expectProblems(expect: unknown, path: string): Problem[] {
  if (!isMapping(expect)) {
    return [{ path, message: 'must be a mapping of metrics, shown, tiers, pillars and overall' }];
  }
  const problems = unknownFields(expect, EXPECT_FIELDS, `${path}.`);
  const allowed = (value: unknown, list: string[], where: string, what: string) => {
    if (typeof value !== 'string' || !list.includes(value)) {
      problems.push({ path: where, message: `${JSON.stringify(value)} is not a ${what} (${list.join(', ')})` });
    }
  };
  for (const [group, list, what] of [
    ['metrics', STATUSES, 'status'],
    ['shown', COLOURS, 'colour'],
    ['tiers', TIERS, 'tier'],
    ['pillars', COLOURS, 'colour'],
  ] as const) {
    const entries = expect[group];
    if (entries === undefined) {
      continue;
    }
    if (!isMapping(entries)) {
      problems.push({ path: `${path}.${group}`, message: 'must be a mapping of ids to expected values' });
      continue;
    }
    Object.entries(entries).forEach(([id, v]) => allowed(v, [...list], `${path}.${group}.${id}`, what));
  }
  if (expect.overall !== undefined) {
    allowed(expect.overall, COLOURS, `${path}.overall`, 'colour');
  }
  const most = expect.scoreAtMost;
  if (most !== undefined && !(typeof most === 'number' && Number.isInteger(most) && most >= 0 && most <= 100)) {
    problems.push({ path: `${path}.scoreAtMost`, message: 'must be a whole number from 0 to 100' });
  }
  if (expect.evidence !== undefined) {
    const ev = expect.evidence;
    if (!isMapping(ev) || Object.values(ev).some((v) => typeof v !== 'string' || v === '')) {
      problems.push({ path: `${path}.evidence`, message: 'must map ids to the text the evidence must contain' });
    }
  }
  return problems;
}

/** Unknown fields and impossible expectations anywhere in a parsed test file (the file must be a mapping). */
export function testFileShapeProblems(file: Record<string, unknown>): Problem[] {
  const problems = unknownFields(file, FILE_FIELDS, '');
  const tests = Array.isArray(file.tests) ? file.tests : [];
  tests.forEach((t, i) => {
    const at = `tests[${i}]`;
    if (!isMapping(t)) {
      problems.push({ path: at, message: 'must be a mapping with name, series and expect' });
      return;
    }
    problems.push(...unknownFields(t, TEST_FIELDS, `${at}.`));
    if (t.series !== undefined) {
      if (isMapping(t.series)) {
        Object.entries(t.series).forEach(([id, s]) => problems.push(...seriesProblems(s, `${at}.series.${id}`)));
      } else {
        problems.push({ path: `${at}.series`, message: 'must be a mapping of metric ids to series' });
      }
    }
    if (
      t.loaded !== undefined &&
      (!isMapping(t.loaded) || Object.values(t.loaded).some((v) => typeof v !== 'string'))
    ) {
      problems.push({
        path: `${at}.loaded`,
        message: 'must map metric ids to how long ago the data was loaded (or never)',
      });
    }
    if (t.actions !== undefined) {
      if (Array.isArray(t.actions)) {
        t.actions.forEach((a, j) => problems.push(...actionProblems(a, `${at}.actions[${j}]`)));
      } else {
        problems.push({ path: `${at}.actions`, message: 'must be a list of actions ({ metric, owner, due, … })' });
      }
    }
    problems.push(...expectProblems(t.expect, `${at}.expect`));
  });
  return problems;
}
