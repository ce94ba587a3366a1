/**
 * Grafana's "No data" panel view (the one Grafana installs with setPanelDataErrorView at boot): the message, or
 * "No data", centred in the panel.
 */
import React from 'react';
import { css } from '@emotion/css';
import type { PanelDataErrorViewProps } from '@grafana/runtime';
import { useTheme2 } from '@grafana/ui';

export function NoDataView({ message }: PanelDataErrorViewProps) {
  const theme = useTheme2();
  const style = css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    width: '100%',
    color: theme.colors.text.secondary,
  });
  return (
    <div className={style} data-testid="data-testid Panel data error message">
      {message ?? 'No data'}
    </div>
  );
}
