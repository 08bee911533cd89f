// The callbacks that run in the browser, registered in components/ with ClientsideFunction('ocindex', name).
// Served as a file rather than written inline, so the Content-Security-Policy needs no hash for them. They get
// what they need as arguments (ids from the callback's own inputs, paths from a dcc.Store), never spliced in.
window.dash_clientside = window.dash_clientside || {};
window.dash_clientside.ocindex = (function () {
    const here = function () { return window.location.pathname + window.location.search; };
    // The address Back or Forward went to, until a link (or a callback) goes elsewhere: the location then reports
    // its hash, and presentMode follows it.
    let poppedTo = null;
    window.addEventListener('popstate', function () { poppedTo = window.location.href; });
    window.addEventListener('_dashprivate_pushstate', function () { poppedTo = null; });
    const pinned = function (pins) {
        return Array.isArray(pins) ? pins.filter(function (p) { return p && typeof p.href === 'string'; }) : [];
    };
    // How often each of the briefing's step buttons had been pressed when stepBriefing last ran, by input position.
    const pressesSeen = [];
    // The id of the triggering input among the callback's own inputs, by position: [hash, toggle, exit] -> 1.
    const triggeredInput = function () {
        const context = window.dash_clientside.callback_context;
        return context.inputs_list.findIndex(function (input) { return input.id === context.triggered_id; });
    };
    // The positions of the triggering inputs among the callback's own inputs, in the order Dash lists them (several
    // change at once).
    const triggeredInOrder = function () {
        const context = window.dash_clientside.callback_context;
        const inputs = context.inputs_list.map(function (input) { return input.id + '.' + input.property; });
        return context.triggered.map(function (t) { return inputs.indexOf(t.prop_id); })
            .filter(function (i) { return i >= 0; });
    };
    const triggeredInputs = function () { return new Set(triggeredInOrder()); };
    // What a quadrant view draws: the callback's last states, and the keys of a view in its views store, in the
    // order of components/quadrant.py's DRAWN (the chart, its note and description, the side panel's SIDE_PARTS).
    const PARTS = ['figure', 'note', 'summary', 'panel', 'movers', 'changes'];
    // The address of a view switched to in the browser ({search, title}), read at `at` (path, query), written
    // into `store` (the shell's address store: writeAddress) once the chart is painted: the router's callbacks
    // that the address sets off would otherwise hold the chart's frame. Of switches made before then, the last
    // one's is written, read where the first was; none if the browser has gone elsewhere meanwhile (Back), which
    // the location's props may not say yet, nor once a later change has asked the server (cancelAddress), whose
    // answer brings the address of the view with every change, read where this one was.
    let pendingAddress = null;
    const writeAddressAfterPaint = function (store, at, address) {
        if (pendingAddress !== null) { pendingAddress.address = address; return; }
        const pending = {store: store, at: at, address: address};
        pendingAddress = pending;
        window.requestAnimationFrame(function () {
            setTimeout(function () {
                if (pendingAddress !== pending) { return; }  // cancelled
                pendingAddress = null;
                if (window.location.pathname !== pending.at[0] || window.location.search !== pending.at[1]) { return; }
                window.dash_clientside.set_props(pending.store, {data: {
                    at: pending.at, search: pending.address.search, title: pending.address.title}});
            }, 0);
        });
    };
    const cancelAddress = function () { pendingAddress = null; };
    // Entering or leaving presentation mode hides the button pressed (the bar's Present, the presenter's Exit, or
    // the key's): focus, which would fall to the page's top, goes to the presenter's Next (or Exit, with nothing to
    // step through; the buttons its keys press: components/presentation.py), or back to `toggle`, once shown. Only
    // if it was lost: a click elsewhere meanwhile keeps its own.
    const keepFocus = function (presenting, toggle) {
        const bar = document.querySelector('.oc-presenter[data-keys]');
        const keys = bar ? JSON.parse(bar.getAttribute('data-keys')) : {};
        const ids = presenting ? [keys.ArrowRight, keys.Escape] : [toggle];
        const shown = function (element) { return element.getClientRects().length > 0; };  // drawn, not display: none
        let frames = 10;
        requestAnimationFrame(function move() {
            const lost = !document.activeElement || document.activeElement === document.body
                || !shown(document.activeElement);
            const target = ids.map(function (id) { return document.getElementById(id); })
                .find(function (button) { return button && shown(button); });
            if (target && lost) { target.focus(); } else if (!target && frames--) { requestAnimationFrame(move); }
        });
    };

    // --- Deferred props (components/deferred.py): heavy parts below the fold, set after the first paint.
    const LONGEST_WAIT = 2000;  // ms after which the deferred props are set even if a chart in view is not drawn
    let laterPage = 0;  // each page's store calls applyLater once: a newer page drops what the older one left
    let stopLater = function () {};
    const idle = window.requestIdleCallback ? window.requestIdleCallback.bind(window) : function (work) {
        return setTimeout(function () { work({timeRemaining: function () { return 0; }}); }, 1);
    };
    const cancelIdle = window.cancelIdleCallback ? window.cancelIdleCallback.bind(window) : clearTimeout;

    // A component as Dash's store holds it, or undefined once it is gone (Dash's getLayout throws then).
    const layoutOf = function (id) {
        try { return window.dash_component_api.getLayout(id); } catch (missing) { return undefined; }
    };

    // The charts (Graph components) a page's layout holds. A chart's code loads on demand: until it has, none is on
    // the page.
    const chartsIn = function (node) {
        if (Array.isArray(node)) { return [].concat.apply([], node.map(chartsIn)); }
        if (!node || !node.props) { return []; }
        return (node.type === 'Graph' ? [node] : []).concat(chartsIn(node.props.children));
    };

    const applyLater = function (pageLayout, stores) {
        stopLater();
        const page = ++laterPage;
        const deferred = Object.assign.apply(null, [{}].concat(stores || []));  // the page's one store, if any
        const ids = Object.keys(deferred);
        if (!ids.length || !window.dash_component_api) { return; }
        // Each prop as the page came with it, by reference: a callback that updates it before the deferred value is
        // set (a control changed at once) replaces it, and the callback's value then stands.
        const first = {};
        ids.forEach(function (id) { const found = layoutOf(id); first[id] = found ? found.props : {}; });
        const pending = new Set(ids);
        const apply = function (id) {
            if (page !== laterPage || !pending.delete(id)) { return; }
            const now = layoutOf(id);
            const props = {};
            Object.keys(deferred[id]).forEach(function (prop) {
                if (now && now.props[prop] === first[id][prop]) { props[prop] = deferred[id][prop]; }
            });
            if (Object.keys(props).length) { window.dash_clientside.set_props(id, props); }
        };
        const applyAll = function () { ids.forEach(apply); };
        // In the viewport (scrolled to, or on a tall screen): set at once, but only once the charts are drawn: until
        // then the page is short, and a part below the fold seems in view. The observers report after the browser
        // lays the page out: nothing here forces a layout while the charts are drawn.
        const inView = new Set();
        const near = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
                if (entry.isIntersecting) { inView.add(entry.target.id); } else { inView.delete(entry.target.id); }
                if (entry.isIntersecting && settling) { apply(entry.target.id); }
            });
        });
        const shown = new Map();  // each chart's holder: in the viewport or not, once the observer has said
        const charts = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) { shown.set(entry.target, entry.isIntersecting); });
        });
        const watched = new Map([[near, new Set()], [charts, new Set()]]);  // an element may be watched by both
        const watch = function (element, observer) {
            const seen = watched.get(observer);
            if (element && !seen.has(element)) { seen.add(element); observer.observe(element); }
            return Boolean(element);
        };
        const charted = chartsIn(pageLayout).length;
        const drawn = function () {
            const holders = Array.from(document.querySelectorAll('.dash-graph'));
            return holders.length >= charted && holders.every(function (holder) {
                watch(holder, charts);
                return shown.get(holder) === false || Boolean(holder.querySelector('.main-svg'));
            });
        };
        const started = performance.now();
        let timer = null, waiting = null, settling = false;
        const setOneAtATime = function () {  // one component per idle moment: the page stays responsive
            waiting = null;
            const next = ids.find(function (id) { return pending.has(id); });
            if (page !== laterPage || next === undefined) { return; }
            apply(next);
            waiting = idle(setOneAtATime, {timeout: 500});
        };
        // Until every prop is set, each component is looked up again: one drawn late (a grid's code loads on
        // demand, later on a busy machine) or drawn anew is watched too, so that scrolling to it still sets it.
        const poll = function () {
            timer = null;
            const rendered = ids.filter(function (id) { return watch(document.getElementById(id), near); });
            if (!settling && ((rendered.length === ids.length && drawn()) || performance.now() - started > LONGEST_WAIT)) {
                settling = true;
                inView.forEach(apply);
                waiting = idle(setOneAtATime, {timeout: 500});
            }
            if (pending.size) { timer = setTimeout(poll, settling ? 250 : 50); }
        };
        window.addEventListener('beforeprint', applyAll);  // paper has no viewport to scroll into
        stopLater = function () {
            near.disconnect();
            charts.disconnect();
            clearTimeout(timer);
            if (waiting !== null) { cancelIdle(waiting); }
            window.removeEventListener('beforeprint', applyAll);
        };
        poll();
    };

    return {
        // --- The frame: sharing, the folding navigation, the briefing panel

        // Every view is its URL: copied for sharing.
        currentHref: function () { return window.location.href; },
        // The address to draw (components/shell.py): the location's, when it is not the page on screen. The
        // controls' writes say their address is on screen; links, Back and Forward change it.
        route: function (pathname, search, shown) {
            const nothing = window.dash_clientside.no_update;
            if (typeof pathname !== 'string') { return [nothing, nothing]; }  // before the location has read the address
            const address = [pathname, search || ''];
            const same = Array.isArray(shown) && shown[0] === address[0] && (shown[1] || '') === address[1];
            return same ? [nothing, nothing] : [address, address];
        },
        // The controls' view as an address (components/registry.py, _sync_url): written, with the title, only if
        // the address is still the one the controls were read at.
        writeAddress: function (view, pathname, search) {
            const nothing = window.dash_clientside.no_update;
            if (!view || !Array.isArray(view.at) || view.at[0] !== pathname || view.at[1] !== (search || '')) {
                return [nothing, nothing, nothing];
            }
            return [view.search, view.title, [pathname, view.search]];
        },
        toggle: function (_clicks, open) { return !open; },
        // The briefing panel: its button opens or closes it; presenting it closes it, off the views shown.
        briefingPanel: function (_open, _present, open) { return triggeredInput() === 0 ? !open : false; },

        // --- Presentation mode and the briefing (components/presentation.py)

        // The briefing as a link: <briefing page>?view=<path>&title=<title>&view=…, opened by the briefing page.
        briefingLink: function (_clicks, pins, briefingPath) {
            const query = pinned(pins).map(function (p) {
                return 'view=' + encodeURIComponent(p.href) + '&title=' + encodeURIComponent(p.title || '');
            }).join('&');
            return window.location.origin + briefingPath + (query ? '?' + query : '');
        },
        // A link ending in #present opens in presentation mode; the switch and Exit turn it on and off. The mode
        // stays on while the presenter follows links, and the hash keeps it in the address bar for sharing. Back
        // and Forward take it with the address: to one without #present (the view before Present was pressed),
        // presentation ends, as it began.
        presentMode: function (hash, _toggle, _exit, on) {
            const trigger = triggeredInput();
            const nothing = window.dash_clientside.no_update;
            const revisited = trigger === 0 && poppedTo === window.location.href;
            let present = (Boolean(on) && !revisited) || hash === '#present', newHash = nothing;
            if (trigger === 1) { present = !on; newHash = present ? '#present' : ''; }
            if (trigger === 2) { present = false; newHash = ''; }
            // Unchanged (a page opened without #present): no update, which would redraw every chart that follows it.
            if (present === Boolean(on)) { return [nothing, nothing, newHash, nothing]; }
            if (trigger > 0) { keepFocus(present, window.dash_clientside.callback_context.inputs_list[1].id); }
            return [present, present ? 'oc-present' : '', newHash, present ? 'Exit presentation' : 'Present'];
        },
        // A page the router drew while presenting: its charts came styled for the screen, and presentation mode
        // said again restyles them (the pages' chart callbacks follow it).
        presentAgain: function (_page, on) {
            return on === true ? true : window.dash_clientside.no_update;
        },
        // Pin the view on screen, titled after its heading and query; pinning it again moves it to the end.
        pinView: function (_clicks, pins) {
            const heading = document.querySelector('main h1');
            const href = here();
            const kept = (Array.isArray(pins) ? pins : []).filter(function (p) { return p && p.href !== href; });
            // Read as the server reads it: '+' is a space, and a stray '%' (as typed) is kept, not an error.
            const query = Array.from(new URLSearchParams(window.location.search), function (pair) {
                return pair.join('=');
            }).join(', ');
            const title = ((heading && heading.textContent.trim()) || document.title) + (query ? ' (' + query + ')' : '');
            return kept.concat([{href: href, title: title}]);
        },
        // Step through the briefing: the next (or previous) pinned view after the one on screen, or the first.
        // It goes there as a link of the app does: the address, then the event Dash's location components follow.
        // Presses close together (a key pressed twice, or → then ←, within a few ms: a clicker, a held key) reach
        // one call, each button pressed since once in its triggered list, in the order of its first press: each
        // press counts, from the buttons' click counts, a button's presses taken together (a step past either end
        // stays there, as a single press does; so → ← → at the last view ends one back, where pressed one by one
        // it stays: only at an end does the order within a button's presses matter).
        stepBriefing: function (prev, next, start, pins) {
            const clicks = [prev || 0, next || 0, start || 0];
            const presses = triggeredInOrder().map(function (button) {  // 0 previous, 1 next, 2 start
                return {button: button, count: Math.max(1, clicks[button] - (pressesSeen[button] || 0))};
            });
            clicks.forEach(function (count, button) { pressesSeen[button] = count; });
            const views = pinned(pins);
            if (!views.length) { return; }
            const from = views.findIndex(function (p) { return p.href === here(); });
            let at = from, started = false;
            presses.forEach(function (press) {
                for (let n = 0; n < press.count; n++) {
                    if (press.button === 2) { at = 0; started = true; }
                    if (press.button === 1) { at = at < 0 ? 0 : Math.min(at + 1, views.length - 1); }
                    if (press.button === 0) { at = at < 0 ? views.length - 1 : Math.max(at - 1, 0); }
                }
            });
            if (at < 0 || (at === from && !started)) { return; }
            window.history.pushState({}, '', views[at].href + '#present');
            window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
            // The next view from its top, not where the last one was scrolled to (at once: Bootstrap scrolls smoothly).
            window.scrollTo({top: 0, behavior: 'instant'});
        },
        // The address from the location's props, which fire this: the location writes the browser's history when it
        // renders, which nothing orders before this call.
        presenterPosition: function (pathname, search, pins) {
            const views = Array.isArray(pins) ? pins : [];
            const address = (pathname || '') + (search || '');
            const at = views.findIndex(function (p) { return p && p.href === address; });
            // With nothing pinned there is nothing to step through: say how to start instead of offering arrows.
            const stepper = views.length ? {} : {display: 'none'};
            const text = !views.length ? 'Pin views to step through them' : at < 0
                ? 'Not in the briefing (' + views.length + (views.length === 1 ? ' view)' : ' views)')
                : 'View ' + (at + 1) + ' of ' + views.length;
            return [text, stepper, stepper];
        },
        // The shared briefing page: take its views as this browser's briefing, and present them if asked.
        takeBriefing: function (present, keep, views) {
            const nothing = window.dash_clientside.no_update;
            // Also called when the page appears (its buttons are new to the layout): act on clicks only.
            if (!(present || keep) || !Array.isArray(views) || !views.length) { return [nothing, nothing]; }
            return [views, triggeredInput() === 0 ? views[0].href + '#present' : nothing];
        },

        // --- Charts and tables

        // Plotly.js renders the image in the browser, at the size shown; the file name travels in layout.meta.
        exportImage: function () {
            const context = window.dash_clientside.callback_context;
            const button = context.triggered_id;
            if (!button || !context.triggered.length || !context.triggered[0].value) {
                return window.dash_clientside.no_update;
            }
            const holder = document.getElementById(button.graph);
            const plot = holder && holder.querySelector('.js-plotly-plot');
            if (!plot || !window.Plotly) { return window.dash_clientside.no_update; }
            const name = (plot.layout.meta && plot.layout.meta.filename) || 'oc-index_' + button.graph;
            window.Plotly.downloadImage(plot, {format: button.format, filename: name, width: plot._fullLayout.width,
                height: plot._fullLayout.height, scale: button.format === 'png' ? 2 : 1});
            return name + '.' + button.format;
        },
        // The page's deferred props (components/deferred.py), set once what is in view is drawn; no output. Called
        // with each page drawn: Dash calls no callback without outputs for a store that comes with a new page.
        applyLater: applyLater,
        // A grid's row for the country chosen elsewhere on the page, selected without re-sending the rows.
        selectRow: function (country) { return {ids: country ? [country] : []}; },

        // --- The quadrant (components/quadrant.py): an edition switch drawn without a request

        // The chart follows presentation mode and the controls (the first arguments, in the order the views store
        // names them: its fields, from PAGE.controls), then come the stores (choices, views, the last request), what
        // is drawn (PARTS), the address (path, query), that of the page on screen, and the store the address is
        // written into.
        // An edition switch first sets what follows the edition, as the server would (quadrant.switched()): the
        // earlier editions change can be read since, keeping the one chosen, and the edition's regions within the
        // chosen continents, keeping the chosen ones there. The views store holds, for the other controls as they
        // stand, every other edition's view (edition_views()): the switch draws it at once, writes its address
        // (after the paint), and keeps the view left there, for the way back. Anything else asks the server (the
        // ask store, with the address the controls were read at), which sends the view, its address and the store
        // anew.
        quadrantView: function () {
            const nothing = window.dash_clientside.no_update;
            const args = Array.from(arguments);
            const [pathname, search, shown] = args.slice(-4, -1);
            const drawnAt = args.length - 4 - PARTS.length;
            const [choices, views, asked] = args.slice(drawnAt - 3, drawnAt);
            const controls = args.slice(0, drawnAt - 3);  // presentation mode, then the page's controls
            const drawn = args.slice(drawnAt, drawnAt + PARTS.length);
            const fields = (views && views.fields) || [];
            const at = function (name) { return fields.indexOf(name); };
            const EDITION = at('edition'), CONTINENTS = at('continents'), REGIONS = at('regions'), SINCE = at('since');
            const fired = triggeredInputs();
            const choice = choices && choices[controls[EDITION]];
            const out = [nothing, nothing, nothing, nothing, nothing];
            const same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
            if (choice && fired.has(EDITION)) {  // the edition: its earlier editions, keeping the one chosen
                const since = choice.since.includes(controls[SINCE]) ? controls[SINCE] : choice.previous;
                out[0] = choice.since.map(function (e) { return {label: String(e), value: e}; });
                out[1] = since === controls[SINCE] ? nothing : since;
                out[2] = !choice.since.length;
                controls[SINCE] = since;
            }
            if (choice && (fired.has(EDITION) || fired.has(CONTINENTS))) {  // the edition or the continents: regions
                const continents = Array.isArray(controls[CONTINENTS]) && controls[CONTINENTS].length
                    ? controls[CONTINENTS] : Object.keys(choice.regions);
                const options = Array.from(new Set(continents.flatMap(function (c) {
                    return choice.regions[c] || [];
                }))).sort();
                const regions = (controls[REGIONS] || []).filter(function (r) { return options.includes(r); });
                out[3] = options;
                out[4] = same(regions, controls[REGIONS] || []) ? nothing : regions;
                controls[REGIONS] = regions;
            }
            // As view_key() writes a view: lists as lists, nothing chosen as null.
            const key = controls.map(function (value, i) {
                return i === 0 ? value === true : (i === CONTINENTS || i === REGIONS) ? value || []
                    : value === undefined ? null : value;
            });
            // The controls are read at the address of the page on screen: where the location is elsewhere (Back
            // taken, and not yet drawn), writeAddress writes nothing.
            const address = Array.isArray(shown) ? [shown[0], shown[1] || ''] : [pathname, search || ''];
            const ask = [nothing, {key: key, drawn: views ? views.drawn : null, at: address}];
            const asking = function () { cancelAddress(); return ask; };
            const unchanged = PARTS.map(function () { return nothing; });
            const none = [nothing, nothing];  // views, ask
            // While the server has not answered the last request, the chart it sends will replace what is drawn:
            // the store's views may be out of date, so ask again for what the controls hold now.
            if (asked && !same(asked.key, views && views.answered)) {
                return out.concat(unchanged, same(asked.key, key) ? none : asking());
            }
            if (views && same(views.drawn, key)) { return out.concat(unchanged, none); }
            const found = views && views.views && views.views[controls[EDITION]];
            if (found && same(found.key, key)) {
                const kept = Object.assign({}, views.views);
                kept[views.edition] = {key: views.drawn, address: views.address};
                PARTS.forEach(function (part, i) { kept[views.edition][part] = drawn[i]; });
                delete kept[controls[EDITION]];
                const switched = {edition: controls[EDITION], drawn: key, address: found.address, views: kept};
                const states = window.dash_clientside.callback_context.states_list;
                writeAddressAfterPaint(states[states.length - 1].id, address, found.address);
                // A part the same as drawn is left alone (the country's panel, with no country chosen).
                return out.concat(PARTS.map(function (part, i) {
                    return i > 0 && same(found[part], drawn[i]) ? nothing : found[part];
                }), [Object.assign({}, views, switched), nothing]);
            }
            return out.concat(unchanged, asking());
        },
        // A click on a point (its customdata) selects the country (a list entry's: pick_lists.js).
        pickCountry: function (click) {
            const point = click && click.points && click.points[0];
            // The quadrant's points carry their hover data after the code (figures/quadrant.py, hover_data).
            const data = point && (Array.isArray(point.customdata) ? point.customdata[0] : point.customdata);
            const iso3 = point && (point.location || data);
            return typeof iso3 === 'string' ? iso3 : window.dash_clientside.no_update;
        },

        // --- The country brief

        print: function (clicks) {
            if (clicks) { window.print(); }
        },
        // On paper a link needs its host, which only the browser knows (the page is cached for every host).
        viewOnline: function (path) { return 'View online: ' + window.location.origin + path; },

        // --- The briefing deck: its files arrive once, in a store, each ready for its dcc.Download by id

        deckReady: function (result) {
            const none = !(result && result.name);
            return [none, none];
        },
        deckFile: function (_clicks, result) {
            const download = window.dash_clientside.callback_context.outputs_list.id;
            const file = result && result.files && result.files[download];
            return file || window.dash_clientside.no_update;
        },
    };
})();
