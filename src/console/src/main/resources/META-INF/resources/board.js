// Liaison board (placeholder of the shell commit; the live board follows).
export default {
  id: 'board', roles: ['liaison'], routes: ['/board'], nav: { path: '/board', label: 'board.nav', order: 10 },
  mount(root, ctx) { const h = document.createElement('h1'); h.textContent = ctx.t('board.title'); root.append(h); },
};
