/**
 * The marks a metric's values are read against (format.ts): its thresholds and target, each with the side that
 * meets it, and the ends of its valid values (domain.ts), which a value must never appear to reach when it does not.
 *   higher-is-better, green 0.999 amber 0.995, fraction:  atLeast 0.999, atLeast 0.995, exactly 0, exactly 1
 *   lower-is-better, green 1, amber 3, count ≥ 0:         atMost 1, atMost 3, exactly 0            (integer)
 *   within, green [-0.1, 0.05]:                          atLeast -0.1, atMost 0.05, … and the amber band alike
 */
import { metricDomain } from './domain';
import type { Mark, ValueStyle } from './format';
import type { Boundary, Direction, MetricDef, Thresholds } from './types';

function boundaryMarks(boundary: Boundary, direction: Direction): Mark[] {
  if (Array.isArray(boundary)) {
    return [
      { at: boundary[0], side: 'atLeast' },
      { at: boundary[1], side: 'atMost' },
    ];
  }
  return [{ at: boundary, side: direction === 'lower-is-better' ? 'atMost' : 'atLeast' }];
}

/** How a metric's values are written: its unit, whether they are whole, and every mark they are compared with. */
export function valueStyle(
  def: Pick<MetricDef, 'unit' | 'domain' | 'direction' | 'target' | 'thresholds'>,
  thresholds: Thresholds = def.thresholds
): ValueStyle {
  const domain = metricDomain(def);
  const marks: Mark[] = [
    ...boundaryMarks(thresholds.green, def.direction),
    ...boundaryMarks(thresholds.amber, def.direction),
    ...boundaryMarks(def.target, def.direction),
    ...[domain.min, domain.max].filter(Number.isFinite).map((at): Mark => ({ at, side: 'exactly' })),
  ];
  return { unit: def.unit, integer: domain.integer, marks };
}
