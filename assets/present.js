// Presentation mode: the keys of the presenter bar's data-keys (arrow keys, Page Up/Down from presentation
// clickers, Escape; components/presentation.py) press its buttons, so keyboard and mouse take the same path.
document.addEventListener('keydown', function (event) {
    if (!document.querySelector('.oc-present') || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    const bar = document.querySelector('.oc-presenter[data-keys]');
    const buttons = bar ? JSON.parse(bar.getAttribute('data-keys')) : {};
    const button = Object.prototype.hasOwnProperty.call(buttons, event.key) && document.getElementById(buttons[event.key]);
    if (button) {
        event.preventDefault();
        button.click();
    }
});
