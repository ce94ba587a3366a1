import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { statusView, type TierView } from '../describe';
import { formatInstant } from '../format';
import { toneOf } from '../status';
import { classes } from '../classes';
import { TEST_IDS } from '../testIds';
import type { AttentionItem, Scorecard, TimeZone } from '../types';
import { StatusBadge } from './StatusBadge';
import { TierCounts } from './TierCounts';

interface Props {
  scorecard: Scorecard;
  timeZone: TimeZone;
  tiers: TierView[];
  /** Narrow: each entry on two lines instead of one table row. */
  compact: boolean;
  /** Short of height (layout.ts chooseDensity): the entries in small type. */
  dense?: boolean;
}

/**
 * What needs attention, first: every red and amber row (no data, stale and escalated included), worst first, one
 * line each: status, name, value against target, for how long, owner, the recorded action or "no action
 * recorded", and how soon to respond. When nothing is off target it says so, with the evaluation time.
 */
export function AttentionStrip({ scorecard, timeZone, tiers, compact, dense }: Props) {
  const styles = useStyles2(getStyles);
  const { attention } = scorecard;
  const unread = scorecard.actions && !scorecard.actions.read && scorecard.actions.error;
  return (
    <section className={styles.strip} data-testid={TEST_IDS.attention} aria-label="Needs attention">
      <h3 className={styles.title}>
        {attention.length === 0 ? (
          <span className={styles.none}>
            Nothing needs attention: all {scorecard.activeCount} metrics are on target as of{' '}
            {formatInstant(scorecard.asOf, timeZone)}.
          </span>
        ) : (
          <span>
            Needs attention <span className={styles.muted}>{attention.length}</span>
          </span>
        )}
        <TierCounts tiers={tiers} compact={compact} />
        {unread && (
          <span className={styles.unread} role="note">
            The owners&apos; actions could not be read ({unread}): none is counted.
          </span>
        )}
      </h3>
      {attention.length > 0 && (
        <ol className={classes(styles.list, !compact && styles.table, (compact || dense) && styles.small)}>
          {attention.map((item) => (
            <AttentionEntry key={`${item.metricId}/${item.item}`} item={item} compact={compact} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AttentionEntry({ item, compact }: { item: AttentionItem; compact: boolean }) {
  const styles = useStyles2(getStyles);
  const edge = useStyles2(getEdge, item.colour);
  const what = [
    <StatusBadge key="status" view={statusView(item.status, item.colour)} />,
    <strong key="label" className={styles.cell}>
      {item.label}
    </strong>,
    <span key="value" className={styles.cell}>
      {item.valueText}
      {item.targetText && <span className={styles.muted}> · target {item.targetText}</span>}
    </span>,
    <span key="for" className={styles.cell}>
      {item.forText}
    </span>,
  ];
  const who = [
    <span key="owner" className={classes(styles.cell, styles.muted)}>
      {item.owner}
    </span>,
    <span key="action" className={classes(styles.action, !item.action && styles.noAction)} title={item.actionText}>
      {item.action ? `Action: ${item.actionText}` : 'No action recorded'}
    </span>,
    <span
      key="respond"
      className={classes(styles.cell, item.escalation && styles.escalated)}
      title={item.escalation || undefined}
    >
      {item.escalation ? `${item.respondText} · escalated` : item.respondText}
    </span>,
  ];
  return (
    <li
      className={classes(edge, compact ? styles.card : styles.tableRow)}
      data-testid={TEST_IDS.attentionItem}
      data-metric-id={item.metricId}
      data-item={item.item}
      data-status={item.colour}
      data-state={item.status}
      data-tier={item.tier}
    >
      {compact ? (
        // Narrow: what, on one line; who, what is being done and how soon, on the next.
        <>
          <div className={styles.cardLine}>{what}</div>
          <div className={classes(styles.cardLine, styles.muted)}>{who}</div>
        </>
      ) : (
        [...what, ...who]
      )}
    </li>
  );
}

const getEdge = (theme: GrafanaTheme2, colour: AttentionItem['colour']) =>
  css({ borderLeft: `3px solid ${toneOf(theme, colour).main}`, paddingLeft: theme.spacing(0.75) });

const getStyles = (theme: GrafanaTheme2) => ({
  strip: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.5, 1),
    printColorAdjust: 'exact',
  }),
  title: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.25),
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
  }),
  none: css({ fontWeight: theme.typography.fontWeightRegular }),
  muted: css({ color: theme.colors.text.secondary }),
  unread: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize, fontWeight: 'normal' }),
  list: css({
    margin: theme.spacing(0.5, 0, 0),
    padding: 0,
    listStyle: 'none',
    lineHeight: 1.35,
  }),
  small: css({ fontSize: theme.typography.bodySmall.fontSize }),
  // One line per entry, the columns aligned across entries: status, name, value, for, owner, action, respond.
  table: css({
    display: 'grid',
    gridTemplateColumns: 'max-content max-content max-content max-content max-content minmax(0, 1fr) max-content',
    columnGap: theme.spacing(1.5),
  }),
  tableRow: css({
    display: 'grid',
    gridColumn: '1 / -1',
    gridTemplateColumns: 'subgrid',
    alignItems: 'baseline',
    '&:nth-child(even)': { background: theme.colors.background.secondary },
  }),
  card: css({ display: 'flex', flexDirection: 'column', marginBottom: theme.spacing(0.5), minWidth: 0 }),
  cardLine: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1),
    minWidth: 0,
  }),
  cell: css({ whiteSpace: 'nowrap' }),
  // The action is a sentence: it may be cut on screen (whole in its title and in the evidence), never in print.
  action: css({
    flex: '1 1 0',
    minWidth: '6em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    '@media print': { whiteSpace: 'normal' },
  }),
  noAction: css({ fontStyle: 'italic' }),
  escalated: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
});
