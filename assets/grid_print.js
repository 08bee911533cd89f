// Grids on paper (components/grid.py). On screen a grid draws only the rows and columns in its view: printed, the
// indicator's ranking stopped after its first fifteen countries and the country's scores lost their last columns.
// While the page is printed each grid stands aside for a plain table of every row, in the order and with the filter
// of the screen, its rows and cells as the grid formats and colours them (assets/style.css shows the tables on paper only);
// the tables go after printing.
(function () {
    'use strict';

    const PAPER = 'oc-grid-paper';

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

    function styled(cell, api, column, node, value) {
        const definition = column.getColDef();
        const rule = definition.cellStyle;
        const style = typeof rule === 'function'
            ? rule({value: value, data: node.data, node: node, colDef: definition, column: column, api: api,
                    context: api.getGridOption('context')})
            : rule;
        Object.assign(cell.style, style || {});
        cell.className = alignment(column);
    }

    function rowClasses(row, api, node) {
        // As the grid's rowClassRules, which dash-ag-grid makes functions (the country's composites in bold).
        Object.entries(api.getGridOption('rowClassRules') || {}).forEach(function ([name, rule]) {
            if (typeof rule === 'function' && rule({data: node.data, node: node, api: api,
                                                   context: api.getGridOption('context')})) {
                row.classList.add(name);
            }
        });
    }

    function paperTable(api) {
        const columns = api.getAllDisplayedColumns();
        const table = document.createElement('table');
        table.className = PAPER + ' table table-sm';
        headerRows(api, columns, table.createTHead());
        const body = table.createTBody();
        api.forEachNodeAfterFilterAndSort(function (node) {
            if (node.group) { return; }
            const row = body.insertRow();
            rowClasses(row, api, node);
            columns.forEach(function (column) {
                const cell = row.insertCell();
                const value = api.getCellValue({rowNode: node, colKey: column});
                const shown = api.getCellValue({rowNode: node, colKey: column, useFormatter: true});
                cell.textContent = shown === null || shown === undefined ? '' : String(shown);
                styled(cell, api, column, node, value);
            });
        });
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
