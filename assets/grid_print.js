// Grids on paper (components/grid.py). On screen a grid draws only the rows and columns in its view: printed, the
// indicator's ranking stopped after its first fifteen countries and the country's scores lost their last columns.
// While the page is printed each grid stands aside for a plain table of every row, in the order and with the filter
// of the screen (which a caption states), its rows, cells and links as the grid draws them; assets/style.css shows
// the tables on paper only and fits them to the page's width. The tables go after printing.
(function () {
    'use strict';

    const PAPER = 'oc-grid-paper';
    const WIDE = 10;  // columns

    function alignment(column) {
        return column.getColDef().type === 'rightAligned' ? 'text-end' : 'text-start';
    }

    function named(api, group) {
        return group && group.getColGroupDef && group.getColGroupDef()
            ? api.getDisplayNameForColumnGroup(group, 'header') || '' : '';
    }

    function headerRows(api, columns, head) {
        // The groups' row (compare: one group per country) where a column has a named group.
        const groups = columns.map(function (column) { return column.getParent(); });
        if (groups.some(function (group) { return named(api, group); })) {
            const row = head.insertRow();
            let last = null;
            groups.forEach(function (group, i) {
                if (i && group && group === groups[i - 1]) { last.colSpan += 1; return; }
                last = document.createElement('th');
                last.scope = 'colgroup';
                last.textContent = named(api, group);
                row.appendChild(last);
            });
        }
        const row = head.insertRow();
        columns.forEach(function (column) {
            const cell = document.createElement('th');
            cell.scope = 'col';
            cell.className = alignment(column);
            cell.textContent = api.getDisplayNameForColumn(column, 'header');
            row.appendChild(cell);
        });
    }

    // What the grid's rules (functions once dash-ag-grid has read them) give for a row or a cell.
    function ruled(rule, params) {
        return typeof rule === 'function' ? rule(params) : rule;
    }

    function classes(value) {
        return (Array.isArray(value) ? value : String(value || '').split(' ')).filter(function (name) {
            return name && !name.startsWith('ag-');  // AG Grid's own (alignment): text-end stands for them
        });
    }

    function cell(row, api, context, column, node) {
        const definition = column.getColDef();
        const params = {value: api.getCellValue({rowNode: node, colKey: column}), data: node.data, node: node,
                        colDef: definition, column: column, api: api, context: context};
        const shown = api.getCellValue({rowNode: node, colKey: column, useFormatter: true});
        const text = shown === null || shown === undefined ? '' : String(shown);
        const target = row.insertCell();
        target.className = alignment(column);
        classes(ruled(definition.cellClass, params)).forEach(function (name) { target.classList.add(name); });
        Object.assign(target.style, ruled(definition.cellStyle, params) || {});
        // A link on screen stays one in a saved PDF (OcLink: the row's field the renderer's params name).
        const href = definition.cellRenderer === 'OcLink' && node.data
            && node.data[(definition.cellRendererParams || {}).href || 'href'];
        if (href) {
            const link = document.createElement('a');
            link.href = href;
            link.textContent = text;
            target.appendChild(link);
        } else {
            target.textContent = text;
        }
    }

    function paperTable(api) {
        const columns = api.getAllDisplayedColumns();
        const table = document.createElement('table');
        table.className = PAPER + ' table table-sm';
        // Many columns (the heat tables, compare): their titles stand upright, so each column is as narrow as its
        // figures.
        table.classList.toggle(PAPER + '-wide', columns.length > WIDE);
        headerRows(api, columns, table.createTHead());
        const body = table.createTBody();
        let total = 0;
        api.forEachNode(function (node) { total += node.group ? 0 : 1; });
        const context = api.getGridOption('context');
        const rowRules = Object.entries(api.getGridOption('rowClassRules') || {});
        api.forEachNodeAfterFilterAndSort(function (node) {
            if (node.group) { return; }
            const row = body.insertRow();
            rowRules.forEach(function ([name, rule]) {
                if (ruled(rule, {data: node.data, node: node, api: api, context: context})) { row.classList.add(name); }
            });
            row.classList.toggle('oc-paper-selected', node.isSelected());
            columns.forEach(function (column) { cell(row, api, context, column, node); });
        });
        const shown = body.rows.length;
        if (api.isAnyFilterPresent()) {  // as the screen does, say that rows are left out
            table.createCaption().textContent = 'Filtered: ' + shown + ' of ' + total + ' rows.';
        }
        if (!shown) {
            const empty = body.insertRow().insertCell();
            empty.colSpan = columns.length;
            empty.textContent = 'No rows.';
        }
        return table;
    }

    function apiOf(holder) {
        try {
            const api = window.dash_ag_grid.getApi(holder.id);
            return api && !api.isDestroyed() ? api : null;
        } catch (error) {  // not drawn yet (a grid below the fold before it is mounted): it stays as it is
            return null;
        }
    }

    window.addEventListener('beforeprint', function () {
        if (!window.dash_ag_grid) { return; }
        document.querySelectorAll('.oc-grid[id]').forEach(function (holder) {
            const api = apiOf(holder);
            const next = holder.nextElementSibling;
            if (api && !(next && next.classList.contains(PAPER))) { holder.after(paperTable(api)); }
        });
    });
    window.addEventListener('afterprint', function () {
        document.querySelectorAll('table.' + PAPER).forEach(function (table) { table.remove(); });
    });
}());
