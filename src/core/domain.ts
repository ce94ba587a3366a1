/**
 * The valid values of a metric: its domain. A value outside it is not a reading but a defect of the feed (a
 * percentage fed to a fraction unit, a negative count), so it is never scored: the metric is an `error` naming it.
 *
 * The unit implies a domain (bounds inclusive):
 *   percentunit                         a fraction        0 … 1          (0.25 = 25%)
 *   percent, humidity                   a percentage      0 … 100
 *   currency…, currency:XYZ             an amount         any finite number (signed: a credit, a refund)
 *   ns µs ms s m h d, dtduration…, …    a duration        ≥ 0
 *   count:…                             a count           ≥ 0, whole numbers
 *   bytes, bits and their multiples     a size            ≥ 0
 *   ratio, months; score:N; nps         Candor's units    ≥ 0; 0 … N; −100 … 100 whole (candorUnits.ts)
 * Every other unit (`short`, `none`, `suffix:…`, …) says nothing about its values: such a metric must state its
 * domain in the catalog (`domain: { min: 0, integer: true }` for a count, `{ min: -100, max: 100 }` for an NPS,
 * `{ min: 0, max: 10 }` for a score out of 10).
 *
 * A catalog may only narrow the unit's domain (`domain.min`/`max` inside it, `integer` added, never removed). The one
 * change of meaning is `domain.change: true`: the metric is a change of a quantity (budget variance, a cost trend),
 * so it may be negative; a change of a fraction or a percentage is at least −100%:
 *   percentunit + change  ≥ −1        percent + change  ≥ −100       durations, amounts, counts + change  signed.
 *
 * Examples: fraction 0.8 -> in;  fraction 80 -> "80 is outside 0–1 for a fraction: wrong unit in the query?";
 * count 2.5 -> "2.5 is not a whole number, as a count must be";  count −5 -> outside ≥ 0.
 */
import type { DomainSpec, MetricDef, Problem } from './types';
import { scoreMax } from './candorUnits';
import { DURATION_UNITS } from './units';

export type { DomainSpec };

export interface Domain {
  min: number;
  max: number;
  integer: boolean;
  /** What the values are, for messages: "a fraction", "a count". */
  what: string;
}

const TIME_UNITS = new Set(DURATION_UNITS);
const SIZE_UNIT = /^(dec)?(bits|bytes|kbits|kbytes|mbits|mbytes|gbits|gbytes|tbits|tbytes|pbits|pbytes)$/;

const d = (what: string, min: number, max = Infinity, integer = false): Domain => ({ min, max, integer, what });

/** The domain a unit implies, or undefined when the unit says nothing about its values. */
export function unitDomain(unit: string): Domain | undefined {
  if (unit === 'percentunit') {
    return d('a fraction', 0, 1);
  }
  if (unit === 'percent' || unit === 'humidity') {
    return d('a percentage', 0, 100);
  }
  if (unit.startsWith('currency')) {
    return d('an amount', -Infinity);
  }
  if (TIME_UNITS.has(unit)) {
    return d('a duration', 0);
  }
  if (unit.startsWith('count:')) {
    return d('a count', 0, Infinity, true);
  }
  if (SIZE_UNIT.test(unit)) {
    return d('a size', 0);
  }
  return candorDomain(unit);
}

/** Candor's own units (candorUnits.ts). */
function candorDomain(unit: string): Domain | undefined {
  const max = scoreMax(unit);
  if (max !== undefined) {
    return d(`a score out of ${max}`, 0, max);
  }
  switch (unit) {
    case 'ratio':
      return d('a ratio', 0);
    case 'nps':
      return d('a Net Promoter Score', -100, 100, true);
    case 'months':
      return d('a number of months', 0);
    default:
      return undefined;
  }
}

/** The domain of a change of a quantity in this unit. */
function changeDomain(unit: string): Domain {
  const base = unitDomain(unit);
  if (unit === 'percentunit') {
    return d('a relative change', -1);
  }
  if (unit === 'percent' || unit === 'humidity') {
    return d('a change in percent', -100);
  }
  return d(base ? `a change of ${base.what.replace(/^an? /, '')}` : 'a change', -Infinity, Infinity, base?.integer);
}

/** The domain of a metric: its unit's (or its change's), narrowed by its `domain`. */
export function metricDomain(def: Pick<MetricDef, 'unit' | 'domain'>): Domain {
  const spec = def.domain ?? {};
  const base = spec.change ? changeDomain(def.unit) : (unitDomain(def.unit) ?? d('a number', -Infinity));
  return {
    min: Math.max(base.min, spec.min ?? -Infinity),
    max: Math.min(base.max, spec.max ?? Infinity),
    integer: base.integer || spec.integer === true,
    what: spec.integer && !base.integer && base.what === 'a number' ? 'a whole number' : base.what,
  };
}

const plain = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v));

/** "0–1", "≥ 0", "−100–100", "any number". */
export function describeRange(dm: Domain): string {
  if (dm.min === -Infinity && dm.max === Infinity) {
    return 'any number';
  }
  if (dm.max === Infinity) {
    return `≥ ${plain(dm.min)}`;
  }
  if (dm.min === -Infinity) {
    return `≤ ${plain(dm.max)}`;
  }
  return `${plain(dm.min)}–${plain(dm.max)}`;
}

/** Why a value lies outside the domain's range, or undefined when it lies inside. */
function outsideRange(value: number, dm: Domain): string | undefined {
  return value < dm.min || value > dm.max
    ? `${plain(value)} is outside ${describeRange(dm)} for ${dm.what}`
    : undefined;
}

/** A percentage where a fraction belongs: the likeliest unit mistake, named as such. */
const looksLikePercent = (value: number, dm: Domain) => dm.what === 'a fraction' && value > 1 && value <= 100;

/** Why a finite value is not a possible reading, or undefined when it is one. */
export function outsideDomain(value: number, dm: Domain): string | undefined {
  const out = outsideRange(value, dm);
  if (out) {
    return looksLikePercent(value, dm) ? `${out}: wrong unit in the query?` : out;
  }
  if (dm.integer && !Number.isInteger(value)) {
    return `${plain(value)} is not a whole number${dm.what === 'a whole number' ? '' : `, as ${dm.what} must be`}`;
  }
  return undefined;
}

/** The samples outside the domain: how many, and the latest of them (its index), for `values` in time order. */
export function outsideDomainCount(values: ArrayLike<number>, dm: Domain): { count: number; last: number } {
  const { min, max, integer } = dm;
  let count = 0;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The same rule as outsideDomain, without writing why for each value.
    if (v < min || v > max || (integer && !Number.isInteger(v))) {
      count++;
      last = i;
    }
  }
  return { count, last };
}

/** Every number a threshold, target or band of the metric names, with its path. */
function boundaryNumbers(m: MetricDef, at: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const add = (path: string, b: unknown) => {
    if (typeof b === 'number') {
      out.push([path, b]);
    } else if (Array.isArray(b)) {
      b.forEach((v, i) => typeof v === 'number' && out.push([`${path}[${i}]`, v]));
    }
  };
  add(`${at}.target`, m.target);
  add(`${at}.thresholds.green`, m.thresholds?.green);
  add(`${at}.thresholds.amber`, m.thresholds?.amber);
  for (const [item, t] of Object.entries(m.items?.thresholds ?? {})) {
    add(`${at}.items.thresholds.${item}.green`, t?.green);
    add(`${at}.items.thresholds.${item}.amber`, t?.amber);
  }
  return out;
}

/**
 * The domain rules of one metric: a unit that implies no domain needs one stated; a stated domain only narrows the
 * unit's; every threshold and the target are possible values (a fraction threshold of 99.9 is a unit mistake).
 */
export function domainProblems(m: MetricDef, at: string): Problem[] {
  if (typeof m.unit !== 'string') {
    return [];
  }
  const spec = m.domain;
  const base = spec?.change ? changeDomain(m.unit) : unitDomain(m.unit);
  if (!base) {
    // A bound is the statement: `integer: true` alone still lets -7 incidents through.
    const stated = spec && (spec.min !== undefined || spec.max !== undefined || spec.change);
    return stated
      ? boundaryProblems(m, at)
      : [
          {
            path: `${at}.domain`,
            message: `unit "${m.unit}" says nothing about valid values: state a bound, e.g. domain: { min: 0, integer: true } for a count, { min: -100, max: 100 } for an NPS`,
          },
        ];
  }
  const problems: Problem[] = [];
  if (spec?.min !== undefined && spec.min < base.min) {
    problems.push({ path: `${at}.domain.min`, message: widen(spec.min, base) });
  }
  if (spec?.max !== undefined && spec.max > base.max) {
    problems.push({ path: `${at}.domain.max`, message: widen(spec.max, base) });
  }
  if (spec?.integer === false && base.integer) {
    problems.push({ path: `${at}.domain.integer`, message: `${base.what} is always a whole number` });
  }
  if (spec?.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
    problems.push({ path: `${at}.domain`, message: `min (${spec.min}) must be ≤ max (${spec.max})` });
  }
  return problems.length > 0 ? problems : boundaryProblems(m, at);
}

const widen = (v: number, base: Domain) =>
  `${plain(v)} is outside ${describeRange(base)} for ${base.what}: a catalog may only narrow the unit's domain`;

function boundaryProblems(m: MetricDef, at: string): Problem[] {
  const dm = metricDomain(m);
  // Only the range: a boundary between two whole numbers (a count's 0.5) is a boundary, not a reading.
  return boundaryNumbers(m, at).flatMap(([path, v]) => {
    const why = outsideRange(v, dm);
    if (!why) {
      return [];
    }
    const hint = looksLikePercent(v, dm) ? ` (did you mean ${plain(v / 100)}?)` : '';
    return [{ path, message: `${why}${hint}` }];
  });
}
