/**
 * prepareScorecard: the panel's data step (like the state-timeline panel's `prepareTimelineFields`). From the query's
 * frames to the model the components render, or to a `warn` naming what is wrong. Pure: no React, no theme.
 */
import type { DataFrame } from '@grafana/data';
import { healthScore, TIERS, worstColour } from '../core/rollup';
import { tierSummaries } from '../core/tiers';
import type { Tier } from '../core/types';
import { candorMeta, describeMissing, FrameCells, isRecord, missingParts, SCHEMA_VERSION } from './frame';
import { attentionItems, pillarAnswer } from '../core/attention';
import { parseJsonArray, readLinks } from './links';
import { readExtras, toAttentionRow } from './rowExtras';
import { sortRowsForDisplay } from './sort';
import { readSummary } from './summary';
import { isColour, isStatus, shownColour } from './status';
import type { ChangeQuality, Colour, MetricRow, OverallView, PillarView, PreparedScorecard, Scorecard } from './types';

const CHANGE_QUALITIES: ChangeQuality[] = ['better', 'worse', 'same', ''];

function readSparkline(raw: unknown): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const p of parseJsonArray(raw) ?? []) {
    if (Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])) {
      points.push([p[0] as number, p[1] as number]);
    }
  }
  return points;
}

function readRow(cells: FrameCells, i: number, notices: string[]): MetricRow {
  const metricId = cells.text('metric_id', i);
  const item = cells.text('item', i);
  const key = item ? `${metricId}/${item}` : metricId;
  const rawStatus = cells.raw('status', i);
  const rawColour = cells.raw('colour', i);
  let evidence = cells.text('evidence', i);
  if (!isStatus(rawStatus)) {
    notices.push(`${key}: unknown status ${JSON.stringify(rawStatus ?? null)}, shown as an error`);
    evidence = `Unknown status ${JSON.stringify(rawStatus ?? null)} in the frame. ${evidence}`.trim();
  }
  const status = isStatus(rawStatus) ? rawStatus : 'error';
  const colour = shownColour(status, isColour(rawColour) ? rawColour : 'red');
  if (colour !== rawColour) {
    notices.push(`${key}: colour ${JSON.stringify(rawColour ?? null)} cannot show status ${status}; shown ${colour}`);
  }
  const quality = cells.text('change_quality', i) as ChangeQuality;
  const { links, refused } = readLinks(cells.raw('links', i));
  refused.forEach((link) => notices.push(`${key}: link "${link.title}" ${link.reason}`));
  const name = cells.text('name', i) || metricId;
  const base = { key, name, value: cells.number('value', i), unit: cells.text('unit', i), tier: cells.text('tier', i) };
  return {
    ...readExtras(cells, i, base, notices),
    key,
    pillarId: cells.text('pillar_id', i),
    metricId,
    item,
    name,
    description: cells.text('description', i),
    owner: cells.text('owner', i),
    unit: cells.text('unit', i),
    direction: cells.text('direction', i),
    indicator: cells.text('indicator', i),
    tier: cells.text('tier', i),
    value: cells.number('value', i),
    target: cells.number('target', i),
    targetHigh: cells.number('target_high', i),
    status,
    colour,
    evidence,
    previous: cells.number('previous', i),
    change: cells.number('change', i),
    relativeChange: cells.number('relative_change', i),
    changeQuality: CHANGE_QUALITIES.includes(quality) ? quality : '',
    colourSince: cells.time('colour_since', i),
    colourSinceLowerBound: cells.bool('colour_since_lower_bound', i),
    lastSample: cells.time('last_sample', i),
    source: cells.text('source', i),
    links,
    refusedLinks: refused,
    sparkline: readSparkline(cells.raw('sparkline', i)),
    retired: cells.bool('retired', i),
  };
}

function readOverall(raw: unknown): OverallView {
  const overall = isRecord(raw) ? raw : {};
  const tiers = isRecord(overall.openByTier) ? overall.openByTier : {};
  const openByTier = Object.fromEntries(
    TIERS.map((t) => [t, typeof tiers[t] === 'number' && Number.isFinite(tiers[t]) ? (tiers[t] as number) : 0])
  ) as Record<Tier, number>;
  const score = typeof overall.score === 'number' && Number.isFinite(overall.score) ? overall.score : null;
  return { colour: isColour(overall.colour) ? overall.colour : 'red', score, openByTier };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Pillars in the meta's (catalog) order, then any pillar that only the rows name, so no row is ever dropped. */
interface PillarInput {
  metaPillars: unknown[];
  rows: MetricRow[];
  cells: FrameCells;
  notices: string[];
  asOf: number;
}

function buildPillars({ metaPillars, rows, cells, notices, asOf }: PillarInput): PillarView[] {
  const pillars: PillarView[] = [];
  for (const raw of metaPillars) {
    const p = isRecord(raw) ? raw : {};
    const id = str(p.id);
    pillars.push({
      id,
      title: str(p.title) || id,
      question: str(p.question),
      colour: isColour(p.colour) ? p.colour : 'red',
      answer: '',
      rows: [],
      score: 0,
      ...(str(p.owner) ? { owner: str(p.owner) } : {}),
    });
  }
  const metaIds = new Set(pillars.map((p) => p.id));
  rows.forEach((row, i) => {
    // A summary metric outside the selection joins no pillar card, unless the frame lists its pillar: a row marked
    // so can never leave a card it belongs to.
    if (row.summaryOnly && !metaIds.has(row.pillarId)) {
      return;
    }
    let pillar = pillars.find((p) => p.id === row.pillarId);
    if (!pillar) {
      const colour: Colour = isColour(cells.raw('pillar_colour', i))
        ? (cells.raw('pillar_colour', i) as Colour)
        : 'red';
      pillar = {
        id: row.pillarId,
        title: cells.text('pillar_title', i) || row.pillarId,
        question: cells.text('pillar_question', i),
        colour,
        answer: '',
        rows: [],
        score: 0,
      };
      pillars.push(pillar);
      notices.push(`${row.pillarId}: pillar not listed in meta.custom.candor.pillars; shown after the others`);
    }
    pillar.rows.push(row);
  });
  // The answer comes from the rows themselves, never from a text the frame could get wrong.
  return pillars.map((p) => ({
    ...p,
    answer: pillarAnswer(p.rows.map(toAttentionRow), asOf),
    rows: sortRowsForDisplay(p.rows),
    score: pillarScore(p),
  }));
}

/** The pillar's score from its own active rows, capped by the worse of its colour and its rows' (rollup.ts). */
function pillarScore(p: PillarView): number {
  const active = p.rows.filter((r) => !r.retired);
  const colour: Colour = active.length === 0 ? 'red' : worstColour([p.colour, ...active.map((r) => r.colour)]);
  const tierOf = (t: string): Tier => ((TIERS as string[]).includes(t) ? (t as Tier) : 'critical');
  return healthScore(
    active.map((r) => ({ tier: tierOf(r.alertTier), colour: r.colour, status: r.status })),
    colour
  );
}

function readApproval(a: unknown): Pick<Scorecard, 'approval'> {
  if (!isRecord(a)) {
    return {};
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { approval: { standing: text(a.standing), text: text(a.text) } };
}

function readActionsState(a: unknown): Pick<Scorecard, 'actions'> {
  if (!isRecord(a) || typeof a.read !== 'boolean') {
    return {};
  }
  return { actions: { read: a.read, ...(typeof a.error === 'string' ? { error: a.error } : {}) } };
}

function readScorecard(frame: DataFrame, meta: Record<string, unknown>): Scorecard {
  const notices = (frame.meta?.notices ?? []).map((n) => n.text).filter((t): t is string => typeof t === 'string');
  const cells = new FrameCells(frame);
  const rows = Array.from({ length: frame.length }, (_, i) => readRow(cells, i, notices));
  const asOf = meta.asOf as number;
  return {
    scorecardId: str(meta.scorecardId),
    title: str(meta.title),
    catalogVersion: str(meta.catalogVersion),
    fingerprint: str(meta.fingerprint),
    fingerprintShort: str(meta.fingerprintShort),
    ...readApproval(meta.approval),
    asOf: meta.asOf as number,
    asOfIsNow: meta.asOfIsNow === true,
    overall: readOverall(meta.overall),
    pillars: buildPillars({ metaPillars: meta.pillars as unknown[], rows, cells, notices, asOf }),
    notices,
    attention: attentionItems(rows.map(toAttentionRow), asOf),
    ...readActionsState(meta.actions),
    activeCount: rows.filter((r) => !r.retired).length,
    summary: readSummary(meta.summary, rows),
    tiers: tierSummaries(rows.map(toAttentionRow), asOf),
  };
}

/**
 * No frames: `{}` (the panel shows Grafana's standard no-data view). Frames, none of them Candor's: `warn` names
 * what the closest one lacks. Several Candor frames (several queries): the first is shown and a notice says so.
 */
export function prepareScorecard(series: DataFrame[] | undefined): PreparedScorecard {
  if (!series || series.length === 0) {
    return {};
  }
  const checked = series.map((frame) => ({ frame, missing: missingParts(frame) }));
  const complete = checked.filter((c) => c.missing.fields.length === 0 && c.missing.meta.length === 0);
  if (complete.length === 0) {
    const size = (c: (typeof checked)[number]) => c.missing.fields.length + c.missing.meta.length;
    const closest = checked.reduce((best, c) => (size(c) < size(best) ? c : best));
    return { warn: describeMissing(closest.missing) };
  }
  const { frame } = complete[0];
  const meta = candorMeta(frame)!;
  if (meta.schemaVersion !== SCHEMA_VERSION) {
    return {
      warn: `Unsupported Candor frame schema version ${String(meta.schemaVersion)}: this panel reads version ${SCHEMA_VERSION}. Update the Candor plugin.`,
    };
  }
  const scorecard = readScorecard(frame, meta);
  if (complete.length > 1) {
    scorecard.notices.push(
      `${complete.length - 1} more Candor ${complete.length === 2 ? 'frame was' : 'frames were'} not shown: one query per scorecard panel`
    );
  }
  return { scorecard };
}
