"""Props deferred past the first paint (components/deferred.py): the page comes with its components light and one
store holding the heavy props by component id. The browser's side is tested in tests/integration/test_deferred.py."""

from __future__ import annotations

import pytest
from dash import dcc, html

from components import deferred, grid, ids, registry
from components.pages import PAGES
from ocindex import drilldown as dd


def rendered(app_instance, path: str) -> list:
    store = app_instance.server.config["OCINDEX_STORE"]
    page, groups = registry.find(PAGES, path)
    return registry.render(app_instance, store, page, groups, "")


def test_the_country_page_comes_without_its_grids_and_with_them_in_its_store(app_instance, index):
    _, layout, store = rendered(app_instance, "/country/PER")
    drawn = {c.id: c for c in registry._with_ids(layout) if isinstance(c.id, str)}
    assert ids.COUNTRY.TABLE not in drawn and ids.COUNTRY.PEER_GRID not in drawn
    assert drawn[ids.COUNTRY.TABLE_HOLDER].children is None  # the browser draws the grid in it after the charts
    assert store.id == {"type": ids.SHELL.DEFERRED, "page": "country"}
    table = store.data[ids.COUNTRY.TABLE_HOLDER]["children"]
    assert table.id == ids.COUNTRY.TABLE
    assert [row["slug"] for row in table.rowData] == list(dd.country_profile(index, index.latest, "PER")["indicator"])
    assert store.data[ids.COUNTRY.PEER_GRID_HOLDER]["children"].id == ids.COUNTRY.PEER_GRID
    assert ids.COUNTRY.NARRATIVE in store.data


def test_a_page_that_defers_nothing_has_an_empty_store(app_instance):
    assert rendered(app_instance, "/")[2].data == {}


def test_only_a_prop_of_the_component_and_a_component_with_an_id_can_wait():
    with pytest.raises(ValueError, match="no prop rowdata"):
        deferred.later(grid.grid("a-grid", []), "rowdata")
    with pytest.raises(ValueError, match="string id"):
        deferred.later(html.Div("later"), "children")
    assert deferred.store("a", [deferred.later(dcc.Store(id="b", data=1), "data")]).data == {"b": {"data": 1}}
