// The quadrant's side lists (components/quadrant.py, pick_lists): each box holds its list as JSON in its
// data-pick-list attribute, which Dash renders and the callbacks update, and this draws the entries from it whenever
// a box appears or its attribute changes. Built with DOM calls and textContent only: names from the workbook never
// become markup. An entry sets the control named by its box's data-picks to the entry's country.
(function () {
    'use strict';
    const ATTRIBUTE = 'data-pick-list';
    const drawn = new WeakMap();  // box -> the attribute it was drawn from: an entry keeps its focus until it changes

    function element(tag, className, text) {
        const node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    const isObject = function (value) { return value !== null && typeof value === 'object'; };

    // {iso3, name, value (at the right) or below (on a second line)}; the space keeps the accessible name's words apart.
    function entry(item) {
        const button = element('button', 'list-group-item list-group-item-action oc-pick py-1 px-2 small');
        button.type = 'button';
        button.dataset.iso3 = String(item.iso3);
        button.append(element('span', 'oc-pick-name', String(item.name)));
        if (typeof item.value === 'string') { button.append(' ', element('span', 'oc-pick-value', item.value)); }
        if (typeof item.below === 'string') { button.append(' ', element('span', 'oc-pick-below', item.below)); }
        return button;
    }

    // {message} or {sections: [{heading, entries}]}; anything else is drawn empty.
    function parts(source) {
        let list = null;
        try { list = JSON.parse(source); } catch (malformed) { return []; }
        if (!isObject(list)) { return []; }
        const drawnParts = typeof list.message === 'string'
            ? [element('p', 'small text-body-secondary mb-0', list.message)] : [];
        (Array.isArray(list.sections) ? list.sections.filter(isObject) : []).forEach(function (section) {
            drawnParts.push(element('div', 'small fw-semibold mt-1', String(section.heading || '')));
            const entries = Array.isArray(section.entries) ? section.entries.filter(isObject) : [];
            if (!entries.length) { drawnParts.push(element('p', 'small mb-1', 'None.')); return; }
            const group = element('div', 'list-group list-group-flush');
            group.append.apply(group, entries.map(entry));
            drawnParts.push(group);
        });
        return drawnParts;
    }

    // The box drawn from its attribute, if that has changed; focus on one of its entries stays on its country's.
    function draw(box) {
        const source = box.getAttribute(ATTRIBUTE);
        if (drawn.get(box) === source) { return; }
        drawn.set(box, source);
        const focused = box.contains(document.activeElement) ? document.activeElement.dataset.iso3 : undefined;
        box.replaceChildren.apply(box, parts(source));
        const again = focused && Array.from(box.querySelectorAll('.oc-pick')).find(function (button) {
            return button.dataset.iso3 === focused;
        });
        if (again) { again.focus(); }
    }

    const drawAll = function () { document.querySelectorAll('[' + ATTRIBUTE + ']').forEach(draw); };
    // Once per batch of changes to the page (boxes that appear, attributes that change): unchanged boxes cost a look.
    new MutationObserver(drawAll).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                                                     attributeFilter: [ATTRIBUTE]});
    drawAll();

    document.addEventListener('click', function (event) {
        const button = event.target instanceof Element && event.target.closest('[data-picks] .oc-pick[data-iso3]');
        if (button && window.dash_clientside && window.dash_clientside.set_props) {
            window.dash_clientside.set_props(button.closest('[data-picks]').getAttribute('data-picks'),
                                             {value: button.dataset.iso3});
        }
    });
})();
