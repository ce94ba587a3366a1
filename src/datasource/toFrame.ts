import { createDataFrame, FieldType, type DataFrame, type QueryResultMetaNotice } from '@grafana/data';

import type { EngineOutput } from '../core/engine';
import { FRAME_COLUMNS } from '../core/rows';

export const SCORECARD_FRAME_NAME = 'candor-scorecard';

/** The scorecard frame of one query; warnings become notices, never exceptions. */
export function toScorecardFrame(refId: string, output: EngineOutput, warnings: string[]): DataFrame {
  const notices: QueryResultMetaNotice[] = warnings.map((text) => ({ severity: 'warning', text }));
  return createDataFrame({
    refId,
    name: SCORECARD_FRAME_NAME,
    meta: { custom: { candor: output.meta }, notices },
    fields: FRAME_COLUMNS.map(([name, type]) => ({
      name,
      type: type as FieldType,
      values: output.rows.map((r) => r[name]),
    })),
  });
}
