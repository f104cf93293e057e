// The console's shell: session, screens and hash router, navigation by role, language switch, the country's live
// notification stream (one per page, shared by every screen) and its visible connection state.
//
// Screens: a module listed in screens.js whose default export is
//   {
//     id: 'board',                      // also its message bundle: i18n/board.<lang>.json
//     roles: ['liaison'],               // roles that may open it (any of them); [] = every signed-in user
//     routes: ['/board', '/board/:x'],  // hash routes (#/board), ':name' becomes ctx.params.name
//     nav: { path: '/board', label: 'board.nav', order: 10 },   // optional navigation entry
//     mount(root, ctx) { ...; return () => cleanup(); }          // renders into root; may return a cleanup
//   }
// ctx: { params, query, session, t, api, navigate(path), notifications.subscribe(fn) -> unsubscribe, announce(text),
//        banner(text, kind) }. Every control a test touches carries a data-testid.
import * as api from './api.js';
import { EventStream } from './sse.js';
import { t, load, setLanguage, language, translate, LANGUAGES } from './i18n.js';
import screenModules from './screens.js';

const state = { session: null, screens: [], current: null, cleanup: null, stream: null, subscribers: new Set() };

export function has(session, roles) {
  return !roles || roles.length === 0 || roles.some(r => session.roles.includes(r));
}

function compile(pattern) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (m, n) => { names.push(n); return '([^/]+)'; }) + '$');
  return { regex, names };
}

function match(path) {
  for (const screen of state.screens) {
    for (const route of screen.compiled) {
      const m = route.regex.exec(path);
      if (m) {
        const params = {};
        route.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
        return { screen, params };
      }
    }
  }
  return null;
}

export function navigate(path) { location.hash = '#' + path; }

function homePath() {
  const first = state.screens.filter(s => s.nav && has(state.session, s.roles)).sort((a, b) => a.nav.order - b.nav.order)[0];
  return first ? first.nav.path : null;
}

function renderNav(activePath) {
  const list = document.getElementById('nav-list');
  list.replaceChildren();
  state.screens.filter(s => s.nav && has(state.session, s.roles)).sort((a, b) => a.nav.order - b.nav.order)
    .forEach(s => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + s.nav.path;
      a.textContent = t(s.nav.label);
      a.dataset.testid = 'nav-' + s.id;
      if (activePath === s.nav.path || activePath.startsWith(s.nav.path + '/')) a.setAttribute('aria-current', 'page');
      li.append(a);
      list.append(li);
    });
}

export function banner(text, kind = 'info') {
  const el = document.getElementById('banner');
  if (!text) { el.hidden = true; el.textContent = ''; return; }
  el.hidden = false;
  el.className = 'banner ' + kind;
  el.textContent = text;
}

export function announce(text) {
  const el = document.getElementById('announcer');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 30);
}

async function route() {
  const raw = location.hash.replace(/^#/, '') || '';
  const [path, queryString] = raw.split('?');
  if (!path) {
    const home = homePath();
    if (home) { history.replaceState(null, '', '#' + home); return route(); }
  }
  if (state.cleanup) { try { state.cleanup(); } catch (e) { console.error(e); } state.cleanup = null; }
  const main = document.getElementById('main');
  main.replaceChildren();
  renderNav(path || '');
  const found = match(path);
  if (!found) {
    main.append(message(t('shell.notFound'), 'screen-not-found'));
    return;
  }
  if (!has(state.session, found.screen.roles)) {
    main.append(message(t('shell.notAllowed'), 'screen-not-allowed'));
    return;
  }
  state.current = found.screen;
  main.dataset.screen = found.screen.id;
  const ctx = {
    params: found.params, query: new URLSearchParams(queryString || ''), session: state.session, t, api, navigate,
    announce, banner, notifications: { subscribe: fn => { state.subscribers.add(fn); return () => state.subscribers.delete(fn); } },
  };
  try {
    const cleanup = await found.screen.mount(main, ctx);
    state.cleanup = typeof cleanup === 'function' ? cleanup : null;
  } catch (e) {
    console.error(e);
    main.append(message(t('shell.screenFailed', { error: e.message }), 'screen-error'));
  }
}

function message(text, testid) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.dataset.testid = testid;
  p.textContent = text;
  return p;
}

function connectionState(stateName, detail) {
  const el = document.getElementById('connection');
  el.dataset.state = stateName;
  el.dataset.lastEventId = detail.lastEventId || '';
  el.textContent = t('shell.connection.' + stateName);
  el.title = stateName === 'reconnecting' && detail.inMs
    ? t('shell.connection.retryIn', { seconds: Math.round(detail.inMs / 1000) }) : '';
}

function openStream() {
  if (!state.session.roles.includes('liaison')) return;
  state.stream = new EventStream(api.NOTIFICATION_STREAM, {
    storageKey: `tcc.console.stream.${state.session.username}.${state.session.country}`,
    onEvent: (type, data, id) => state.subscribers.forEach(fn => { try { fn(type, data, id); } catch (e) { console.error(e); } }),
    onState: connectionState,
    onExpired: sessionExpired,
  }).start();
}

function sessionExpired() {
  banner(t('shell.sessionExpired'), 'error');
  state.stream?.stop();
  setTimeout(() => location.reload(), 1500);
}

async function start() {
  const ids = ['shell'];
  const modules = await Promise.all(screenModules.map(path => import(path)));
  state.screens = modules.map(m => m.default).map(s => ({ ...s, compiled: s.routes.map(compile) }));
  state.screens.forEach(s => ids.push(s.id));
  await load(ids);
  document.documentElement.lang = language();
  api.on('session-expired', sessionExpired);
  try {
    state.session = await api.session();
  } catch (e) {
    banner(t('shell.sessionFailed'), 'error');
    return;
  }
  const who = document.getElementById('who');
  who.textContent = `${state.session.name} · ${state.session.country}`;
  who.dataset.country = state.session.country;
  who.dataset.roles = state.session.roles.join(' ');
  const select = document.getElementById('lang');
  select.value = language();
  select.addEventListener('change', async () => {
    await setLanguage(select.value, ids);
    translate();
    const el = document.getElementById('connection');
    connectionState(el.dataset.state, { lastEventId: el.dataset.lastEventId });
    await route();
    announce(t('shell.languageChanged'));
  });
  translate();
  openStream();
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

export const languages = LANGUAGES;
start();
