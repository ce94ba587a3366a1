import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { escapePromql, escapeSql } from '../core/escape';
import type { Interpolate } from '../core/queries';

/**
 * Dashboard variables through Grafana's template service, each value escaped for the language it lands in
 * (src/core/escape.ts). Grafana's own macros (`$__timeFrom()`, `$__range`, …) are not variables and stay as they are.
 */
export function makeInterpolate(templateSrv: TemplateSrv, scopedVars: ScopedVars = {}): Interpolate {
  return (text, language) =>
    templateSrv.replace(
      text,
      scopedVars,
      (value: string | string[], variable?: { multi?: boolean; includeAll?: boolean }) =>
        language === 'promql'
          ? escapePromql(value, { multi: Boolean(variable?.multi || variable?.includeAll) })
          : escapeSql(value)
    );
}
