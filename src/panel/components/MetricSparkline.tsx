import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Sparkline, useStyles2, useTheme2 } from '@grafana/ui';
import { toFieldSparkline } from '../sparkline';

interface Props {
  points: Array<[number, number]>;
  width: number;
  height: number;
}

/** The trend's shape; decorative (the change is given as text beside it), so hidden from screen readers. */
export function MetricSparkline({ points, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, width, height);
  const sparkline = useMemo(() => toFieldSparkline(points, theme.colors.text.secondary), [points, theme]);
  return (
    <span className={styles.box} aria-hidden="true">
      {sparkline && <Sparkline theme={theme} width={width} height={height} sparkline={sparkline} />}
    </span>
  );
}

const getStyles = (_theme: GrafanaTheme2, width: number, height: number) => ({
  box: css({ display: 'inline-block', flex: 'none', width, height, overflow: 'hidden' }),
});
