import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { describeRow } from '../describe';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';
import type { MetricRow, TimeZone } from '../types';
import { EvidenceTrigger } from './Evidence';
import { MetricSparkline } from './MetricSparkline';

interface Props {
  row: MetricRow;
  asOf: number;
  timeZone: TimeZone;
}

/** One metric (or item): status, name, value, target, trend, since when, owner; the evidence on hover or focus. */
export function MetricRowItem({ row, asOf, timeZone }: Props) {
  const view = useMemo(() => describeRow(row, { asOf, timeZone }), [row, asOf, timeZone]);
  const styles = useStyles2(getStyles, row.colour);
  return (
    <li
      className={cx(styles.row, view.problem && styles.problemRow, row.retired && styles.retired)}
      data-testid={TEST_IDS.metric}
      data-metric-id={row.metricId}
      data-item={row.item}
      data-status={row.colour}
      data-state={row.status}
      data-retired={row.retired ? 'true' : 'false'}
    >
      <div className={styles.line}>
        <EvidenceTrigger row={row} view={view} />
        {row.item && (
          // The item (e.g. the severity) never truncates: it is what tells two rows of one metric apart.
          <span className={styles.tag} aria-hidden="true">
            {row.item}
          </span>
        )}
        <span className={styles.name} title={view.name} aria-label={view.name} data-testid={TEST_IDS.metricName}>
          {row.item ? row.name : view.name}
        </span>
        {row.retired && <span className={styles.tag}>Retired</span>}
        {row.links.map((link, i) => (
          <a
            key={i}
            className={styles.link}
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            title={link.title}
            aria-label={`${link.title} (opens in a new tab)`}
            data-testid={TEST_IDS.metricLink}
          >
            <Icon name="external-link-alt" size="xs" aria-hidden="true" />
          </a>
        ))}
        <span
          className={cx(styles.value, view.problem && styles.valueMissing)}
          title={view.valueText}
          data-testid={TEST_IDS.metricValue}
        >
          {view.valueText}
        </span>
      </div>
      <div className={cx(styles.line, styles.details, view.problem && styles.problemDetails)}>
        {view.problem ? (
          // No (fresh) evidence: what is missing takes the place of target and trend.
          <span className={styles.problem} data-testid={TEST_IDS.metricProblem} title={view.problem}>
            <Icon name={view.status.icon} size="xs" aria-hidden="true" /> {view.problem}
          </span>
        ) : (
          <>
            {view.targetText && (
              <span className={styles.nowrap} title={`Target ${view.targetText}`} data-testid={TEST_IDS.metricTarget}>
                target {view.targetText}
              </span>
            )}
            {view.trend && (
              <span
                className={cx(styles.nowrap, styles[`trend_${view.trend.tone}`])}
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
            <MetricSparkline points={row.sparkline} width={56} height={14} />
          </>
        )}
        {view.since && (
          <span className={styles.nowrap} title={view.since.title} data-testid={TEST_IDS.metricSince}>
            {view.since.text}
          </span>
        )}
        <span className={styles.owner} title={row.owner} data-testid={TEST_IDS.metricOwner}>
          {row.owner}
        </span>
      </div>
      {view.printEvidence && <div className={styles.printOnly}>{view.printEvidence}</div>}
    </li>
  );
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

const getStyles = (theme: GrafanaTheme2, colour: MetricRow['colour']) => {
  const tone = toneOf(theme, colour);
  return {
    row: css({
      listStyle: 'none',
      display: 'flex',
      flexDirection: 'column',
      gap: 1,
      padding: theme.spacing(0.25, 0.75),
      lineHeight: 1.35,
      borderLeft: `3px solid ${tone.main}`,
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      breakInside: 'avoid',
      printColorAdjust: 'exact',
    }),
    problemRow: css({
      borderLeftStyle: 'dashed',
      background: `repeating-linear-gradient(135deg, ${tone.transparent} 0 6px, transparent 6px 12px)`,
    }),
    retired: css({ opacity: 0.7 }),
    line: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0 }),
    details: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
    name: css({ ...ellipsis, flex: '1 1 auto' }),
    tag: css({
      flex: 'none',
      fontSize: theme.typography.bodySmall.fontSize,
      border: `1px solid ${theme.colors.border.medium}`,
      borderRadius: theme.shape.radius.default,
      padding: theme.spacing(0, 0.5),
      color: theme.colors.text.secondary,
    }),
    link: css({
      flex: 'none',
      color: theme.colors.text.link,
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
      '@media print': { display: 'none' },
    }),
    // The value is the point of the row: it does not shrink, the name gives way instead (only a pathological
    // value wider than 60% of the row is cut, with the full text in its title).
    value: css({
      ...ellipsis,
      flex: '0 0 auto',
      maxWidth: '60%',
      fontWeight: theme.typography.fontWeightMedium,
      textAlign: 'right',
    }),
    // On the hatched background secondary and tone colours fall just under WCAG AA (4.46:1 measured in Chromium):
    // problem rows use the primary text colour; the italic, the icon and the hatching carry the state.
    valueMissing: css({ fontStyle: 'italic', color: theme.colors.text.primary }),
    problemDetails: css({ color: theme.colors.text.primary }),
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
    owner: css({ ...ellipsis, flex: '0 1 auto', maxWidth: '40%', marginLeft: 'auto', textAlign: 'right' }),
    problem: css({
      flex: '1 1 auto',
      minWidth: 0,
      color: theme.colors.text.primary,
      fontStyle: 'italic',
      overflowWrap: 'anywhere',
      // Up to two lines, the full text in the title and the evidence tooltip.
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
      '@media print': { display: 'block', WebkitLineClamp: 'none' },
    }),
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
