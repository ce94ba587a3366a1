import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import type { StatusView } from '../describe';
import { toneOf } from '../status';

interface Props {
  view: StatusView;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
  /** The smallest tile: light and icon only (the icon's shape still tells the status; the word is in the label). */
  wordless?: boolean;
}

/** A status as a light, an icon and a word: never colour alone. */
export function StatusBadge({ view, size = 'sm', testId, wordless }: Props) {
  const styles = useStyles2(getStyles, view.colour, size);
  return (
    <span className={styles.badge} data-testid={testId} data-status={view.colour} data-state={view.status}>
      <span className={styles.light} aria-hidden="true" />
      <Icon name={view.icon} size={size === 'lg' ? 'lg' : 'sm'} className={styles.icon} aria-hidden="true" />
      {!wordless && <span className={styles.word}>{view.word}</span>}
    </span>
  );
}

const LIGHT_PX = { sm: 10, md: 12, lg: 18 };

const getStyles = (theme: GrafanaTheme2, colour: StatusView['colour'], size: 'sm' | 'md' | 'lg') => {
  const tone = toneOf(theme, colour);
  return {
    badge: css({
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      whiteSpace: 'nowrap',
      fontWeight: theme.typography.fontWeightMedium,
      fontSize:
        size === 'lg'
          ? theme.typography.h4.fontSize
          : size === 'md'
            ? theme.typography.body.fontSize
            : theme.typography.bodySmall.fontSize,
    }),
    light: css({
      display: 'inline-block',
      flex: 'none',
      width: LIGHT_PX[size],
      height: LIGHT_PX[size],
      borderRadius: theme.shape.radius.circle,
      background: tone.main,
      border: `1px solid ${theme.colors.border.strong}`,
      printColorAdjust: 'exact',
      WebkitPrintColorAdjust: 'exact',
    }),
    icon: css({ color: tone.text, flex: 'none' }),
    word: css({ color: theme.colors.text.primary }),
  };
};
