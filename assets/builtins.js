// The browser's own string trimming and number parsing, in place of Dash's polyfill's (why: builtins_keep.js).
for (const [owner, name, builtin] of window.ocBuiltins || []) {
    if (builtin) {  // a browser without one of them has none to put back
        Object.defineProperty(owner, name, builtin);
    }
}
