import React, { useId, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Field, Input, TextArea, useStyles2 } from '@grafana/ui';

import { newActionProblems } from '../../core/actions';
import { utcDate } from '../../core/duration';
import { canRecordActions, closeAction, recordAction, refreshDashboard } from '../actionsApi';
import { safeHttpUrl } from '../links';
import { TEST_IDS } from '../testIds';
import type { MetricRow } from '../types';

interface Props {
  row: MetricRow;
  scorecardId: string;
}

/** Today as a UTC day, `YYYY-MM-DD`: the earliest due day a new action may have (the clock, not the as-of time). */
const utcToday = () => utcDate(Date.now());

/**
 * The action behind an amber or red row: what the owner recorded (never a reason to show it greener), or "no action
 * recorded" and, for those who may write annotations, a form to record one. Closing marks it done.
 */
export function ActionSection({ row, scorecardId }: Props) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: string }>({});
  const writable = canRecordActions();
  const run = (work: () => Promise<string>) => {
    setState({ busy: true });
    work().then(
      (done) => {
        setState({ done });
        refreshDashboard();
      },
      (e: Error) => setState({ error: e.message })
    );
  };
  const { action } = row;
  return (
    <section className={styles.section} data-testid={TEST_IDS.action} aria-label="Action">
      {action ? (
        <p className={styles.line}>
          <strong>Action:</strong> {action.text} — {action.owner},{' '}
          {action.overdue ? <strong>overdue since {action.dueDate}</strong> : `due ${action.dueDate}`}
          {action.link && (
            <>
              {' · '}
              <a href={action.link} target="_blank" rel="noopener noreferrer">
                details
              </a>
            </>
          )}
        </p>
      ) : (
        <p className={styles.line}>
          <strong>No action recorded.</strong> Amber without an action escalates to red.
        </p>
      )}
      {state.done && <p role="status">{state.done}</p>}
      {state.error && (
        <p role="alert" className={styles.error}>
          {state.error}
        </p>
      )}
      {writable && action && !state.done && (
        <Button
          size="sm"
          variant="secondary"
          disabled={state.busy}
          data-testid={TEST_IDS.actionDone}
          onClick={() => run(() => closeAction(action.id).then(() => 'Action closed.'))}
        >
          Mark done
        </Button>
      )}
      {writable && !action && !state.done && (
        <ActionForm row={row} scorecardId={scorecardId} busy={state.busy} onRecord={run} />
      )}
    </section>
  );
}

interface FormProps extends Props {
  busy?: boolean;
  onRecord: (work: () => Promise<string>) => void;
}

function ActionForm({ row, scorecardId, busy, onRecord }: FormProps) {
  const styles = useStyles2(getStyles);
  const [today] = useState(utcToday);
  const [draft, setDraft] = useState(() => ({ owner: row.owner, text: '', dueDate: today, link: '' }));
  const [problems, setProblems] = useState<string[]>([]);
  const id = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const action = {
      scorecardId,
      metricId: row.metricId,
      ...(row.item ? { item: row.item } : {}),
      owner: draft.owner.trim(),
      text: draft.text,
      dueDate: draft.dueDate,
      ...(draft.link.trim() ? { link: safeHttpUrl(draft.link) ?? draft.link.trim() } : {}),
    };
    const found = newActionProblems(action, {
      metrics: [{ id: row.metricId, ...(row.item ? { items: {} } : {}) }],
      today,
    });
    setProblems(found);
    if (found.length === 0) {
      onRecord(() => recordAction(action).then((id) => `Action ${id} recorded; the scorecard refreshes.`));
    }
  };
  const set = (key: keyof typeof draft) => (e: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  return (
    <form className={styles.form} onSubmit={submit} data-testid={TEST_IDS.actionForm} aria-label="Record an action">
      <Field label="What is being done" noMargin>
        <TextArea id={`${id}-text`} value={draft.text} onChange={set('text')} rows={2} />
      </Field>
      <div className={styles.pair}>
        <Field label="Owner" noMargin>
          <Input id={`${id}-owner`} value={draft.owner} onChange={set('owner')} />
        </Field>
        <Field label="Due" noMargin>
          <Input id={`${id}-due`} type="date" value={draft.dueDate} min={today} onChange={set('dueDate')} />
        </Field>
      </div>
      <Field label="Link (optional)" noMargin>
        <Input id={`${id}-link`} type="url" value={draft.link} onChange={set('link')} placeholder="https://" />
      </Field>
      {problems.map((p) => (
        <p key={p} role="alert" className={styles.error}>
          {p}
        </p>
      ))}
      <Button type="submit" size="sm" disabled={busy}>
        Record action
      </Button>
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    borderTop: `1px solid ${theme.colors.border.weak}`,
    paddingTop: theme.spacing(0.5),
  }),
  line: css({ margin: 0 }),
  error: css({ margin: 0, color: theme.colors.error.text }),
  form: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), width: '100%' }),
  pair: css({ display: 'grid', gridTemplateColumns: '1fr auto', gap: theme.spacing(0.5) }),
});
