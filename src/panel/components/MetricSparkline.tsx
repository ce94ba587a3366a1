import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { toneOf } from '../status';
import { sparklinePath } from '../sparkline';
import type { ChangeQuality } from '../types';

/** Big enough to see a direction at a glance (about 30 daily points), small enough for a row. */
export const SPARKLINE_SIZE = { width: 72, height: 18 };
const STROKE = 1.5;

interface Props {
  points: Array<[number, number]>;
  quality: ChangeQuality;
  /** Counts: steps instead of slopes. */
  steps: boolean;
}

/**
 * The trend's shape, one SVG path in the colour of the trend's quality (the eye reads "better" or "worse" before the
 * number); decorative (the change is given as text beside it), so hidden from screen readers.
 */
export function MetricSparkline({ points, quality, steps }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const color =
    quality === 'better'
      ? toneOf(theme, 'green').text
      : quality === 'worse'
        ? toneOf(theme, 'red').text
        : theme.colors.text.secondary;
  const d = useMemo(() => sparklinePath(points, { ...SPARKLINE_SIZE, pad: STROKE / 2, steps }), [points, steps]);
  return (
    <span className={styles.box} aria-hidden="true">
      {d && (
        <svg
          width={SPARKLINE_SIZE.width}
          height={SPARKLINE_SIZE.height}
          viewBox={`0 0 ${SPARKLINE_SIZE.width} ${SPARKLINE_SIZE.height}`}
          data-testid="candor-sparkline"
        >
          <path d={d} fill="none" stroke={color} strokeWidth={STROKE} strokeLinejoin="round" strokeLinecap="round" />
        </svg>
      )}
    </span>
  );
}

const getStyles = (_theme: GrafanaTheme2) => ({
  box: css({
    display: 'inline-block',
    flex: 'none',
    alignSelf: 'center',
    ...SPARKLINE_SIZE,
    overflow: 'hidden',
  }),
});
