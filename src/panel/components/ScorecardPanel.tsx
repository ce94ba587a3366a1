import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';

/** Skeleton of the scorecard panel: the scorecard rendering arrives with the panel issue. */
export function ScorecardPanel({ id, data, fieldConfig, width, height }: PanelProps) {
  const styles = useStyles2(getStyles);
  const frames = data.series.length;
  return (
    <div className={styles.container} style={{ width, height }} data-testid="candor-scorecard">
      {frames === 0 ? (
        // Grafana's own "No data" view, so an empty scorecard reads like any other empty panel.
        <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} />
      ) : (
        <span className={styles.note}>
          {frames} data {frames === 1 ? 'frame' : 'frames'} received; the scorecard view is not built yet.
        </span>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    position: 'relative',
    overflow: 'auto',
    padding: theme.spacing(1),
    color: theme.colors.text.primary,
  }),
  note: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
