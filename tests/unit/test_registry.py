"""The page registry: one CSV download callback for every page's tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest
from dash.exceptions import PreventUpdate

from components.registry import Page, Table, csv_download
from components.urlstate import PageState


@dataclass(frozen=True)
class PlainState(PageState):  # no name: not a page of the app
    name = "plain"
    path = "/plain"


def test_a_tables_rows_are_made_from_the_index_or_from_the_whole_store(app_instance):
    store = app_instance.server.config["OCINDEX_STORE"]
    seen = []

    def rows(source, state):
        seen.append(source)
        return pd.DataFrame({"documents": [len(source.narratives.documents)] if source is store else [0]})

    page = Page(state=PlainState, layout=lambda *args: None, title=lambda state, data: "Plain",
                tables={"index": Table(rows=rows, name=lambda state: "plain", edition=lambda state: None),
                        "store": Table(rows=rows, name=lambda state: "plain", edition=lambda state: None,
                                       reads=lambda store: store)})
    for table in ("index", "store"):
        csv_download(app_instance, store, {"plain": page}, {"page": "plain", "table": table}, "/plain", "")
    assert seen == [store.index, store]


@pytest.mark.parametrize("pathname", ["", "plain", "/elsewhere"])
def test_a_url_that_is_not_the_pages_gets_no_update_not_an_error(app_instance, pathname):
    store = app_instance.server.config["OCINDEX_STORE"]
    page = Page(state=PlainState, layout=lambda *args: None, title=lambda state, data: "Plain",
                tables={"index": Table(rows=lambda source, state: pd.DataFrame(), name=lambda state: "plain")})
    with pytest.raises(PreventUpdate):
        csv_download(app_instance, store, {"plain": page}, {"page": "plain", "table": "index"}, pathname, "")
