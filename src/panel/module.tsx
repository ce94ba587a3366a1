import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { ScorecardPanel } from './components/ScorecardPanel';

/** The scorecard has its own status colours: Grafana's standard field options (unit, thresholds, ...) do not apply. */
export const plugin = new PanelPlugin(ScorecardPanel).useFieldConfig({
  disableStandardOptions: Object.values(FieldConfigProperty),
});
