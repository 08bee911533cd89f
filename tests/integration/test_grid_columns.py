"""The grids' columns (components/grid.py): fixed widths, whole headers, one filling column."""

from __future__ import annotations

from .helpers import resize
from .test_accessibility import settled

GRID_VIEWS = ["/indicator/cocaine-trade", "/pillar/criminal-markets", "/pillar/resilience", "/country/PER?peers=COL",
              "/compare?countries=PER,COL", "/change", "/weights", "/regions"]

# Per grid on the page: its headers cut (ellipsis, or wrapped lines past the header row), the room its columns leave
# empty, and whether it scrolls sideways. Headers are those drawn (AG Grid draws the columns in view).
COLUMNS = """
return [...document.querySelectorAll('.ag-root-wrapper')].map(grid => {
    const cut = [...grid.querySelectorAll('.ag-header-cell')].filter(cell => {
        const text = cell.querySelector('.ag-header-cell-text');
        if (!text || !text.textContent.trim()) return false;
        const box = text.getBoundingClientRect(), row = cell.getBoundingClientRect();
        return text.scrollWidth > text.clientWidth + 1 || box.bottom > row.bottom + 0.5 || box.top < row.top - 0.5;
    }).map(cell => cell.textContent.trim());
    const viewport = grid.querySelector('.ag-center-cols-viewport');
    const columns = grid.querySelector('.ag-center-cols-container').getBoundingClientRect().width;
    return {grid: grid.closest('[id]').id, cut, empty: Math.round(viewport.clientWidth - columns),
            sideways: viewport.scrollWidth > viewport.clientWidth + 1};
});
"""


def test_g001_on_a_laptop_every_header_is_whole_and_the_columns_fill_their_grid(start):
    """Columns have fixed widths and one fills what is left: AG Grid sizing every column to the grid, and headers
    measured for wrapping, cost the indicator page some 25 ms of its load. Fixed widths must still show each header
    whole (on the lines its grid gives it) and leave no empty strip; the indicator's ranking fits a 1280 px laptop."""
    duo = start("/")
    resize(duo, 1280, 800)
    base, found = duo.server_url.rstrip("/"), []
    for view in GRID_VIEWS:
        duo.driver.get(base + view)
        settled(duo)
        grids = duo.driver.execute_script(COLUMNS)
        assert grids, view
        for grid in grids:
            if grid["cut"]:
                found.append(f"{view} {grid['grid']}: headers cut: {grid['cut']}")
            if grid["empty"] > 1:
                found.append(f"{view} {grid['grid']}: {grid['empty']} px left empty")
            if grid["grid"] == "indicator-ranking" and grid["sideways"]:
                found.append(f"{view} {grid['grid']} scrolls sideways")
    assert found == []
    assert duo.get_logs() == []
