import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Tooltip, useStyles2 } from '@grafana/ui';
import type { RowView } from '../describe';
import { TEST_IDS } from '../testIds';
import type { MetricRow } from '../types';
import { StatusBadge } from './StatusBadge';

interface Props {
  row: MetricRow;
  view: RowView;
}

/**
 * A row's status (light, icon, word) as a button: hover, keyboard focus or a tap shows the evidence. A real button,
 * so it is in the tab order and its label is read out.
 */
export function EvidenceTrigger({ row, view }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <Tooltip content={<Evidence row={row} view={view} />} placement="top-start">
      <button
        type="button"
        className={styles.trigger}
        data-testid={TEST_IDS.metricStatus}
        aria-label={`${view.name}: ${view.status.label}. Show evidence`}
      >
        <StatusBadge view={view.status} />
      </button>
    </Tooltip>
  );
}

/** The evidence behind a status, shown on hover and on keyboard focus: the reason, the source, the last sample. */
export function Evidence({ row, view }: Props) {
  const styles = useStyles2(getStyles);
  const facts: Array<[string, string]> = [
    ['Status', view.status.label],
    ['Source', row.source || 'unknown'],
    ['Last sample', view.lastSampleText],
    ['Target', view.targetText || 'none'],
    ['Owner', row.owner || 'unknown'],
    ['Tier', [row.tier, row.indicator].filter(Boolean).join(', ') || 'unknown'],
  ];
  if (view.trend) {
    const relative = view.relativeChangeText ? ` (${view.relativeChangeText} relative)` : '';
    facts.push(['Change', `${view.trend.text}${relative}${view.trend.quality ? `, ${view.trend.quality}` : ''}`]);
  }
  return (
    <div className={styles.box} data-testid={TEST_IDS.evidence}>
      <div className={styles.title}>{view.name}</div>
      <div className={styles.reason}>{row.evidence || 'No evidence text in the frame.'}</div>
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
      {row.refusedLinks.map((link, i) => (
        <div key={i} className={styles.refused}>
          Link &quot;{link.title}&quot; {link.reason}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  trigger: css({
    flex: 'none',
    padding: 0,
    margin: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    lineHeight: 'inherit',
    borderRadius: theme.shape.radius.default,
    cursor: 'help',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
  }),
  box: css({
    maxWidth: 420,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    overflowWrap: 'anywhere',
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium }),
  reason: css({ fontSize: theme.typography.body.fontSize }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { fontWeight: theme.typography.fontWeightMedium },
    dd: { margin: 0 },
  }),
  description: css({ fontSize: theme.typography.bodySmall.fontSize, opacity: 0.85 }),
  refused: css({ fontSize: theme.typography.bodySmall.fontSize, fontStyle: 'italic' }),
});
