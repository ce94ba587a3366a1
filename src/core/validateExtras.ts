/**
 * Validation of the sections beyond the metric basics: the executive summary, the audiences, dated goals and
 * registers (docs/catalog.md). Each rule reports the path of the field it is about.
 *   scorecard.summary[i]     an active metric of this catalog
 *   audiences[i]             a unique id; pillars known to the catalog; one audience sees every pillar
 *   metrics[i].goal          a real day; a direction a goal can have (higher- or lower-is-better); a possible value;
 *                            a pace window from 7d to 365d
 *   metrics[i].register      items.label naming the row; a SQL source with format table; the kind's direction;
 *                            no goal (a register's items carry their own dates); no per-item thresholds
 */
import { metricDomain, outsideDomain } from './domain';
import { endOfDay, parseDuration } from './duration';

const DAY_MS = 86_400_000;
import { isSql, type Catalog, type MetricDef, type Problem } from './types';

type Broken = (prefix: string) => boolean;

function summaryProblems(c: Partial<Catalog>, broken: Broken): Problem[] {
  const summary = c.scorecard?.summary;
  if (!Array.isArray(summary) || broken('scorecard.summary') || !Array.isArray(c.metrics)) {
    return [];
  }
  return summary.flatMap((id, i) => {
    const m = c.metrics!.find((x) => x?.id === id);
    const path = `scorecard.summary[${i}]`;
    if (!m) {
      return [{ path, message: `unknown metric "${id}": the summary shows metrics of this catalog` }];
    }
    return m.retired ? [{ path, message: `"${id}" is retired: the summary shows active metrics only` }] : [];
  });
}

function audienceProblems(c: Partial<Catalog>, broken: Broken): Problem[] {
  if (!Array.isArray(c.audiences) || broken('audiences')) {
    return [];
  }
  const pillarIds = new Set((c.pillars ?? []).map((p) => p?.id));
  const seen = new Set<string>();
  const problems = c.audiences.flatMap((a, i) => {
    const problems: Problem[] = [];
    if (seen.has(a.id)) {
      problems.push({ path: `audiences[${i}].id`, message: `duplicate audience id "${a.id}"` });
    }
    seen.add(a.id);
    (a.pillars ?? []).forEach((p, j) => {
      if (!pillarIds.has(p)) {
        problems.push({ path: `audiences[${i}].pillars[${j}]`, message: `unknown pillar "${p}"` });
      }
    });
    return problems;
  });
  const everything = c.audiences.some((a) => a.pillars === undefined);
  return everything
    ? problems
    : [
        ...problems,
        {
          path: 'audiences',
          message: 'one audience must see every pillar (no `pillars`): the executive view, which alerts link to',
        },
      ];
}

function goalProblems(m: MetricDef, at: string): Problem[] {
  if (!m.goal) {
    return [];
  }
  const problems: Problem[] = [];
  if (endOfDay(m.goal.by) === undefined) {
    problems.push({ path: `${at}.goal.by`, message: `"${m.goal.by}" is not a real day (YYYY-MM-DD)` });
  }
  if (m.direction === 'within') {
    problems.push({ path: `${at}.goal`, message: 'a goal needs direction higher-is-better or lower-is-better' });
  }
  const outside = outsideDomain(m.goal.value, metricDomain(m));
  if (outside) {
    problems.push({ path: `${at}.goal.value`, message: outside });
  }
  const pace = m.goal.pace === undefined ? undefined : parseDuration(m.goal.pace);
  if (pace !== undefined && (pace < 7 * DAY_MS || pace > 365 * DAY_MS)) {
    problems.push({
      path: `${at}.goal.pace`,
      message: `${m.goal.pace} is outside 7d…365d: a pace read over less than a week is noise, over more than a year history`,
    });
  }
  return problems;
}

const REGISTER_DIRECTION = { initiatives: 'higher-is-better', risks: 'lower-is-better' } as const;

function registerProblems(m: MetricDef, at: string): Problem[] {
  if (!m.register) {
    return [];
  }
  const problems: Problem[] = [];
  if (!m.items) {
    problems.push({ path: `${at}.register`, message: 'a register needs items.label: the column that names each row' });
  }
  if (!isSql(m.source) || m.source.sql.format !== 'table') {
    problems.push({
      path: `${at}.source`,
      message: 'a register reads one row per item: a sql source with format table',
    });
  }
  const direction = REGISTER_DIRECTION[m.register.kind];
  if (m.direction !== direction) {
    const what = m.register.kind === 'initiatives' ? 'points ahead of the plan are better' : 'less exposure is better';
    problems.push({ path: `${at}.direction`, message: `a ${m.register.kind} register is ${direction} (${what})` });
  }
  if (m.goal) {
    problems.push({ path: `${at}.goal`, message: 'a register has no goal: each row carries its own dates' });
  }
  if (m.items?.thresholds) {
    problems.push({
      path: `${at}.items.thresholds`,
      message: "a register's items are its rows: every row is judged by the metric's thresholds",
    });
  }
  return problems;
}

/** The rules above, for every metric whose fields are structurally sound. */
export function extraProblems(c: Partial<Catalog>, broken: Broken): Problem[] {
  const metrics = (Array.isArray(c.metrics) ? c.metrics : []).map((m, i) => [m, `metrics[${i}]`] as const);
  const sound = metrics.filter(([m, at]) => m !== null && typeof m === 'object' && !broken(at));
  return [
    ...summaryProblems(c, broken),
    ...audienceProblems(c, broken),
    ...sound.flatMap(([m, at]) => [...goalProblems(m, at), ...registerProblems(m, at)]),
  ];
}
