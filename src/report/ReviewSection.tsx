import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { Action } from '../core/actions';
import type { ReportRecord } from '../core/report';
import type { Shown } from '../core/review';
import { itemLabel } from '../core/words';
import { colourView, statusView } from '../panel/describe';
import { isStatus } from '../panel/status';
import { StatusBadge } from '../panel/components/StatusBadge';
import { formatInstant } from '../panel/format';
import type { TimeZone } from '../panel/types';

interface Props {
  record: ReportRecord;
  timeZone: TimeZone;
}

/** A colour with the status behind it: "No data" shown red reads "No data", never plain "Red". */
const ShownBadge = ({ shown, status }: { shown: Shown; status?: string }) =>
  shown === 'absent' ? (
    <span>not on the scorecard</span>
  ) : (
    <StatusBadge view={status && isStatus(status) ? statusView(status, shown) : colourView(shown)} />
  );

/** What changed since the previous review: colours, actions and definitions, worse news first (core/review.ts). */
export function ReviewSection({ record, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const { review, rows } = record;
  const labelOf = (a: Action) => {
    const row = rows.find((r) => r.metric_id === a.metricId && (a.item === undefined || r.item === a.item));
    return row ? itemLabel(row) : a.metricId;
  };
  const actionLine = (a: Action, when: string) => (
    <li key={`${a.id}-${when}`}>
      <strong>{labelOf(a)}</strong>: {a.text}{' '}
      <span className={styles.muted}>
        ({a.owner}; {when})
      </span>
    </li>
  );
  const { opened, closed, overdue } = review.actions;
  return (
    <section className={styles.section} aria-label="Since the last review" data-testid="report-review">
      <h2 className={styles.h2}>
        Since the last review · {formatInstant(review.since, timeZone)} to {formatInstant(review.now, timeZone)}
      </h2>
      <h3 className={styles.h3}>Changed ({review.changes.length})</h3>
      {record.audit.comparison.kind === 'previous-report' && record.audit.comparison.disagreements.length > 0 && (
        <p data-testid="report-disagreements">
          <strong>
            The previous record differs from Grafana&apos;s data for its own time in{' '}
            {record.audit.comparison.disagreements.length} item(s):
          </strong>{' '}
          {record.audit.comparison.disagreements.join('; ')}. Data corrected since differs too; a hand-edited record
          shows here.
        </p>
      )}
      {review.changes.length === 0 ? (
        <p className={styles.muted}>No item changed colour or evidence.</p>
      ) : (
        <table className={styles.table} data-testid="report-changes">
          <thead>
            <tr>
              <th>Item</th>
              <th>Was</th>
              <th>Now</th>
            </tr>
          </thead>
          <tbody>
            {review.changes.map((c) => (
              <tr key={`${c.metricId}\u0000${c.item}`}>
                <td>{c.label}</td>
                <td>
                  <ShownBadge shown={c.from} status={c.fromStatus} />
                </td>
                <td>
                  <ShownBadge shown={c.to} status={c.toStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={styles.actions}>
        <div>
          <h3 className={styles.h3}>Actions overdue ({overdue.length})</h3>
          <ul className={styles.list}>{overdue.map((a) => actionLine(a, `was due ${a.dueDate}`))}</ul>
        </div>
        <div>
          <h3 className={styles.h3}>Actions opened ({opened.length})</h3>
          <ul className={styles.list}>{opened.map((a) => actionLine(a, `due ${a.dueDate}`))}</ul>
        </div>
        <div>
          <h3 className={styles.h3}>Actions closed ({closed.length})</h3>
          <ul className={styles.list}>
            {closed.map((a) => actionLine(a, `closed ${formatInstant(a.done ?? 0, timeZone)}`))}
          </ul>
        </div>
      </div>
      <h3 className={styles.h3}>Definition changes ({review.definitions.length})</h3>
      {review.definitions.length === 0 ? (
        <p className={styles.muted}>No definition changed: the metrics are the ones approved before this period.</p>
      ) : (
        <ul className={styles.list} data-testid="report-definitions">
          {review.definitions.map((d) => (
            <li key={d.approval.fingerprint}>
              <strong>v{d.approval.version}</strong> (sha256:{d.approval.fingerprint.slice(0, 12)}) recorded by{' '}
              {d.approval.approvedBy.join(', ')} on {d.approval.date}
              {d.added.length > 0 && <> · added {d.added.join(', ')}</>}
              {d.retired.length > 0 && <> · retired {d.retired.join(', ')}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  h2: css({ fontSize: theme.typography.h4.fontSize, margin: theme.spacing(1, 0, 0.5) }),
  h3: css({ fontSize: theme.typography.h6.fontSize, margin: theme.spacing(1, 0, 0.25) }),
  muted: css({ color: theme.colors.text.secondary }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2), li: { marginBottom: theme.spacing(0.25) } }),
  actions: css({ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: theme.spacing(2) }),
  table: css({
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.25, 2, 0.25, 0),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
