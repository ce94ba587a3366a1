import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { thresholdSummary } from '../../core/thresholds';
import { isPrometheus, type Catalog, type MetricDef } from '../../core/types';
import { formatExact } from '../../core/format';

function query(m: MetricDef): { kind: string; uid: string; text: string } {
  return isPrometheus(m.source)
    ? { kind: 'PromQL', uid: m.source.prometheus.datasourceUid, text: m.source.prometheus.expr }
    : { kind: 'SQL', uid: m.source.sql.datasourceUid, text: m.source.sql.rawSql };
}

/** The frozen definitions, read-only: pillars with their question, and per metric everything that decides its colour. */
export function CatalogView({ catalog }: { catalog: Catalog }) {
  const styles = useStyles2(getStyles);
  const pillars = [...catalog.pillars].sort((a, b) => a.order - b.order);
  return (
    <div data-testid="candor-catalog">
      {pillars.map((p) => (
        <section key={p.id} className={styles.pillar} aria-label={p.title}>
          <h4>
            {p.title} <span className={styles.muted}>— {p.question}</span>
          </h4>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Metric</th>
                <th>Owner</th>
                <th>Kind / tier</th>
                <th>Target and thresholds</th>
                <th>Freshness / trend</th>
                <th>Query</th>
              </tr>
            </thead>
            <tbody>
              {catalog.metrics
                .filter((m) => m.pillar === p.id)
                .map((m) => {
                  const fmt = (v: number) => formatExact(v, m.unit);
                  const q = query(m);
                  const target = Array.isArray(m.target) ? m.target.map(fmt).join('…') : fmt(m.target);
                  return (
                    <tr key={m.id} data-metric-id={m.id}>
                      <td>
                        <strong>{m.name}</strong>
                        <div className={styles.muted}>{m.id}</div>
                        {m.retired && (
                          <div className={styles.muted}>
                            Retired {m.retired.date}: {m.retired.reason}
                          </div>
                        )}
                      </td>
                      <td>{m.owner}</td>
                      <td>
                        {m.indicator}, {m.tier}
                      </td>
                      <td>
                        target {target}; {thresholdSummary(m.direction, m.thresholds, fmt)}
                      </td>
                      <td>
                        stale after {m.freshness.maxAge}; trend {m.trend.window}
                      </td>
                      <td>
                        <div className={styles.muted}>
                          {q.kind} on {q.uid}
                        </div>
                        <pre className={styles.code}>{q.text}</pre>
                        {m.freshness.sql && (
                          <>
                            <div className={styles.muted}>last load (freshness)</div>
                            <pre className={styles.code}>{m.freshness.sql}</pre>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  pillar: css({ marginBottom: theme.spacing(3) }),
  muted: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  code: css({
    maxWidth: 480,
    maxHeight: 160,
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
    margin: 0,
  }),
});
