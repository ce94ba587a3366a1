import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { TIER_WINDOW } from '../../core/words';
import type { TierView } from '../describe';
import { TEST_IDS } from '../testIds';

/**
 * Open alerts by tier, each with its response window, how many are past it and by how long the oldest is:
 * "Critical 5 · now · oldest 9 days", "High 2 · 24 h · 1 overdue, oldest 4 days late". The tooltip names the oldest
 * breach ("Churn rate, 4 days past its 24 h window"). Compact (a small panel's header): how many, without the age, and nothing more for critical (its window is "now").
 */
export function TierCounts({ tiers, compact }: { tiers: TierView[]; compact?: boolean }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.tiers} aria-label="Open alerts by tier">
      {tiers.map((t) => (
        <li
          key={t.tier}
          className={cx(styles.tier, t.count > 0 && styles.tierOpen)}
          aria-label={t.label}
          title={t.label}
          data-testid={TEST_IDS.tierCount}
          data-tier={t.tier}
          data-count={t.count}
          data-breached={t.breached}
        >
          {t.text} <span className={styles.muted}>· {TIER_WINDOW[t.tier]}</span>
          {t.breached > 0 && !(compact && t.tier === 'critical') && (
            <span className={styles.late}>
              {' '}
              ·{' '}
              {t.tier === 'critical'
                ? `oldest ${t.oldest}`
                : compact
                  ? `${t.breached} overdue`
                  : `${t.breached} overdue, oldest ${t.oldest} late`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tiers: css({
    display: 'inline-flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.75),
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightRegular,
  }),
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
  muted: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  late: css({ color: theme.colors.error.text, whiteSpace: 'nowrap' }),
});
