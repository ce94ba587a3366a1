import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../testIds';

/**
 * The frame's notices inside the panel itself (kiosk mode and `d-solo` embeds hide Grafana's panel header, where
 * notices normally appear). One line with the first notice; the rest unfold with the keyboard or the mouse (a native
 * `details`); on paper the whole list prints.
 */
export function Notices({ notices }: { notices: string[] }) {
  const styles = useStyles2(getStyles);
  if (notices.length === 0) {
    return null;
  }
  const summary = `${notices.length} ${notices.length === 1 ? 'notice' : 'notices'}`;
  return (
    <section className={styles.box} aria-label="Notices" data-testid={TEST_IDS.notices}>
      <details className={styles.screenOnly}>
        <summary className={styles.summary} title={notices[0]}>
          <Icon name="info-circle" size="sm" aria-hidden="true" /> {summary}:{' '}
          <span className={styles.first}>{notices[0]}</span>
        </summary>
        <List notices={notices} className={styles.list} />
      </details>
      {/* A closed details element does not print its content: the full list for paper. */}
      <List notices={notices} className={styles.printOnly} />
    </section>
  );
}

function List({ notices, className }: { notices: string[]; className: string }) {
  return (
    <ul className={className}>
      {notices.map((notice, i) => (
        <li key={i}>{notice}</li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    flex: 'none',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    padding: theme.spacing(0, 1),
  }),
  screenOnly: css({ '@media print': { display: 'none' } }),
  summary: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    minWidth: 0,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  first: css({ overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }),
  list: css({ margin: 0, padding: theme.spacing(0, 0, 0, 2.5), overflowWrap: 'anywhere' }),
  printOnly: css({
    display: 'none',
    margin: 0,
    paddingLeft: theme.spacing(2),
    overflowWrap: 'anywhere',
    '@media print': { display: 'block' },
  }),
});
