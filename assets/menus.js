// Navigation menus of many entries (components/registry.py navigation) hold them as data and mount them only while
// the menu is in use: Dash's renderer visits every mounted component at each update of a page, and Bootstrap's menus
// mount their entries even while closed. The entries arrive as the toggle is pressed (pointer, touch or key; before
// the menu's own handlers open it) and leave when the menu closes.
(function () {
    const holderOf = toggle => toggle.parentElement.querySelector('.oc-menu-entries');

    // A group's name is a plain line: Bootstrap's header (role "heading" without a level) fails WCAG's checks.
    function entries(holder) {
        return JSON.parse(holder.dataset.entries).map(([label, href]) => href === null
            ? {namespace: 'dash_html_components', type: 'Div', props: {children: label, className: 'dropdown-header'}}
            : {namespace: 'dash_bootstrap_components', type: 'DropdownMenuItem', props: {children: label, href: href}});
    }

    // The keys that open a menu: any other (Tab past the toggle) would mount entries no closing ever removes.
    const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

    function mount(event) {
        if (event.type === 'keydown' && !OPENING_KEYS.has(event.key)) { return; }
        const toggle = event.target instanceof Element && event.target.closest('.dropdown-toggle');
        const holder = toggle && holderOf(toggle);
        if (holder && !holder.childElementCount && window.dash_clientside && dash_clientside.set_props) {
            dash_clientside.set_props(JSON.parse(holder.id), {children: entries(holder)});
        }
    }

    // Capturing, so the entries are set before the menu's own handlers open it.
    for (const kind of ['pointerdown', 'keydown', 'click']) document.addEventListener(kind, mount, true);

    new MutationObserver(records => {
        for (const {target} of records) {
            const holder = target.classList.contains('dropdown-toggle') && holderOf(target);
            if (holder && target.getAttribute('aria-expanded') === 'false' && holder.childElementCount) {
                dash_clientside.set_props(JSON.parse(holder.id), {children: []});
            }
        }
    }).observe(document.documentElement, {attributes: true, attributeFilter: ['aria-expanded'], subtree: true});
})();
