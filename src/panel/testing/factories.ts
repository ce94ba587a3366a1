/**
 * Test factories for Candor frames as docs/frames.md specifies them (schema version 1). Everything is relative to
 * FIXED_NOW (2026-11-16T12:00:00Z, a Monday) so no test depends on the clock.
 */
import type { DataFrame } from '@grafana/data';
import type { ScorecardMeta, ScorecardRow } from '../../core/rows';
import { TIERS } from '../../core/rollup';
import { COLOUR_RANK } from '../../core/thresholds';
import type { Colour, Status, Tier } from '../../core/types';
import { createRow } from '../../core/testing/rows';
import { toScorecardFrame } from '../../datasource/toFrame';

export const FIXED_NOW = Date.parse('2026-11-16T12:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const FULL_FINGERPRINT = 'ab12cd34ef56'.padEnd(64, '0');
export const SHORT_FINGERPRINT = 'sha256:ab12cd34ef56';

/** One row of the frame: the datasource's own row type, so the panel's tests cannot drift from docs/frames.md. */
export type FrameRow = ScorecardRow;

export { createRow };

export type CandorMeta = ScorecardMeta;
export type PillarMeta = ScorecardMeta['pillars'][number];

const worst = (colours: string[]): string =>
  colours.reduce((w, c) => (COLOUR_RANK[c as Colour] > COLOUR_RANK[w as Colour] ? c : w), 'green');

/** Meta consistent with the rows: pillars in first-seen order rolled up, the overall colour, tier counts, a score. */
export function metaFor(rows: FrameRow[], overrides: Partial<CandorMeta> = {}): CandorMeta {
  const active = rows.filter((r) => !r.retired);
  const ids = [...new Set(rows.map((r) => r.pillar_id))];
  const pillars = ids.map((id, i) => {
    const first = rows.find((r) => r.pillar_id === id)!;
    const own = active.filter((r) => r.pillar_id === id);
    return {
      id,
      title: first.pillar_title,
      question: first.pillar_question,
      order: i + 1,
      colour: own.length === 0 ? 'red' : worst(own.map((r) => r.colour)),
    };
  });
  const colour = worst(pillars.map((p) => p.colour));
  const openByTier = Object.fromEntries(
    TIERS.map((t) => [t, active.filter((r) => r.tier === t && r.colour !== 'green').length])
  ) as Record<Tier, number>;
  const score = colour === 'red' ? 59 : colour === 'amber' ? 89 : 100;
  return {
    schemaVersion: 1,
    scorecardId: 'platform-scorecard',
    title: 'LocalizeVideos Executive Platform Scorecard',
    catalogVersion: '1.0.0',
    fingerprint: FULL_FINGERPRINT,
    fingerprintShort: SHORT_FINGERPRINT,
    asOf: FIXED_NOW,
    asOfIsNow: true,
    overall: { colour, score, openByTier },
    pillars,
    selection: {},
    ...overrides,
  };
}

export interface FrameSpec {
  rows?: FrameRow[];
  meta?: Partial<CandorMeta>;
  notices?: string[];
  /** Field names to leave out (for wrong-schema tests). */
  omit?: Array<keyof FrameRow>;
}

/**
 * The Candor frame for `rows` (default: one green row), built by the datasource's own frame builder, with meta
 * consistent with the rows unless overridden.
 */
export function createScorecardFrame(spec: FrameSpec = {}): DataFrame {
  const rows = spec.rows ?? [createRow()];
  const frame = toScorecardFrame('A', { rows, meta: metaFor(rows, spec.meta) }, spec.notices ?? []);
  return { ...frame, fields: frame.fields.filter((f) => !spec.omit?.includes(f.name as keyof FrameRow)) };
}

/** A status with the colour it shows and a matching evidence text. */
export function statusRow(status: Status, overrides: Partial<FrameRow> = {}): Partial<FrameRow> {
  const colour = status === 'noData' || status === 'error' ? 'red' : status === 'stale' ? 'amber' : status;
  return { status, colour, ...overrides };
}

const PILLARS = [
  ['platform-reliability', 'Platform Reliability', 'Is the platform stable right now?'],
  ['security-risk', 'Security & Risk Posture', 'Are we safe — and getting safer?'],
  ['delivery-execution', 'Delivery & Execution Health', 'Are we delivering predictably without breaking things?'],
  ['cost-efficiency', 'Cost & Efficiency', 'Are we scaling responsibly?'],
  ['customer-trust', 'Customer Trust & Experience', 'Do customers trust us?'],
];

/** A default-catalog-shaped scorecard: five pillars of four green rows each (metric ids `<pillar>-m1`…`m4`). */
export function fivePillarRows(perPillar = 4): FrameRow[] {
  return PILLARS.flatMap(([id, title, question]) =>
    Array.from({ length: perPillar }, (_, i) =>
      createRow({
        pillar_id: id,
        pillar_title: title,
        pillar_question: question,
        metric_id: `${id}-m${i + 1}`,
        name: `${title} metric ${i + 1}`,
        tier: TIERS[i % TIERS.length],
      })
    )
  );
}
