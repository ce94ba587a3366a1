import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import type { FingerprintCheck } from '../approval';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';

type Mismatch = Extract<FingerprintCheck, { state: 'mismatch' }>;

/** Across the whole scorecard: the definitions in use are not the ones this dashboard approved. */
export function FingerprintBanner({ check, compact }: { check: Mismatch; compact?: boolean }) {
  const styles = useStyles2(getStyles);
  const title = `Approved: ${check.approvedFull}\nIn use: ${check.actualFull}`;
  return (
    <div className={styles.banner} role="alert" data-testid={TEST_IDS.fingerprintBanner} title={title}>
      <Icon name="exclamation-triangle" aria-hidden="true" />
      <strong>Definitions changed without approval.</strong>
      {!compact && (
        <span>
          This dashboard approved <code className={styles.code}>{check.approved}</code>; the catalog in use is{' '}
          <code className={styles.code}>{check.actual}</code>. Statuses below follow unapproved definitions.
        </span>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const red = toneOf(theme, 'red');
  return {
    banner: css({
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(1),
      padding: theme.spacing(0.75, 1),
      background: red.main,
      color: red.contrastText,
      borderRadius: theme.shape.radius.default,
      fontSize: theme.typography.body.fontSize,
      overflowWrap: 'anywhere',
      printColorAdjust: 'exact',
      WebkitPrintColorAdjust: 'exact',
    }),
    code: css({
      fontFamily: theme.typography.fontFamilyMonospace,
      background: 'transparent',
      color: 'inherit',
      padding: 0,
    }),
  };
};
