// The console's screens, in navigation order. A screen is an ES module whose default export is
//   { id, roles, routes, nav?, mount(root, ctx) }
// (see app.js, "Screens"); its texts are i18n/<id>.<lang>.json for en, ko and ja. Add a screen by adding its module
// here: the router, the navigation (by role) and the language switch pick it up.
export default [
  './board.js',
  './alert.js',
  './room.js',
  './audit.js',
  './admin.js',
];
