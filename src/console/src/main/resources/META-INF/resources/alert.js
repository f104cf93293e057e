// Alert detail: what happened and where (launch point, predicted impact, ground track, affected countries and zones
// on the map), who reported it (sensors), its versions (the API's history: who changed what and when, newest first,
// a new version from the live stream prepended), each country's acknowledgement; acknowledge for your own country;
// update, cancel or resolve it (the originating country only); and the form to raise a new alert. A refused
// request's field errors (problem errors[].field) are shown beside the fields.
import { h, statusBadge, severityBadge, practiceBanner, countryName, showProblem, clearProblem, fill } from './dom.js';
import { formatTime, formatDuration } from './i18n.js';
import { drawAlertMap } from './map.js';

const COUNTRIES = ['USA', 'KOR', 'JPN'];
const TYPES = ['MISSILE_LAUNCH', 'NUCLEAR_TEST', 'MARITIME_INCIDENT', 'AIRSPACE_VIOLATION', 'CYBER_INCIDENT', 'OTHER'];
const REGIONS = ['KOREAN_PENINSULA', 'SEA_OF_JAPAN', 'EAST_CHINA_SEA', 'TAIWAN_STRAIT', 'SOUTH_CHINA_SEA', 'OTHER'];
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'];
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'];
/** The alert fields a version may name as changed, with the label the facts use (others are shown as named). */
const FIELD_LABELS = { headline: 'alert.headline', description: 'alert.description', severity: 'alert.severity',
  urgency: 'alert.urgency', certainty: 'alert.certainty', areaDesc: 'alert.area', releasableTo: 'alert.releasableTo',
  affectedCountries: 'alert.affected', launch: 'alert.fieldLaunch', threats: 'alert.fieldThreats' };

/** The versions newest first, one per version: an entry of the API's history replaces one this page made itself. */
function mergeVersions(list, entries) {
  const byVersion = new Map(list.map(v => [v.version, v]));
  for (const v of entries) {
    const known = byVersion.get(v.version);
    if (!known || known.provisional || !v.provisional) byVersion.set(v.version, v);
  }
  return [...byVersion.values()].sort((a, b) => b.version - a.version);
}

/** A version known only from the alert's snapshot (live or from an action's answer) until the history has it. */
function provisional(alert) {
  return { version: alert.version, changedAt: alert.updatedAt, severity: alert.severity, headline: alert.headline,
    lifecycle: alert.lifecycle, affectedCountries: alert.affectedCountries || [], provisional: true };
}

/** Who changed what, in words: "Acknowledged by Japan (jp-liaison)", "Refined by the reports of …", fields, reason. */
function versionChange(t, v) {
  if (!v.change) return [];
  const w = v.who || {};
  const country = w.country ? countryName(w.country) + (w.subject ? ` (${w.subject})` : '') : null;
  const sensors = (w.sensors || []).join(', ');
  let who;
  if (sensors && (v.change === 'RAISED' || v.change === 'UPDATED') && !(v.change === 'UPDATED' && country)) {
    who = t('alert.who.' + v.change + '.sensors', { country: country || '–', sensors });
  } else {
    who = country ? t('alert.who.' + v.change, { country }) : t('alert.who.' + v.change + '.unknown');
  }
  const parts = [h('span', { dataset: { testid: 'version-who', change: v.change } }, who)];
  if ((v.changedFields || []).length) {
    parts.push(h('span', { dataset: { testid: 'version-fields' } }, t('alert.versionFields', {
      fields: v.changedFields.map(f => FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f).join(', ') })));
  }
  if (v.reason) parts.push(h('span', { dataset: { testid: 'version-reason' } }, t('alert.versionReason', { reason: v.reason })));
  return parts;
}

function select(field, values, label, t, current, labelOf = v => v) {
  return h('select', { id: 'f-' + field, name: field, dataset: { field, testid: 'field-' + field } },
    values.map(v => { const o = h('option', { value: v }, labelOf(v)); if (v === current) o.selected = true; return o; }));
}

function row(t, field, label, input) {
  return [h('label', { for: 'f-' + field }, label), h('div', { dataset: { fieldRow: field } }, input)];
}

function countryChecks(t, field, checked, disabled = []) {
  return h('fieldset', { id: 'f-' + field, dataset: { field, testid: 'field-' + field }, 'aria-label': t('alert.releasableTo') },
    COUNTRIES.map(c => h('label', {}, h('input', { type: 'checkbox', name: field, value: c, checked: checked.includes(c),
      disabled: disabled.includes(c), dataset: { testid: `field-${field}-${c}` } }), ' ', countryName(c))));
}

function checkedCountries(form, field) {
  return [...form.querySelectorAll(`input[name="${field}"]`)].filter(i => i.checked).map(i => i.value);
}

function text(field, value, max, multiline = false) {
  return multiline
    ? h('textarea', { id: 'f-' + field, name: field, maxlength: String(max), dataset: { field, testid: 'field-' + field } }, value || '')
    : h('input', { type: 'text', id: 'f-' + field, name: field, maxlength: String(max), value: value || '', dataset: { field, testid: 'field-' + field } });
}

function raiseForm(root, ctx) {
  const { t, api } = ctx;
  const idempotencyKey = api.idempotencyKey(); // one per form: a retry after a lost answer gets the same alert
  const form = h('form', { class: 'form panel', dataset: { testid: 'raise-form' }, novalidate: true },
    ...row(t, 'type', t('alert.type'), select('type', TYPES, t('alert.type'), t, 'MISSILE_LAUNCH')),
    ...row(t, 'region', t('alert.region'), select('region', REGIONS, t('alert.region'), t, 'KOREAN_PENINSULA')),
    ...row(t, 'status', t('alert.traffic'), select('status', ['ACTUAL', 'EXERCISE', 'TEST'], '', t, 'EXERCISE', s => t('shell.status.' + s))),
    ...row(t, 'headline', t('alert.headline'), text('headline', '', 160)),
    ...row(t, 'description', t('alert.description'), text('description', '', 4000, true)),
    ...row(t, 'severity', t('alert.severity'), select('severity', SEVERITIES, '', t, 'Severe', s => t('shell.severity.' + s))),
    ...row(t, 'urgency', t('alert.urgency'), select('urgency', URGENCIES, '', t, 'Immediate')),
    ...row(t, 'certainty', t('alert.certainty'), select('certainty', CERTAINTIES, '', t, 'Likely')),
    ...row(t, 'area', t('alert.area'), text('area', '', 1000)),
    ...row(t, 'releasableTo', t('alert.releasableTo'), countryChecks(t, 'releasableTo', [ctx.session.country])),
    h('p', { class: 'form-error full', role: 'alert', hidden: true, dataset: { role: 'form-error', testid: 'form-error' } }),
    h('div', { class: 'full toolbar' },
      h('button', { type: 'submit', class: 'primary', dataset: { testid: 'raise-submit' } }, t('alert.raiseSubmit')),
      h('a', { href: '#/board', class: 'button', dataset: { testid: 'raise-cancel' } }, t('alert.back'))));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearProblem(form);
    const v = name => form.elements[name].value;
    const body = { type: v('type'), region: v('region'), status: v('status'), headline: v('headline'),
      description: v('description') || undefined, severity: v('severity'), urgency: v('urgency'), certainty: v('certainty'),
      area: v('area') || undefined, releasableTo: checkedCountries(form, 'releasableTo') };
    const button = form.querySelector('[data-testid="raise-submit"]');
    button.disabled = true;
    try {
      const alert = await api.alerts.raise(body, idempotencyKey);
      ctx.announce(t('alert.raised'));
      ctx.navigate('/alerts/' + encodeURIComponent(api.idOf(alert)));
    } catch (err) {
      showProblem(form, err);
    } finally {
      button.disabled = false;
    }
  });
  root.append(h('h1', {}, t('alert.raiseTitle')), h('p', { class: 'hint' }, t('alert.raiseHint')), form);
  form.querySelector('#f-headline').focus();
}

export default {
  id: 'alert',
  roles: ['liaison'],
  routes: ['/alerts/new', '/alerts/:alertId'],

  async mount(root, ctx) {
    const { t, api } = ctx;
    if (!ctx.params.alertId) { raiseForm(root, ctx); return null; }
    const id = ctx.params.alertId;
    const own = ctx.session.country;
    let alert;
    try {
      alert = await api.alerts.get(id);
    } catch (e) {
      root.append(h('h1', {}, t('alert.title')), h('p', { class: 'form-error', dataset: { testid: 'alert-error' } },
        e.status === 404 ? t('alert.notFound') : t('shell.error', { error: e.message })));
      return null;
    }
    // the alert's versions from the API's history (a page at a time, newest first); a version the page learns of
    // (the live stream, an action's answer) is prepended at once and replaced by the history's entry once read
    let versions = [provisional(alert)];
    let versionsNext = null;
    let versionsError = null;
    let versionsRead = false;
    async function loadVersions(older) {
      try {
        const got = await api.alerts.versions(id, older ? versionsNext : null);
        versions = mergeVersions(versions, got.items);
        if (older || !versionsRead) versionsNext = got.next;
        versionsRead = true;
        versionsError = null;
      } catch (e) {
        versionsError = e;
      }
    }
    function learnt(changed) {
      versions = mergeVersions(versions, [provisional(changed)]);
      return loadVersions(false);
    }
    await loadVersions(false);
    const page = h('div', { dataset: { testid: 'alert-detail', alertId: id } });
    root.append(page);
    let mapVersion = -1;
    const mapBox = h('div', { class: 'panel', dataset: { testid: 'alert-map-panel' } });

    async function render(focusAfter) {
      const L = alert.launch;
      const acks = new Map((alert.acknowledgements || []).map(a => [a.country, a]));
      const isOrigin = alert.originCountry === own;
      const active = alert.lifecycle === 'ACTIVE';
      const facts = [
        [t('alert.type'), `${alert.type} · ${alert.region}`],
        [t('alert.origin'), `${alert.origin} · ${countryName(alert.originCountry)}`],
        [t('alert.raisedAt'), formatTime(alert.raisedAt)],
        [t('alert.updatedAt'), `${formatTime(alert.updatedAt)} · ${t('alert.versionN', { version: alert.version })}`],
        [t('alert.age'), formatDuration(Date.now() - Date.parse(alert.raisedAt))],
        [t('alert.urgencyCertainty'), `${alert.urgency} · ${alert.certainty}`],
        [t('alert.releasableTo'), (alert.releasableTo || []).join(' · ')],
        [t('alert.affected'), (alert.affectedCountries || []).join(' · ') || '–'],
      ];
      if (L) {
        facts.push([t('alert.detectedAt'), `${formatTime(L.detectedAt)} · ${t('alert.detectionToRaise', { duration: formatDuration(Date.parse(alert.raisedAt) - Date.parse(L.detectedAt)) })}`]);
        facts.push([t('alert.launchPoint'), `${L.launchPoint.lat.toFixed(3)}, ${L.launchPoint.lon.toFixed(3)}`]);
        facts.push([t('alert.impactPoint'), L.predictedImpactPoint
          ? `${L.predictedImpactPoint.lat.toFixed(3)}, ${L.predictedImpactPoint.lon.toFixed(3)}` : t('alert.noImpact')]);
        facts.push([t('alert.missile'), `${L.missileClass} · ${t('alert.confidence', { value: Math.round(L.confidence * 100) })}`]);
        if (L.apogeeKm != null || L.rangeKm != null) facts.push([t('alert.flight'), t('alert.flightFacts',
          { apogee: L.apogeeKm ?? '–', range: L.rangeKm ?? '–', time: L.flightTimeSeconds != null ? formatDuration(L.flightTimeSeconds * 1000) : '–' })]);
        facts.push([t('alert.sensors'), (L.sensors || []).join(', ')]);
      }
      const ackButton = !acks.has(own) && active
        ? h('button', { type: 'button', class: 'primary', dataset: { testid: 'alert-ack' }, onclick: acknowledge }, t('alert.ackOwn', { country: countryName(own) }))
        : null;
      fill(page, 
        practiceBanner(alert.status),
        h('p', {}, h('a', { href: '#/board', dataset: { testid: 'alert-back' } }, '← ' + t('alert.back'))),
        h('h1', { dataset: { testid: 'alert-headline' } }, alert.headline),
        h('div', { class: 'toolbar' }, statusBadge(alert.status), severityBadge(alert.severity),
          h('span', { class: 'badge life-' + alert.lifecycle, dataset: { testid: 'lifecycle-badge', lifecycle: alert.lifecycle } }, t('shell.lifecycle.' + alert.lifecycle)),
          ackButton),
        h('div', { class: 'columns' },
          h('div', {},
            h('section', { class: 'panel', 'aria-labelledby': 'facts-h' },
              h('h2', { id: 'facts-h' }, t('alert.facts')),
              h('dl', { class: 'facts', dataset: { testid: 'alert-facts' } }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
              alert.areaDesc ? h('p', { dataset: { testid: 'alert-area' } }, alert.areaDesc) : null,
              alert.description ? h('p', { dataset: { testid: 'alert-description' } }, alert.description) : null,
              (alert.threats || []).length ? h('ul', { dataset: { testid: 'alert-threats' } }, alert.threats.map(th =>
                h('li', {}, t('alert.threat', { country: countryName(th.country), kind: t('alert.threat.' + th.kind), area: th.area }),
                  th.disputed ? ' ' + t('alert.disputed', { claimants: (th.claimants || []).join(', ') }) : ''))) : null),
            h('section', { class: 'panel', 'aria-labelledby': 'acks-h' },
              h('h2', { id: 'acks-h' }, t('alert.acks')),
              h('table', { class: 'grid', dataset: { testid: 'alert-acks' } },
                h('thead', {}, h('tr', {}, h('th', {}, t('alert.country')), h('th', {}, t('alert.ackState')))),
                h('tbody', {}, (alert.releasableTo || []).map(c => {
                  const a = acks.get(c);
                  return h('tr', { dataset: { testid: 'ack-row-' + c, acknowledged: a ? 'true' : 'false' } }, h('td', {}, countryName(c)),
                    h('td', {}, a ? t('alert.ackedBy', { time: formatTime(a.at), subject: a.subject }) : t('alert.notAcked')));
                })))),
            h('section', { class: 'panel', 'aria-labelledby': 'versions-h' },
              h('h2', { id: 'versions-h' }, t('alert.versions')),
              versionsError ? h('p', { class: 'form-error', dataset: { testid: 'versions-error' } },
                t('alert.versionsFailed', { error: versionsError.message })) : null,
              h('ol', { class: 'timeline', dataset: { testid: 'alert-versions' } }, versions.map(v =>
                h('li', { dataset: { testid: 'alert-version', version: String(v.version), change: v.change || '' } },
                  h('span', { class: 'when' }, formatTime(v.changedAt)),
                  t('alert.versionLine', { version: v.version, severity: t('shell.severity.' + v.severity), lifecycle: t('shell.lifecycle.' + v.lifecycle), headline: v.headline }),
                  ...versionChange(t, v).flatMap(part => [h('br'), part])))),
              versionsNext ? h('button', { type: 'button', dataset: { testid: 'versions-older' }, onclick: async () => {
                await loadVersions(true);
                await render('[data-testid="versions-older"]');
              } }, t('alert.versionsOlder')) : null,
              versionsRead && !versionsNext && versions.length && versions[versions.length - 1].version > 0
                ? h('p', { class: 'hint', dataset: { testid: 'versions-before-history' } }, t('alert.versionsBeforeHistory')) : null)),
          h('div', {}, mapBox,
            isOrigin && active ? actions() : h('p', { class: 'hint', dataset: { testid: 'alert-not-origin' } },
              active ? t('alert.onlyOrigin', { country: countryName(alert.originCountry) }) : t('alert.closed')))));
      if (alert.version !== mapVersion) {
        mapVersion = alert.version;
        try {
          const svg = await drawAlertMap(alert, { title: t('alert.mapTitle', { headline: alert.headline }), launch: t('alert.launch'), impact: t('alert.impact') });
          mapBox.replaceChildren(h('h2', {}, t('alert.map')), svg, h('div', { class: 'legend' },
            h('span', {}, '● ' + t('alert.launch')), h('span', {}, '⊗ ' + t('alert.impact')), h('span', {}, '- - ' + t('alert.track')),
            h('span', {}, '▨ ' + t('alert.threatenedZone')), h('span', {}, '▢ ' + t('alert.affectedZone'))));
        } catch (e) {
          mapBox.replaceChildren(h('p', { class: 'form-error' }, t('alert.mapFailed', { error: e.message })));
        }
      }
      if (focusAfter) page.querySelector(focusAfter)?.focus();
    }

    function actions() {
      const update = h('form', { class: 'form panel', dataset: { testid: 'update-form' }, novalidate: true },
        h('h2', { class: 'full' }, t('alert.updateTitle')),
        ...row(t, 'headline', t('alert.headline'), text('headline', alert.headline, 160)),
        ...row(t, 'description', t('alert.description'), text('description', alert.description, 4000, true)),
        ...row(t, 'severity', t('alert.severity'), select('severity', SEVERITIES, '', t, alert.severity, s => t('shell.severity.' + s))),
        ...row(t, 'urgency', t('alert.urgency'), select('urgency', URGENCIES, '', t, alert.urgency)),
        ...row(t, 'certainty', t('alert.certainty'), select('certainty', CERTAINTIES, '', t, alert.certainty)),
        ...row(t, 'area', t('alert.area'), text('area', alert.areaDesc, 1000)),
        ...row(t, 'releasableTo', t('alert.releasableToWiden'), countryChecks(t, 'releasableTo', alert.releasableTo || [], alert.releasableTo || [])),
        ...row(t, 'reason', t('alert.reason'), text('reason', '', 1000)),
        h('p', { class: 'form-error full', role: 'alert', hidden: true, dataset: { role: 'form-error', testid: 'update-error' } }),
        h('div', { class: 'full' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'update-submit' } }, t('alert.updateSubmit'))));
      update.addEventListener('submit', async e => {
        e.preventDefault();
        clearProblem(update);
        const f = update.elements;
        const body = {};
        const changed = (name, value, before) => { if (value !== (before ?? '')) body[name] = value; };
        changed('headline', f.headline.value, alert.headline);
        changed('description', f.description.value, alert.description);
        changed('severity', f.severity.value, alert.severity);
        changed('urgency', f.urgency.value, alert.urgency);
        changed('certainty', f.certainty.value, alert.certainty);
        changed('area', f.area.value, alert.areaDesc);
        const widened = checkedCountries(update, 'releasableTo');
        if (widened.length !== (alert.releasableTo || []).length) body.releasableTo = widened;
        if (f.reason.value) body.reason = f.reason.value;
        try {
          alert = await api.alerts.update(id, body);
          await learnt(alert);
          ctx.announce(t('alert.updated', { version: alert.version }));
          await render('[data-testid="alert-headline"]');
        } catch (err) { showProblem(update, err); }
      });
      const end = (kind) => {
        const form = h('form', { class: 'form panel', dataset: { testid: kind + '-form' }, novalidate: true },
          h('h2', { class: 'full' }, t('alert.' + kind + 'Title')),
          ...row(t, 'reason', t('alert.reason'), text('reason', '', 1000)),
          h('p', { class: 'form-error full', role: 'alert', hidden: true, dataset: { role: 'form-error', testid: kind + '-error' } }),
          h('div', { class: 'full' }, h('button', { type: 'submit', class: kind === 'cancel' ? 'danger' : 'primary', dataset: { testid: kind + '-submit' } }, t('alert.' + kind + 'Submit'))));
        form.querySelector('[name=reason]').id = `f-${kind}-reason`;
        form.querySelector('label').setAttribute('for', `f-${kind}-reason`);
        form.addEventListener('submit', async e => {
          e.preventDefault();
          clearProblem(form);
          try {
            alert = kind === 'cancel' ? await api.alerts.cancel(id, form.elements.reason.value)
              : await api.alerts.resolve(id, form.elements.reason.value);
            await learnt(alert);
            ctx.announce(t('alert.' + kind + 'Done'));
            await render('[data-testid="alert-headline"]');
          } catch (err) { showProblem(form, err); }
        });
        return form;
      };
      return h('div', { dataset: { testid: 'alert-actions' } }, update, end('cancel'), end('resolve'));
    }

    async function acknowledge() {
      try {
        await api.alerts.acknowledge(id);
        alert = await api.alerts.get(id);
        await learnt(alert);
        ctx.announce(t('alert.acked'));
        await render('[data-testid="alert-headline"]');
      } catch (e) { ctx.banner(t('shell.error', { error: e.message }), 'error'); }
    }

    const unsubscribe = ctx.notifications.subscribe((type, notice) => {
      const next = notice?.event?.alert;
      if (type === 'notification' && next && api.idOf(next) === id && next.version >= alert.version) {
        alert = next;
        versions = mergeVersions(versions, [provisional(alert)]);
        ctx.announce(t('alert.liveUpdate', { version: alert.version }));
        const redraw = () => {
          const active = document.activeElement;
          if (!active || !page.contains(active) || !active.closest('form')) render();
        };
        redraw();
        loadVersions(false).then(redraw);
      }
    });
    await render();
    return unsubscribe;
  },
};
