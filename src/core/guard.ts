/**
 * The engine behind a guard, for the datasource and `candor evaluate`: one metric whose evaluation throws (a defect,
 * or data nobody foresaw) never blanks the scorecard.
 * - No exception: exactly `runEngine`'s output.
 * - An exception: each selected metric is evaluated on its own to find those that throw. Each of them becomes an
 *   `error` metric (red, never green) whose evidence names the failure, its frames are not used, and the scorecard
 *   is evaluated again; every other metric keeps its real status, and a warning names each failed metric.
 * - Only when no single metric throws (the failure needs them together) or the second run throws too is the
 *   exception passed on: the caller then reports one error for the whole panel.
 */
import { runEngine, selectMetrics, type EngineInput, type EngineOutput } from './engine';
import type { WithWarnings } from './types';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function runEngineGuarded(input: EngineInput): WithWarnings<EngineOutput> {
  try {
    return runEngine(input);
  } catch (first) {
    const failed = new Map<string, string>();
    for (const def of selectMetrics(input.catalog, input.selection).result) {
      try {
        runEngine({ ...input, selection: { metrics: [def.id] } });
      } catch (e) {
        failed.set(def.id, messageOf(e));
      }
    }
    if (failed.size === 0) {
      throw first;
    }
    const out = runEngine({
      ...input,
      frames: input.frames.filter((f) => f.refId === undefined || !failed.has(f.refId)),
      errors: [
        ...input.errors.filter((e) => !failed.has(e.refId)),
        ...[...failed].map(([refId, message]) => ({
          refId,
          message: `Candor could not evaluate this metric (${message}); its data was not used`,
        })),
      ],
    });
    const notices = [...failed].map(([id, message]) => `${id}: evaluation failed, shown as an error: ${message}`);
    return { result: out.result, warnings: [...notices, ...out.warnings] };
  }
}
