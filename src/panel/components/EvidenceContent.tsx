/**
 * The evidence behind a status, in the floating panel its row's button opens (Evidence.tsx): the reason, the
 * definition, where it comes from, who owns it, what is being done. Loaded on the first open, as a chunk of its own.
 */
import React from 'react';
import { css } from '@emotion/css';
import { locationUtil, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { exploreUrl } from '../../core/explore';
import { bootUser } from '../actionsApi';
import { TEST_IDS } from '../testIds';
import { ActionSection } from './ActionSection';
import type { EvidenceProps } from './Evidence';

export default function Evidence({ row, view, context }: EvidenceProps) {
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
