/**
 * The weekly executive review as two sheets (docs/report.md): sheet one is what needs attention and the scorecard,
 * drawn by the panel's own ScorecardPanel from the same frame the datasource returns (toScorecardFrame); sheet two
 * is what changed since the last review and the audit trail. What is missing is said first, above everything.
 * Each sheet is scaled to fit one page (report/fit.ts), so the report is two pages at most.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, dateTime, type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import type { ReportRecord } from '../core/report';
import { toScorecardFrame } from '../datasource/toFrame';
import { ScorecardPanel } from '../panel/components/ScorecardPanel';
import { formatInstant } from '../panel/format';
import type { CandorPanelOptions, TimeZone } from '../panel/types';
import { AuditSection } from './AuditSection';
import { ReviewSection } from './ReviewSection';

export interface ReportPageProps {
  record: ReportRecord;
  timeZone: TimeZone;
  recordFile: string;
  /** The width of one sheet in CSS pixels (the printable width of the page). */
  sheetWidth: number;
  /** The width the scorecard's sheet is laid out at (at least sheetWidth; main.tsx picks it, fit.ts zooms it). */
  layoutWidth?: number;
}

export function ReportPage({ record, timeZone, recordFile, sheetWidth, layoutWidth = sheetWidth }: ReportPageProps) {
  const styles = useStyles2(getStyles);
  const { audit } = record;
  const panelProps = useMemo(() => {
    const frame = toScorecardFrame('A', { rows: record.rows, meta: record.meta }, record.warnings);
    const to = dateTime(audit.evaluatedAt);
    const timeRange = { from: dateTime(record.review.since), to, raw: { from: 'now-7d', to: 'now' } };
    return {
      id: 1,
      data: { state: LoadingState.Done, series: [frame], timeRange },
      timeRange,
      timeZone,
      options: { approvedFingerprint: audit.approvedFingerprint ?? undefined },
      fieldConfig: { defaults: {}, overrides: [] },
      width: layoutWidth,
      // Tall enough for the normal density; on paper the panel lays everything out (its print styles).
      height: 1400,
    } as unknown as PanelProps<CandorPanelOptions>;
  }, [record, audit, timeZone, layoutWidth]);
  return (
    <div className={styles.report}>
      <div className={styles.sheet} style={{ width: layoutWidth }} data-sheet="1">
        <header className={styles.header}>
          <h1 className={styles.h1}>Weekly executive review · {audit.title}</h1>
          <span className={styles.muted}>
            week to {formatInstant(audit.evaluatedAt, timeZone)} · v{audit.catalogVersion} sha256:
            {audit.fingerprint.slice(0, 12)} · <a href={audit.dashboardUrl}>open the dashboard</a>
          </span>
        </header>
        {!audit.complete && (
          <Alert severity="error" title={`Incomplete: ${audit.missing.length} missing`} data-testid="report-missing">
            <ul className={styles.missing}>
              {audit.missing.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </Alert>
        )}
        <ScorecardPanel {...panelProps} />
      </div>
      <div className={styles.sheet} style={{ width: sheetWidth }} data-sheet="2">
        <ReviewSection record={record} timeZone={timeZone} />
        <AuditSection record={record} timeZone={timeZone} recordFile={recordFile} />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  report: css({ color: theme.colors.text.primary, fontSize: theme.typography.bodySmall.fontSize }),
  sheet: css({
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    breakAfter: 'page',
    '&:last-child': { breakAfter: 'auto' },
    '@media screen': { paddingBottom: theme.spacing(3) },
  }),
  header: css({ display: 'flex', alignItems: 'baseline', gap: theme.spacing(2), flexWrap: 'wrap' }),
  h1: css({ fontSize: theme.typography.h3.fontSize, margin: 0 }),
  muted: css({ color: theme.colors.text.secondary }),
  missing: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
