/** Renders the panel as Grafana would: PanelProps, a theme, a time zone. */
import React from 'react';
import { render } from '@testing-library/react';
import { createTheme, getDefaultTimeRange, LoadingState, type DataFrame, type PanelProps } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { ScorecardPanel } from '../components/ScorecardPanel';
import type { CandorPanelOptions, TimeZone } from '../types';

export interface RenderSpec {
  series: DataFrame[];
  width?: number;
  height?: number;
  options?: CandorPanelOptions;
  mode?: 'dark' | 'light';
  timeZone?: TimeZone;
}

export function panelProps(spec: RenderSpec): PanelProps<CandorPanelOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { state: LoadingState.Done, series: spec.series, timeRange },
    timeRange,
    timeZone: spec.timeZone ?? 'utc',
    options: spec.options ?? {},
    fieldConfig: { defaults: {}, overrides: [] },
    width: spec.width ?? 1920,
    height: spec.height ?? 1080,
    transparent: false,
    renderCounter: 0,
    title: 'Scorecard',
    eventBus: undefined as never,
    replaceVariables: (s: string) => s,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
  } as unknown as PanelProps<CandorPanelOptions>;
}

export function renderPanel(spec: RenderSpec) {
  const theme = createTheme({ colors: { mode: spec.mode ?? 'dark' } });
  const ui = (s: RenderSpec) => (
    <ThemeContext.Provider value={theme}>
      <ScorecardPanel {...panelProps(s)} />
    </ThemeContext.Provider>
  );
  const result = render(ui(spec));
  return { ...result, theme, rerenderWith: (next: RenderSpec) => result.rerender(ui(next)) };
}
