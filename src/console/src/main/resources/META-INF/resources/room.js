// Consultation room (placeholder of the shell commit).
export default {
  id: 'room', roles: ['liaison'], routes: ['/consultations', '/consultations/:consultationId'],
  nav: { path: '/consultations', label: 'room.nav', order: 20 },
  mount(root, ctx) { const h = document.createElement('h1'); h.textContent = ctx.t('room.title'); root.append(h); },
};
