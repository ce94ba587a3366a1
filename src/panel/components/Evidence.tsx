import React, { Suspense, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Toggletip, useStyles2 } from '@grafana/ui';

import type { RowView } from '../describe';
import { TEST_IDS } from '../testIds';
import type { MetricRow } from '../types';
import { StatusBadge } from './StatusBadge';

// What the evidence shows, and recording an action, load on the first open: most viewers never open one, and the
// panel's own module stays small (docs/benchmarks.md). Webpack puts it in a chunk of its own beside module.js.
const Evidence = React.lazy(() => import('./EvidenceContent'));

export interface EvidenceContext {
  scorecardId: string;
  /** The dashboard's range, for the Explore link. */
  range: { from: string; to: string };
}

export interface EvidenceProps {
  row: MetricRow;
  view: RowView;
  context: EvidenceContext;
  /** In the small tile: the status without its word (still in the button's label). */
  wordless?: boolean;
}

/**
 * The row's one affordance: its status and name as one button. Clicking it, or Enter on it, opens the evidence: why
 * the status, the definition, the thresholds, the source query in Explore, the runbook and other links, the owner
 * and the action. A real button, in the tab order, with its label read out.
 * The floating evidence (Toggletip, with its positioning and focus management) is mounted on the first open only:
 * a scorecard of 200 rows mounts 200 buttons, not 200 floating elements (docs/benchmarks.md).
 */
export function EvidenceButton({ row, view, context, wordless }: EvidenceProps) {
  const styles = useStyles2(getStyles);
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const button = (
    <button
      type="button"
      className={styles.trigger}
      data-testid={TEST_IDS.metricStatus}
      aria-label={`${view.name}: ${view.status.label}. Show evidence`}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={armed ? undefined : () => (setArmed(true), setOpen(true))}
    >
      <StatusBadge view={view.status} wordless={wordless} />
      <span className={styles.name} data-testid={TEST_IDS.metricName} title={view.fullName}>
        {view.name}
      </span>
    </button>
  );
  if (!armed) {
    return button;
  }
  return (
    <Toggletip
      content={
        <Suspense fallback={<span role="status">Loading the evidence…</span>}>
          <Evidence row={row} view={view} context={context} />
        </Suspense>
      }
      title={view.fullName}
      placement="bottom-start"
      closeButton
      show={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {button}
    </Toggletip>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  trigger: css({
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.75),
    flex: '1 1 auto',
    minWidth: 0,
    padding: 0,
    margin: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    lineHeight: 'inherit',
    textAlign: 'left',
    borderRadius: theme.shape.radius.default,
    cursor: 'pointer',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
    '&:hover span[data-testid]': { textDecoration: 'underline' },
  }),
  // The name is never cut: it wraps between words (a label is at most 28 characters, so it fits in two lines).
  name: css({ minWidth: 0, overflowWrap: 'normal', wordBreak: 'normal' }),
});
