import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { approvalLabel, type FingerprintCheck } from '../approval';
import { describeHeader } from '../describe';
import { TEST_IDS } from '../testIds';
import type { Scorecard, TimeZone } from '../types';
import { StatusBadge } from './StatusBadge';
import { TierCounts } from './TierCounts';

interface Props {
  scorecard: Scorecard;
  timeZone: TimeZone;
  fingerprint: FingerprintCheck;
  compact?: boolean;
  /** The open alerts by tier, when the attention strip (which shows them) is not there. */
  showTiers?: boolean;
}

/** Overall status, health score, as-of time, catalog version and fingerprint (and the tiers without a strip). */
export function Header({ scorecard, timeZone, fingerprint, compact, showTiers }: Props) {
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
        <StatusBadge view={view.overall} size="md" />
      </span>
      <h2 className={styles.title}>{scorecard.title}</h2>
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
      {showTiers && <TierCounts tiers={view.tiers} compact />}
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
    padding: theme.spacing(0.25, 1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    printColorAdjust: 'exact',
  }),
  // Narrow: the title keeps at least 16 characters' room, so it wraps once rather than word by word.
  compact: css({
    columnGap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    h2: { minWidth: '16em' },
  }),
  // The title takes the room left and wraps between words when there is none: never cut.
  title: css({
    flex: '1 1 0',
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
    minWidth: 120,
  }),
  score: css({ display: 'inline-flex', alignItems: 'baseline', gap: theme.spacing(0.5), whiteSpace: 'nowrap' }),
  scoreValue: css({ fontSize: theme.typography.h4.fontSize, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
});
