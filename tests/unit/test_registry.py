"""The page registry: a page added in one module and one entry gets its route, title, menu entry, URL sync and
CSV download, whose table is the view the page's controls hold."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import pytest
from dash import dcc, html

from app import create_app
from components import ids
from components.common import plain
from components.pages import PAGES
from components.registry import Nav, Page, Table, csv_button, csv_button_id, csv_download, sync_url
from components.urlstate import CountryInPath, Edition, PageState, country_editions, param
from ocindex.settings import Settings
from tests import callbacks, page_walk
from tests.layout_text import props_with_id

from .sheets import composite, country, read_sheets


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
        csv_download(store, page, page.tables[table], {})
    assert seen == [store.index, store]


# ------------------------------------------------------------------------------------- a page added in a few lines


@dataclass(frozen=True)
class GreetingState(PageState, name="greeting", path="/greeting/<iso3>"):
    iso3: str = param(CountryInPath(), path=True)
    edition: int = param(Edition(allowed=country_editions), always=True)


def greeting_layout(app, store, state, notices):
    data = store.index
    return html.Div([html.H1(f"Hello, {data.wide(state.edition).loc[state.iso3, 'country']}"),
                     html.P(notices),
                     dcc.Store(id="greeting-country", data=state.iso3),
                     dcc.RadioItems(id="greeting-edition", options=list(data.editions), value=state.edition),
                     csv_button("greeting")])


GREETING = Page(
    state=GreetingState, layout=greeting_layout,
    title=lambda state, data: f"{state.iso3} in {state.edition} — Greeting",
    controls={"iso3": ("greeting-country", "data"), "edition": ("greeting-edition", "value")},
    nav=Nav("Greeting", group="Insights", example={"iso3": "PER"}),
    tables={"table": Table(rows=lambda data, state: data.wide(state.edition).loc[[state.iso3], ["country", "criminality"]]
                           .reset_index(),
                           name=lambda state: f"greeting-{state.iso3}")},
)


@pytest.fixture(scope="module")
def greeting_app(workbook):
    return create_app(Settings(data_dir=workbook.parent), pages=[*PAGES, GREETING])


def test_a_new_page_is_routed_titled_and_reports_what_its_url_got_wrong(greeting_app, workbook_editions):
    client = greeting_app.server.test_client()
    answer = callbacks.post(client, callbacks.page_body("/greeting/per", "?edition=1990"))
    assert answer.status_code == 200
    page = json.dumps(answer.get_json(), ensure_ascii=False)
    assert "Hello, Peru" in page
    assert f"PER in {workbook_editions[-1]} — Greeting — OC Index Explorer" in page
    assert "Edition '1990' is not available here" in page
    missing = json.dumps(callbacks.post(client, callbacks.page_body("/greeting/XYZ")).get_json())
    assert "Hello" not in missing and "That is not the ISO3 code" in missing


def test_a_new_page_is_listed_in_its_menu_after_the_others(greeting_app):
    [holder] = props_with_id(plain(greeting_app.get_layout()), {"type": ids.SHELL.MENU, "menu": "group-insights"})
    insights = json.loads(holder["data-entries"])
    labels = [label for label, _ in insights]
    assert labels.index("Search the profiles") < labels.index("Greeting")
    assert ["Greeting", "/greeting/PER"] in insights


def test_a_new_pages_url_follows_its_controls(greeting_app, workbook_editions):
    store = greeting_app.server.config["OCINDEX_STORE"]
    first = workbook_editions[0]
    query, title = sync_url(greeting_app, store, GREETING, {"iso3": "PER", "edition": first},
                            "/greeting/PER", "")
    assert (query, title) == (f"?edition={first}", f"PER in {first} — Greeting — OC Index Explorer")


def test_a_new_pages_table_downloads_for_the_view_its_controls_hold(greeting_app, workbook, workbook_editions):
    first = workbook_editions[0]
    answer = page_walk.click(greeting_app, greeting_app.server.config["OCINDEX_STORE"],
                             f"/greeting/PER?edition={first}", csv_button_id("greeting"), pages=[*PAGES, GREETING])
    assert answer.status_code == 200, answer.data
    download = answer.get_json()["response"][ids.SHELL.CSV_FILE]["data"]
    assert download["filename"] == f"oc-index_greeting-PER_{first}.csv"
    peru = composite(country(read_sheets(workbook)[first], "Peru"), "criminality")
    assert f"\n{first},PER,Peru,{peru:.2f}," in download["content"]


def test_every_page_has_a_title_of_its_own(app_instance):
    store = app_instance.server.config["OCINDEX_STORE"]
    titles = set()
    for page in PAGES:
        path = {name: kind.example(store.index) for name, kind in page.state.path_kinds().items()}
        state, _ = page.state.from_query("", store.index, **path)
        titles.add(page.title(state, store.index).split(" — ")[-1])
    assert len(titles) == len(PAGES)


# ------------------------------------------------------------------------------------- the page comes with the app


def served_layout(app, referrer: str | None, host: str = "localhost") -> tuple[dict, object]:
    """The layout the renderer gets when it asks from the page `referrer`: its URL location and page, by id."""
    headers = {"Referer": referrer} if referrer else {}
    answer = app.server.test_client().get("/_dash-layout", headers=headers, base_url=f"http://{host}")
    parts = {part["props"].get("id"): part for part in answer.get_json()["props"]["children"]}
    return answer, parts


def test_the_layout_holds_the_page_the_browser_opened_so_the_router_does_not_run_first(greeting_app, workbook_editions):
    first = workbook_editions[0]
    answer, parts = served_layout(greeting_app, f"http://localhost/greeting/per?edition={first}")
    page = json.dumps(parts[ids.SHELL.PAGE], ensure_ascii=False)
    assert "Hello, Peru" in page and f"PER in {first} — Greeting — OC Index Explorer" in page
    # As the browser's location has them: the router draws nothing when the location fills in that address.
    assert parts[ids.SHELL.SHOWN]["props"]["data"] == ["/greeting/per", f"?edition={first}"]
    assert "Referer" in answer.headers["Vary"]  # one address, a layout per page: no cache may mix them


@pytest.mark.parametrize("referrer", [None, "http://elsewhere.example/greeting/PER", "http://localhost/" + "a" * 2000])
def test_without_a_page_to_tell_the_layout_is_the_frame_and_the_router_draws_the_page(greeting_app, referrer):
    _, parts = served_layout(greeting_app, referrer)
    assert parts[ids.SHELL.PAGE]["props"].get("children") is None
    assert parts[ids.SHELL.SHOWN]["props"].get("data") is None  # no page on screen: the router draws the address
    dependencies = greeting_app.server.test_client().get("/_dash-dependencies").get_json()
    router = next(d for d in dependencies if d["output"] == f"{ids.SHELL.PAGE}.children")
    assert router["prevent_initial_call"]  # it runs when the location is filled in, not because the page is empty
