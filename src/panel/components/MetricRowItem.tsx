import React, { useMemo } from 'react';
import { css, type CSSObject } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { classes } from '../classes';
import { describeRow } from '../describe';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';
import type { MetricRow, TimeZone } from '../types';
import { EvidenceButton, type EvidenceContext } from './Evidence';
import { MetricSparkline } from './MetricSparkline';

interface Props {
  row: MetricRow;
  asOf: number;
  timeZone: TimeZone;
  context: EvidenceContext;
  /** One line for a row on target: status, name and value (the rest is in its evidence). */
  dense?: boolean;
  /** The attention strip is shown, with the owner of every row off target: the row need not repeat it. */
  ownersInStrip?: boolean;
}

/**
 * One metric (or item) in two lines: status and name (the one button that opens the evidence) and the value; then
 * target, trend, and for a row off target how long it has been so (its owner is in the attention strip), for a row
 * on target its owner. Nothing is cut: the name and the details wrap when space runs out. The evidence has it all.
 */
export function MetricRowItem({ row, asOf, timeZone, context, dense, ownersInStrip }: Props) {
  const view = useMemo(() => describeRow(row, { asOf, timeZone }), [row, asOf, timeZone]);
  const styles = useStyles2(getStyles, row.colour);
  return (
    <li
      className={classes(view.problem ? styles.problemRow : styles.row, row.retired && styles.retired)}
      data-testid={TEST_IDS.metric}
      data-metric-id={row.metricId}
      data-item={row.item}
      data-status={row.colour}
      data-state={row.status}
      data-retired={row.retired ? 'true' : 'false'}
    >
      <div className={styles.line}>
        <EvidenceButton row={row} view={view} context={context} />
        {row.retired && <span className={styles.tag}>Retired</span>}
        {row.escalation && (
          // Escalated (amber shown red, or a raised tier): a small mark; the reason is in its title and the evidence.
          <span
            className={styles.escalated}
            role="img"
            title={`Escalated: ${row.escalation}`}
            aria-label={`Escalated: ${row.escalation}`}
            data-testid={TEST_IDS.metricEscalated}
          >
            <Icon name="arrow-up" size="xs" aria-hidden="true" />
          </span>
        )}
        <span className={classes(styles.value, view.problem && styles.valueMissing)} data-testid={TEST_IDS.metricValue}>
          {view.valueText}
        </span>
      </div>
      {!(dense && row.colour === 'green') && (
        <div className={classes(styles.line, view.problem ? styles.problemDetails : styles.details)}>
          {view.problem ? (
            // No (fresh) evidence: what is missing takes the place of target and trend.
            <span
              className={dense ? styles.problemDense : styles.problem}
              data-testid={TEST_IDS.metricProblem}
              title={view.problem}
            >
              <Icon name={view.status.icon} size="xs" aria-hidden="true" /> {view.problem}
            </span>
          ) : (
            <>
              {view.targetText && (
                <span className={styles.nowrap} data-testid={TEST_IDS.metricTarget}>
                  target {view.targetText}
                </span>
              )}
              {view.trend && (
                <span
                  className={classes(styles.nowrap, styles[`trend_${view.trend.tone}`])}
                  title={view.trend.label}
                  data-testid={TEST_IDS.metricTrend}
                  data-quality={view.trend.quality}
                >
                  <span aria-hidden="true">
                    {view.trend.arrow} {view.trend.text}
                  </span>
                  <span className={styles.srOnly}>{view.trend.label}</span>
                </span>
              )}
              <MetricSparkline points={row.sparkline} quality={row.changeQuality} steps={row.integer} />
            </>
          )}
          {view.since && row.colour !== 'green' && (
            <span
              className={classes(styles.nowrap, styles.end)}
              title={view.since.title}
              data-testid={TEST_IDS.metricSince}
            >
              {view.since.text}
            </span>
          )}
          {(row.colour === 'green' || row.retired || !ownersInStrip) && (
            <span className={classes(styles.owner, styles.end)} data-testid={TEST_IDS.metricOwner}>
              {row.owner}
            </span>
          )}
        </div>
      )}
      {row.goalText && !dense && !row.retired && (
        // The dated goal and where the pace takes it: bad news about the future, on the row itself.
        <div className={styles.goal} data-testid={TEST_IDS.metricGoal}>
          Goal: {row.goalText}
        </div>
      )}
      {view.printEvidence && <div className={styles.printOnly}>{view.printEvidence}</div>}
    </li>
  );
}

const getStyles = (theme: GrafanaTheme2, colour: MetricRow['colour']) => {
  const tone = toneOf(theme, colour);
  // Styles that another class changes are objects composed below (classes.ts: joined classes never overlap).
  const row: CSSObject = {
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: 1,
    padding: theme.spacing(0.25, 0.75),
    lineHeight: 1.25,
    borderLeft: `3px solid ${tone.main}`,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    breakInside: 'avoid',
    printColorAdjust: 'exact',
    // A row out of view is not laid out until it scrolls into view (about 40 px until then; once drawn, its own
    // height): a 200-row catalog lays out what is seen. Still in the accessibility tree, found by find-in-page and
    // focusable. Printed (and the report, drawn as print) always lays out every row.
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 40px',
    '@media print': { contentVisibility: 'visible' },
  };
  const details: CSSObject = {
    flexWrap: 'wrap',
    rowGap: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  };
  const problem: CSSObject = {
    flex: '1 1 auto',
    minWidth: 0,
    color: theme.colors.text.primary,
    fontStyle: 'italic',
    overflowWrap: 'anywhere',
    // Up to two lines, the full text in the title and the evidence.
    display: '-webkit-box',
    WebkitLineClamp: 2,
    // The line clamp's own companion property: deprecated in the types, still what every browser needs for it.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    '@media print': { display: 'block', WebkitLineClamp: 'none' },
  };
  return {
    goal: css(details, { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
    row: css(row),
    problemRow: css(row, {
      borderLeftStyle: 'dashed',
      background: `repeating-linear-gradient(135deg, ${tone.transparent} 0 6px, transparent 6px 12px)`,
    }),
    retired: css({ opacity: 0.7 }),
    line: css({ display: 'flex', alignItems: 'baseline', columnGap: theme.spacing(1), minWidth: 0 }),
    details: css(details),
    // On the hatched background secondary and tone colours fall just under WCAG AA (4.46:1 measured in Chromium):
    // problem rows use the primary text colour; the italic, the icon and the hatching carry the state.
    problemDetails: css(details, { color: theme.colors.text.primary }),
    tag: css({
      flex: 'none',
      fontSize: theme.typography.bodySmall.fontSize,
      border: `1px solid ${theme.colors.border.medium}`,
      borderRadius: theme.shape.radius.default,
      padding: theme.spacing(0, 0.5),
      color: theme.colors.text.secondary,
    }),
    escalated: css({
      flex: 'none',
      alignSelf: 'center',
      display: 'inline-flex',
      color: theme.colors.error.contrastText,
      background: theme.colors.error.main,
      borderRadius: theme.shape.radius.circle,
      padding: 1,
    }),
    // The value is the point of the row: it never shrinks or wraps; the name wraps instead.
    value: css({
      flex: 'none',
      marginLeft: 'auto',
      whiteSpace: 'nowrap',
      fontWeight: theme.typography.fontWeightMedium,
      textAlign: 'right',
    }),
    valueMissing: css({ fontStyle: 'italic', color: theme.colors.text.primary }),
    nowrap: css({ whiteSpace: 'nowrap', flex: 'none' }),
    // Read out instead of the arrow; not shown.
    srOnly: css({
      position: 'absolute',
      width: 1,
      height: 1,
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    }),
    trend_green: css({ color: toneOf(theme, 'green').text }),
    trend_red: css({ color: toneOf(theme, 'red').text }),
    trend_amber: css({ color: toneOf(theme, 'amber').text }),
    trend_neutral: css({ color: theme.colors.text.secondary }),
    owner: css({ flex: 'none', whiteSpace: 'nowrap', textAlign: 'right' }),
    end: css({ marginLeft: 'auto' }),
    problem: css(problem),
    problemDense: css(problem, { WebkitLineClamp: 1 }),
    printOnly: css({
      display: 'none',
      '@media print': {
        display: 'block',
        fontSize: theme.typography.bodySmall.fontSize,
        color: theme.colors.text.secondary,
      },
    }),
  };
};
