// Consultation room: the consultations your country takes part in, and one consultation's room: join, assessment
// and position, a draft joint statement (proposal), approve / decline / abstain with a reason, each country's
// deadlines counting down, and the timeline growing as it happens. Live by polling (every 3 s while the room is
// open, at once when the country's stream announces a change of this consultation): the timeline is the audit log,
// which the stream does not carry entry by entry.
import { h, statusBadge, practiceBanner, countryName, showProblem, clearProblem, fill } from './dom.js';
import { formatTime, formatDuration } from './i18n.js';

const POLL_MS = 3000;
const FINAL = ['CONCLUDED', 'CLOSED', 'CANCELLED'];

function deadline(t, iso, done) {
  if (!iso || done) return h('span', { class: 'hint' }, done ? '✓' : '–');
  return h('span', { class: 'deadline', dataset: { deadline: iso, testid: 'deadline' } }, '');
}

function tickDeadlines(root, t) {
  root.querySelectorAll('[data-deadline]').forEach(el => {
    const left = Date.parse(el.dataset.deadline) - Date.now();
    el.textContent = left >= 0 ? t('room.left', { duration: formatDuration(left) }) : t('room.overdue', { duration: formatDuration(-left) });
    el.classList.toggle('urgent', left >= 0 && left < 5 * 60000);
    el.classList.toggle('passed', left < 0);
  });
}

function field(name, label, multiline, max = 4000, value = '') {
  const input = multiline
    ? h('textarea', { id: 'f-' + name, name, maxlength: String(max), dataset: { field: name, testid: 'field-' + name } }, value)
    : h('input', { type: 'text', id: 'f-' + name, name, maxlength: String(max), value, dataset: { field: name, testid: 'field-' + name } });
  return [h('label', { for: 'f-' + name }, label), h('div', { dataset: { fieldRow: name } }, input)];
}

/** The key of a form field as drawn again: its form's testid and its name (null for anything else). */
function draftKey(el) {
  const form = el && el.form;
  return form && form.dataset.testid && el.name ? form.dataset.testid + '/' + el.name : null;
}

/** The fields of these forms whose value differs from what the form was drawn with: typed, not yet sent. */
function draftsOf(container) {
  const drafts = new Map();
  container.querySelectorAll('input[name], textarea[name]').forEach(el => {
    const key = draftKey(el);
    if (key && el.value !== el.defaultValue) drafts.set(key, el.value);
  });
  return drafts;
}

/** Puts the drafts back into the forms drawn again, and the focus where it was. */
function restoreDrafts(container, drafts, focusedKey) {
  container.querySelectorAll('input[name], textarea[name]').forEach(el => {
    const key = draftKey(el);
    if (key && drafts.has(key)) el.value = drafts.get(key);
    if (key && key === focusedKey) {
      el.focus();
      if (typeof el.setSelectionRange === 'function') el.setSelectionRange(el.value.length, el.value.length);
    }
  });
}

function formShell(testid, title, fields, buttons) {
  return h('form', { class: 'form panel', dataset: { testid }, novalidate: true },
    h('h2', { class: 'full' }, title), ...fields,
    h('p', { class: 'form-error full', role: 'alert', hidden: true, dataset: { role: 'form-error', testid: testid + '-error' } }),
    h('div', { class: 'full toolbar' }, buttons));
}

async function list(root, ctx) {
  const { t, api } = ctx;
  const body = h('tbody', { dataset: { testid: 'consultation-rows' } });
  const more = h('button', { type: 'button', hidden: true, dataset: { testid: 'consultations-more' } }, t('room.more'));
  let next = null;
  async function load(append) {
    const page = await api.consultations.page({}, append ? next : null);
    next = page.next;
    more.hidden = !next;
    const rows = page.items.map(c => h('tr', { class: 'practice-' + c.status, dataset: { testid: 'consultation-row', consultationId: api.idOf(c), phase: c.phase } },
      h('td', {}, statusBadge(c.status)),
      h('td', {}, h('a', { href: '#/consultations/' + encodeURIComponent(api.idOf(c)), dataset: { testid: 'consultation-link' } }, c.subject)),
      h('td', {}, t('room.phase.' + c.phase)),
      h('td', {}, t('room.level.' + c.level)),
      h('td', {}, (c.participants || []).map(p => p.country).join(' · ')),
      h('td', {}, FINAL.includes(c.phase) ? '–' : deadline(t, c.nextDeadline, false)),
      h('td', {}, formatTime(c.updatedAt))));
    if (append) body.append(...rows); else body.replaceChildren(...rows);
    if (!body.children.length) body.append(h('tr', {}, h('td', { colspan: '7', class: 'empty', dataset: { testid: 'consultations-empty' } }, t('room.none'))));
  }
  more.addEventListener('click', () => load(true));
  root.append(h('h1', {}, t('room.listTitle')),
    h('table', { class: 'grid', dataset: { testid: 'consultations-table' } },
      h('thead', {}, h('tr', {}, ['colTraffic', 'colSubject', 'colPhase', 'colLevel', 'colParticipants', 'colDeadline', 'colUpdated']
        .map(k => h('th', { scope: 'col' }, t('room.' + k))))), body), more);
  await load(false);
  tickDeadlines(root, t);
  const timer = setInterval(() => tickDeadlines(root, t), 1000);
  const refresh = setInterval(() => load(false).catch(() => {}), 15000);
  return () => { clearInterval(timer); clearInterval(refresh); };
}

export default {
  id: 'room',
  roles: ['liaison'],
  routes: ['/consultations', '/consultations/:consultationId'],
  nav: { path: '/consultations', label: 'room.nav', order: 20 },

  async mount(root, ctx) {
    const { t, api } = ctx;
    if (!ctx.params.consultationId) return list(root, ctx);
    const id = ctx.params.consultationId;
    const own = ctx.session.country;
    let consultation;
    try {
      consultation = await api.consultations.get(id);
    } catch (e) {
      root.append(h('h1', {}, t('room.title')), h('p', { class: 'form-error', dataset: { testid: 'room-error' } },
        e.status === 404 ? t('room.notFound') : t('shell.error', { error: e.message })));
      return null;
    }
    const seen = new Set();
    const timeline = h('ol', { class: 'timeline', dataset: { testid: 'room-timeline' }, 'aria-live': 'polite' });
    const head = h('div');
    const participants = h('div');
    const actions = h('div', { dataset: { testid: 'room-actions' } });
    root.append(head, h('div', { class: 'columns' },
      h('div', {}, participants, actions),
      h('section', { class: 'panel', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, t('room.timeline')), timeline)));
    let renderedVersion = -1;

    function me() { return (consultation.participants || []).find(p => p.country === own); }

    function renderHead() {
      const c = consultation;
      fill(head, 
        practiceBanner(c.status),
        h('p', {}, h('a', { href: '#/consultations', dataset: { testid: 'room-back' } }, '← ' + t('room.back'))),
        h('h1', { dataset: { testid: 'room-subject' } }, c.subject),
        h('div', { class: 'toolbar' }, statusBadge(c.status),
          h('span', { class: 'badge', dataset: { testid: 'room-phase', phase: c.phase } }, t('room.phase.' + c.phase)),
          h('span', { class: 'badge', dataset: { testid: 'room-level', level: c.level } }, t('room.level.' + c.level)),
          c.outcome ? h('span', { class: 'badge', dataset: { testid: 'room-outcome' } }, t('room.outcome', { outcome: c.outcome })) : null,
          c.closeReason ? h('span', { class: 'hint' }, t('room.closeReason', { reason: c.closeReason })) : null),
        h('p', {}, t('room.alerts'), ' ', ...(c.alertIds || []).flatMap((a, i) => [i ? ', ' : '',
          h('a', { href: '#/alerts/' + encodeURIComponent(a), dataset: { testid: 'room-alert-link' } }, a)])));
    }

    function renderParticipants() {
      const c = consultation;
      participants.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'participants-h' },
        h('h2', { id: 'participants-h' }, t('room.participants')),
        h('table', { class: 'grid participants', dataset: { testid: 'room-participants' } },
          h('thead', {}, h('tr', {}, ['colCountry', 'colJoined', 'colPosition', 'colResponse'].map(k => h('th', { scope: 'col' }, t('room.' + k))))),
          h('tbody', {}, (c.participants || []).map(p => h('tr', { dataset: { testid: 'participant-' + p.country, joined: String(p.joined), response: p.response || '' } },
            h('td', {}, countryName(p.country), p.country === own ? ' ' + t('room.you') : ''),
            h('td', { class: p.joined ? 'state-done' : '' }, p.joined ? t('room.joinedAt', { time: formatTime(p.joinedAt) })
              : [t('room.notJoined'), ' ', deadline(t, p.joinDeadline, false)]),
            h('td', {}, p.position ? [h('strong', {}, p.position), h('div', { class: 'hint' }, p.assessment)] : t('room.noPosition')),
            h('td', {}, p.response ? [t('room.answer.' + p.response), p.responseReason ? h('div', { class: 'hint' }, p.responseReason) : null]
              : c.phase === 'PROPOSED' ? [t('room.awaiting'), ' ', deadline(t, p.responseDeadline, false)] : '–'))))),
        c.proposal ? h('div', { class: 'panel', dataset: { testid: 'room-proposal', proposalId: api.idOf(c.proposal) } },
          h('h2', {}, t('room.proposal', { country: countryName(c.proposal.by?.country), time: formatTime(c.proposal.at) })),
          h('p', { dataset: { testid: 'room-statement' } }, c.proposal.statement),
          (c.proposal.actions || []).length ? h('ol', {}, c.proposal.actions.map(a => h('li', {}, a))) : null) : null));
    }

    async function act(form, call, done) {
      clearProblem(form);
      form.querySelectorAll('button').forEach(b => { b.disabled = true; });
      try {
        consultation = await call();
        form.reset(); // sent: no longer a draft (the form is drawn again from what the service now holds)
        ctx.announce(done);
        await refresh(true);
      } catch (err) {
        showProblem(form, err);
      } finally {
        form.querySelectorAll('button').forEach(b => { b.disabled = false; });
      }
    }

    function renderActions() {
      const c = consultation;
      const mine = me();
      const forms = [];
      if (!mine || FINAL.includes(c.phase)) {
        actions.replaceChildren(h('p', { class: 'hint', dataset: { testid: 'room-no-actions' } }, FINAL.includes(c.phase) ? t('room.final') : t('room.notParticipant')));
        return;
      }
      if (!mine.joined) {
        const form = formShell('join-form', t('room.joinTitle'), [h('p', { class: 'full' }, t('room.joinHint'))],
          h('button', { type: 'submit', class: 'primary', dataset: { testid: 'join-submit' } }, t('room.join', { country: countryName(own) })));
        form.addEventListener('submit', e => { e.preventDefault(); act(form, () => api.consultations.join(id), t('room.joined')); });
        forms.push(form);
      }
      if (mine.joined && c.phase === 'IN_SESSION') {
        const form = formShell('position-form', mine.position ? t('room.revisePosition') : t('room.positionTitle'),
          [...field('assessment', t('room.assessment'), true, 4000, mine.assessment || ''), ...field('position', t('room.position'), true, 4000, mine.position || '')],
          h('button', { type: 'submit', class: 'primary', dataset: { testid: 'position-submit' } }, t('room.positionSubmit')));
        form.addEventListener('submit', e => { e.preventDefault(); act(form, () => api.consultations.position(id, form.elements.assessment.value, form.elements.position.value), t('room.positionDone')); });
        forms.push(form);
        const allIn = (c.participants || []).every(p => p.position);
        const propose = formShell('proposal-form', t('room.proposeTitle'),
          [...field('statement', t('room.statement'), true), ...field('actions', t('room.actions'), true),
            h('p', { class: 'hint full' }, allIn ? t('room.actionsHint') : t('room.positionsMissing'))],
          h('button', { type: 'submit', class: 'primary', dataset: { testid: 'proposal-submit' } }, t('room.proposeSubmit')));
        propose.addEventListener('submit', e => {
          e.preventDefault();
          const list = propose.elements.actions.value.split('\n').map(s => s.trim()).filter(Boolean);
          act(propose, async () => { await api.consultations.propose(id, propose.elements.statement.value, list); return api.consultations.get(id); }, t('room.proposed'));
        });
        forms.push(propose);
      }
      if (c.phase === 'PROPOSED' && c.proposal && !mine.response) {
        const form = formShell('response-form', t('room.respondTitle'), [...field('reason', t('room.reason'), true, 4000),
          h('p', { class: 'hint full' }, t('room.reasonHint'))],
          [h('button', { type: 'submit', value: 'approve', class: 'primary', dataset: { testid: 'approve-submit' } }, t('room.approve')),
            h('button', { type: 'submit', value: 'abstain', dataset: { testid: 'abstain-submit' } }, t('room.abstain')),
            h('button', { type: 'submit', value: 'decline', class: 'danger', dataset: { testid: 'decline-submit' } }, t('room.decline'))]);
        form.addEventListener('submit', e => {
          e.preventDefault();
          const answer = e.submitter?.value || 'approve';
          act(form, () => api.consultations.respond(id, api.idOf(c.proposal), answer, form.elements.reason.value || undefined), t('room.answered.' + answer));
        });
        forms.push(form);
      }
      const close = formShell('close-form', t('room.closeTitle'), field('closeReason', t('room.reason'), false, 4000),
        h('button', { type: 'submit', class: 'danger', dataset: { testid: 'close-submit' } }, t('room.close')));
      close.querySelector('[data-field="closeReason"]').dataset.field = 'reason';
      close.addEventListener('submit', e => { e.preventDefault(); act(close, () => api.consultations.close(id, close.elements.closeReason.value), t('room.closed')); });
      forms.push(close);
      // what the liaison has typed and not yet sent survives another country's change re-drawing the forms
      const drafts = draftsOf(actions);
      const focused = actions.contains(document.activeElement) ? draftKey(document.activeElement) : null;
      fill(actions, ...forms);
      restoreDrafts(actions, drafts, focused);
    }

    function entryText(e) {
      let details = {};
      try { details = e.details ? JSON.parse(e.details) : {}; } catch (x) { /* shown without details */ }
      const who = e.country ? countryName(e.country) : t('room.system');
      const extra = details.reason || details.position || details.statement || details.headline || '';
      return t('room.entry', { who, action: e.action, phase: e.phaseAfter || '' }) + (extra ? ' — ' + extra : '');
    }

    async function loadTimeline() {
      const entries = await api.consultations.timeline(id);
      for (const e of entries) {
        const key = e.seq ?? api.idOf(e);
        if (seen.has(key)) continue;
        seen.add(key);
        timeline.append(h('li', { dataset: { testid: 'timeline-entry', action: e.action, seq: String(key) } },
          h('span', { class: 'when' }, formatTime(e.at)), entryText(e)));
      }
      timeline.scrollTop = timeline.scrollHeight;
    }

    async function refresh(force) {
      if (!force) consultation = await api.consultations.get(id);
      if (force || consultation.version !== renderedVersion) {
        renderedVersion = consultation.version;
        renderHead();
        renderParticipants();
        renderActions();
      }
      await loadTimeline();
      tickDeadlines(root, t);
    }

    await refresh(true);
    let busy = false;
    const poll = async () => { if (busy) return; busy = true; try { await refresh(false); } catch (e) { /* next poll */ } finally { busy = false; } };
    const timer = setInterval(poll, POLL_MS);
    const ticker = setInterval(() => tickDeadlines(root, t), 1000);
    const unsubscribe = ctx.notifications.subscribe((type, n) => { if (n && n.consultationId === id) poll(); });
    return () => { clearInterval(timer); clearInterval(ticker); unsubscribe(); };
  },
};
