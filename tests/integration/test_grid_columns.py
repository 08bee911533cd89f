"""The grids' columns (components/grid.py): fixed widths, whole headers, filling columns."""

from __future__ import annotations

import contextlib

import pytest
from dash.testing import errors
from dash.testing.wait import until

from components import ids

from .helpers import resize
from .test_accessibility import settled

# Each view's grids: whether it fits its box at 1280 px, and at 1024 (False: it scrolls sideways by design, the
# pillar's many indicators and the regions' member lists), and the columns whose cells must show whole (names the
# reader looks for; a value cut there is a different country).
GRIDS = {
    "/indicator/cocaine-trade": {ids.INDICATOR.RANKING: ((True, False), ("rank", "score", "change"))},
    "/pillar/criminal-markets": {ids.PILLAR.TABLE: ((False, False), ())},
    "/pillar/resilience": {ids.PILLAR.TABLE: ((False, False), ())},
    "/country/PER?peers=COL": {ids.COUNTRY.TABLE: ((True, True), ("rank_global", "rank_continent", "rank_region")),
                               ids.COUNTRY.PEER_GRID: ((True, True), ())},
    "/compare?countries=PER,COL,BRA": {ids.COMPARE.TABLE: ((True, False), ())},
    "/change": {ids.CHANGE.FLIPS: ((True, True), ("country",))},
    "/weights": {ids.WEIGHTS.TABLE: ((True, True), ("country", "rank_change"))},
    "/regions": {ids.REGIONS.TABLE: ((False, False), ("group", "countries"))},
}

# Per grid on the page: its headers cut (an ellipsis, wrapped lines past the header row, or a word broken across
# lines: AG Grid breaks a word too long for its column rather than letting it overflow), the room its columns leave
# empty (only a filling column with a maximum width could), its columns' width and its own, and the cells of the given
# columns cut. Headers and cells are those drawn (AG Grid draws the columns and rows in view).
COLUMNS = """
const whole = arguments[0];
const brokenWord = text => [...text.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).some(node => {
    let at = 0;
    return node.textContent.split(' ').some(word => {
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + word.length); at += word.length + 1;
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
    });
});
return [...document.querySelectorAll('.ag-root-wrapper')].map(grid => {
    const cut = [...grid.querySelectorAll('.ag-header-cell, .ag-header-group-cell')].filter(cell => {
        const text = cell.querySelector('.ag-header-cell-text, .ag-header-group-text');
        if (!text || !text.textContent.trim()) return false;
        const box = text.getBoundingClientRect(), row = cell.getBoundingClientRect();
        return text.scrollWidth > text.clientWidth + 1 || box.bottom > row.bottom + 0.5 || box.top < row.top - 0.5
            || brokenWord(text);
    }).map(cell => cell.textContent.trim());
    const id = grid.closest('[id]').id;
    const cells = [...grid.querySelectorAll('.ag-cell')].filter(cell =>
        (whole[id] || []).includes(cell.getAttribute('col-id'))
        && [cell, ...cell.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
        .map(cell => cell.textContent.trim());
    const viewport = grid.querySelector('.ag-center-cols-viewport');
    const columns = grid.querySelector('.ag-center-cols-container').getBoundingClientRect().width;
    return {grid: id, cut, cells, empty: Math.round(viewport.clientWidth - columns),
            wide: viewport.scrollWidth, seen: viewport.clientWidth};
});
"""


def sideways(grid: dict) -> bool:
    return grid["wide"] > grid["seen"] + 1


@pytest.mark.parametrize("width, hash_", [(1280, ""), (1280, "#present"), (1024, "")])
def test_g001_every_header_is_whole_and_the_columns_fill_their_grid(start, width, hash_):
    """Columns have fixed widths and some fill what is left: AG Grid sizing every column to the grid, and headers
    measured for wrapping, cost the indicator page some 25 ms of its load. Fixed widths must still show each header
    whole (on the lines its grid gives it; in presentation mode too), leave no empty strip, show the names and ranks
    whole, and fit where the grid fitted before (on a 1280 px laptop, and at 1024 px those with few columns)."""
    duo = start("/")
    resize(duo, width, 800)
    base, found = duo.server_url.rstrip("/"), []
    for view, expected in GRIDS.items():
        duo.driver.get(base + view + hash_)
        settled(duo)
        whole = {grid: columns for grid, (_, columns) in expected.items()}
        fitting = [grid for grid, ((laptop, small), _) in expected.items() if (laptop if width >= 1280 else small)]

        def measure():
            return {grid["grid"]: grid for grid in duo.driver.execute_script(COLUMNS, whole)}

        # AG Grid sizes a filling column in an animation frame of its own: for a moment after the page has settled,
        # a grid may stick out by the width its scroll bar took.
        with contextlib.suppress(errors.TestingTimeoutError, KeyError):
            until(lambda: not any(sideways(measure()[grid]) for grid in fitting), timeout=3)
        grids = measure()
        assert set(grids) == set(expected), view
        for name, grid in grids.items():
            if grid["cut"]:
                found.append(f"{view} {name}: headers cut: {grid['cut']}")
            if grid["cells"]:
                found.append(f"{view} {name}: cells cut: {grid['cells'][:5]}")
            if grid["empty"] > 1:
                found.append(f"{view} {name}: {grid['empty']} px left empty")
            if sideways(grid) and name in fitting:
                found.append(f"{view} {name} scrolls sideways: {grid['wide']} px wide in {grid['seen']}")
    assert not found, "\n".join(found)
    assert duo.get_logs() == []
