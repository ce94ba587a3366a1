import React, { useMemo } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, MultiCombobox } from '@grafana/ui';

import type { CandorDatasource } from '../datasource';
import type { CandorOptions, CandorQuery } from '../types';

type Props = QueryEditorProps<CandorDatasource, CandorQuery, CandorOptions>;

/**
 * What to show: nothing selected = the whole scorecard; otherwise the selected pillars plus the selected metrics
 * (an SRE embedding one pillar or a few metrics in their own dashboard). Options come from the frozen catalog.
 */
export function QueryEditor({ datasource, query, onChange, onRunQuery }: Props) {
  const catalog = datasource.definitions.catalog;
  const options = useMemo(
    () => ({
      pillars: (catalog?.pillars ?? []).map((p) => ({ label: p.title, value: p.id, description: p.question })),
      metrics: (catalog?.metrics ?? []).map((m) => ({
        label: `${m.name} (${m.id})`,
        value: m.id,
        description: m.owner,
      })),
    }),
    [catalog]
  );
  const update = (change: Partial<CandorQuery>) => {
    onChange({ ...query, ...change });
    onRunQuery();
  };
  return (
    <InlineFieldRow>
      <InlineField
        label="Pillars"
        labelWidth={12}
        tooltip="Show only these pillars. Empty with no metrics: the whole scorecard."
      >
        <MultiCombobox
          width={40}
          placeholder="All pillars"
          options={options.pillars}
          value={query.pillars ?? []}
          onChange={(selected) => update({ pillars: selected.map((o) => o.value) })}
        />
      </InlineField>
      <InlineField label="Metrics" labelWidth={12} tooltip="Also show these metrics (added to the selected pillars).">
        <MultiCombobox
          width={40}
          placeholder="No extra metrics"
          options={options.metrics}
          value={query.metrics ?? []}
          onChange={(selected) => update({ metrics: selected.map((o) => o.value) })}
        />
      </InlineField>
    </InlineFieldRow>
  );
}
