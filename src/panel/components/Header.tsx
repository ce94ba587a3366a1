import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { approvalLabel, type FingerprintCheck } from '../approval';
import { describeHeader } from '../describe';
import { TIER_WINDOW } from '../format';
import { TEST_IDS } from '../testIds';
import type { Scorecard, TimeZone } from '../types';
import { StatusBadge } from './StatusBadge';

interface Props {
  scorecard: Scorecard;
  timeZone: TimeZone;
  fingerprint: FingerprintCheck;
  compact?: boolean;
}

/** Overall status, health score, as-of time, catalog version and fingerprint, open alerts by tier. */
export function Header({ scorecard, timeZone, fingerprint, compact }: Props) {
  const view = useMemo(() => describeHeader(scorecard, timeZone), [scorecard, timeZone]);
  const styles = useStyles2(getStyles);
  const label = approvalLabel(fingerprint, scorecard.approval);
  return (
    <header
      className={cx(styles.header, compact && styles.compact)}
      data-testid={TEST_IDS.header}
      data-status={view.overall.colour}
      aria-label={`${scorecard.title}: overall ${view.overall.label}, health score ${view.scoreText} of 100`}
    >
      <span data-testid={TEST_IDS.overallStatus}>
        <StatusBadge view={view.overall} size="lg" />
      </span>
      <h2 className={styles.title} title={scorecard.title}>
        {scorecard.title}
      </h2>
      <span className={styles.score} data-testid={TEST_IDS.score} title="Health score, 0–100 (see the catalog docs)">
        <span className={styles.scoreValue}>{view.scoreText}</span>
        <span className={styles.muted}>/100 health</span>
      </span>
      <span className={styles.muted} title={view.asOfTitle} data-testid={TEST_IDS.asOf}>
        {view.asOfText}
      </span>
      <span
        className={styles.muted}
        title={[view.catalogTitle, scorecard.approval?.text].filter(Boolean).join('\n')}
        data-testid={TEST_IDS.catalog}
      >
        {view.catalogText}
        {label && ` · ${label}`}
      </span>
      <ul className={styles.tiers} aria-label="Open alerts by tier">
        {view.tiers.map((t) => (
          <li
            key={t.tier}
            className={cx(styles.tier, t.count > 0 && styles.tierOpen)}
            aria-label={t.label}
            title={t.label}
            data-testid={TEST_IDS.tierCount}
            data-tier={t.tier}
            data-count={t.count}
          >
            {t.text} <span className={styles.muted}>· {TIER_WINDOW[t.tier]}</span>
          </li>
        ))}
      </ul>
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    printColorAdjust: 'exact',
  }),
  compact: css({ columnGap: theme.spacing(1), fontSize: theme.typography.bodySmall.fontSize }),
  // The title gives way first (ellipsis, full text in its title), so the header stays one line on wide panels.
  title: css({
    flex: '1 1 0',
    margin: 0,
    fontSize: theme.typography.h4.fontSize,
    minWidth: 120,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  score: css({ display: 'inline-flex', alignItems: 'baseline', gap: theme.spacing(0.5), whiteSpace: 'nowrap' }),
  scoreValue: css({ fontSize: theme.typography.h3.fontSize, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  tiers: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), margin: 0, padding: 0, listStyle: 'none' }),
  tier: css({
    whiteSpace: 'nowrap',
    padding: theme.spacing(0, 0.75),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.pill,
    color: theme.colors.text.secondary,
  }),
  tierOpen: css({
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightBold,
    borderColor: theme.colors.border.strong,
  }),
});
