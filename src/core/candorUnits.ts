/**
 * Candor's own units, for quantities Grafana has no unit for. They are formatted by Candor's core (format.ts) and
 * imply their valid values (domain.ts); Grafana, which does not know them, shows the number with the id as suffix.
 *
 *   id         reads            valid values                  for
 *   ratio      3.2:1            ≥ 0                           LTV/CAC, marketing ROI
 *   score:N    8.5/10, 4.8/5    0 … N (N a whole number ≥ 1)  a rating or a quality score out of N
 *   nps        +67, -12, 0      -100 … 100, whole numbers     a Net Promoter Score (always signed)
 *   months     8 months, 1 month ≥ 0                          runway, payback period
 */
export const CANDOR_UNITS = ['ratio', 'score:N', 'nps', 'months'] as const;

const SCORE = /^score:([1-9]\d{0,5})$/;

/** The maximum of a `score:N` unit, else undefined. */
export function scoreMax(unit: string): number | undefined {
  const m = SCORE.exec(unit);
  return m ? Number(m[1]) : undefined;
}

export function isCandorUnit(unit: string): boolean {
  return unit === 'ratio' || unit === 'nps' || unit === 'months' || scoreMax(unit) !== undefined;
}
