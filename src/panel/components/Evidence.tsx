import React, { useState } from 'react';
import { css } from '@emotion/css';
import { locationUtil, type GrafanaTheme2 } from '@grafana/data';
import { Toggletip, useStyles2 } from '@grafana/ui';

import { exploreUrl } from '../../core/explore';
import { bootUser } from '../actionsApi';
import type { RowView } from '../describe';
import { TEST_IDS } from '../testIds';
import type { MetricRow } from '../types';
import { ActionSection } from './ActionSection';
import { StatusBadge } from './StatusBadge';

export interface EvidenceContext {
  scorecardId: string;
  /** The dashboard's range, for the Explore link. */
  range: { from: string; to: string };
}

interface Props {
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
export function EvidenceButton({ row, view, context, wordless }: Props) {
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
      content={<Evidence row={row} view={view} context={context} />}
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

/** The evidence behind a status: the reason, the definition, where it comes from, who owns it, what is being done. */
export function Evidence({ row, view, context }: Props) {
  const styles = useStyles2(getStyles);
  const facts: Array<[string, string]> = [
    ['Status', view.status.label],
    ['Value', view.valueText],
    ['Target', view.targetText || 'none'],
    ['Thresholds', row.thresholdsText || 'unknown'],
    ['Owner', row.owner || 'unknown'],
    ['Alert tier', row.alertTier === row.tier ? row.tier : `${row.alertTier} (escalated from ${row.tier})`],
    ['Indicator', row.indicator || 'unknown'],
    ['Source', row.source || 'unknown'],
    ['Last sample', view.lastSampleText],
  ];
  if (view.since) {
    facts.splice(1, 0, ['Since', view.since.title]);
  }
  if (view.trend) {
    facts.push(['Change', `${view.trend.text}${view.trend.quality ? `, ${view.trend.quality}` : ''}`]);
  }
  // In the viewer's own organisation (Explore opens the org the URL names).
  const orgId = bootUser()?.orgId ?? 1;
  const explore = row.query && locationUtil.assureBaseUrl(exploreUrl(row.query, context.range, orgId));
  return (
    <div className={styles.box} data-testid={TEST_IDS.evidence}>
      <div className={styles.reason}>{row.evidence || 'No evidence text in the frame.'}</div>
      {row.escalation && (
        <div className={styles.escalation} role="note">
          Escalated: {row.escalation}
        </div>
      )}
      <dl className={styles.facts}>
        {facts.map(([term, text]) => (
          <React.Fragment key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </React.Fragment>
        ))}
      </dl>
      {row.description && <div className={styles.description}>{row.description}</div>}
      {row.retired && <div>Retired: shown for the record, counted nowhere.</div>}
      <ul className={styles.links} aria-label="Links">
        {explore && (
          <li>
            <a
              href={explore}
              target="_blank"
              rel="noopener noreferrer"
              aria-label="The source query in Explore (opens in a new tab)"
              data-testid={TEST_IDS.exploreLink}
            >
              The source query in Explore
            </a>
          </li>
        )}
        {row.links.map((link, i) => (
          <li key={i}>
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${link.title} (opens in a new tab)`}
              data-testid={TEST_IDS.metricLink}
            >
              {link.title}
            </a>
          </li>
        ))}
      </ul>
      {row.refusedLinks.map((link, i) => (
        <div key={i} className={styles.refused}>
          Link &quot;{link.title}&quot; {link.reason}
        </div>
      ))}
      {!row.retired && row.colour !== 'green' && <ActionSection row={row} scorecardId={context.scorecardId} />}
    </div>
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
  box: css({
    maxWidth: 440,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    overflowWrap: 'anywhere',
  }),
  reason: css({ fontSize: theme.typography.body.fontSize }),
  escalation: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { fontWeight: theme.typography.fontWeightMedium },
    dd: { margin: 0 },
  }),
  description: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  links: css({ margin: 0, paddingLeft: theme.spacing(2), fontSize: theme.typography.bodySmall.fontSize }),
  refused: css({ fontSize: theme.typography.bodySmall.fontSize, fontStyle: 'italic' }),
});
