// Grafana's annotations, as its SQL store keeps and finds them (pkg/services/annotations/annotationsimpl/
// xorm_store.go and pkg/services/tag, Grafana 12), for the double's `/api/annotations` (annotationsApi.mjs does the
// HTTP side). Pure and in memory; the harness's saved-scenario mode and the tests reuse `filterAnnotations`, so a
// replayed GET filters exactly as the live double does.
//
// What Grafana does, and this module with it:
// - Tags are key/value pairs (tag.ParseTagPairs): "key:value" splits at the colons and keeps the FIRST two parts
//   ("link:https://x" is key "link", value "https"), spaces around each part are trimmed, empty keys and repeated
//   pairs are dropped. A new annotation stores its tags rewritten from those pairs ("owner: CFO " -> "owner:CFO");
//   a PATCH stores the tags as sent, but filters on their pairs all the same.
// - Tag filter (`tags=a&tags=b`): a filter without a value matches a tag by key only ("owner" matches "owner:CFO").
//   Grafana counts the annotation's pairs that match ANY filter: match-all (the default) keeps the annotation when
//   that count EQUALS the number of filters, `matchAny=true` when it is above 0. (So a key-only filter that matches
//   two pairs of one annotation counts twice: Grafana's quirk, kept.)
// - Time filter, only when both `from` and `to` are > 0 (epoch ms): `time <= to AND timeEnd >= from` (overlap).
// - `type=annotation` keeps alertId 0, `type=alert` alertId > 0; other values filter nothing.
// - `limit`: absent, 0 or not an integer -> 100; negative -> no limit (the newest store adds LIMIT only when > 0).
// - The LIMIT keeps the newest by `timeEnd` DESC, then `time` DESC. Grafana's outer query has no ORDER BY, so the
//   order of the rows it returns is the database's; the double returns them in that LIMIT order, ties by id DESC.
// - Numbers in the query are Go's strconv.ParseInt (anything else is 0, as if absent); booleans strconv.ParseBool.
import crypto from 'node:crypto';

export const DEFAULT_LIMIT = 100;
/** Grafana's `[annotations] tags_length` default: the estimated JSON length of an annotation's tag list. */
export const MAX_TAGS_LENGTH = 500;

const trimSpaces = (s) => s.replace(/^ +| +$/g, '');

/** Grafana's tag.ParseTagPairs: [{ key, value }], value '' for a bare key. */
export function parseTagPairs(tags) {
  const pairs = [];
  for (const raw of Array.isArray(tags) ? tags : []) {
    const text = String(raw);
    const parts = text.split(':');
    const key = trimSpaces(parts[0]);
    const value = text.includes(':') ? trimSpaces(parts[1]) : '';
    if (key !== '' && !pairs.some((p) => p.key === key && p.value === value)) {
      pairs.push({ key, value });
    }
  }
  return pairs;
}

/** Grafana's tag.JoinTagPairs: "key:value", or "key" when the value is empty. */
export function joinTagPairs(pairs) {
  return pairs.map(({ key, value }) => (value === '' ? key : `${key}:${value}`));
}

/** Grafana's estimate of a tag list's stored length (validateTagsLength): brackets, quotes, commas, UTF-8 bytes. */
export function tagsLength(tags) {
  return 2 + tags.reduce((n, t, i) => n + Buffer.byteLength(t) + (i === 0 ? 2 : 3), 0);
}

function toSearchParams(input) {
  if (input instanceof URLSearchParams) {
    return input;
  }
  if (typeof input === 'string') {
    return new URLSearchParams(input.startsWith('?') ? input.slice(1) : input);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input ?? {})) {
    for (const one of [value].flat()) {
      if (one !== undefined && one !== null) {
        params.append(key, String(one));
      }
    }
  }
  return params;
}

/** Go's strconv.ParseInt(s, 10, 64), 0 on failure (macaron's c.QueryInt64). */
export function goInt(text) {
  const s = String(text ?? '');
  return /^[+-]?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : 0;
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * The query of `GET /api/annotations` as Grafana reads it. `input`: URLSearchParams, a query string, or an object
 * of strings / string arrays (e.g. src/core/actions.ts `actionsQuery`).
 */
export function readQuery(input) {
  const p = toSearchParams(input);
  return {
    from: goInt(p.get('from')),
    to: goInt(p.get('to')),
    limit: goInt(p.get('limit')),
    tags: p.getAll('tags'),
    matchAny: GO_TRUE.has(p.get('matchAny') ?? ''),
    type: p.get('type') ?? '',
    dashboardUID: p.get('dashboardUID') ?? '',
    dashboardId: goInt(p.get('dashboardId')),
    panelId: goInt(p.get('panelId')),
    userId: goInt(p.get('userId')),
    alertId: goInt(p.get('alertId')),
  };
}

function tagsMatch(annotation, filters, matchAny) {
  if (filters.length === 0) {
    return true;
  }
  const matching = parseTagPairs(annotation.tags).filter((t) =>
    filters.some((f) => f.key === t.key && (f.value === '' || f.value === t.value))
  ).length;
  return matchAny ? matching > 0 : matching === filters.length;
}

/** Grafana's LIMIT order: newest end first, then newest start (ties: highest id first). */
export function newestFirst(a, b) {
  return b.timeEnd - a.timeEnd || b.time - a.time || Number(b.id) - Number(a.id);
}

/**
 * `GET /api/annotations` over `list` (annotation objects as Grafana returns them): filtered, in Grafana's LIMIT
 * order, at most `limit`. The annotations are not copied.
 */
export function filterAnnotations(list, queryInput) {
  const q = readQuery(queryInput);
  const filters = parseTagPairs(q.tags);
  const alertId = (a) => Number(a.alertId ?? 0);
  const kept = list.filter(
    (a) =>
      (q.alertId === 0 || alertId(a) === q.alertId) &&
      (q.dashboardUID !== ''
        ? a.dashboardUID === q.dashboardUID
        : q.dashboardId === 0 || Number(a.dashboardId ?? 0) === q.dashboardId) &&
      (q.panelId === 0 || Number(a.panelId ?? 0) === q.panelId) &&
      (q.userId === 0 || Number(a.userId ?? 0) === q.userId) &&
      (!(q.from > 0 && q.to > 0) || (a.time <= q.to && a.timeEnd >= q.from)) &&
      (q.type !== 'alert' || alertId(a) > 0) &&
      (q.type !== 'annotation' || alertId(a) === 0) &&
      tagsMatch(a, filters, q.matchAny)
  );
  kept.sort(newestFirst);
  const limit = q.limit === 0 ? DEFAULT_LIMIT : q.limit;
  return limit > 0 ? kept.slice(0, limit) : kept;
}

/** Grafana's avatar URL for an e-mail (dtos.GetGravatarUrl, gravatar enabled): /avatar/<md5 of the lower-cased e-mail>. */
export function avatarUrl(email) {
  return email ? `/avatar/${crypto.createHash('md5').update(email.toLowerCase()).digest('hex')}` : '';
}

/** Grafana's validateTimeRange: a missing end is the start, a reversed range is swapped. */
function timeRange(time, timeEnd) {
  const end = timeEnd === 0 ? time : timeEnd;
  const start = time === 0 ? end : time;
  return end < start ? [end, start] : [start, end];
}

/**
 * The in-memory store. Users are { userId, login, email }. Every read returns copies (a caller cannot change the
 * store by editing what it got). `now()` gives `created`/`updated` and the default `time`.
 */
export function createAnnotationStore({ now = Date.now } = {}) {
  const byId = new Map();
  let nextId = 1;
  const copy = (a) => structuredClone(a);

  return {
    /**
     * A new annotation (POST, after the API checked the body): tags rewritten from their pairs, `time` 0 -> now,
     * `timeEnd` 0 -> `time`. `created`/`updated` may be given for seeded history. Returns the stored copy, or
     * { error: 'tags-length' } when the tags are longer than Grafana allows.
     */
    add({ dashboardUID = '', panelId = 0, time = 0, timeEnd = 0, text, tags, data, created, updated }, user) {
      const at = now();
      const storedTags = joinTagPairs(parseTagPairs(tags ?? []));
      if (tagsLength(storedTags) > MAX_TAGS_LENGTH) {
        return { error: 'tags-length' };
      }
      const [start, end] = timeRange(time === 0 ? at : time, timeEnd);
      const annotation = {
        id: nextId++,
        alertId: 0,
        alertName: '',
        dashboardId: 0,
        dashboardUID,
        panelId,
        userId: user.userId,
        newState: '',
        prevState: '',
        created: created ?? at,
        updated: updated ?? created ?? at,
        time: start,
        timeEnd: end,
        text,
        tags: storedTags,
        login: user.login,
        email: user.email,
        avatarUrl: avatarUrl(user.email),
        data: data ?? {},
      };
      byId.set(annotation.id, annotation);
      return copy(annotation);
    },

    get(id) {
      const a = byId.get(id);
      return a && copy(a);
    },

    /** GET /api/annotations: `query` as `readQuery` takes it. */
    find(query) {
      return filterAnnotations([...byId.values()], query).map(copy);
    },

    /**
     * PATCH as PatchAnnotation + xorm Update: tags replaced when given (as sent), text when non-empty, time and
     * timeEnd when > 0, data when given; the range re-validated; `updated` = now. Returns the stored copy,
     * undefined for an unknown id, or { error: 'tags-length' }.
     */
    patch(id, { text = '', tags, time = 0, timeEnd = 0, data }) {
      const a = byId.get(id);
      if (!a) {
        return undefined;
      }
      const nextTags = tags ?? a.tags;
      if (tagsLength(nextTags) > MAX_TAGS_LENGTH) {
        return { error: 'tags-length' };
      }
      [a.time, a.timeEnd] = timeRange(time > 0 ? time : a.time, timeEnd > 0 ? timeEnd : a.timeEnd);
      a.tags = [...nextTags];
      a.text = text !== '' ? text : a.text;
      a.data = data ?? a.data;
      a.updated = now();
      return copy(a);
    },

    remove(id) {
      return byId.delete(id);
    },
  };
}
