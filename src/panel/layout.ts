/**
 * Size modes, chosen from the panel's size alone (no option to fiddle with), so the same panel works as the full
 * scorecard, as a one-pillar tile, as a narrow column and as a small tile in any dashboard, kiosk or iframe.
 */
import type { SizeMode } from './types';

/** Below this height (px) only the small tile fits. */
export const TILE_MAX_HEIGHT = 240;
/** Below this width (px) only the small tile fits. */
export const TILE_MAX_WIDTH = 280;
/** Below this width (px) pillars stack in one column. */
export const COLUMN_MAX_WIDTH = 720;
/** The narrowest a pillar card gets in the full grid (px). */
export const CARD_MIN_WIDTH = 340;

export interface SizeInput {
  width: number;
  height: number;
  /** Pillars in the frame (`meta.custom.candor.pillars`). */
  pillarCount: number;
}

/**
 * In this order: `tile` when width < 280 or height < 240; `pillar` when the frame holds exactly one pillar;
 * `column` when width < 720; `full` otherwise.
 */
export function chooseSizeMode({ width, height, pillarCount }: SizeInput): SizeMode {
  if (width < TILE_MAX_WIDTH || height < TILE_MAX_HEIGHT) {
    return 'tile';
  }
  if (pillarCount === 1) {
    return 'pillar';
  }
  return width < COLUMN_MAX_WIDTH ? 'column' : 'full';
}

/**
 * Columns of the full layout: as many cards of at least 340 px as fit, then balanced so the rows are as even as
 * possible (5 pillars in 4 columns would leave one alone: 3 + 2 instead). At least 1, at most the pillar count.
 */
export function gridColumns({ width, pillarCount }: { width: number; pillarCount: number }): number {
  if (pillarCount <= 1) {
    return 1;
  }
  const fit = Math.max(1, Math.min(pillarCount, Math.floor(width / CARD_MIN_WIDTH)));
  const rows = Math.ceil(pillarCount / fit);
  return Math.ceil(pillarCount / rows);
}

/** A pillar card's height in row units: its header (title, question and answer) counts as HEADER_ROWS rows. */
export const HEADER_ROWS = 2;

/**
 * Pillars into `columns` columns, each card under the shortest column so far (the leftmost on a tie), so a long
 * pillar does not leave a gap under its neighbours: the scorecard fits one screen at 1280×720 with the attention
 * strip. Each column keeps catalog order from top to bottom; the first `columns` pillars start the columns in order.
 * Heights are estimated from row counts (a card's rows are about equally tall).
 *   rows 4, 7, 4, 4, 4 in 3 columns -> [0, 3], [1], [2, 4]   (8 + 7 + 8 rows instead of 7 + 4 over two grid rows)
 */
export function placePillars(rowCounts: number[], columns: number): number[][] {
  const placed: number[][] = Array.from({ length: Math.max(1, columns) }, () => []);
  const heights = placed.map(() => 0);
  rowCounts.forEach((rows, i) => {
    const shortest = heights.indexOf(Math.min(...heights));
    placed[shortest].push(i);
    heights[shortest] += rows + HEADER_ROWS;
  });
  return placed.filter((c) => c.length > 0);
}

/** Estimated heights in px of the full layout's parts (measured in Chromium at Grafana's default font sizes). */
export const HEIGHTS = {
  header: 36,
  stripHeading: 36,
  stripEntry: 19,
  pillarHeader: 76,
  row: 40,
  denseRow: 22,
  gap: 8,
};

export interface DensityInput {
  height: number;
  /** Entries of the attention strip (0: its one sentence). */
  attentionCount: number;
  /** Per column of placePillars: per pillar, its rows' colours. */
  columns: Array<Array<Array<'green' | 'amber' | 'red'>>>;
}

/**
 * `dense` when the full layout would not fit the panel's height: then rows on target take one line (status, name,
 * value; the trend and the rest are in their evidence) and rows off target keep both lines. So 1280×720 holds the
 * header, the strip and every row of the default catalog without scrolling, and 1920×1080 shows everything.
 */
export function chooseDensity({ height, attentionCount, columns }: DensityInput): 'normal' | 'dense' {
  const top = HEIGHTS.header + HEIGHTS.stripHeading + attentionCount * HEIGHTS.stripEntry + 2 * HEIGHTS.gap;
  const column = (pillars: DensityInput['columns'][number]) =>
    pillars.reduce((sum, rows) => sum + HEIGHTS.pillarHeader + rows.length * HEIGHTS.row + HEIGHTS.gap, 0);
  const tallest = Math.max(0, ...columns.map(column));
  return top + tallest <= height ? 'normal' : 'dense';
}
