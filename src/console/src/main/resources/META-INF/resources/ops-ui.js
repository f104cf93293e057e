// Small DOM helpers of the auditor's and admin's screens (audit.js, admin.js): elements built in code (the CSP allows
// no inline script or style), field errors beside their fields, download links through the console's proxy.
import { h } from './dom.js';

// the element builder shared with the liaison screens
export { h };

// their stylesheet, once, beside the shell's (style-src 'self' allows it; no inline style)
if (!document.querySelector('link[href="/css/ops.css"]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/css/ops.css';
  document.head.append(link);
}

/** The first 8 characters of an id, the rest in the title (a full id is one hover away). */
export function shortId(id) {
  if (!id) return '–';
  return h('span', { class: 'id', title: id }, String(id).slice(0, 8));
}

/** A query string of the non-empty values. */
export function queryString(values) {
  const params = new URLSearchParams();
  Object.entries(values).forEach(([k, v]) => { if (v != null && v !== '') params.set(k, v); });
  const q = params.toString();
  return q ? '?' + q : '';
}

/**
 * Shows an ApiError's field errors beside the fields of `form` (inputs named as the API names its fields, with a
 * data-testid of `<prefix>-<field>`): each message in a <p class="field-error" data-testid="<prefix>-error-<field>">
 * right after its field, the field marked aria-invalid. What matches no field goes to the form's own error line.
 * Returns how many messages were placed.
 */
export function showFieldErrors(form, error, prefix, formError) {
  clearFieldErrors(form, formError);
  const unplaced = [];
  let placed = 0;
  for (const e of error.errors || []) {
    const name = fieldName(e.field);
    const input = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (!input) { unplaced.push(e.field ? `${e.field}: ${e.message}` : e.message); continue; }
    input.setAttribute('aria-invalid', 'true');
    const id = `${prefix}-error-${name}`;
    const message = h('p', { class: 'field-error', id, testid: id, role: 'alert' }, e.message);
    input.setAttribute('aria-describedby', id);
    (input.closest('.field') || input).after(message);
    placed++;
  }
  if (formError) {
    const lines = unplaced.length ? unplaced : (placed ? [] : [error.message]);
    formError.textContent = lines.join('; ');
    formError.hidden = lines.length === 0;
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
  return placed;
}

export function clearFieldErrors(form, formError) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
  if (formError) { formError.textContent = ''; formError.hidden = true; }
}

/** "create.input.email" (Bean Validation's path) or "email" -> "email". */
function fieldName(field) {
  if (!field) return null;
  const last = String(field).split('.').pop();
  return last.replace(/\[\d+\]$/, '');
}
