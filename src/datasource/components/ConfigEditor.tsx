import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Text } from '@grafana/ui';
import type { CandorOptions } from '../types';

export function ConfigEditor(_props: DataSourcePluginOptionsEditorProps<CandorOptions>) {
  return (
    <Text element="p" color="secondary">
      The Candor data source has no settings yet.
    </Text>
  );
}
