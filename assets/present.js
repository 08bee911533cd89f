// Presentation mode: arrow keys, Page Up/Down (what presentation clickers send) and Escape drive the briefing.
// The keys press the on-screen buttons, so keyboard and mouse take the same path.
document.addEventListener('keydown', function (event) {
    if (!document.querySelector('.oc-present') || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    const buttons = {ArrowRight: 'shell-present-next', PageDown: 'shell-present-next',
                     ArrowLeft: 'shell-present-prev', PageUp: 'shell-present-prev', Escape: 'shell-present-exit'};
    const button = buttons[event.key] && document.getElementById(buttons[event.key]);
    if (button) {
        event.preventDefault();
        button.click();
    }
});
