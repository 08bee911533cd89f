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

    // {iso3, name, value (at the right) or below (on a second line)}; the space keeps the accessible name's words apart.
    function entry(item) {
        const button = element('button', 'list-group-item list-group-item-action oc-pick py-1 px-2 small');
        button.type = 'button';
        button.dataset.iso3 = item.iso3;
        button.append(element('span', 'oc-pick-name', item.name));
        if (typeof item.value === 'string') { button.append(' ', element('span', 'oc-pick-value', item.value)); }
        if (typeof item.below === 'string') { button.append(' ', element('span', 'oc-pick-below', item.below)); }
        return button;
    }

    // {message} or {sections: [{heading, entries}]}
    function draw(box) {
        const source = box.getAttribute(ATTRIBUTE);
        if (drawn.get(box) === source) { return; }
        drawn.set(box, source);
        let list = null;
        try { list = JSON.parse(source); } catch (malformed) { /* drawn empty */ }
        const parts = [];
        if (list && typeof list.message === 'string') {
            parts.push(element('p', 'small text-body-secondary mb-0', list.message));
        }
        (list && Array.isArray(list.sections) ? list.sections : []).forEach(function (section) {
            parts.push(element('div', 'small fw-semibold mt-1', section.heading));
            const entries = Array.isArray(section.entries) ? section.entries : [];
            if (!entries.length) { parts.push(element('p', 'small mb-1', 'None.')); return; }
            const group = element('div', 'list-group list-group-flush');
            group.append.apply(group, entries.map(entry));
            parts.push(group);
        });
        box.replaceChildren.apply(box, parts);
    }

    function drawWithin(node) {
        if (node.nodeType !== Node.ELEMENT_NODE) { return; }
        if (node.hasAttribute(ATTRIBUTE)) { draw(node); }
        node.querySelectorAll('[' + ATTRIBUTE + ']').forEach(draw);
    }

    new MutationObserver(function (records) {
        records.forEach(function (record) {
            if (record.type === 'attributes') { draw(record.target); } else { record.addedNodes.forEach(drawWithin); }
        });
    }).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                          attributeFilter: [ATTRIBUTE]});
    drawWithin(document.documentElement);

    document.addEventListener('click', function (event) {
        const button = event.target instanceof Element && event.target.closest('[data-picks] .oc-pick[data-iso3]');
        if (button && window.dash_clientside && window.dash_clientside.set_props) {
            window.dash_clientside.set_props(button.closest('[data-picks]').getAttribute('data-picks'),
                                             {value: button.dataset.iso3});
        }
    });
})();
