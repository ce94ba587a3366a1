import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps, TimeRange } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { Icon, useStyles2 } from '@grafana/ui';
import { checkFingerprint } from '../approval';
import { describeHeader } from '../describe';
import { chooseDensity, chooseSizeMode, COLUMN_MAX_WIDTH, gridColumns, placePillars } from '../layout';
import { prepareScorecard } from '../prepare';
import { TEST_IDS } from '../testIds';
import type { CandorPanelOptions, Scorecard, TimeZone } from '../types';
import { AttentionStrip } from './AttentionStrip';
import type { EvidenceContext } from './Evidence';
import { FingerprintBanner } from './FingerprintBanner';
import { Header } from './Header';
import { Notices } from './Notices';
import { PillarCard } from './PillarCard';
import { SummaryStrip } from './SummaryStrip';
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
  timeRange,
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
      timeRange={timeRange}
      approvedFingerprint={options?.approvedFingerprint}
    />
  );
}

interface ViewProps {
  scorecard: Scorecard;
  size: { width: number; height: number };
  timeZone: TimeZone;
  timeRange?: TimeRange;
  approvedFingerprint?: string;
}

/** The dashboard's range as Explore reads it: "now-7d" stays relative, an absolute end is an instant. */
const rangeText = (raw: unknown, ms: number | undefined) => (typeof raw === 'string' ? raw : String(ms ?? ''));

function ScorecardView({ scorecard, size, timeZone, timeRange, approvedFingerprint }: ViewProps) {
  const styles = useStyles2(getStyles);
  const { width, height } = size;
  const pillarCount = scorecard.pillars.length;
  const mode = useMemo(() => chooseSizeMode({ width, height, pillarCount }), [width, height, pillarCount]);
  const columns = useMemo(
    () => (mode === 'full' ? gridColumns({ width, pillarCount }) : 1),
    [mode, width, pillarCount]
  );
  const context = useMemo<EvidenceContext>(
    () => ({
      scorecardId: scorecard.scorecardId,
      range: {
        from: rangeText(timeRange?.raw.from, timeRange?.from.valueOf()),
        to: rangeText(timeRange?.raw.to, timeRange?.to.valueOf() ?? scorecard.asOf),
      },
    }),
    [scorecard.scorecardId, scorecard.asOf, timeRange]
  );
  const placed = useMemo(
    () =>
      placePillars(
        scorecard.pillars.map((p) => p.rows.length),
        columns
      ),
    [scorecard.pillars, columns]
  );
  const tiers = useMemo(() => describeHeader(scorecard, timeZone).tiers, [scorecard, timeZone]);
  // What needs attention, with owners and actions: everywhere but in a small one-pillar embed (a department's
  // dashboard at full width has it; an SRE's 520 px pillar tile keeps its compact header with the tier counts).
  const strip = mode !== 'pillar' || width >= COLUMN_MAX_WIDTH;
  const density = useMemo(
    () =>
      mode === 'full'
        ? chooseDensity({
            height,
            attentionCount: scorecard.attention.length,
            columns: placed.map((column) => column.map((i) => scorecard.pillars[i].rows.map((r) => r.colour))),
          })
        : 'normal',
    [mode, height, placed, scorecard]
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
      data-density={density}
    >
      {fingerprint.state === 'mismatch' && <FingerprintBanner check={fingerprint} compact={mode === 'tile'} />}
      {mode === 'tile' ? (
        <TileView scorecard={scorecard} timeZone={timeZone} context={context} />
      ) : (
        <>
          <Header
            scorecard={scorecard}
            timeZone={timeZone}
            fingerprint={fingerprint}
            compact={mode !== 'full'}
            showTiers={!strip}
          />
          {mode === 'full' && <SummaryStrip entries={scorecard.summary} compact={density === 'dense'} />}
          {strip && (
            <AttentionStrip
              scorecard={scorecard}
              timeZone={timeZone}
              tiers={tiers}
              compact={mode === 'column'}
              dense={density === 'dense'}
            />
          )}
          <div className={styles.columns}>
            {placed.map((column, c) => (
              <div key={c} className={styles.column}>
                {column.map((i) => (
                  <PillarCard
                    key={scorecard.pillars[i].id}
                    pillar={scorecard.pillars[i]}
                    asOf={scorecard.asOf}
                    timeZone={timeZone}
                    context={context}
                    dense={density === 'dense'}
                    ownersInStrip={strip}
                  />
                ))}
              </div>
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
  // Pillars in columns, each card under the shortest column (layout.ts placePillars), so nothing leaves a gap.
  columns: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start' }),
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), flex: '1 1 0', minWidth: 0 }),
  warn: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    color: theme.colors.text.primary,
    overflowWrap: 'anywhere',
  }),
});
