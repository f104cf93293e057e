// The auditor's screens: the hash-chained audit log with filters (time range, acting country, consultation), one
// consultation's timeline, the chain's verification in plain words, and the exports (JSON Lines, CSV) downloaded
// through the console's proxy with the auditor's session.
import { h, shortId, queryString } from './ops-ui.js';
import { formatTime } from './i18n.js';

const AUDIT = '/audit';
const COUNTRIES = ['USA', 'KOR', 'JPN'];
const ACTIONS = ['CONVENE', 'JOIN', 'SUBMIT_POSITION', 'PROPOSE', 'APPROVE', 'DECLINE', 'ABSTAIN', 'CLOSE', 'CANCEL',
  'ESCALATE', 'ALERT_ADDED', 'ALERT_UPDATED', 'ALERT_ACKNOWLEDGED', 'ALERT_RESOLVED', 'ALERT_CANCELLED'];
const PAGE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default {
  id: 'audit',
  roles: ['auditor'],
  routes: ['/audit', '/audit/consultations/:consultationId'],
  nav: { path: '/audit', label: 'audit.nav', order: 50 },
  mount(root, ctx) {
    return ctx.params.consultationId ? timelineScreen(root, ctx) : logScreen(root, ctx);
  },
};

/** The consultation service's audit API, through the proxy; list shapes and ids are api.js's business. */
function auditApi(api) {
  const base = api.SERVICES.consultation + '/audit';
  const get = (path, query) => api.request('GET', base + path, { query }).then(r => r.body);
  return {
    log: (filters, next) => get('/log', { ...filters, limit: PAGE, cursor: next || undefined }).then(api.pageOf),
    timeline: (id, next) => get('/consultations/' + encodeURIComponent(id), { limit: PAGE, cursor: next || undefined })
      .then(api.pageOf),
    verify: () => api.request('GET', base + '/verify').then(r => r.body),
    exportHref: (format, filters) => base + '/export' + queryString({ format, ...filters }),
  };
}

/** The filters as the hash query carries them (so a reload or a shared link keeps them). */
function filtersOf(query) {
  return { from: query.get('from') || '', to: query.get('to') || '', country: query.get('country') || '',
    consultationId: query.get('consultationId') || '' };
}

/** "2026-12-01T17:05" typed in a datetime-local field, read as UTC (the desk works in UTC), as the API's ISO-8601. */
function utc(local) {
  if (!local) return '';
  return local.length === 16 ? local + ':00Z' : local.endsWith('Z') ? local : local + 'Z';
}

function logScreen(root, ctx) {
  const { t } = ctx;
  const audit = auditApi(ctx.api);
  const filters = filtersOf(ctx.query);
  let next = null;
  let shown = 0;
  let alive = true;

  const field = (name, label, input) => h('div', { class: 'field' },
    h('label', { for: 'audit-' + name }, label), input);
  const from = h('input', { type: 'datetime-local', id: 'audit-from', name: 'from', testid: 'audit-filter-from',
    value: filters.from.replace(/:00Z$|Z$/, '') });
  const to = h('input', { type: 'datetime-local', id: 'audit-to', name: 'to', testid: 'audit-filter-to',
    value: filters.to.replace(/:00Z$|Z$/, '') });
  const country = h('select', { id: 'audit-country', name: 'country', testid: 'audit-filter-country' },
    h('option', { value: '' }, t('audit.filter.anyCountry')),
    COUNTRIES.map(c => h('option', { value: c, selected: filters.country === c }, t(`shell.country.${c}`))));
  const consultation = h('input', { type: 'text', id: 'audit-consultation', name: 'consultationId', size: 38,
    testid: 'audit-filter-consultation', value: filters.consultationId, placeholder: t('audit.filter.consultationHint'),
    spellcheck: 'false', autocomplete: 'off' });
  const filterError = h('p', { class: 'form-error', testid: 'audit-filter-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'filters', testid: 'audit-filters', 'aria-label': t('audit.filter.title'),
    on: { submit: e => { e.preventDefault(); apply(); } } },
  field('from', t('audit.filter.from'), from), field('to', t('audit.filter.to'), to),
  field('country', t('audit.filter.country'), country), field('consultation', t('audit.filter.consultation'), consultation),
  h('div', { class: 'field actions' },
    h('button', { type: 'submit', class: 'primary', testid: 'audit-filter-apply' }, t('audit.filter.apply')),
    h('button', { type: 'button', testid: 'audit-filter-clear', on: { click: () => ctx.navigate(AUDIT) } },
      t('audit.filter.clear'))),
  filterError);

  function apply() {
    const id = consultation.value.trim();
    if (id && !UUID.test(id)) {
      filterError.textContent = t('audit.filter.badConsultation');
      filterError.hidden = false;
      consultation.setAttribute('aria-invalid', 'true');
      consultation.focus();
      return;
    }
    const chosen = { from: utc(from.value), to: utc(to.value), country: country.value, consultationId: id };
    ctx.navigate(AUDIT + queryString(chosen));
  }

  const active = { from: filters.from, to: filters.to, country: filters.country, consultationId: filters.consultationId };
  const exports = h('div', { class: 'toolbar exports', testid: 'audit-exports' },
    h('span', {}, t('audit.export.title')),
    h('a', { class: 'button', testid: 'audit-export-jsonl', href: audit.exportHref('jsonl', active), download: 'audit.jsonl' },
      t('audit.export.jsonl')),
    h('a', { class: 'button', testid: 'audit-export-csv', href: audit.exportHref('csv', active), download: 'audit.csv' },
      t('audit.export.csv')),
    h('span', { class: 'hint' }, hasFilter(active) ? t('audit.export.filtered') : t('audit.export.whole')));

  const verification = verifyPanel(ctx, audit);
  const count = h('p', { class: 'hint', testid: 'audit-count', 'aria-live': 'polite' }, t('shell.loading'));
  const body = h('tbody', { testid: 'audit-entries' });
  const table = h('table', { class: 'grid audit', testid: 'audit-log' },
    h('caption', { class: 'visually-hidden' }, t('audit.log.caption')),
    h('thead', {}, h('tr', {},
      ['seq', 'at', 'country', 'subject', 'action', 'phase', 'consultation', 'details', 'hash']
        .map(c => h('th', { scope: 'col' }, t(`audit.column.${c}`))))),
    body);
  const more = h('button', { type: 'button', testid: 'audit-more', hidden: true, on: { click: () => page() } },
    t('audit.log.more'));
  const error = h('p', { class: 'form-error', testid: 'audit-error', role: 'alert', hidden: true });

  root.append(h('h1', { testid: 'audit-title' }, t('audit.title')),
    h('p', { class: 'hint' }, t('audit.intro')),
    verification, form, exports, error, count, table, more);

  // one consultation: its timeline endpoint, with the time range and country applied here (it has no such filters)
  const byConsultation = active.consultationId;
  const local = e => (!active.from || e.at >= active.from) && (!active.to || e.at < active.to)
    && (!active.country || e.country === active.country);

  async function page() {
    more.disabled = true;
    try {
      const result = byConsultation ? await audit.timeline(byConsultation, next)
        : await audit.log({ from: active.from, to: active.to, country: active.country }, next);
      if (!alive) return;
      const items = byConsultation ? result.items.filter(local) : result.items;
      items.forEach(e => body.append(row(e, ctx)));
      shown += items.length;
      next = result.next;
      more.hidden = !next;
      count.textContent = shown === 0 ? t('audit.log.none')
        : t(next ? 'audit.log.countMore' : 'audit.log.count', { n: shown });
      error.hidden = true;
    } catch (e) {
      if (!alive) return;
      error.textContent = e.status === 404 ? t('audit.log.noConsultation') : t('shell.error', { error: e.message });
      error.hidden = false;
      count.textContent = '';
    } finally {
      more.disabled = false;
    }
  }
  page();
  return () => { alive = false; };
}

function hasFilter(f) {
  return Boolean(f.from || f.to || f.country || f.consultationId);
}

function row(e, ctx) {
  const { t } = ctx;
  return h('tr', { testid: 'audit-entry', dataset: { seq: String(e.seq), action: e.action, country: e.country || '',
    consultationId: e.consultationId || '' } },
    h('td', { class: 'num' }, '#' + e.seq),
    h('td', { class: 'when' }, h('time', { datetime: e.at }, formatTime(e.at))),
    h('td', {}, e.country || t('audit.service')),
    h('td', {}, e.subject || '–'),
    h('td', {}, actionLabel(t, e.action)),
    h('td', {}, phaseChange(t, e)),
    h('td', {}, e.consultationId
      ? h('a', { href: '#/audit/consultations/' + e.consultationId, testid: 'audit-entry-consultation' }, shortId(e.consultationId))
      : '–'),
    h('td', { class: 'details' }, detailsOf(t, e)),
    h('td', { class: 'hash' }, h('code', { title: t('audit.hashTitle', { hash: e.hash, prev: e.prevHash }) },
      (e.hash || '').slice(0, 10) + '…')));
}

function actionLabel(t, action) {
  return ACTIONS.includes(action) ? t(`audit.action.${action}`) : action;
}

function phaseLabel(t, phase) {
  return phase ? t(`audit.phase.${phase}`) : '–';
}

function phaseChange(t, e) {
  if (!e.phaseBefore && !e.phaseAfter) return '–';
  if (e.phaseBefore === e.phaseAfter) return phaseLabel(t, e.phaseAfter);
  return phaseLabel(t, e.phaseBefore) + ' → ' + phaseLabel(t, e.phaseAfter);
}

/** The entry's details (JSON text, stored and hashed verbatim): the words a person wrote first, the rest folded. */
function detailsOf(t, e) {
  let details = null;
  try { details = e.details ? JSON.parse(e.details) : null; } catch (x) { details = null; }
  if (!details || typeof details !== 'object') return e.details || '–';
  const said = ['statement', 'position', 'assessment', 'reason', 'subject', 'headline']
    .filter(k => typeof details[k] === 'string').map(k => h('div', {}, h('span', { class: 'hint' }, t(`audit.detail.${k}`) + ': '), details[k]));
  return [said, h('details', {}, h('summary', {}, t('audit.detail.all')), h('pre', {}, JSON.stringify(details, null, 2)))];
}

/** The chain's verification, in words: intact, or which entry breaks it and why; what is not yet anchored. */
function verifyPanel(ctx, audit) {
  const { t } = ctx;
  const result = h('div', { class: 'verdict', testid: 'audit-verify-result', role: 'status', 'aria-live': 'polite',
    hidden: true });
  const button = h('button', { type: 'button', class: 'primary', testid: 'audit-verify', on: { click: run } },
    t('audit.verify.run'));
  async function run() {
    button.disabled = true;
    result.hidden = false;
    result.dataset.state = 'running';
    result.replaceChildren(t('audit.verify.running'));
    try {
      show(await audit.verify());
    } catch (e) {
      result.dataset.state = 'unavailable';
      result.replaceChildren(h('strong', {}, t(e.status === 503 ? 'audit.verify.unavailable' : 'audit.verify.failed',
        { error: e.message })));
    } finally {
      button.disabled = false;
    }
  }
  function show(v) {
    result.dataset.state = v.intact ? 'intact' : 'broken';
    result.dataset.intact = String(Boolean(v.intact));
    const lines = [];
    if (v.intact) {
      lines.push(h('strong', { class: 'verdict-word', testid: 'audit-verdict' }, '✓ ' + t('audit.verify.intact')));
      if (v.entriesChecked != null) {
        lines.push(h('p', {}, t('audit.verify.intactDetail', { n: v.entriesChecked, head: v.headSeq ?? '–',
          hash: (v.headHash || '').slice(0, 16), checkpoints: v.checkpointsChecked ?? 0 })));
      }
    } else {
      lines.push(h('strong', { class: 'verdict-word', testid: 'audit-verdict' }, '✗ ' + t('audit.verify.broken')));
      const b = v.firstBroken;
      if (b) {
        lines.push(h('p', { testid: 'audit-first-broken', dataset: { seq: String(b.seq) } },
          t('audit.verify.brokenAt', { seq: b.seq, reason: b.reason || '' })));
        if (b.checkpoint) {
          const c = b.checkpoint;
          lines.push(h('p', {}, t('audit.verify.contradicts', { number: c.number, first: c.firstSeq, last: c.lastSeq,
            signedAt: formatTime(c.signedAt), key: (c.keyId || '').slice(0, 12) })));
        }
      }
    }
    if (v.unanchoredEntries != null) {
      lines.push(h('p', { testid: 'audit-unanchored', dataset: { count: String(v.unanchoredEntries) } },
        v.unanchoredEntries === 0 ? t('audit.verify.allAnchored', { seq: v.anchoredSeq ?? 0 })
          : t('audit.verify.unanchored', { n: v.unanchoredEntries, seq: v.anchoredSeq ?? 0 })));
    }
    if (v.checkpointsRejected) {
      lines.push(h('p', { class: 'late' }, t('audit.verify.rejected', { n: v.checkpointsRejected })));
    }
    if (v.entriesChecked == null) {
      lines.push(h('p', { class: 'hint', testid: 'audit-verdict-only' }, t('audit.verify.verdictOnly')));
    }
    result.replaceChildren(...lines);
    ctx.announce(v.intact ? t('audit.verify.intact') : t('audit.verify.broken'));
  }
  return h('section', { class: 'panel verify', testid: 'audit-verify-panel', 'aria-labelledby': 'audit-verify-title' },
    h('h2', { id: 'audit-verify-title' }, t('audit.verify.title')),
    h('div', { class: 'toolbar' }, button, h('span', { class: 'hint' }, t('audit.verify.what'))), result);
}

function timelineScreen(root, ctx) {
  const { t } = ctx;
  const audit = auditApi(ctx.api);
  const id = ctx.params.consultationId;
  let alive = true;
  const list = h('ol', { class: 'timeline audit-timeline', testid: 'audit-timeline' });
  const summary = h('p', { class: 'hint', testid: 'audit-timeline-summary' }, t('shell.loading'));
  const error = h('p', { class: 'form-error', testid: 'audit-error', role: 'alert', hidden: true });
  root.append(
    h('p', {}, h('a', { href: '#' + AUDIT, testid: 'audit-back' }, '← ' + t('audit.timeline.back'))),
    h('h1', { testid: 'audit-title' }, t('audit.timeline.title')),
    h('p', {}, t('audit.timeline.of'), ' ', h('code', { testid: 'audit-timeline-id' }, id)),
    h('div', { class: 'toolbar exports', testid: 'audit-exports' },
      h('span', {}, t('audit.export.title')),
      h('a', { class: 'button', testid: 'audit-export-jsonl', href: audit.exportHref('jsonl', { consultationId: id }),
        download: `audit-${id.slice(0, 8)}.jsonl` }, t('audit.export.jsonl')),
      h('a', { class: 'button', testid: 'audit-export-csv', href: audit.exportHref('csv', { consultationId: id }),
        download: `audit-${id.slice(0, 8)}.csv` }, t('audit.export.csv'))),
    summary, error, list);
  (async () => {
    try {
      const entries = await ctx.api.all(next => audit.timeline(id, next));
      if (!alive) return;
      entries.forEach(e => list.append(h('li', { testid: 'audit-timeline-entry', dataset: { seq: String(e.seq), action: e.action } },
        h('span', { class: 'when' }, h('time', { datetime: e.at }, formatTime(e.at))),
        h('strong', {}, actionLabel(t, e.action)), ' · ',
        e.country ? t(`shell.country.${e.country}`) : t('audit.service'),
        e.subject ? h('span', { class: 'hint' }, ' (' + e.subject + ')') : null, ' · ',
        phaseChange(t, e), ' ',
        h('span', { class: 'hint' }, '#' + e.seq),
        h('div', { class: 'details' }, detailsOf(t, e)))));
      const first = entries[0];
      const last = entries[entries.length - 1];
      summary.textContent = entries.length === 0 ? t('audit.log.none') : t('audit.timeline.summary', {
        n: entries.length, first: formatTime(first.at), last: formatTime(last.at), phase: phaseLabel(t, last.phaseAfter) });
    } catch (e) {
      if (!alive) return;
      summary.textContent = '';
      error.textContent = e.status === 404 ? t('audit.log.noConsultation') : t('shell.error', { error: e.message });
      error.hidden = false;
    }
  })();
  return () => { alive = false; };
}
