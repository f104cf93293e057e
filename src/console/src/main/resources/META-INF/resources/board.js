// Liaison board: the alerts releasable to the signed-in country, live. The first page comes from GET alerts, then
// the country's notification stream (shared by the shell) brings every new version as it happens; a light refresh
// every 20 s picks up what the stream does not carry (other countries' acknowledgements).
// Keyboard: j / k (or ↓ / ↑) move between alerts, Enter opens one, a acknowledges it for your country.
import { h, statusBadge, severityBadge, countryName } from './dom.js';
import { formatTime, formatDuration } from './i18n.js';

const REFRESH_MS = 20000;

function detectedAt(alert) { return alert.launch?.detectedAt || null; }

export default {
  id: 'board',
  roles: ['liaison'],
  routes: ['/board'],
  nav: { path: '/board', label: 'board.nav', order: 10 },

  async mount(root, ctx) {
    const { t, api } = ctx;
    const country = ctx.session.country;
    const alerts = new Map();       // id -> alert state
    const arrivals = new Map();     // id -> when this console first saw it live (ms)
    const notices = [];
    let next = null;
    let selected = null;
    let showClosed = ctx.query.get('all') === '1';
    let statusFilter = ctx.query.get('status') || '';

    const table = h('tbody', { dataset: { testid: 'board-rows' } });
    const empty = h('p', { class: 'empty', dataset: { testid: 'board-empty' }, hidden: true }, t('board.empty'));
    const more = h('button', { type: 'button', dataset: { testid: 'board-more' }, hidden: true, onclick: loadMore }, t('board.more'));
    const error = h('p', { class: 'form-error', dataset: { testid: 'board-error' }, hidden: true });
    const noticeList = h('ol', { class: 'timeline', dataset: { testid: 'board-notices' } });
    const counts = h('span', { class: 'hint', dataset: { testid: 'board-counts' } });

    const statusSelect = h('select', { dataset: { testid: 'board-filter-status' }, 'aria-label': t('board.filterStatus'),
      onchange: e => { statusFilter = e.target.value; reload(); } },
      h('option', { value: '' }, t('board.allTraffic')),
      ...['ACTUAL', 'EXERCISE', 'TEST'].map(s => h('option', { value: s }, t('shell.status.' + s))));
    statusSelect.value = statusFilter;
    const closedToggle = h('input', { type: 'checkbox', id: 'board-closed', dataset: { testid: 'board-show-closed' },
      onchange: e => { showClosed = e.target.checked; reload(); } });
    closedToggle.checked = showClosed;

    root.append(
      h('h1', {}, t('board.title', { country: countryName(country) })),
      h('div', { class: 'toolbar' },
        h('a', { class: 'button primary', href: '#/alerts/new', dataset: { testid: 'board-raise' } }, t('board.raise')),
        h('label', {}, t('board.filterStatus'), ' ', statusSelect),
        h('label', { for: 'board-closed' }, closedToggle, ' ', t('board.showClosed')),
        counts,
        h('span', { class: 'hint', dataset: { testid: 'board-keys' } }, t('board.keys'))),
      error,
      h('table', { class: 'grid', dataset: { testid: 'board-table' }, 'aria-label': t('board.title', { country: countryName(country) }) },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('board.colTraffic')),
          h('th', { scope: 'col' }, t('board.colSeverity')),
          h('th', { scope: 'col' }, t('board.colHeadline')),
          h('th', { scope: 'col' }, t('board.colAffected')),
          h('th', { scope: 'col' }, t('board.colRaised')),
          h('th', { scope: 'col' }, t('board.colAge')),
          h('th', { scope: 'col' }, t('board.colArrival')),
          h('th', { scope: 'col' }, t('board.colAcks')))),
        table),
      empty, more,
      h('h2', {}, t('board.notices')),
      noticeList);

    function visible(alert) {
      if (!showClosed && alert.lifecycle !== 'ACTIVE') return false;
      if (statusFilter && alert.status !== statusFilter) return false;
      return true;
    }

    function sorted() {
      return [...alerts.values()].filter(visible).sort((a, b) => (b.raisedAt || '').localeCompare(a.raisedAt || ''));
    }

    function ackCell(alert) {
      const acked = new Map((alert.acknowledgements || []).map(a => [a.country, a]));
      return h('div', { class: 'acks' }, (alert.releasableTo || []).map(c => {
        const a = acked.get(c);
        return h('span', { class: 'ack ' + (a ? 'done' : 'pending'), dataset: { testid: 'ack-' + c, acknowledged: a ? 'true' : 'false' },
          title: a ? t('board.ackedAt', { country: countryName(c), time: formatTime(a.at) }) : t('board.ackPending', { country: countryName(c) }) },
        c);
      }));
    }

    function arrivalText(alert, id) {
      const detected = detectedAt(alert);
      if (!detected) return h('span', { class: 'hint' }, t('board.noDetection'));
      const arrived = arrivals.get(id) ?? Date.parse(alert.raisedAt);
      const delay = arrived - Date.parse(detected);
      return h('span', { class: delay > 60000 ? 'late' : '', dataset: { testid: 'arrival', ms: String(delay) },
        title: t('board.arrivalTitle', { detected: formatTime(detected) }) }, formatDuration(delay));
    }

    function row(alert) {
      const id = api.idOf(alert);
      const ownAck = (alert.acknowledgements || []).some(a => a.country === country);
      const link = h('a', { href: '#/alerts/' + encodeURIComponent(id), dataset: { testid: 'alert-link' } }, alert.headline);
      const ack = ownAck || alert.lifecycle !== 'ACTIVE' ? null
        : h('button', { type: 'button', class: 'primary', dataset: { testid: 'board-ack' },
          'aria-label': t('board.ackFor', { headline: alert.headline }), onclick: () => acknowledge(id) }, t('board.ack'));
      const tr = h('tr', { class: `practice-${alert.status} lifecycle-${alert.lifecycle}` + (id === selected ? ' selected' : ''),
        dataset: { testid: 'alert-row', alertId: id, status: alert.status, severity: alert.severity, lifecycle: alert.lifecycle } },
        h('td', {}, statusBadge(alert.status), alert.lifecycle !== 'ACTIVE'
          ? h('span', { class: 'badge life-' + alert.lifecycle, dataset: { testid: 'lifecycle-badge' } }, t('shell.lifecycle.' + alert.lifecycle)) : null),
        h('td', {}, severityBadge(alert.severity)),
        h('td', {}, link, h('div', { class: 'hint' }, t('board.typeRegion', { type: alert.type, region: alert.region, version: alert.version }))),
        h('td', { dataset: { testid: 'affected' } }, (alert.affectedCountries || []).join(' · ') || '–'),
        h('td', {}, formatTime(alert.raisedAt)),
        h('td', { dataset: { testid: 'age', raisedAt: alert.raisedAt } }, formatDuration(Date.now() - Date.parse(alert.raisedAt))),
        h('td', {}, arrivalText(alert, id)),
        h('td', {}, ackCell(alert), ack));
      return tr;
    }

    function render(freshId) {
      const list = sorted();
      table.replaceChildren(...list.map(a => {
        const tr = row(a);
        if (api.idOf(a) === freshId) tr.classList.add('fresh');
        return tr;
      }));
      empty.hidden = list.length > 0;
      more.hidden = !next;
      const practice = list.filter(a => a.status !== 'ACTUAL').length;
      counts.textContent = t('board.counts', { shown: list.length, practice });
    }

    function tick() {
      table.querySelectorAll('[data-testid="age"]').forEach(td => {
        td.textContent = formatDuration(Date.now() - Date.parse(td.dataset.raisedAt));
      });
    }

    function merge(list) {
      for (const a of list) {
        const id = api.idOf(a);
        const known = alerts.get(id);
        if (!known || (a.version ?? 0) >= (known.version ?? 0)) alerts.set(id, a);
      }
    }

    function filters() {
      const f = {};
      if (!showClosed) f.lifecycle = 'ACTIVE';
      if (statusFilter) f.status = statusFilter;
      return f;
    }

    async function reload() {
      try {
        const page = await api.alerts.page(filters());
        alerts.clear();
        merge(page.items);
        next = page.next;
        error.hidden = true;
        render();
      } catch (e) {
        error.hidden = false;
        error.textContent = t('shell.error', { error: e.message });
      }
    }

    async function refreshFirstPage() {
      try {
        const page = await api.alerts.page(filters());
        merge(page.items);
        render();
      } catch (e) { /* the next refresh tries again; the stream keeps the board live meanwhile */ }
    }

    async function loadMore() {
      if (!next) return;
      const page = await api.alerts.page(filters(), next);
      merge(page.items);
      next = page.next;
      render();
    }

    async function acknowledge(id) {
      try {
        await api.alerts.acknowledge(id);
        const fresh = await api.alerts.get(id);
        merge([fresh]);
        render();
        ctx.announce(t('board.acked', { headline: fresh.headline }));
      } catch (e) {
        error.hidden = false;
        error.textContent = t('shell.error', { error: e.message });
      }
    }

    function onNotice(type, notice) {
      if (type !== 'notification' || typeof notice !== 'object') return;
      const alert = notice.event?.alert;
      let freshId = null;
      if (alert && notice.kind === 'ALERT') {
        const id = api.idOf(alert);
        if (!arrivals.has(id) && !alerts.has(id)) arrivals.set(id, Date.now());
        merge([alert]);
        freshId = id;
        ctx.announce(t('board.liveAlert', { status: t('shell.status.' + alert.status), headline: alert.headline }));
      }
      notices.unshift(notice);
      notices.length = Math.min(notices.length, 15);
      noticeList.replaceChildren(...notices.map(n => h('li', { dataset: { testid: 'notice', kind: n.kind, seq: String(n.seq ?? '') } },
        h('span', { class: 'when' }, formatTime(n.createdAt)),
        n.exercise || n.trafficStatus === 'EXERCISE' || n.trafficStatus === 'TEST' ? statusBadge(n.trafficStatus || 'EXERCISE') : null, ' ',
        n.consultationId ? h('a', { href: '#/consultations/' + encodeURIComponent(n.consultationId), dataset: { testid: 'notice-consultation' } }, n.title)
          : n.alertId ? h('a', { href: '#/alerts/' + encodeURIComponent(n.alertId) }, n.title) : n.title)));
      render(freshId);
    }

    function onKey(e) {
      if (e.target.closest('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
      const rows = [...table.querySelectorAll('tr')];
      if (!rows.length) return;
      let index = rows.findIndex(r => r.dataset.alertId === selected);
      if (e.key === 'j' || e.key === 'ArrowDown') index = Math.min(rows.length - 1, index + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') index = Math.max(0, index - 1);
      else if (e.key === 'Enter' && selected && !e.target.closest('a, button')) { ctx.navigate('/alerts/' + encodeURIComponent(selected)); return; }
      else if (e.key === 'a' && selected) { const b = rows[index]?.querySelector('[data-testid="board-ack"]'); if (b) b.click(); return; }
      else return;
      e.preventDefault();
      selected = rows[Math.max(0, index)].dataset.alertId;
      rows.forEach(r => r.classList.toggle('selected', r.dataset.alertId === selected));
      rows[Math.max(0, index)].querySelector('[data-testid="alert-link"]').focus();
    }

    table.append(h('tr', {}, h('td', { colspan: '8', class: 'hint' }, t('shell.loading'))));
    await reload();
    const unsubscribe = ctx.notifications.subscribe(onNotice);
    const ages = setInterval(tick, 1000);
    const refresh = setInterval(refreshFirstPage, REFRESH_MS);
    document.addEventListener('keydown', onKey);
    return () => { unsubscribe(); clearInterval(ages); clearInterval(refresh); document.removeEventListener('keydown', onKey); };
  },
};
