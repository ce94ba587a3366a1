/**
 * The ONE place where a status or a colour becomes what the viewer sees: its word, its icon, its theme colours, and
 * its severity for sorting. Colour is never the only signal (WCAG 1.4.1): every light comes with a word and an icon.
 *
 * Theme colours: the shown colours use Grafana's semantic status tokens, `theme.colors.success` (green),
 * `theme.colors.warning` (amber) and `theme.colors.error` (red). They are tuned per theme for contrast: `main` fills
 * lights and banners, `text` colours text on the panel background, `contrastText` is text on a `main` fill.
 */
import type { GrafanaTheme2, IconName } from '@grafana/data';
import { STATUS_RANK } from '../core/rollup';
import { COLOUR_RANK } from '../core/thresholds';
import { STATUS_WORD } from '../core/words';
import type { Colour, Status } from './types';

export interface Look {
  word: string;
  icon: IconName;
}

export const COLOUR_LOOK: Record<Colour, Look> = {
  green: { word: STATUS_WORD.green, icon: 'check-circle' },
  amber: { word: STATUS_WORD.amber, icon: 'exclamation-triangle' },
  red: { word: STATUS_WORD.red, icon: 'times-circle' },
};

export const STATUS_LOOK: Record<Status, Look> = {
  green: COLOUR_LOOK.green,
  amber: COLOUR_LOOK.amber,
  red: COLOUR_LOOK.red,
  noData: { word: STATUS_WORD.noData, icon: 'question-circle' },
  stale: { word: STATUS_WORD.stale, icon: 'clock-nine' },
  error: { word: STATUS_WORD.error, icon: 'exclamation-circle' },
};

export const STATUSES: Status[] = ['green', 'amber', 'red', 'noData', 'stale', 'error'];
export const COLOURS: Colour[] = ['green', 'amber', 'red'];

/** The best colour a status may show: no data and errors are red, stale evidence is at most amber. */
export const STATUS_FLOOR: Record<Status, Colour> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
  noData: 'red',
  stale: 'amber',
  error: 'red',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as string[]).includes(value);
}

export function isColour(value: unknown): value is Colour {
  return typeof value === 'string' && (COLOURS as string[]).includes(value);
}

/** The worse of the two colours. */
export function worseColour(a: Colour, b: Colour): Colour {
  return COLOUR_RANK[a] >= COLOUR_RANK[b] ? a : b;
}

/** The colour to show for a row: the frame's colour, but never greener than its status allows. */
export function shownColour(status: Status, colour: Colour): Colour {
  return worseColour(colour, STATUS_FLOOR[status]);
}

/** Statuses without fresh evidence: rows that must look different from healthy ones and say what is missing. */
export function isEvidenceProblem(status: Status): boolean {
  return status === 'noData' || status === 'stale' || status === 'error';
}

/**
 * Negative when `a` is more severe than `b`, so an ascending sort puts the worst first: the shown colour
 * (red > amber > green), then the status (red > error > noData > stale > amber > green). Equal severities compare 0,
 * so a stable sort keeps catalog order among them.
 */
export function compareSeverity(a: { colour: Colour; status: Status }, b: { colour: Colour; status: Status }): number {
  return COLOUR_RANK[b.colour] - COLOUR_RANK[a.colour] || STATUS_RANK[b.status] - STATUS_RANK[a.status];
}

/** "No data, shown red" for a status whose word differs from its colour; "Red" otherwise. For aria labels. */
export function statusLabel(status: Status, colour: Colour): string {
  const word = STATUS_LOOK[status].word;
  return word === COLOUR_LOOK[colour].word ? word : `${word}, shown ${COLOUR_LOOK[colour].word.toLowerCase()}`;
}

export interface Tone {
  /** Fill of lights and banners. */
  main: string;
  /** Text in this colour on the panel background. */
  text: string;
  /** Text on a `main` fill. */
  contrastText: string;
  /** A faint background tint. */
  transparent: string;
}

export function toneOf(theme: GrafanaTheme2, colour: Colour): Tone {
  const palette =
    colour === 'green' ? theme.colors.success : colour === 'amber' ? theme.colors.warning : theme.colors.error;
  return {
    main: palette.main,
    text: palette.text,
    contrastText: palette.contrastText,
    transparent: palette.transparent,
  };
}
