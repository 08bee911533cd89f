"""The callbacks that run in the browser are functions of assets/clientside.js, registered by name; no asset
writes a component id of its own (ids come from components/ids.py, as data)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from components import ids

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def browser_functions() -> set[tuple[str, str]]:
    """(namespace, function) pairs that assets/clientside.js defines, loaded by Node as the browser loads it."""
    script = ("global.window = {addEventListener() {}}; require(process.argv[1]); const c = window.dash_clientside;"
              "console.log(JSON.stringify(Object.keys(c).flatMap(n => Object.keys(c[n]).map(f => [n, f]))));")
    done = subprocess.run(["node", "-e", script, str(ASSETS / "clientside.js")], capture_output=True, text=True,
                          check=True)
    return {tuple(pair) for pair in json.loads(done.stdout)}


def test_every_browser_callback_is_a_function_of_the_assets(app_instance):
    served = app_instance.server.test_client().get("/_dash-dependencies").get_json()
    named = {(c["clientside_function"]["namespace"], c["clientside_function"]["function_name"])
             for c in served if c.get("clientside_function")}
    assert sum(bool(c.get("clientside_function")) for c in served) >= 15
    assert named <= browser_functions()  # none written inline (Dash's private namespace), none missing


def test_no_two_callbacks_look_the_same_to_the_browser(app_instance):
    # Dash names a callback without outputs after its inputs alone, and the renderer runs one of the callbacks that
    # share their name, inputs and state (getUniqueIdentifier).
    served = app_instance.server.test_client().get("/_dash-dependencies").get_json()
    identities = [json.dumps([c["output"], c["inputs"], c["state"]], sort_keys=True) for c in served]
    assert len(set(identities)) == len(identities)


def every_id() -> set[str]:
    return {value for space in vars(ids).values() if isinstance(space, SimpleNamespace) for value in vars(space).values()}


def test_no_asset_writes_a_component_id():
    assert "shell-present-next" in every_id()
    for script in ASSETS.glob("*.js"):
        quoted = set(re.findall(r"""['"]([a-z0-9-]+)['"]""", script.read_text()))
        assert quoted & every_id() == set(), script.name



def run_in_node(function: str, *args, url: str) -> object:
    """Call a function of assets/clientside.js in Node, with the browser's address at `url`."""
    script = ("const [file, name, args, url] = process.argv.slice(1);"
              "global.window = {location: new URL(url), dash_clientside: {no_update: 'no update'}, addEventListener() {}};"
              "global.document = {title: 'The title', querySelector: () => null};"
              "require(file); console.log(JSON.stringify(window.dash_clientside.ocindex[name](...JSON.parse(args))));")
    done = subprocess.run(["node", "-e", script, str(ASSETS / "clientside.js"), function, json.dumps(args), url],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_briefing_link_names_the_briefing_page_under_the_app_s_prefix(workbook):
    from app import create_app
    from ocindex.settings import Settings

    layout = create_app(Settings(data_dir=workbook.parent, url_prefix="/oc-index/")).get_layout()
    path = next(c.data for c in layout._traverse() if getattr(c, "id", None) == ids.SHELL.BRIEFING_PATH)
    assert path == "/oc-index/briefing"
    pins = [{"href": "/oc-index/country/PER?edition=2021", "title": "Peru & co"}, {"href": "/oc-index/"}, None]
    link = run_in_node("briefingLink", 1, pins, path, url="https://host.example/oc-index/compare")
    assert link == ("https://host.example/oc-index/briefing?view=%2Foc-index%2Fcountry%2FPER%3Fedition%3D2021"
                    "&title=Peru%20%26%20co&view=%2Foc-index%2F&title=")
    assert run_in_node("briefingLink", 1, None, path, url="http://127.0.0.1:8050/oc-index/") == \
        "http://127.0.0.1:8050/oc-index/briefing"


@pytest.mark.parametrize("query, title", [
    ("?q=100%", "The title (q=100%)"),  # as typed: a '%' that starts no escape
    ("?q=cocaine+trade&edition=2021", "The title (q=cocaine trade, edition=2021)"),
    ("?q=%E2%80%94", "The title (q=\u2014)"),
    ("", "The title"),
])
def test_a_pinned_view_is_titled_after_its_query_whatever_the_address_holds(query, title):
    pins = run_in_node("pinView", 1, None, url=f"http://127.0.0.1:8050/search{query}")
    assert pins == [{"href": f"/search{query}", "title": title}]


HERE = "http://127.0.0.1:8050/"


def test_the_router_draws_nothing_for_the_address_on_screen():
    assert run_in_node("route", "/", "?edition=2021", ["/", "?edition=2021"], url=HERE) == ["no update", "no update"]


@pytest.mark.parametrize("search, shown", [("", ["/", None]), (None, ["/", ""])])
def test_no_query_is_the_same_address_however_it_is_said(search, shown):
    assert run_in_node("route", "/", search, shown, url=HERE) == ["no update", "no update"]


@pytest.mark.parametrize("shown", [None, ["/", "?edition=2021"], ["/compare", ""]])
def test_the_router_draws_an_address_other_than_the_one_on_screen_and_says_it_is_on_screen(shown):
    assert run_in_node("route", "/", "", shown, url=HERE) == [["/", ""], ["/", ""]]


def test_a_control_s_address_is_written_with_its_title_at_the_address_it_was_read_at():
    view = {"at": ["/", ""], "search": "?edition=2021", "title": "2021 — OC Index Explorer"}
    assert run_in_node("writeAddress", view, "/", None, url=HERE) == [
        "?edition=2021", "2021 — OC Index Explorer", ["/", "?edition=2021"]]


@pytest.mark.parametrize("pathname, search", [("/compare", ""), ("/", "?edition=2023")])
def test_a_control_s_address_is_not_written_once_the_address_moved_on(pathname, search):
    view = {"at": ["/", ""], "search": "?edition=2021", "title": "2021 — OC Index Explorer"}
    assert run_in_node("writeAddress", view, pathname, search, url=HERE) == ["no update"] * 3
