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
 * Columns of the full grid: as many cards of at least 340 px as fit, then balanced so the rows are as even as
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
