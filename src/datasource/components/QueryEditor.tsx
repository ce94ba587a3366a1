import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, TagsInput } from '@grafana/ui';
import type { CandorDatasource } from '../datasource';
import type { CandorOptions, CandorQuery } from '../types';

type Props = QueryEditorProps<CandorDatasource, CandorQuery, CandorOptions>;

/** Optional pillar and metric id filters; what they select arrives with the datasource issue. */
export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  const update = (change: Partial<CandorQuery>) => {
    onChange({ ...query, ...change });
    onRunQuery();
  };
  return (
    <InlineFieldRow>
      <InlineField label="Pillars" labelWidth={12} tooltip="Pillar ids to filter by.">
        <TagsInput tags={query.pillars ?? []} onChange={(pillars) => update({ pillars })} placeholder="Pillar id" />
      </InlineField>
      <InlineField label="Metrics" labelWidth={12} tooltip="Metric ids to filter by.">
        <TagsInput tags={query.metrics ?? []} onChange={(metrics) => update({ metrics })} placeholder="Metric id" />
      </InlineField>
    </InlineFieldRow>
  );
}
