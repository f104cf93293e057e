// Alert detail (placeholder of the shell commit).
export default {
  id: 'alert', roles: ['liaison'], routes: ['/alerts/new', '/alerts/:alertId'],
  mount(root, ctx) { const h = document.createElement('h1'); h.textContent = ctx.t('alert.title'); root.append(h); },
};
