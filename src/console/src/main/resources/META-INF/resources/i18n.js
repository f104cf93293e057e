// Message bundles: one JSON file per screen and language, i18n/<screen>.<lang>.json, so each screen's texts live
// beside it and several people can add screens without touching one big file. A Java test (I18nBundlesTest) checks
// that every screen has the same keys in en, ko and ja.
export const LANGUAGES = ['en', 'ko', 'ja'];
const STORAGE_KEY = 'tcc.console.lang';
const LOCALES = { en: 'en-GB', ko: 'ko-KR', ja: 'ja-JP' };
const bundles = new Map(); // "<screen>.<lang>" -> messages
let current = initialLanguage();

function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : 'en';
}

export function language() { return current; }
export function locale() { return LOCALES[current]; }

/** Switches the language (remembered in localStorage) after loading the given screens' bundles in it. */
export async function setLanguage(lang, screens) {
  if (!LANGUAGES.includes(lang)) throw new Error('unknown language ' + lang);
  await load(screens, lang);
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** Loads i18n/<screen>.<lang>.json for each screen (and English, the fallback), once each. */
export async function load(screens, lang = current) {
  const wanted = [];
  for (const screen of screens) {
    for (const l of new Set([lang, 'en'])) {
      const key = screen + '.' + l;
      if (!bundles.has(key)) wanted.push(fetchBundle(screen, l).then(messages => bundles.set(key, messages)));
    }
  }
  await Promise.all(wanted);
}

async function fetchBundle(screen, lang) {
  const response = await fetch(`/i18n/${screen}.${lang}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`message bundle ${screen}.${lang} missing (${response.status})`);
  return response.json();
}

/**
 * The text of key "<screen>.<name>" in the current language, {placeholders} filled from vars; English if the
 * current language lacks it, the key itself if nobody has it (visible, so a missing text is noticed).
 */
export function t(key, vars = {}) {
  const dot = key.indexOf('.');
  const screen = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const text = bundles.get(screen + '.' + current)?.[name] ?? bundles.get(screen + '.en')?.[name] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, v) => (v in vars ? String(vars[v]) : m));
}

/** Fills data-i18n (text) and data-i18n-<attribute> (attributes) under root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('*').forEach(el => {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('data-i18n-')) el.setAttribute(attr.slice('data-i18n-'.length), t(el.getAttribute(attr)));
    }
  });
}

/** 12:04:07Z on 29 Nov: the desk works in UTC; the date only when it is not today. */
export function formatTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  const time = d.toISOString().slice(11, 19) + 'Z';
  const today = new Date().toISOString().slice(0, 10) === d.toISOString().slice(0, 10);
  if (today) return time;
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d) + ' ' + time;
}

/** A duration in words: "4 min 12 s", "2 h 5 min", in the current language. */
export function formatDuration(ms) {
  if (ms == null || Number.isNaN(ms)) return '–';
  const negative = ms < 0;
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts = [];
  if (h) parts.push(t('shell.hours', { n: h }));
  if (h || m) parts.push(t('shell.minutes', { n: m }));
  if (!h) parts.push(t('shell.seconds', { n: s }));
  return (negative ? '−' : '') + parts.join(' ');
}
