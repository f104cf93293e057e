// The admin's screens: the recipient directory of their country (every country's for a trilateral admin): list,
// create, edit, deactivate, the API's field errors beside the fields; and the escalation chains the directory makes
// (liaison -> duty officer -> senior official), as the notification service walks them when a country stays silent.
import { h, queryString, showFieldErrors, clearFieldErrors } from './ops-ui.js';
import { formatTime } from './i18n.js';

const ADMIN = '/admin';
const COUNTRIES = ['USA', 'KOR', 'JPN'];
const STEPS = ['LIAISON', 'DUTY_OFFICER', 'SENIOR_OFFICIAL'];
const LANGUAGES = ['en', 'ko', 'ja'];

export default {
  id: 'admin',
  roles: ['admin'],
  routes: ['/admin', '/admin/chains', '/admin/recipients/new', '/admin/recipients/:recipientId'],
  nav: { path: '/admin', label: 'admin.nav', order: 60 },
  mount(root, ctx) {
    const path = location.hash.replace(/^#/, '').split('?')[0];
    const country = countryOf(ctx);
    if (ctx.params.recipientId) return editScreen(root, ctx, country, ctx.params.recipientId);
    if (path === ADMIN + '/recipients/new') return editScreen(root, ctx, country, null);
    if (path === ADMIN + '/chains') return chainsScreen(root, ctx, country);
    return directoryScreen(root, ctx, country);
  },
};

/** The country whose directory is shown: the admin's own; a trilateral admin may choose (?country=). */
function countryOf(ctx) {
  const chosen = ctx.query.get('country');
  return trilateral(ctx) && COUNTRIES.includes(chosen) ? chosen : ctx.session.country;
}

function trilateral(ctx) {
  return ctx.session.roles.includes('trilateral');
}

/** The notification service's directory, through the proxy; list shapes and ids are api.js's business. */
function directoryApi(api) {
  const base = api.SERVICES.notification + '/recipients';
  return {
    list: country => api.all(next => api.request('GET', base, { query: { country, cursor: next || undefined,
      limit: next ? 200 : undefined } }).then(r => api.pageOf(r.body))),
    get: id => api.request('GET', base + '/' + encodeURIComponent(id)).then(r => r.body),
    create: body => api.request('POST', base, { body }).then(r => r.body),
    update: (id, body) => api.request('PUT', base + '/' + encodeURIComponent(id), { body }).then(r => r.body),
    deactivate: id => api.request('DELETE', base + '/' + encodeURIComponent(id)),
  };
}

/** Header of every admin screen: title, the two tabs, and (trilateral admins) the country chooser. */
function header(root, ctx, country, tab) {
  const { t } = ctx;
  const link = (id, path, label) => h('a', { href: '#' + path + queryString({ country: trilateral(ctx) ? country : '' }),
    testid: 'admin-tab-' + id, class: 'tab', 'aria-current': tab === id ? 'page' : null }, label);
  const tools = h('div', { class: 'toolbar' },
    h('nav', { class: 'tabs', 'aria-label': t('admin.tabs') },
      link('directory', ADMIN, t('admin.tab.directory')), link('chains', ADMIN + '/chains', t('admin.tab.chains'))));
  if (trilateral(ctx)) {
    const select = h('select', { id: 'admin-country', testid: 'admin-country', on: { change: () =>
      ctx.navigate((tab === 'chains' ? ADMIN + '/chains' : ADMIN) + queryString({ country: select.value })) } },
    COUNTRIES.map(c => h('option', { value: c, selected: c === country }, t(`shell.country.${c}`))));
    tools.append(h('label', { for: 'admin-country' }, t('admin.country')), select);
  } else {
    tools.append(h('span', { class: 'hint', testid: 'admin-country-fixed' },
      t('admin.countryFixed', { country: t(`shell.country.${country}`) })));
  }
  root.append(h('h1', { testid: 'admin-title' }, tab === 'chains' ? t('admin.chains.title') : t('admin.title')), tools);
}

function directoryScreen(root, ctx, country) {
  const { t } = ctx;
  const directory = directoryApi(ctx.api);
  let alive = true;
  let recipients = [];
  header(root, ctx, country, 'directory');
  const showInactive = h('input', { type: 'checkbox', id: 'admin-show-inactive', testid: 'admin-show-inactive',
    checked: ctx.query.get('inactive') === 'true', on: { change: () => render() } });
  const status = h('p', { class: 'hint', testid: 'admin-status', 'aria-live': 'polite' }, t('shell.loading'));
  const error = h('p', { class: 'form-error', testid: 'admin-error', role: 'alert', hidden: true });
  const table = h('table', { class: 'grid', testid: 'admin-recipients' });
  root.append(h('div', { class: 'toolbar' },
    h('a', { class: 'button primary', testid: 'admin-new',
      href: '#' + ADMIN + '/recipients/new' + queryString({ country: trilateral(ctx) ? country : '' }) }, t('admin.new')),
    h('label', {}, showInactive, ' ', t('admin.showInactive'))),
  status, error, table);

  function render() {
    const withLanguage = recipients.some(r => 'language' in r);
    const shown = recipients.filter(r => showInactive.checked || r.active)
      .sort((a, b) => STEPS.indexOf(a.chainStep) - STEPS.indexOf(b.chainStep) || a.name.localeCompare(b.name));
    const columns = ['name', 'chainStep', 'channels', withLanguage ? 'language' : null, 'state', 'updated', 'actions']
      .filter(Boolean);
    table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, t('admin.caption', { country: t(`shell.country.${country}`) })),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, t(`admin.column.${c}`))))),
      h('tbody', {}, shown.map(r => recipientRow(r, columns))));
    const inactive = recipients.filter(r => !r.active).length;
    status.textContent = t('admin.count', { n: recipients.length - inactive, inactive });
  }

  function recipientRow(r, columns) {
    const id = ctx.api.idOf(r);
    const cells = {
      name: h('td', {}, h('a', { href: '#' + ADMIN + '/recipients/' + id, testid: 'admin-recipient-edit' }, r.name)),
      chainStep: h('td', {}, t(`admin.step.${r.chainStep}`)),
      channels: h('td', {}, channels(ctx, r)),
      language: h('td', { testid: 'admin-recipient-language' }, r.language ? t(`admin.language.${r.language}`) : '–'),
      state: h('td', { testid: 'admin-recipient-state' }, r.active ? t('admin.active') : t('admin.inactive')),
      updated: h('td', { class: 'when' }, formatTime(r.updatedAt || r.createdAt)),
      actions: h('td', {}, r.active ? deactivateControl(r, id) : null),
    };
    return h('tr', { testid: 'admin-recipient', class: r.active ? null : 'lifecycle-CANCELLED',
      dataset: { id, name: r.name, step: r.chainStep, active: String(r.active) } }, columns.map(c => cells[c]));
  }

  /** Deactivate asks once more in the row itself (no modal dialog): Confirm / Keep. */
  function deactivateControl(r, id) {
    const cell = h('span', { class: 'row-actions' });
    const ask = h('button', { type: 'button', class: 'danger', testid: 'admin-deactivate',
      'aria-label': t('admin.deactivateWho', { name: r.name }), on: { click: () => {
        cell.replaceChildren(h('span', {}, t('admin.deactivateConfirm', { name: r.name }) + ' '),
          h('button', { type: 'button', class: 'danger', testid: 'admin-deactivate-confirm', on: { click: confirm } },
            t('admin.deactivateYes')), ' ',
          h('button', { type: 'button', testid: 'admin-deactivate-cancel', on: { click: () => cell.replaceChildren(ask) } },
            t('admin.deactivateNo')));
        cell.querySelector('[data-testid="admin-deactivate-confirm"]').focus();
      } } }, t('admin.deactivate'));
    async function confirm() {
      try {
        await directory.deactivate(id);
        ctx.announce(t('admin.deactivated', { name: r.name }));
        await load();
      } catch (e) {
        error.textContent = t('shell.error', { error: e.message });
        error.hidden = false;
      }
    }
    cell.append(ask);
    return cell;
  }

  async function load() {
    try {
      const list = await directory.list(country);
      if (!alive) return;
      recipients = list;
      error.hidden = true;
      render();
    } catch (e) {
      if (!alive) return;
      status.textContent = '';
      error.textContent = e.status === 403 ? t('admin.forbidden') : t('shell.error', { error: e.message });
      error.hidden = false;
    }
  }
  load();
  return () => { alive = false; };
}

function channels(ctx, r) {
  const { t } = ctx;
  const list = [];
  if (r.stream) list.push(h('span', { class: 'ack done' }, t('admin.channel.stream')));
  if (r.email) list.push(h('span', { class: 'ack done', title: r.email }, t('admin.channel.email') + ' ' + r.email));
  if (r.webhookUrl) list.push(h('span', { class: 'ack done', title: r.webhookUrl }, t('admin.channel.webhook')));
  return list.length ? h('span', { class: 'acks' }, list) : h('span', { class: 'late' }, t('admin.channel.none'));
}

function editScreen(root, ctx, country, id) {
  const { t } = ctx;
  const directory = directoryApi(ctx.api);
  let alive = true;
  header(root, ctx, country, 'directory');
  const back = '#' + ADMIN + queryString({ country: trilateral(ctx) ? country : '' });
  const title = h('h2', { testid: 'admin-form-title' }, id ? t('admin.form.edit') : t('admin.form.new'));
  const formError = h('p', { class: 'form-error', testid: 'admin-form-error', role: 'alert', hidden: true });
  const input = (name, attrs = {}) => h('input', { type: 'text', id: 'admin-' + name, name, testid: 'admin-field-' + name,
    autocomplete: 'off', ...attrs });
  const fields = {
    country: h('select', { id: 'admin-country-field', name: 'country', testid: 'admin-field-country',
      disabled: Boolean(id) || !trilateral(ctx) },
    COUNTRIES.map(c => h('option', { value: c, selected: c === country }, t(`shell.country.${c}`)))),
    name: input('name', { required: true, maxlength: 128, spellcheck: 'false' }),
    chainStep: h('select', { id: 'admin-chainStep', name: 'chainStep', testid: 'admin-field-chainStep' },
      STEPS.map(s => h('option', { value: s }, t(`admin.step.${s}`)))),
    email: input('email', { type: 'email', maxlength: 320 }),
    webhookUrl: input('webhookUrl', { type: 'url', maxlength: 2048 }),
    webhookSecret: input('webhookSecret', { type: 'password', autocomplete: 'new-password' }),
    stream: h('input', { type: 'checkbox', id: 'admin-stream', name: 'stream', testid: 'admin-field-stream', checked: true }),
    active: h('input', { type: 'checkbox', id: 'admin-active', name: 'active', testid: 'admin-field-active', checked: true }),
    language: h('select', { id: 'admin-language', name: 'language', testid: 'admin-field-language' },
      h('option', { value: '' }, t('admin.language.default')),
      LANGUAGES.map(l => h('option', { value: l }, t(`admin.language.${l}`)))),
  };
  const row = (name, label, hint) => [h('label', { for: fields[name].id }, label),
    h('div', { class: 'field' }, fields[name], hint ? h('div', { class: 'hint' }, hint) : null)];
  const languageRow = row('language', t('admin.field.language'), t('admin.hint.language'));
  const save = h('button', { type: 'submit', class: 'primary', testid: 'admin-save' }, t('admin.form.save'));
  const form = h('form', { class: 'form', testid: 'admin-form', novalidate: true, on: { submit: e => { e.preventDefault(); submit(); } } },
    row('country', t('admin.field.country')),
    row('name', t('admin.field.name'), t('admin.hint.name')),
    row('chainStep', t('admin.field.chainStep'), t('admin.hint.chainStep')),
    row('email', t('admin.field.email')),
    row('webhookUrl', t('admin.field.webhookUrl'), t('admin.hint.webhookUrl')),
    row('webhookSecret', t('admin.field.webhookSecret'), id ? t('admin.hint.webhookSecretKeep') : t('admin.hint.webhookSecret')),
    row('stream', t('admin.field.stream')),
    row('active', t('admin.field.active')),
    languageRow,
    h('div', { class: 'full toolbar' }, save, h('a', { href: back, class: 'button', testid: 'admin-cancel' }, t('admin.form.cancel'))),
    h('div', { class: 'full' }, formError));
  root.append(h('p', {}, h('a', { href: back, testid: 'admin-back' }, '← ' + t('admin.back'))), title, form);
  // the language field exists once the service knows it: shown when a recipient of the directory carries one
  languageRow.forEach(el => { el.hidden = true; });

  function body() {
    const value = v => (v.trim() === '' ? null : v.trim());
    const b = { country: fields.country.value, name: fields.name.value.trim(), chainStep: fields.chainStep.value,
      email: value(fields.email.value), webhookUrl: value(fields.webhookUrl.value), stream: fields.stream.checked,
      active: fields.active.checked };
    if (fields.webhookSecret.value !== '') b.webhookSecret = fields.webhookSecret.value;
    if (!languageRow[0].hidden && fields.language.value) b.language = fields.language.value;
    return b;
  }

  async function submit() {
    clearFieldErrors(form, formError);
    save.disabled = true;
    try {
      const saved = id ? await directory.update(id, body()) : await directory.create(body());
      ctx.announce(t('admin.saved', { name: saved.name }));
      ctx.navigate(back.slice(1));
    } catch (e) {
      if (e.status === 409) {
        e.errors = [{ field: 'name', message: e.message }];
      }
      if (e.status === 403) {
        formError.textContent = t('admin.forbiddenChange');
        formError.hidden = false;
      } else {
        showFieldErrors(form, e, 'admin', formError);
      }
    } finally {
      save.disabled = false;
    }
  }

  (async () => {
    try {
      const existing = id ? await directory.get(id) : null;
      const sample = existing || (await directory.list(country))[0];
      if (!alive) return;
      if (sample && 'language' in sample) languageRow.forEach(el => { el.hidden = false; });
      if (existing) {
        fields.country.value = existing.country;
        fields.name.value = existing.name;
        fields.chainStep.value = existing.chainStep;
        fields.email.value = existing.email || '';
        fields.webhookUrl.value = existing.webhookUrl || '';
        fields.webhookSecret.placeholder = existing.webhookSecretSet ? t('admin.hint.secretSet') : '';
        fields.stream.checked = Boolean(existing.stream);
        fields.active.checked = Boolean(existing.active);
        fields.language.value = existing.language || '';
        title.textContent = t('admin.form.editWho', { name: existing.name });
      }
      fields.name.focus();
    } catch (e) {
      if (!alive) return;
      formError.textContent = e.status === 404 ? t('admin.notFound') : t('shell.error', { error: e.message });
      formError.hidden = false;
    }
  })();
  return () => { alive = false; };
}

function chainsScreen(root, ctx, country) {
  const { t } = ctx;
  const directory = directoryApi(ctx.api);
  let alive = true;
  header(root, ctx, country, 'chains');
  const error = h('p', { class: 'form-error', testid: 'admin-error', role: 'alert', hidden: true });
  const chain = h('ol', { class: 'chain', testid: 'admin-chain', 'aria-label': t('admin.chains.of', { country: t(`shell.country.${country}`) }) });
  root.append(h('p', { class: 'hint' }, t('admin.chains.intro')), error, chain);
  (async () => {
    try {
      const recipients = (await directory.list(country)).filter(r => r.active);
      if (!alive) return;
      STEPS.forEach((step, i) => {
        const at = recipients.filter(r => r.chainStep === step).sort((a, b) => a.name.localeCompare(b.name));
        chain.append(h('li', { class: 'chain-step panel', testid: 'admin-chain-step', dataset: { step, count: String(at.length) } },
          h('h2', {}, (i + 1) + '. ' + t(`admin.step.${step}`)),
          h('p', { class: 'hint' }, t(`admin.chains.when.${step}`)),
          at.length === 0 ? h('p', { class: 'late', testid: 'admin-chain-empty' }, t('admin.chains.empty'))
            : h('ul', {}, at.map(r => h('li', { testid: 'admin-chain-recipient', dataset: { name: r.name } },
              h('a', { href: '#' + ADMIN + '/recipients/' + ctx.api.idOf(r) }, r.name), ' ', channels(ctx, r))))));
      });
    } catch (e) {
      if (!alive) return;
      error.textContent = e.status === 403 ? t('admin.forbidden') : t('shell.error', { error: e.message });
      error.hidden = false;
    }
  })();
  return () => { alive = false; };
}
