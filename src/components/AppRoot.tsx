import React from 'react';
import { css } from '@emotion/css';
import { type AppRootProps, type GrafanaTheme2, locationUtil } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { LinkButton, useStyles2 } from '@grafana/ui';

export function AppRoot(_props: AppRootProps) {
  const styles = useStyles2(getStyles);
  return (
    <PluginPage>
      <div className={styles.body} data-testid="candor-app-root">
        <p>
          Candor is an executive scorecard: pillars of metrics, each shown green, amber or red with the evidence behind
          its status. A metric without fresh data is never shown as green.
        </p>
        <p>
          Add the <strong>Candor Scorecard</strong> visualization to a dashboard, backed by the <strong>Candor</strong>{' '}
          data source.
        </p>
        <LinkButton href={locationUtil.assureBaseUrl('/dashboards')} icon="apps" variant="secondary">
          Browse dashboards
        </LinkButton>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({
    maxWidth: theme.breakpoints.values.md,
    '& p': { marginBottom: theme.spacing(2) },
  }),
});
