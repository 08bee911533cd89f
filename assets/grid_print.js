// Grids on paper (components/grid.py): every column within the page's width. On screen a grid scrolls sideways when
// its columns are wider than it; printed, the columns past its right edge were missing (the country profile's ranks
// in the region and change). Put back as they were after printing.
(function () {
    'use strict';

    let printed = [];  // [api, column state on screen] of each grid laid out for paper

    // When the page is laid out for paper: beforeprint comes earlier, at the screen's width. AG Grid sets the widths
    // at once, in time for the page to be printed; the rows it draws later (those out of a grid's view) would not be.
    function forPaper() {
        if (printed.length || !window.dash_ag_grid) { return; }
        document.querySelectorAll('.oc-grid[id]').forEach(function (holder) {
            const api = window.dash_ag_grid.getApi(holder.id);
            if (!api || api.isDestroyed()) { return; }
            printed.push([api, api.getColumnState()]);
            // The grid's width shared between its columns, however narrow that makes them: a cell's text is then cut
            // with an ellipsis, its figures stay whole.
            api.sizeColumnsToFit({columnLimits: api.getColumns().map(function (column) {
                return {key: column.getColId(), minWidth: 30};
            })});
        });
    }

    function forScreen() {
        printed.forEach(function ([api, columns]) {
            if (!api.isDestroyed()) { api.applyColumnState({state: columns, applyOrder: true}); }  // widths, flex, sort
        });
        printed = [];
    }

    window.matchMedia('print').addEventListener('change', function (media) {
        if (media.matches) { forPaper(); } else { forScreen(); }
    });
}());
