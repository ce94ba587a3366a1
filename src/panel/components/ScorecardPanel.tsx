import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { Icon, useStyles2 } from '@grafana/ui';
import { checkFingerprint } from '../approval';
import { chooseSizeMode, gridColumns } from '../layout';
import { prepareScorecard } from '../prepare';
import { TEST_IDS } from '../testIds';
import type { CandorPanelOptions, Scorecard, TimeZone } from '../types';
import { FingerprintBanner } from './FingerprintBanner';
import { Header } from './Header';
import { Notices } from './Notices';
import { PillarCard } from './PillarCard';
import { TileView } from './TileView';

/** The Candor scorecard: one Candor frame (docs/frames.md) as a one-page scorecard that adapts to its size. */
export function ScorecardPanel({
  id,
  data,
  fieldConfig,
  width,
  height,
  options,
  timeZone,
}: PanelProps<CandorPanelOptions>) {
  const styles = useStyles2(getStyles);
  const prepared = useMemo(() => prepareScorecard(data.series), [data.series]);
  if (!prepared.scorecard) {
    return (
      <div className={styles.container} style={{ width, height }} data-testid={TEST_IDS.scorecard}>
        {prepared.warn ? (
          <div className={styles.warn} role="status" data-testid={TEST_IDS.warn}>
            <Icon name="exclamation-triangle" aria-hidden="true" />
            <span>{prepared.warn}</span>
          </div>
        ) : (
          // Grafana's own "No data" view, so an empty scorecard reads like any other empty panel.
          <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} />
        )}
      </div>
    );
  }
  return (
    <ScorecardView
      scorecard={prepared.scorecard}
      size={{ width, height }}
      timeZone={timeZone}
      approvedFingerprint={options?.approvedFingerprint}
    />
  );
}

interface ViewProps {
  scorecard: Scorecard;
  size: { width: number; height: number };
  timeZone: TimeZone;
  approvedFingerprint?: string;
}

function ScorecardView({ scorecard, size, timeZone, approvedFingerprint }: ViewProps) {
  const styles = useStyles2(getStyles);
  const { width, height } = size;
  const pillarCount = scorecard.pillars.length;
  const mode = useMemo(() => chooseSizeMode({ width, height, pillarCount }), [width, height, pillarCount]);
  const columns = useMemo(
    () => (mode === 'full' ? gridColumns({ width, pillarCount }) : 1),
    [mode, width, pillarCount]
  );
  const fingerprint = useMemo(
    () =>
      checkFingerprint({
        approved: approvedFingerprint,
        full: scorecard.fingerprint,
        short: scorecard.fingerprintShort,
      }),
    [approvedFingerprint, scorecard.fingerprint, scorecard.fingerprintShort]
  );
  return (
    <div
      className={styles.container}
      style={{ width, height }}
      role="region"
      aria-label={`${scorecard.title || 'Candor'} scorecard`}
      data-testid={TEST_IDS.scorecard}
      data-size-mode={mode}
    >
      {fingerprint.state === 'mismatch' && <FingerprintBanner check={fingerprint} compact={mode === 'tile'} />}
      {mode === 'tile' ? (
        <TileView scorecard={scorecard} timeZone={timeZone} />
      ) : (
        <>
          <Header scorecard={scorecard} timeZone={timeZone} fingerprint={fingerprint} compact={mode !== 'full'} />
          <div className={styles.grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {scorecard.pillars.map((pillar) => (
              <PillarCard key={pillar.id} pillar={pillar} asOf={scorecard.asOf} timeZone={timeZone} />
            ))}
          </div>
          <Notices notices={scorecard.notices} />
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    position: 'relative',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    overflow: 'auto',
    padding: theme.spacing(0.5),
    color: theme.colors.text.primary,
    fontSize: theme.typography.body.fontSize,
    '@media print': {
      // One page: everything laid out, nothing scrolled away or shown only on hover.
      width: 'auto !important',
      height: 'auto !important',
      overflow: 'visible',
      fontSize: '10px',
    },
  }),
  grid: css({
    display: 'grid',
    gap: theme.spacing(1),
    alignItems: 'start',
    '@media print': { gridTemplateColumns: 'repeat(3, minmax(0, 1fr)) !important' },
  }),
  warn: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    color: theme.colors.text.primary,
    overflowWrap: 'anywhere',
  }),
});
