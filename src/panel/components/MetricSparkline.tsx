import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Sparkline, useStyles2, useTheme2 } from '@grafana/ui';
import { toneOf } from '../status';
import { toFieldSparkline } from '../sparkline';
import type { ChangeQuality } from '../types';

/** Big enough to see a direction at a glance (about 30 daily points), small enough for a row. */
export const SPARKLINE_SIZE = { width: 72, height: 18 };

interface Props {
  points: Array<[number, number]>;
  quality: ChangeQuality;
  /** Counts: steps instead of slopes. */
  steps: boolean;
}

/** The trend's shape; decorative (the change is given as text beside it), so hidden from screen readers. */
export function MetricSparkline({ points, quality, steps }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const color =
    quality === 'better'
      ? toneOf(theme, 'green').text
      : quality === 'worse'
        ? toneOf(theme, 'red').text
        : theme.colors.text.secondary;
  const sparkline = useMemo(() => toFieldSparkline(points, { color, steps }), [points, color, steps]);
  return (
    <span className={styles.box} aria-hidden="true">
      {sparkline && <Sparkline theme={theme} {...SPARKLINE_SIZE} sparkline={sparkline} />}
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
