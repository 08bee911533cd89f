"""Parts below the fold drawn after the first paint (components/deferred.py), on the country page: its scores and
peers grids are drawn once the charts are, or when scrolled to, or before printing; a control changed before then
keeps what its callback sent."""

from __future__ import annotations

from dash.testing.wait import until

from components import ids

from .helpers import choose, deferred_set, grid_values, into_view, never_idle, prop_of

DRAWN = f"#{ids.COUNTRY.DOTS} .main-svg"
PRINTING = "window.dispatchEvent(new Event('beforeprint'));"


def scores(store, edition: int) -> dict[str, float]:
    """Peru's score on every indicator and composite of the edition, as the workbook has them."""
    wide = store.index.wide(edition)
    return {indicator.slug: wide.loc["PER", indicator.slug] for indicator in store.index.indicators(edition)}


def drawn(duo, grid_id: str) -> bool:
    return duo.driver.execute_script("return document.getElementById(arguments[0]) !== null", grid_id)


def shown(duo, grid_id: str, field: str) -> dict[str, float]:
    return dict(zip(grid_values(duo, grid_id, "slug"), grid_values(duo, grid_id, field)))


def test_l001_the_grids_below_the_fold_are_drawn_without_being_scrolled_to(start, store):
    edition = store.index.editions[0]
    duo = start(f"/country/PER?edition={edition}")
    duo.wait_for_element(DRAWN)
    until(lambda: deferred_set(duo), timeout=10)
    assert duo.driver.execute_script("return window.scrollY") == 0
    until(lambda: shown(duo, ids.COUNTRY.TABLE, "score") == scores(store, edition), timeout=10)
    until(lambda: shown(duo, ids.COUNTRY.PEER_GRID, "PER") == scores(store, edition), timeout=10)
    assert duo.get_logs() == []


def test_l002_while_the_browser_is_busy_a_grid_is_drawn_when_scrolled_to_or_printed(dash_duo, start, store):
    never_idle(dash_duo)
    duo = start("/country/PER")
    duo.wait_for_element(DRAWN)
    assert not drawn(duo, ids.COUNTRY.TABLE) and not drawn(duo, ids.COUNTRY.PEER_GRID)  # far below the first screen
    into_view(duo, f"#{ids.COUNTRY.TABLE_HOLDER}")
    until(lambda: shown(duo, ids.COUNTRY.TABLE, "score") == scores(store, store.index.latest), timeout=10)
    duo.driver.execute_script(PRINTING)
    assert deferred_set(duo)  # set at once, before the page is printed
    until(lambda: shown(duo, ids.COUNTRY.PEER_GRID, "PER") == scores(store, store.index.latest), timeout=10)
    assert duo.get_logs() == []


def test_l003_an_edition_chosen_before_the_rows_are_set_keeps_its_rows(dash_duo, start, store):
    latest, earlier = store.index.editions[-1], store.index.editions[-2]
    never_idle(dash_duo)
    duo = start(f"/country/PER?edition={latest}")
    duo.wait_for_element(DRAWN)
    assert not drawn(duo, ids.COUNTRY.TABLE)
    choose(duo, f"#{ids.COUNTRY.EDITION}", str(earlier))
    until(lambda: shown(duo, ids.COUNTRY.TABLE, "score") == scores(store, earlier), timeout=10)
    duo.driver.execute_script(PRINTING)  # sets what is still deferred: nothing of the earlier edition's view
    assert {row["slug"]: row["score"] for row in prop_of(duo, ids.COUNTRY.TABLE, "rowData")} == scores(store, earlier)
    assert shown(duo, ids.COUNTRY.TABLE, "score") == scores(store, earlier)
    assert shown(duo, ids.COUNTRY.PEER_GRID, "PER") == scores(store, earlier)
    assert duo.get_logs() == []


# Records, in order, when a grid is first on the page and when every chart of the page has been drawn.
ORDER = """
window.__ocOrder = [];
const expected = {'/compare': 2, '/country/PER': 2, '/change': 1}[location.pathname];
new MutationObserver(function () {
    const seen = window.__ocOrder, charts = document.querySelectorAll('.dash-graph');
    if (!seen.includes('grid') && document.querySelector('.ag-root-wrapper')) seen.push('grid');
    if (!seen.includes('charts') && charts.length >= expected && [...charts].every(c => c.querySelector('.main-svg')))
        seen.push('charts');
}).observe(document, {childList: true, subtree: true});
"""


def test_l004_a_grid_below_the_fold_is_drawn_after_the_charts_in_view(dash_duo, start):
    """A grid's code and set-up are heavy: one below the fold waits until the charts in view are drawn."""
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ORDER})
    duo = start("/compare")
    for path in ("/compare", "/country/PER", "/change"):
        duo.driver.get(duo.server.url.rstrip("/") + path)
        until(lambda: duo.driver.execute_script("return window.__ocOrder.length") == 2, timeout=20)
        assert duo.driver.execute_script("return window.__ocOrder") == ["charts", "grid"], path
    assert duo.get_logs() == []
