// Accessibility fix-ups for what the Dash components do not provide, run after every change of the page.
(function () {
    const SITE = 'OC Index Explorer';

    // Each page's title says where the reader is ("Peru — Country profile — OC Index Explorer"): the title the page
    // registry gives (components/registry.py), else, as on the "no such view" page, its main heading.
    function retitle() {
        const given = document.querySelector('main .oc-page-title');
        const heading = document.querySelector('main h1');
        const title = given && given.textContent ? given.textContent
            : [heading ? heading.textContent.trim() : '', SITE].filter(Boolean).join(' — ');
        if (document.title !== title) { document.title = title; }
    }

    // The name of a widget that has none: from a wrapper's data-a11y-name, else from the <label for> of its control.
    function nameFor(widget) {
        const named = widget.closest('[data-a11y-name]');
        if (named) { return named.getAttribute('data-a11y-name'); }
        const control = widget.closest('[id]');
        const label = control && document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
        return label ? label.textContent.trim() : null;
    }

    // What a set of option boxes is to a screen reader: a radiogroup if its boxes are radios, else a group.
    function groupRole(set) {
        return set.querySelector('input[type="radio"]') ? 'radiogroup' : 'group';
    }

    function fixUp() {
        // dcc.Dropdown (Dash 4) makes an aria-hidden input its tab stop, which hands focus on to its button: make the
        // button itself the tab stop (it opens on Enter and arrow keys). Its name comes from its <label> (or what it
        // shows), as WCAG's "label in name" asks; the selection and its count become its description.
        document.querySelectorAll('.dash-dropdown-focus-target[aria-hidden="true"]:not([tabindex="-1"])')
            .forEach(function (input) {
                input.setAttribute('tabindex', '-1');
                const button = input.nextElementSibling;
                if (button && button.classList.contains('dash-dropdown')) { button.setAttribute('tabindex', '0'); }
            });
        document.querySelectorAll('button.dash-dropdown[aria-labelledby]').forEach(function (button) {
            button.setAttribute('aria-describedby', button.getAttribute('aria-labelledby'));
            button.removeAttribute('aria-labelledby');
        });
        // An open dropdown (a dialog: a search box and a list) lists its options as role="option" labels that each
        // hold a checkbox or radio, and its arrow keys move focus from box to box: an option may not hold a control
        // (axe: nested-interactive), and an inert box takes no focus. So the list is what it is, a named group of
        // native checkboxes or radios, each named by its label; the opener says it opens a dialog.
        document.querySelectorAll('button.dash-dropdown[aria-haspopup="listbox"]')
            .forEach(function (button) { button.setAttribute('aria-haspopup', 'dialog'); });
        document.querySelectorAll('.dash-dropdown-options[role="listbox"]').forEach(function (list) {
            const opener = document.querySelector('button.dash-dropdown[aria-expanded="true"]');
            list.setAttribute('role', groupRole(list));
            list.setAttribute('aria-label', (opener && nameFor(opener)) || 'Options');
        });
        // The selection shows in each box's checked state; React sets aria-selected again as it changes.
        document.querySelectorAll('.dash-dropdown-options .dash-options-list-option[role="option"], '
                                  + '.dash-dropdown-options .dash-options-list-option[aria-selected]')
            .forEach(function (option) { option.removeAttribute('role'); option.removeAttribute('aria-selected'); });
        // The copy of an option the list measures its width by is hidden: its box takes no focus.
        document.querySelectorAll('[aria-hidden="true"] .dash-options-list-option input:not([inert])')
            .forEach(function (box) { box.inert = true; });
        // A set of options (dbc.RadioItems) is a <div>, which its <label for> cannot name: the set becomes a group
        // (of radios: a radiogroup) named by that label, so that "Edition" and "Change since" are told apart.
        document.querySelectorAll('label[for]').forEach(function (label) {
            const set = document.getElementById(label.htmlFor);
            if (!set || set.hasAttribute('aria-labelledby') || set.matches('input, select, textarea, button')
                || !set.querySelector('input[type="radio"], input[type="checkbox"]')) { return; }
            label.id = label.id || label.htmlFor + '-label';
            set.setAttribute('role', groupRole(set));
            set.setAttribute('aria-labelledby', label.id);
        });
        // dcc.Slider's thumbs and the number box it shows on narrow screens, and dbc.Progress's bar, render with no
        // accessible name.
        document.querySelectorAll('.dash-slider-thumb:not([aria-label]), .dash-range-slider-input:not([aria-label]), '
                                  + '[role="progressbar"]:not([aria-label])')
            .forEach(function (widget) {
                const name = nameFor(widget);
                if (name) { widget.setAttribute('aria-label', name); }
            });
        // dcc.Clipboard draws a <div> that only a click works: a button for the keyboard and screen readers too,
        // named by its title (Enter and Space press it: see below).
        document.querySelectorAll('.oc-copy:not([tabindex])').forEach(function (copy) {
            copy.setAttribute('tabindex', '0');
            copy.setAttribute('role', 'button');
            copy.setAttribute('aria-label', copy.getAttribute('title') || 'Copy');
        });
        // Our scrolling panels must be reachable by keyboard to be scrolled.
        document.querySelectorAll('.oc-scroll:not([tabindex]), .oc-ranking:not([tabindex]), .oc-narrative:not([tabindex])')
            .forEach(function (panel) { panel.setAttribute('tabindex', '0'); });
        narrowCharts();
        retitle();
    }

    // On a phone, a chart takes the changes its figure carries for narrow screens (figures/style.py,
    // on_narrow_screens), once for each figure Dash draws: Plotly.relayout's keys, and a trace's as
    // "data[2].textfont.size".
    const TRACE_KEY = /^data\[(\d+)\]\.(.+)$/;
    function narrowCharts() {
        if (window.innerWidth >= 576 || !window.Plotly) { return; }
        document.querySelectorAll('.js-plotly-plot').forEach(function (plot) {
            const narrow = plot.layout && plot.layout.meta && plot.layout.meta.narrow;
            if (!narrow || plot.ocNarrowed === plot.layout) { return; }
            plot.ocNarrowed = plot.layout;
            const layout = {}, byTrace = {};
            Object.keys(narrow).forEach(function (key) {
                const part = TRACE_KEY.exec(key);
                if (!part) { layout[key] = narrow[key]; return; }
                (byTrace[part[1]] = byTrace[part[1]] || {})[part[2]] = narrow[key];
            });
            const traces = Object.keys(byTrace).map(Number);
            if (!traces.length) { window.Plotly.relayout(plot, layout); return; }
            // One redraw: each attribute as a list over the traces named, undefined (left alone) where one has none.
            const restyle = {};
            traces.forEach(function (trace, i) {
                Object.keys(byTrace[trace]).forEach(function (attribute) {
                    (restyle[attribute] = restyle[attribute] || new Array(traces.length))[i] = byTrace[trace][attribute];
                });
            });
            window.Plotly.update(plot, restyle, layout, traces);
        });
    }

    // "Skip to content" moves focus to the page itself without touching the URL's hash, which carries #present.
    document.addEventListener('click', function (event) {
        const skip = event.target.closest && event.target.closest('.oc-skip-link');
        if (!skip) { return; }
        event.preventDefault();
        const main = document.querySelector('main');
        if (main) { main.focus(); main.scrollIntoView(); }
    });

    // What a key presses that the components leave to the mouse: Enter or Space a copy-link button (made one in
    // fixUp); Enter the link in a grid's cell (Tab leaves a grid, the arrow keys move between its cells:
    // components/grid.py).
    function pressedBy(event) {
        const target = event.target;
        if (!target.closest) { return null; }
        const copy = (event.key === 'Enter' || event.key === ' ') && target.closest('.oc-copy');
        if (copy) { return copy; }
        const cell = event.key === 'Enter' && target.closest('.ag-cell');
        const link = cell && cell.querySelector('a[href]');
        return link && link !== target ? link : null;
    }
    document.addEventListener('keydown', function (event) {
        const pressed = pressedBy(event);
        if (!pressed) { return; }
        event.preventDefault();  // Space would scroll the page
        pressed.click();
    });

    // An open multi-select starts with "Select All" and "Deselect All", which Dash's dropdown leaves out of its Tab
    // order: Tab steps from the search box straight to the options, as the arrow keys do. Tab and Shift+Tab take the
    // buttons in, between the search box and the first option (this runs before the page's own handlers). Where
    // focus goes into the list or comes out of it, Dash's own keys move it, so that its place in the list follows.
    const press = function (target, key) {
        target.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true, cancelable: true}));
    };
    document.addEventListener('keydown', function (event) {
        const content = event.key === 'Tab' && event.target.closest && event.target.closest('.dash-dropdown-content');
        const actions = content ? Array.from(content.querySelectorAll('.dash-dropdown-action-button')) : [];
        if (!actions.length) { return; }
        const search = content.querySelector('.dash-dropdown-search');
        const stops = [search].concat(actions).filter(Boolean);
        const at = stops.indexOf(event.target);
        const intoList = at === stops.length - 1 && !event.shiftKey;
        const outOfList = at < 0 && event.shiftKey && event.target.closest('[data-option-index="0"]');
        const next = at < 0 ? (outOfList ? actions[actions.length - 1] : null) : stops[at + (event.shiftKey ? -1 : 1)];
        if (!intoList && !next) { return; }
        event.preventDefault();
        event.stopPropagation();
        if (intoList || outOfList) { press(event.target, 'Home'); }  // Dash: to the search box, before the first option
        if (intoList) {
            if (document.activeElement === search) { press(search, 'ArrowDown'); }
        } else {
            next.focus();
        }
    }, true);

    let pending = false;
    new MutationObserver(function () {
        if (pending) { return; }
        pending = true;
        requestAnimationFrame(function () { pending = false; fixUp(); });
    }).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
                                           attributes: true,
                                           attributeFilter: ['tabindex', 'role', 'aria-selected', 'aria-haspopup']});
})();
