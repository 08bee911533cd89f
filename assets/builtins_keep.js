// Runs before Dash's scripts (app.py links it ahead of them, and keeps it out of Dash's own list of assets).
// Dash ships @babel/polyfill (core-js 2), which every current browser fails one test of (it counts U+180E as a
// space; Unicode no longer does), so it replaces their string trimming and number parsing with slower scripts.
// Plotly calls them for every class, style and number it sets: a fifth of a chart's drawing time. This keeps the
// browser's own; builtins.js puts them back once the polyfill has run. (Kept once: Dash's hot reload may run it again.)
window.ocBuiltins = window.ocBuiltins || [
    [String.prototype, ["trim", "trimStart", "trimEnd", "trimLeft", "trimRight"]],
    [window, ["parseFloat", "parseInt"]],
    [Number, ["parseFloat", "parseInt"]],
].flatMap(([owner, names]) => names.map(name => [owner, name, Object.getOwnPropertyDescriptor(owner, name)]));
