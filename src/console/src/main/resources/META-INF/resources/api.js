// The console's one client of the three services, through the console's same-origin proxy (/api/<service>/...).
// Everything about the APIs' shapes is here, in one place: how a resource names its id, how a list pages, how a
// problem names its fields. The services are moving to one convention (ids `id`, lists {items, next} read with
// cursor/limit, problem types urn:tcc:problem:<kind>); until every endpoint answers it, the older shapes are read
// here too, and nothing else in the console needs to know.

export const SERVICES = { ingestion: '/api/ingestion/v1', consultation: '/api/consultation/v1', notification: '/api/notification/v1' };

/** A refused request: status, problem type/title/detail, field errors [{field, message}] and any extra members. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
    this.type = problem.type || null;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
  /** The message for one field (or null), by field name as the API names it. */
  fieldMessage(field) {
    const e = this.errors.find(x => x.field === field || x.field?.endsWith('.' + field));
    return e ? e.message : null;
  }
}

const listeners = { 'session-expired': [] };
export function on(event, fn) { listeners[event].push(fn); }
function emit(event, detail) { listeners[event].forEach(fn => fn(detail)); }

/** The resource's own id: `id` (the convention), `alertId` on alerts of the previous API version. */
export function idOf(resource) {
  return resource == null ? null : (resource.id ?? resource.alertId ?? null);
}

/**
 * One page of a list as {items, next}: the convention's envelope, or the previous version's shapes (alerts
 * {alerts, next}, consultations {consultations, nextPage}, audit {entries, next}, or a bare array).
 */
export function pageOf(body) {
  if (Array.isArray(body)) return { items: body, next: null };
  if (Array.isArray(body?.items)) return { items: body.items, next: body.next ?? null };
  for (const key of ['alerts', 'consultations', 'entries', 'recipients', 'deliveries', 'deadLetters']) {
    if (Array.isArray(body?.[key])) {
      const next = body.next ?? (body.nextPage != null ? { page: body.nextPage } : null);
      return { items: body[key], next };
    }
  }
  return { items: [], next: null };
}

/** The query of the page after `next`: a cursor (the convention), or the previous version's page number. */
function pageQuery(next, limit) {
  const query = {};
  if (next && typeof next === 'object' && 'page' in next) { query.page = next.page; if (limit) query.size = limit; }
  else { if (next) query.cursor = next; if (limit) query.limit = limit; }
  return query;
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v == null || v === '') continue;
    (Array.isArray(v) ? v : [v]).forEach(x => params.append(k, x));
  }
  const q = params.toString();
  return q ? path + '?' + q : path;
}

/**
 * A request through the proxy. X-Requested-With marks it as the console page's own (the proxy refuses
 * state-changing requests without it, and an expired session answers 499 instead of a redirect to sign-in).
 */
export async function request(method, path, { body, query, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript', ...headers },
    credentials: 'same-origin', signal, redirect: 'manual' };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const response = await fetch(url(path, query), init);
  if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
    emit('session-expired', {});
    throw new ApiError(401, { title: 'Session expired', detail: 'sign in again' });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = response.status === 204 ? null
    : type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, payload && typeof payload === 'object' ? payload : { detail: String(payload || response.statusText) });
  }
  return { status: response.status, body: payload, headers: response.headers };
}

const get = (path, query) => request('GET', path, { query }).then(r => r.body);
const post = (path, body, headers) => request('POST', path, { body, headers }).then(r => r.body);

/** The signed-in user: {username, name, country, roles, expiresAt}. */
export const session = () => get('/session');

export const alerts = {
  /** One page {items, next}, newest first; filters lifecycle, status, type, region, since. */
  page: (filters = {}, next = null, limit = 50) =>
    get(SERVICES.ingestion + '/alerts', { ...filters, ...pageQuery(next, limit) }).then(pageOf),
  get: id => get(`${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}`),
  /** One page {items, next} of the alert's versions, newest first: what changed, when, by whom. */
  versions: (id, next = null, limit = 50) =>
    get(`${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}/versions`, pageQuery(next, limit)).then(pageOf),
  raise: (body, idempotencyKey) => post(SERVICES.ingestion + '/alerts', body, { 'Idempotency-Key': idempotencyKey }),
  acknowledge: id => post(`${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}/acknowledgements`, {}),
  update: (id, body) => request('PATCH', `${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}`, { body }).then(r => r.body),
  cancel: (id, reason) => post(`${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}/cancellation`, { reason }),
  resolve: (id, reason) => post(`${SERVICES.ingestion}/alerts/${encodeURIComponent(id)}/resolution`, { reason }),
};

export const consultations = {
  page: (filters = {}, next = null, limit = 50) =>
    get(SERVICES.consultation + '/consultations', { ...filters, ...pageQuery(next, limit) }).then(pageOf),
  get: id => get(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}`),
  /** Every timeline entry (all pages), oldest first. */
  timeline: async id => all(next => get(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/timeline`,
    pageQuery(next, next ? 200 : null)).then(pageOf)),
  join: id => post(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/join`, {}),
  position: (id, assessment, position) =>
    post(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/positions`, { assessment, position }),
  propose: (id, statement, actions) =>
    post(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/proposals`, { statement, actions }),
  /** answer: approve, decline or abstain. */
  respond: (id, proposalId, answer, reason) =>
    post(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/proposals/${encodeURIComponent(proposalId)}/${answer}`,
      answer === 'approve' && !reason ? {} : { reason }),
  close: (id, reason) => post(`${SERVICES.consultation}/consultations/${encodeURIComponent(id)}/close`, { reason }),
};

/** Every item of a paged list, following `next` (at most `max` items). */
export async function all(fetchPage, max = 5000) {
  const items = [];
  let next = null;
  do {
    const page = await fetchPage(next);
    items.push(...page.items);
    next = page.next;
  } while (next && items.length < max);
  return items;
}

/** The country's live notification stream, for the SSE client (sse.js). */
export const NOTIFICATION_STREAM = SERVICES.notification + '/notifications/stream';

/** A fresh Idempotency-Key (a retry of the same raise sends the same key and gets the first alert back). */
export function idempotencyKey() { return crypto.randomUUID(); }
