/**
 * The option-editor registries Grafana fills at boot (the npm packages leave them empty, and `plugin.defaults` throws
 * `"text" not found` until they are filled). The harness shows no options pane, so every editor is one small
 * stand-in; what matters is the ids, the processors and the defaults, which decide the options a panel receives.
 */
import React from 'react';
import {
  FieldConfigProperty,
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
  ThresholdsMode,
  type FieldConfigPropertyItem,
  type StandardEditorProps,
  type StandardEditorsRegistryItem,
} from '@grafana/data';

function StandInEditor({ value }: StandardEditorProps<unknown>) {
  return <code>{JSON.stringify(value)}</code>;
}

const EDITOR_IDS = [
  'text',
  'number',
  'slider',
  'boolean',
  'radio',
  'select',
  'multi-select',
  'strings',
  'color',
  'unit',
  'field-name',
  'timezone',
  'dashboard-uid',
  'links',
  'mappings',
  'thresholds',
  'stats-picker',
  'fieldColor',
];

/** The standard field options, with Grafana's processors and defaults (ids from FieldConfigProperty). */
const FIELD_CONFIGS: Array<[FieldConfigProperty, FieldConfigPropertyItem['process'], unknown?]> = [
  [FieldConfigProperty.Unit, stringOverrideProcessor],
  [FieldConfigProperty.Min, numberOverrideProcessor],
  [FieldConfigProperty.Max, numberOverrideProcessor],
  [FieldConfigProperty.FieldMinMax, booleanOverrideProcessor],
  [FieldConfigProperty.Decimals, numberOverrideProcessor],
  [FieldConfigProperty.DisplayName, displayNameOverrideProcessor],
  [FieldConfigProperty.NoValue, stringOverrideProcessor],
  [FieldConfigProperty.Links, dataLinksOverrideProcessor],
  [FieldConfigProperty.Actions, dataLinksOverrideProcessor],
  [FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, []],
  [
    FieldConfigProperty.Thresholds,
    thresholdsOverrideProcessor,
    {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    },
  ],
  [FieldConfigProperty.Color, identityOverrideProcessor, { mode: 'thresholds' }],
  [FieldConfigProperty.Filterable, booleanOverrideProcessor],
];

export function fillOptionRegistries(): void {
  standardEditorsRegistry.setInit(() =>
    EDITOR_IDS.map((id): StandardEditorsRegistryItem => ({ id, name: id, editor: StandInEditor }))
  );
  standardFieldConfigEditorRegistry.setInit(() =>
    FIELD_CONFIGS.map(([id, process, defaultValue]): FieldConfigPropertyItem => ({
      id,
      path: id,
      name: id,
      editor: StandInEditor,
      override: StandInEditor,
      process,
      defaultValue,
      shouldApply: () => true,
      category: ['Standard options'],
    }))
  );
}
