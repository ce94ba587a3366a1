// First: the lazy chunks' folder, before anything can load one.
import './publicPath';
import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { ScorecardPanel } from './components/ScorecardPanel';
import type { CandorPanelOptions } from './types';

/**
 * Frozen definitions: the scorecard has its own status colours, and thresholds, units and queries come only from the
 * catalog through the Candor datasource. Grafana's standard field options (unit, thresholds, ...) are disabled, and the
 * only panel option is the approved fingerprint the provisioned dashboard pins.
 */
export const plugin = new PanelPlugin<CandorPanelOptions>(ScorecardPanel)
  .useFieldConfig({ disableStandardOptions: Object.values(FieldConfigProperty) })
  .setPanelOptions((builder) =>
    builder.addTextInput({
      path: 'approvedFingerprint',
      name: 'Approved catalog fingerprint',
      description:
        'The sha256 fingerprint of the approved catalog (full hex, or sha256: plus 12 hex). When the datasource reports ' +
        'another one, a red banner says the definitions changed without approval. Empty: no check.',
      defaultValue: '',
    })
  );
