import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { own } from '../../core/own';
import { statusView } from '../describe';
import { toneOf } from '../status';
import { TEST_IDS } from '../testIds';
import type { SummaryEntry } from '../types';
import { StatusBadge } from './StatusBadge';

interface Props {
  entries: SummaryEntry[];
  compact?: boolean;
}

const TREND: Record<string, string> = { better: 'better', worse: 'worse', same: 'no change' };
/** The trend's word; a value from the frame never indexes the plain object. */
const trendWord = (quality: string) => own(TREND, quality) ?? '';

/**
 * The executive summary above the pillars: each summary metric with its value, target, trend and status. The status
 * is the evidence's; the trend ("+33%, better") sits beside it and never replaces it ("improving" is no status).
 */
export function SummaryStrip({ entries, compact }: Props) {
  const styles = useStyles2(getStyles);
  if (entries.length === 0) {
    return null;
  }
  return (
    <section className={styles.strip} aria-label="Executive summary" data-testid={TEST_IDS.summary}>
      <ul className={styles.list}>
        {entries.map((e) => (
          <li
            key={`${e.metricId}/${e.item}`}
            className={styles.entry}
            data-testid={TEST_IDS.summaryItem}
            data-metric-id={e.metricId}
            data-status={e.colour}
            data-state={e.status}
            title={[e.evidence, e.goalText].filter(Boolean).join('\n')}
          >
            <div className={styles.top}>
              <span className={styles.label}>{e.label}</span>
              <StatusBadge view={statusView(e.status, e.colour)} size="sm" />
            </div>
            <div className={styles.value}>{e.valueText || '—'}</div>
            <div className={styles.muted}>
              {e.targetText && <span>target {e.targetText}</span>}
              {e.changeText && (
                <span>
                  {' · '}
                  {e.changeText}
                  {trendWord(e.changeQuality) && e.changeText !== 'no change' ? `, ${trendWord(e.changeQuality)}` : ''}
                </span>
              )}
            </div>
            {!compact && e.goalText && <div className={styles.goal}>{e.goalText}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  strip: css({ minWidth: 0 }),
  list: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: theme.spacing(1),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  }),
  entry: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.25),
    minWidth: 0,
    padding: theme.spacing(0.75, 1),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    printColorAdjust: 'exact',
    '&[data-status="green"]': { borderLeft: `4px solid ${toneOf(theme, 'green').main}` },
    '&[data-status="amber"]': { borderLeft: `4px solid ${toneOf(theme, 'amber').main}` },
    '&[data-status="red"]': { borderLeft: `4px solid ${toneOf(theme, 'red').main}` },
  }),
  top: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(1), alignItems: 'baseline' }),
  label: css({ fontWeight: theme.typography.fontWeightMedium, overflowWrap: 'anywhere' }),
  value: css({ fontSize: theme.typography.h3.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  goal: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
