/**
 * `?view=diy`: the do-it-yourself dashboard a team builds without Candor, for the first-paint benchmark
 * (bench/firstPaint.ts): one Stat panel per metric, each sending its own request (Grafana sends one per panel) and
 * drawn as soon as its answer arrives, as `@grafana/ui`'s BigValue (the Stat panel's core) with its sparkline. The
 * bodies come from the datasource's own query builder (server/page.mjs). No Candor plugin is loaded: Stat is part of
 * Grafana itself.
 */
import React, { useEffect, useState } from 'react';
import {
  FieldType,
  getValueFormat,
  formattedValueToString,
  toDataFrame,
  type DataFrame,
  type DisplayValue,
  type Field,
} from '@grafana/data';
import { getBackendSrv, toDataQueryResponse, type BackendDataSourceResponse } from '@grafana/runtime';
import { BigValue, BigValueColorMode, BigValueGraphMode, useTheme2 } from '@grafana/ui';
import { lastValueFrom } from 'rxjs';

export interface DiyPanel {
  title: string;
  unit: string;
  body: { queries: Array<{ refId: string }>; from: string; to: string };
}

const CELL = { width: 240, height: 120 };

function StatPanel({ panel, onDone }: { panel: DiyPanel; onDone: () => void }) {
  const theme = useTheme2();
  const [frame, setFrame] = useState<DataFrame | undefined>();
  useEffect(() => {
    lastValueFrom(
      getBackendSrv().fetch<BackendDataSourceResponse>({ url: '/api/ds/query', method: 'POST', data: panel.body })
    )
      .then((r) => toDataQueryResponse(r).data.map((f) => toDataFrame(f))[0])
      .catch(() => undefined)
      .then((f) => (setFrame(f), onDone()));
    // One query per mount, as a Stat panel's refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const time = frame?.fields.find((f) => f.type === FieldType.time);
  const numbers = frame?.fields.find((f) => f.type === FieldType.number);
  const last = numbers?.values.at(-1) as number | undefined;
  const shown = last === undefined ? undefined : getValueFormat(panel.unit)(last, 2);
  const value: DisplayValue = {
    numeric: last ?? NaN,
    text: shown ? formattedValueToString(shown) : 'No data',
    title: panel.title,
    color: theme.colors.success.main,
  };
  const sparkline = time && numbers ? { x: time as Field, y: { ...numbers, config: {} } as Field } : undefined;
  return (
    <div style={CELL}>
      <BigValue
        theme={theme}
        width={CELL.width}
        height={CELL.height}
        value={value}
        sparkline={sparkline}
        colorMode={BigValueColorMode.Value}
        graphMode={BigValueGraphMode.Area}
      />
    </div>
  );
}

export function DiyHost({ panels }: { panels: DiyPanel[] }) {
  const [answered, setAnswered] = useState(0);
  useEffect(() => {
    document.body.dataset.harnessState = answered === panels.length ? 'done' : 'loading';
  }, [answered, panels.length]);
  return (
    <div data-testid="harness-diy" style={{ display: 'flex', flexWrap: 'wrap' }}>
      {panels.map((p) => (
        <StatPanel key={p.body.queries[0].refId} panel={p} onDone={() => setAnswered((n) => n + 1)} />
      ))}
    </div>
  );
}
