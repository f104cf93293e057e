// A few DOM helpers shared by the screens (no framework: the page is small and must run without a build step).
import { t } from './i18n.js';

/**
 * h('a', {href, dataset: {testid}, onclick}, 'text', child...): attributes by name; `testid` is data-testid, `text`
 * textContent, `on` an object of listeners (or `on<event>` one function); children are nodes, strings or arrays of
 * them, null and false skipped. The one element builder of every screen.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'testid') el.dataset.testid = v;
    else if (k === 'class') el.className = v;
    else if (k === 'on') Object.entries(v).forEach(([event, fn]) => el.addEventListener(event, fn));
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, ...children);
  return el;
}

/** Replaces el's children with these, skipping null and false (DOM's own replaceChildren writes them as text). */
export function fill(el, ...children) {
  el.replaceChildren(...present(children).map(node));
  return el;
}

/** Appends these children to el, skipping null and false. */
export function add(el, ...children) {
  el.append(...present(children).map(node));
  return el;
}

function present(children) {
  return children.flat(Infinity).filter(c => c != null && c !== false);
}

function node(c) {
  return c instanceof Node ? c : document.createTextNode(String(c));
}

/** The traffic status as a word in a badge (EXERCISE dashed, TEST dotted): never colour alone. */
export function statusBadge(status, testid) {
  return h('span', { class: 'badge status-' + status, dataset: { testid: testid || 'status-badge', status } },
    t('shell.status.' + status));
}

export function severityBadge(severity) {
  return h('span', { class: 'badge sev-' + severity, dataset: { testid: 'severity-badge', severity } },
    t('shell.severity.' + severity));
}

/** The full-width banner a practice alert carries on its own page. */
export function practiceBanner(status) {
  if (status !== 'EXERCISE' && status !== 'TEST') return null;
  return h('div', { class: 'practice-banner ' + status.toLowerCase(), role: 'note',
    dataset: { testid: 'practice-banner', status } }, t('shell.statusBanner.' + status));
}

export function countryName(code) { return t('shell.country.' + code); }

/**
 * Shows a refused request's field errors beside the fields: each field's element is found by
 * [data-field="<name>"] in form; what no field takes goes to the form's error line.
 */
export function showProblem(form, error) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector('[data-role="form-error"]');
  const unplaced = [];
  for (const { field, message } of error.errors || []) {
    const name = String(field || '').replace(/^body\./, '').split('.').pop().replace(/\[\d+\]$/, '');
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!input) { unplaced.push(`${field}: ${message}`); continue; }
    input.setAttribute('aria-invalid', 'true');
    const id = 'error-' + name;
    const note = h('div', { class: 'field-error', id, dataset: { testid: 'field-error-' + name } }, message);
    input.setAttribute('aria-describedby', id);
    (input.closest('[data-field-row]') || input).after(note);
  }
  if (summary) {
    const parts = [];
    if ((error.errors || []).length) parts.push(t('shell.fieldsRefused'));
    if (!(error.errors || []).length || unplaced.length) parts.push(error.message);
    parts.push(...unplaced);
    summary.textContent = parts.join(' ');
    summary.hidden = false;
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector('[data-role="form-error"]');
  if (summary) { summary.textContent = ''; summary.hidden = true; }
}
