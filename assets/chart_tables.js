// Every chart's text alternative and "View as table", filled from the figure as drawn (components/charts.py):
// after each plot, the description the figure builder wrote (layout.meta.description) goes into the chart's
// screen-reader description, and an open table is rebuilt from the traces' data. Built with DOM calls and
// textContent only: names and hover texts never become markup.
(function () {
    'use strict';

    // Plotly's hover and trace texts are HTML-escaped and may hold <b> or <br>: read them as the plain text shown.
    const parser = new DOMParser();
    function plain(text) {
        if (text === undefined || text === null) { return ''; }
        const body = parser.parseFromString(String(text).replace(/<br\s*\/?>/gi, ' '), 'text/html').body;
        return body.textContent.replace(/\s+/g, ' ').trim();
    }

    // A point's name: the first bold part of its hover text (every builder starts it with the name), else the text.
    function pointName(text) {
        if (text === undefined || text === null) { return ''; }
        const bold = parser.parseFromString(String(text), 'text/html').body.querySelector('b');
        return bold ? plain(bold.textContent) : plain(String(text).split(/<br\s*\/?>/i)[0]);
    }

    function list(values) { return values ? Array.from(values) : []; }
    function at(values, i) { return Array.isArray(values) || ArrayBuffer.isView(values) ? values[i] : values; }

    function number(value) {
        return typeof value === 'number' && isFinite(value) ? value.toFixed(2) : plain(value);
    }

    function axisTitle(layout, axis) {
        const title = layout[axis] && layout[axis].title;
        return plain(title && typeof title === 'object' ? title.text : title);
    }

    // Traces a reader should have: not decoration (selection rings, movement arrows skip hover) nor hidden.
    function dataTraces(plot) {
        return (plot.data || []).filter(function (trace) {
            return trace.visible !== false && trace.hoverinfo !== 'skip';
        });
    }

    function isCategorical(values) {
        return values.length > 0 && values.every(function (v) { return typeof v === 'string'; });
    }

    // A table as {headers, rows}: rows are arrays of cells, the first cell of each row is its header.
    function categoryTable(traces, layout, meta, axis) {
        const valueAxis = axis === 'y' ? 'xaxis' : 'yaxis';
        const categories = [];
        const columns = traces.map(function (trace) {
            const cells = new Map();
            list(trace[axis]).forEach(function (category, i) {
                if (!cells.has(category)) { categories.push(category); }
                cells.set(category, at(trace[axis === 'y' ? 'x' : 'y'], i));
            });
            return cells;
        });
        const unique = Array.from(new Set(categories));
        return {
            headers: [axisTitle(layout, axis + 'axis') || meta.category || 'Category'].concat(traces.map(
                function (trace) { return plain(trace.name) || axisTitle(layout, valueAxis) || 'Value'; })),
            rows: unique.map(function (category) {
                return [plain(category)].concat(columns.map(function (cells) {
                    return cells.has(category) ? number(cells.get(category)) : '—';
                }));
            }),
        };
    }

    function pointTable(traces, layout, meta) {
        const grouped = new Set(traces.map(function (t) { return t.name; })).size > 1;
        const rows = [];
        traces.forEach(function (trace) {
            list(trace.x).forEach(function (x, i) {
                const label = pointName(at(trace.hovertext, i) || at(trace.text, i)) || plain(at(trace.customdata, i));
                rows.push([label].concat(grouped ? [plain(trace.name)] : [], [number(x), number(at(trace.y, i))]));
            });
        });
        rows.sort(function (a, b) { return a[0].localeCompare(b[0]); });
        return {
            headers: [meta.rows || 'Name'].concat(grouped ? [meta.group || 'Series'] : [],
                [axisTitle(layout, 'xaxis') || 'x', axisTitle(layout, 'yaxis') || 'y']),
            rows: rows,
        };
    }

    function boxTable(traces, layout, meta) {
        const rows = [];
        traces.forEach(function (trace) {
            const horizontal = trace.orientation === 'h';
            list(horizontal ? trace.x : trace.y).forEach(function (value, i) {
                rows.push([pointName(at(trace.text, i)) || plain(at(trace.customdata, i)), plain(trace.name),
                           number(value)]);
            });
        });
        const valueAxis = traces.length && traces[0].orientation === 'h' ? 'xaxis' : 'yaxis';
        return {headers: [meta.rows || 'Name', meta.group || 'Group', axisTitle(layout, valueAxis) || 'Value'],
                rows: rows};
    }

    function mapTable(traces, meta) {
        const rows = [];
        traces.forEach(function (trace) {
            list(trace.locations).forEach(function (location, i) {
                rows.push([pointName(at(trace.text, i)) || plain(location), number(at(trace.z, i))]);
            });
        });
        rows.sort(function (a, b) { return a[0].localeCompare(b[0]); });
        const bar = traces.length && traces[0].colorbar && traces[0].colorbar.title;
        return {headers: [meta.rows || 'Place', meta.value || plain(bar && bar.text) || 'Value'], rows: rows};
    }

    function heatTable(trace, layout) {
        const x = list(trace.x), z = list(trace.z);
        return {
            headers: [axisTitle(layout, 'yaxis') || ''].concat(x.map(plain)),
            rows: list(trace.y).map(function (y, i) { return [plain(y)].concat(list(z[i]).map(number)); }),
        };
    }

    function tableOf(plot) {
        const layout = plot.layout || {};
        const meta = (layout.meta && typeof layout.meta === 'object' && !Array.isArray(layout.meta)) ? layout.meta : {};
        const traces = dataTraces(plot);
        if (!traces.length) { return null; }
        const type = traces[0].type || 'scatter';
        if (type === 'choropleth') { return mapTable(traces, meta); }
        if (type === 'box') { return boxTable(traces, layout, meta); }
        if (type === 'heatmap') { return heatTable(traces[0], layout); }
        const axis = traces.every(function (t) { return t.orientation === 'h' || isCategorical(list(t.y)); }) ? 'y'
            : traces.every(function (t) { return isCategorical(list(t.x)); }) ? 'x' : null;
        return axis ? categoryTable(traces, layout, meta, axis) : pointTable(traces, layout, meta);
    }

    function cell(tag, text, attributes) {
        const element = document.createElement(tag);
        element.textContent = text;
        Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
        return element;
    }

    function drawTable(holder, plot) {
        const found = tableOf(plot);
        const chart = holder.closest('.oc-chart');
        const what = (chart && chart.getAttribute('data-chart')) || 'the chart';
        holder.replaceChildren();
        if (!found) {
            holder.appendChild(cell('p', 'This chart shows no data.', {'class': 'small mb-0'}));
            return;
        }
        const table = cell('table', '', {'class': 'table table-sm table-striped small mb-0'});
        table.appendChild(cell('caption', 'The data of ' + what + ' (' + found.rows.length + ' rows)',
                               {'class': 'caption-top'}));
        const head = table.appendChild(document.createElement('thead')).appendChild(document.createElement('tr'));
        found.headers.forEach(function (header, i) {
            head.appendChild(cell('th', header, {scope: 'col', 'class': i ? 'text-end' : ''}));
        });
        const body = table.appendChild(document.createElement('tbody'));
        found.rows.forEach(function (row) {
            const line = body.appendChild(document.createElement('tr'));
            row.forEach(function (value, i) {
                const numeric = /^-?\d+(\.\d+)?$/.test(value);
                line.appendChild(i ? cell('td', value, {'class': numeric ? 'text-end' : ''})
                                   : cell('th', value, {scope: 'row', 'class': 'fw-normal'}));
            });
        });
        holder.appendChild(table);
    }

    function partsOf(plot) {
        const chart = plot.closest('.oc-chart');
        return chart && {
            description: chart.querySelector('.oc-chart-description'),
            table: chart.querySelector('.oc-chart-table'),
        };
    }

    function render(plot) {
        const parts = partsOf(plot);
        if (!parts) { return; }
        const meta = plot.layout && plot.layout.meta;
        const text = (meta && meta.description) || (dataTraces(plot).length ? '' : 'This chart shows no data.');
        if (parts.description && parts.description.textContent !== text) { parts.description.textContent = text; }
        if (parts.table && !parts.table.hidden) { drawTable(parts.table, plot); }
    }

    // Plotly's events are its own, not the DOM's: each plot is hooked once, when it first appears.
    function hook() {
        document.querySelectorAll('.oc-chart .js-plotly-plot').forEach(function (plot) {
            if (plot.ocDescribed || typeof plot.on !== 'function') { return; }
            plot.ocDescribed = true;
            plot.on('plotly_afterplot', function () { render(plot); });
            if (plot._fullLayout) { render(plot); }
        });
    }
    let pending = false;
    new MutationObserver(function () {
        if (pending) { return; }
        pending = true;
        requestAnimationFrame(function () { pending = false; hook(); });
    }).observe(document.documentElement, {childList: true, subtree: true});

    // "View as table": a disclosure button (aria-expanded) for the region it controls.
    document.addEventListener('click', function (event) {
        const toggle = event.target.closest && event.target.closest('.oc-table-toggle');
        if (!toggle) { return; }
        const holder = document.getElementById(toggle.getAttribute('aria-controls'));
        const plot = holder && holder.closest('.oc-chart').querySelector('.js-plotly-plot');
        if (!holder) { return; }
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        if (open && plot) { drawTable(holder, plot); }
        holder.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
    });
})();
