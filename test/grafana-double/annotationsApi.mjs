// The double's `/api/annotations` endpoints: who is asking, what they may do, the request and response shapes of
// Grafana's annotations HTTP API (pkg/api/annotations.go, Grafana 12, and its route table in pkg/api/api.go). The
// store and the filter are annotations.mjs. `handleAnnotationRequest` is plain (no sockets): server.mjs feeds it.
//
// Who: no Authorization header is the logged-in browser session of an Editor (the harness page is one). With
// `Authorization: Bearer X`, X must be one of the configured service-account tokens { viewer, editor }; anything else
// is 401 as Grafana answers an unknown token. An Editor may do everything (fixed:annotations:writer, annotations:*);
// a Viewer may read, and:
// - POST passes the route's check (Viewers hold annotations:create on dashboard annotations) and then fails
//   canCreateAnnotation for an organization annotation: 403 {"message":"Access denied to this dashboard"};
// - PATCH/DELETE fail the route's scope check (the annotation's type is organization): 403 from the access-control
//   middleware, {"title":"Access denied","message":"You'll need additional permissions … Permissions needed:
//   annotations:write","accessErrorId":"ACE…"} (annotations:delete for DELETE). On a dashboard annotation the route
//   passes and the handler says "Access denied to this dashboard" (the double's dashboards are never editable by a
//   Viewer).
// Checks run in Grafana's order: the route's access control (the Viewer's PATCH/DELETE above), body binding (400
// "bad request data"), id parsing (400 "annotationId is invalid"), lookup (404 "Annotation not found"), the
// handler's permission, then the text check of POST (400 "Failed to save annotation").
import crypto from 'node:crypto';

import { createAnnotationStore } from './annotations.mjs';

/** The identities the double knows. */
export const USERS = {
  session: { userId: 2, login: 'editor', email: 'editor@localhost', role: 'Editor' },
  editor: { userId: 3, login: 'sa-1-candor-editor', email: '', role: 'Editor' },
  viewer: { userId: 4, login: 'sa-1-candor-viewer', email: '', role: 'Viewer' },
};

const reply = (status, json) => ({ status, json });
const message = (status, text) => reply(status, { message: text });
const INVALID_KEY = reply(401, { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 });
const TAGS_TOO_LONG = reply(400, {
  message: 'Tags length exceeds the maximum allowed.',
  messageId: 'annotations.tag-limit-exceeded',
  statusCode: 400,
});
const DASHBOARD_DENIED = message(403, 'Access denied to this dashboard');

function middlewareDenied(action) {
  return reply(403, {
    title: 'Access denied',
    message: `You'll need additional permissions to perform this action. Permissions needed: ${action}`,
    accessErrorId: `ACE${crypto.randomInt(1e9, 1e10)}`,
  });
}

/** The user behind a request's headers (lower-case names, as node gives them), or the 401 reply. */
export function identify(headers, tokens = {}) {
  const auth = headers.authorization;
  if (auth === undefined) {
    return { user: USERS.session };
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  for (const role of ['editor', 'viewer']) {
    if (token && typeof tokens[role] === 'string' && token === tokens[role]) {
      return { user: USERS[role] };
    }
  }
  return { denied: INVALID_KEY };
}

// Go's encoding/json into Grafana's command structs: field names match case-insensitively, null is the zero value,
// a value of the wrong type fails the whole binding (-> 400 "bad request data").
const KINDS = {
  int: (v) => Number.isSafeInteger(v),
  string: (v) => typeof v === 'string',
  tags: (v) => Array.isArray(v) && v.every((t) => typeof t === 'string'),
  any: () => true,
};
const POST_FIELDS = { dashboardUID: 'string', dashboardId: 'int', panelId: 'int', time: 'int', timeEnd: 'int' };
const COMMON_FIELDS = { text: 'string', tags: 'tags', data: 'any' };
const PATCH_FIELDS = { id: 'int', time: 'int', timeEnd: 'int' };

function bind(text, fields) {
  let body;
  try {
    body = JSON.parse(text) ?? {}; // `null` into a Go struct changes nothing
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    return undefined;
  }
  const out = {};
  for (const [name, kind] of Object.entries({ ...fields, ...COMMON_FIELDS })) {
    const key = name in body ? name : Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? null : body[key];
    if (value !== null && !KINDS[kind](value)) {
      return undefined;
    }
    if (value !== null) {
      out[name] = value;
    }
  }
  return out;
}

const BAD_REQUEST = message(400, 'bad request data');

function post(store, user, text) {
  const cmd = bind(text, POST_FIELDS);
  if (!cmd) {
    return BAD_REQUEST;
  }
  if (user.role !== 'Editor') {
    return DASHBOARD_DENIED;
  }
  if (!cmd.text) {
    return message(400, 'Failed to save annotation');
  }
  const saved = store.add(cmd, user);
  return saved.error ? TAGS_TOO_LONG : reply(200, { message: 'Annotation added', id: saved.id });
}

/** PATCH, DELETE and GET of one annotation; `rawId` is the path segment after /api/annotations/. */
function one(store, user, method, rawId, text) {
  if (user.role !== 'Editor' && method !== 'GET') {
    const a = store.get(Number(rawId));
    if (!a?.dashboardUID) {
      return middlewareDenied(method === 'DELETE' ? 'annotations:delete' : 'annotations:write');
    }
  }
  const cmd = method === 'PATCH' ? bind(text, PATCH_FIELDS) : {};
  if (!cmd) {
    return BAD_REQUEST;
  }
  if (!/^[+-]?\d+$/.test(rawId)) {
    return message(400, 'annotationId is invalid');
  }
  const id = Number(rawId);
  const found = store.get(id);
  if (!found) {
    return message(404, 'Annotation not found');
  }
  if (method === 'GET') {
    return reply(200, found);
  }
  if (user.role !== 'Editor') {
    return DASHBOARD_DENIED;
  }
  if (method === 'DELETE') {
    store.remove(id);
    return message(200, 'Annotation deleted');
  }
  return store.patch(id, cmd).error ? TAGS_TOO_LONG : message(200, 'Annotation patched');
}

/**
 * One request to `/api/annotations…`: { method, pathname, search, headers, body (text) } -> { status, json }.
 * undefined when the path is not an annotations endpoint the double serves.
 */
export function handleAnnotationRequest(store, { tokens } = {}, { method, pathname, search = '', headers = {}, body }) {
  const path = pathname.replace(/\/+$/, '');
  const rest = path.startsWith('/api/annotations/') ? path.slice('/api/annotations/'.length) : undefined;
  // Grafana's other annotation routes (tags, graphite, mass-delete, PUT) are not served: Candor does not use them.
  const known =
    (path === '/api/annotations' && (method === 'GET' || method === 'POST')) ||
    (rest !== undefined &&
      /^[^/]+$/.test(rest) &&
      !['tags', 'graphite', 'mass-delete'].includes(rest) &&
      ['GET', 'PATCH', 'DELETE'].includes(method));
  if (!known) {
    return undefined;
  }
  const who = identify(headers, tokens);
  if (who.denied) {
    return who.denied;
  }
  if (path === '/api/annotations') {
    return method === 'GET' ? reply(200, store.find(search)) : post(store, who.user, body ?? '');
  }
  return one(store, who.user, method, decodeURIComponent(rest), body ?? '');
}

/**
 * The double's annotation store from its config: `annotations.seedFile` (optional) is a JSON array of annotations
 * written as POST bodies plus optional `created`/`updated` (epoch ms), stored in order (ids 1, 2, …) as if the
 * browser session's Editor had posted them.
 */
export function storeFromConfig(config, readFile) {
  const store = createAnnotationStore();
  const seedFile = config?.annotations?.seedFile;
  for (const item of seedFile ? JSON.parse(readFile(seedFile)) : []) {
    const saved = store.add(item, USERS.session);
    if (saved.error) {
      throw new Error(`annotation seed: tags too long: ${JSON.stringify(item.tags)}`);
    }
  }
  return store;
}
