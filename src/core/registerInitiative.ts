/**
 * One initiative of a register (rules and example in register.ts): its expected progress by now, its status and its
 * forecast. Milestones are "YYYY-MM-DD:percent" pairs separated by `;` or `,`, in date order, percent rising.
 */
import { CENTURY_MS, endOfDay, formatSpan, utcDate } from './duration';
import { formatValue } from './format';
import type { ValueFormatter } from './evidence';
import type { ItemResult } from './evaluate';
import { base, dayStart, figure, registerError, type RegisterRow } from './registerRows';
import { classify } from './thresholds';
import type { MetricDef } from './types';

type Point = [number, number];

/** The plan as (time, percent) points from 0% at the start to 100% at the due date; or the reason it is unreadable. */
export function planOf(start: number, due: number, milestones: string | undefined): Point[] | string {
  const points: Point[] = [[start, 0]];
  for (const part of (milestones ?? '')
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2}):(\d+(?:\.\d+)?)%?$/.exec(part);
    const t = m ? endOfDay(m[1]) : undefined;
    const pct = m ? Number(m[2]) : NaN;
    const [lastT, lastPct] = points[points.length - 1];
    if (t === undefined || !(pct >= lastPct && pct <= 100) || t <= lastT || t > due) {
      return `milestone "${part}" is not a YYYY-MM-DD:percent within the plan, after the previous one`;
    }
    points.push([t, pct]);
  }
  points.push([due, 100]);
  return points;
}

/** The plan's percent at `t`: 0 before the start, 100 after the due date, linear in between. */
export function expectedAt(plan: Point[], t: number): number {
  if (t <= plan[0][0]) {
    return 0;
  }
  for (let i = 1; i < plan.length; i++) {
    const [t1, p1] = plan[i];
    if (t <= t1) {
      const [t0, p0] = plan[i - 1];
      return p0 + ((p1 - p0) * (t - t0)) / (t1 - t0);
    }
  }
  return 100;
}

const pct = (v: number) => formatValue(v, { unit: 'percent' });
/** Points behind or ahead, never written onto the other side of a threshold ("10.04 pt" against a tolerance of 10). */
function pointsOf(v: number, def: MetricDef): string {
  const bounds = [def.thresholds.green, def.thresholds.amber].filter((b): b is number => typeof b === 'number');
  const marks = bounds.map((b) => ({ at: Math.abs(b), side: 'exactly' as const }));
  return `${formatValue(Math.abs(v), { unit: 'none', marks })} pt`;
}

interface InitiativeInput {
  def: MetricDef;
  row: RegisterRow;
  now: number;
  /** Unused: the texts are percentages and dates (kept for the shape of an evaluation input). */
  format?: ValueFormatter;
}

/**
 * The date it is done at its average pace since the start: the sentence, and the short form for the row
 * ("forecast 2027-04-26"; "no forecast" without progress or beyond a century).
 */
function forecastOf(start: number, due: number, progress: number, now: number): { text: string; short: string } {
  if (now <= start) {
    return { text: `Not started yet (it starts ${utcDate(start)}), so no forecast`, short: 'not started' };
  }
  if (progress <= 0) {
    return { text: 'No progress yet, so no forecast', short: 'no forecast' };
  }
  const done = start + ((now - start) * 100) / progress;
  if (done - now > CENTURY_MS) {
    return { text: 'At its pace since the start it takes more than a century, so no forecast', short: 'no forecast' };
  }
  const versus =
    done > due ? `${formatSpan(done - due)} after the due date` : `${formatSpan(due - done)} before the due date`;
  const perMonth = Math.round((progress * 30.4375 * 86_400_000) / (now - start));
  return {
    text: `At its pace since the start (${perMonth} points a month), done by ${utcDate(done)}, ${versus}`,
    short: `forecast ${utcDate(done)}`,
  };
}

export function judgeInitiative({ def, row, now }: InitiativeInput): ItemResult {
  const progress = figure(row, 'progress', [0, 100]);
  const startText = row.texts.get('start');
  const dueText = row.texts.get('due');
  const start = dayStart(startText);
  const due = endOfDay(dueText);
  if (typeof progress === 'string' || start === undefined || due === undefined || due <= start) {
    const why =
      typeof progress === 'string'
        ? progress
        : `start "${startText ?? ''}" and due "${dueText ?? ''}" are not two YYYY-MM-DD dates, start first`;
    return registerError(def, row.item, `Not scored: ${why}`);
  }
  const plan = planOf(start, due, row.texts.get('milestones'));
  if (typeof plan === 'string') {
    return registerError(def, row.item, `Not scored: ${plan}`);
  }
  const expected = expectedAt(plan, Math.min(now, due));
  // Judged unrounded: a rounding never moves an initiative across its tolerance.
  const gap = progress - expected;
  const judged = classify(gap, def.direction, def.thresholds);
  const late = progress < 100 && now > due;
  const [state, colour] =
    progress >= 100
      ? (['done', 'green'] as const)
      : late
        ? (['late', 'red'] as const)
        : judged === 'green'
          ? (['on track', 'green'] as const)
          : (['at risk', judged] as const);
  const tolerance = typeof def.thresholds.green === 'number' ? pointsOf(def.thresholds.green, def) : '';
  const behind = gap < 0 ? `${pointsOf(gap, def)} behind` : gap > 0 ? `${pointsOf(gap, def)} ahead` : 'on the plan';
  const planned = `${pct(progress)} done, ${pct(expected)} planned by ${late ? `the due date ${dueText}` : 'now'} (${behind}${tolerance ? `; tolerance ${tolerance}` : ''})`;
  const forecast = progress >= 100 ? { text: 'Done', short: '' } : forecastOf(start, due, progress, now);
  const target = row.texts.get('target');
  return {
    ...base(def, row.item),
    value: gap,
    status: colour,
    colour,
    lastSampleTime: row.t,
    colourSince: late ? due : row.t,
    colourSinceIsLowerBound: !late,
    valueText: `${pct(progress)} done · ${state}`,
    targetText: `due ${dueText}${late || !forecast.short ? '' : `, ${forecast.short}`}`,
    evidence: `${state[0].toUpperCase()}${state.slice(1)}: ${planned}. ${forecast.text}. Plan: ${startText} to ${dueText}${target ? `; done means ${target}` : ''}`,
  };
}
