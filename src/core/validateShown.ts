/**
 * The rules of what the scorecard shows: a row's name fits whole (a label of at most LABEL_MAX characters, or a name
 * that short), labels are readable and unique as a reader sees them, the texts people read hold no control or
 * text-direction characters, and the escalation limits stay within ESCALATION_BOUNDS. Each problem
 * has its path, as every catalog rule (validate.ts).
 */
import { parseDuration } from './duration';
import { ESCALATION_BOUNDS } from './escalate';
import { LABEL_MAX, type Catalog, type MetricDef, type Problem } from './types';
import { hasVisibleName, hiddenCharacter, visibleKey } from './visibleName';

/** The row's name must fit whole: a label of at most LABEL_MAX characters, or a name that short. */
export function labelProblems(m: MetricDef, at: string, ok: (...fields: string[]) => boolean): Problem[] {
  if (!ok('name', 'label') || typeof m.name !== 'string') {
    return [];
  }
  if (m.label !== undefined) {
    const length = [...m.label].length;
    return length > LABEL_MAX
      ? [
          {
            path: `${at}.label`,
            message: `${length} characters; a label is at most ${LABEL_MAX}, so the row never cuts it`,
          },
        ]
      : hasVisibleName(m.label)
        ? []
        : [{ path: `${at}.label`, message: 'must be readable: letters, not only spaces or invisible characters' }];
  }
  const length = [...m.name].length;
  return length > LABEL_MAX
    ? [
        {
          path: `${at}.label`,
          message: `the name has ${length} characters; add a label of at most ${LABEL_MAX} for the scorecard row (the name stays in the evidence and the docs)`,
        },
      ]
    : [];
}

/** Escalation may only be as strict as the defaults or stricter, within ESCALATION_BOUNDS. */
export function escalationProblems(spec: Catalog['escalation'], broken: (path: string) => boolean): Problem[] {
  if (!spec || broken('escalation')) {
    return [];
  }
  return (Object.keys(ESCALATION_BOUNDS) as Array<keyof typeof ESCALATION_BOUNDS>).flatMap((key) => {
    const text = spec[key];
    const ms = text === undefined ? undefined : parseDuration(text);
    const { min, max, why } = ESCALATION_BOUNDS[key];
    if (ms === undefined || (ms >= parseDuration(min)! && ms <= parseDuration(max)!)) {
      return [];
    }
    return [{ path: `escalation.${key}`, message: `${text} is outside ${min}…${max}: ${why}` }];
  });
}

/** Two rows with one name cannot be told apart: labels (or names used as labels) are unique as a reader sees them. */
export function duplicateLabels(metrics: ReadonlyArray<readonly [MetricDef, number]>): Problem[] {
  const seen = new Map<string, number>();
  return metrics.flatMap(([m, i]) => {
    const label = typeof m.label === 'string' ? m.label : typeof m.name === 'string' ? m.name : undefined;
    if (label === undefined || m.retired) {
      return [];
    }
    const key = visibleKey(label);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    if (metrics.find(([, j]) => j === first)?.[0].id === m.id) {
      return []; // the same id twice is reported as a duplicate id already
    }
    return [
      {
        path: `metrics[${i}].label`,
        message: `"${label}" is also the label of metrics[${first}]; each row needs its own`,
      },
    ];
  });
}

/** The one-line texts people read (scorecard title, pillar titles and questions, metric names, labels, owners). */
export function hiddenCharacterProblems(c: Partial<Catalog>): Problem[] {
  const texts: Array<[string, unknown]> = [['scorecard.title', c.scorecard?.title]];
  (Array.isArray(c.pillars) ? c.pillars : []).forEach((p, i) =>
    texts.push([`pillars[${i}].title`, p?.title], [`pillars[${i}].question`, p?.question])
  );
  (Array.isArray(c.metrics) ? c.metrics : []).forEach((m, i) =>
    texts.push([`metrics[${i}].name`, m?.name], [`metrics[${i}].label`, m?.label], [`metrics[${i}].owner`, m?.owner])
  );
  return texts.flatMap(([path, text]) => {
    const hidden = typeof text === 'string' ? hiddenCharacter(text) : undefined;
    return hidden === undefined
      ? []
      : [{ path, message: `contains ${hidden}, a control or text-direction character; write the text plainly` }];
  });
}
