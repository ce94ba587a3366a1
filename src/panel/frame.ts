/**
 * Reading a Candor frame (docs/frames.md, schema version 1): which fields and meta keys it must have, and typed,
 * forgiving access to its cells. A cell of the wrong type reads as "absent", never as a crash.
 */
import type { DataFrame, Field } from '@grafana/data';

import { FRAME_COLUMNS, FRAME_SCHEMA_VERSION } from '../core/rows';

export const SCHEMA_VERSION = FRAME_SCHEMA_VERSION;

/** Every field of schema version 1, in the documented order (one list, shared with the datasource). */
export const FRAME_FIELDS = FRAME_COLUMNS.map(([name]) => name);
export type FrameField = (typeof FRAME_COLUMNS)[number][0];

/**
 * Fields added to version 1 after its first release (adding a field does not change the version): a frame without
 * them is still read, and the panel falls back (the name for the label, the bare number for the value).
 */
export const ADDED_FIELDS: readonly FrameField[] = [
  'label',
  'value_text',
  'target_text',
  'change_text',
  'thresholds_text',
  'alert_tier',
  'escalation',
  'action',
  'query',
  'integer',
  'goal_text',
  'summary_only',
];

/** The `meta.custom.candor` keys the panel needs, with a check of their type. */
const META_CHECKS: Record<string, (v: unknown) => boolean> = {
  schemaVersion: (v) => typeof v === 'number',
  scorecardId: (v) => typeof v === 'string',
  title: (v) => typeof v === 'string',
  catalogVersion: (v) => typeof v === 'string',
  fingerprint: (v) => typeof v === 'string',
  fingerprintShort: (v) => typeof v === 'string',
  asOf: (v) => typeof v === 'number' && Number.isFinite(v),
  overall: (v) => isRecord(v) && typeof v.colour === 'string',
  pillars: (v) => Array.isArray(v),
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `meta.custom.candor`, when it is an object. */
export function candorMeta(frame: DataFrame): Record<string, unknown> | undefined {
  const custom = frame.meta?.custom;
  const meta = isRecord(custom) ? custom.candor : undefined;
  return isRecord(meta) ? meta : undefined;
}

/** What the frame lacks to be read as schema version 1: missing fields and missing or mistyped meta keys. */
export function missingParts(frame: DataFrame): { fields: string[]; meta: string[] } {
  const names = new Set(frame.fields.map((f) => f.name));
  const fields = FRAME_FIELDS.filter((name) => !names.has(name) && !ADDED_FIELDS.includes(name));
  const meta = candorMeta(frame);
  if (!meta) {
    return { fields, meta: ['meta.custom.candor'] };
  }
  const badKeys = Object.keys(META_CHECKS).filter((key) => !META_CHECKS[key](meta[key]));
  return { fields, meta: badKeys.map((key) => `meta.custom.candor.${key}`) };
}

export function describeMissing(missing: { fields: string[]; meta: string[] }): string {
  const parts: string[] = [];
  if (missing.fields.length > 0) {
    parts.push(`missing ${missing.fields.length === 1 ? 'field' : 'fields'} ${missing.fields.join(', ')}`);
  }
  if (missing.meta.length > 0) {
    parts.push(`${parts.length === 0 ? 'missing ' : ''}${missing.meta.join(', ')}`);
  }
  return `Not a Candor scorecard frame: ${parts.join('; ')}`;
}

/** Typed access to one row's cells. */
export class FrameCells {
  private readonly byName: Map<string, Field>;

  constructor(frame: DataFrame) {
    this.byName = new Map(frame.fields.map((f) => [f.name, f]));
  }

  raw(name: FrameField, row: number): unknown {
    return this.byName.get(name)?.values[row];
  }

  text(name: FrameField, row: number): string {
    const v = this.raw(name, row);
    return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  }

  /** A finite number, else null (null, NaN, ±Inf and text are all "no value"). */
  number(name: FrameField, row: number): number | null {
    const v = this.raw(name, row);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  /** Epoch milliseconds, from a number or a Date. */
  time(name: FrameField, row: number): number | null {
    const v = this.raw(name, row);
    if (v instanceof Date) {
      return Number.isFinite(v.getTime()) ? v.getTime() : null;
    }
    return this.number(name, row);
  }

  bool(name: FrameField, row: number): boolean {
    const v = this.raw(name, row);
    return v === true || v === 'true';
  }
}
