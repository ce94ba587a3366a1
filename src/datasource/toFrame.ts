import { createDataFrame, FieldType, type DataFrame, type QueryResultMetaNotice } from '@grafana/data';

import type { EngineOutput } from '../core/engine';
import type { ScorecardRow } from '../core/rows';

type Column = [keyof ScorecardRow, FieldType];

/** Field order and types of docs/frames.md. */
const COLUMNS: Column[] = [
  ['pillar_id', FieldType.string],
  ['pillar_title', FieldType.string],
  ['pillar_question', FieldType.string],
  ['pillar_colour', FieldType.string],
  ['metric_id', FieldType.string],
  ['item', FieldType.string],
  ['name', FieldType.string],
  ['description', FieldType.string],
  ['owner', FieldType.string],
  ['unit', FieldType.string],
  ['direction', FieldType.string],
  ['indicator', FieldType.string],
  ['tier', FieldType.string],
  ['value', FieldType.number],
  ['target', FieldType.number],
  ['target_high', FieldType.number],
  ['status', FieldType.string],
  ['colour', FieldType.string],
  ['evidence', FieldType.string],
  ['previous', FieldType.number],
  ['change', FieldType.number],
  ['relative_change', FieldType.number],
  ['change_quality', FieldType.string],
  ['colour_since', FieldType.time],
  ['colour_since_lower_bound', FieldType.boolean],
  ['last_sample', FieldType.time],
  ['source', FieldType.string],
  ['links', FieldType.other],
  ['sparkline', FieldType.other],
  ['retired', FieldType.boolean],
];

export const SCORECARD_FRAME_NAME = 'candor-scorecard';

/** The scorecard frame of one query; warnings become notices, never exceptions. */
export function toScorecardFrame(refId: string, output: EngineOutput, warnings: string[]): DataFrame {
  const notices: QueryResultMetaNotice[] = warnings.map((text) => ({ severity: 'warning', text }));
  return createDataFrame({
    refId,
    name: SCORECARD_FRAME_NAME,
    meta: { custom: { candor: output.meta }, notices },
    fields: COLUMNS.map(([name, type]) => ({ name, type, values: output.rows.map((r) => r[name]) })),
  });
}
