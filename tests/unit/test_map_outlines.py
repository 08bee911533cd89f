"""A map's outlines are named by the page opened (components/charts.py, map_outlines; components/shell.py) and fetched
by the browser as the page starts, into Plotly's store of them (assets/outlines.js)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from components.charts import map_outlines

OUTLINES_JS = Path(__file__).resolve().parents[2] / "assets" / "outlines.js"


def chart(config: dict, layout: dict) -> dict:
    return {"type": "Graph", "namespace": "dash_core_components", "props": {"config": config, "figure": {
        "data": [], "layout": layout}}}


def test_outlines_are_named_after_each_map_s_scope_and_resolution_as_plotly_names_them():
    maps = {"topojsonURL": "/maps/"}
    layout = [{"type": "Div", "namespace": "dash_html_components", "props": {"children": [
        {"type": "Loading", "namespace": "dash_core_components", "props": {"children": chart(maps, {
            "geo": {"scope": "south america", "resolution": 50}, "geo2": {}})}},
        chart({"topojsonURL": "/other"}, {"geo": {"scope": "africa"}}),  # Plotly adds the slash
        chart(maps, {"xaxis": {}, "geo1": {"scope": "asia"}}),  # no map: Plotly's maps are geo, geo2, geo3…
        chart(maps, {"geo": {"resolution": 10}}),  # Plotly would draw it at 110 whatever is fetched: left to Plotly
        chart(maps, {"geo": {"projection": {"type": "albers usa"}}}),  # Plotly's scope is then "usa": left to Plotly
        chart({}, {"geo": {"resolution": 50}}),  # outlines from Plotly's own address: left to Plotly
        chart(maps, {"geo12": {"scope": "europe"}}),
        chart(maps, {"geo": {}}),  # the same outlines again: named once
        chart(maps, {"geo": {"scope": None}}),  # Plotly's default scope, the world
        "text",
    ]}}]
    assert map_outlines(layout) == ["/maps/south-america_50m.json", "/maps/world_110m.json",
                                    "/other/africa_110m.json", "/maps/europe_110m.json"]


def outlines_meta(page: str) -> list[str]:
    found = re.findall(r'<meta name="oc-outlines" content="([^"]*)">', page)
    return found[0].split(" ") if found else []


def test_a_page_opened_with_a_map_names_its_outlines_under_the_app_s_prefix_and_others_name_none(workbook):
    from app import create_app
    from ocindex.settings import Settings

    client = create_app(Settings(data_dir=workbook.parent, url_prefix="/oc-index/")).server.test_client()
    # Plotly's name for a world map at 1:110m (scope and resolution), under the app's prefix.
    world = "/oc-index/vendor/topojson/world_110m.json"
    assert outlines_meta(client.get("/oc-index/indicator/cocaine-trade?edition=2023").text) == [world]
    assert outlines_meta(client.get("/oc-index/brief/PER").text) == [world]
    assert client.get(world).status_code == 200
    for other in ("/oc-index/", "/oc-index/compare", "/oc-index/no-such-page"):
        answer = client.get(other)
        assert answer.status_code == 200 and outlines_meta(answer.text) == []


def test_a_page_whose_outlines_cannot_be_named_is_still_served_without_them(workbook, monkeypatch, caplog):
    from app import create_app
    from components import charts
    from ocindex.settings import Settings

    client = create_app(Settings(data_dir=workbook.parent)).server.test_client()

    def broken(tree):
        raise ValueError("a layout the names cannot be read from")

    monkeypatch.setattr(charts, "map_outlines", broken)
    answer = client.get("/indicator/cocaine-trade")
    assert answer.status_code == 200 and 'id="react-entry-point"' in answer.text
    assert outlines_meta(answer.text) == []
    assert "/indicator/cocaine-trade" in caplog.text


# Runs assets/outlines.js with the page's meta saying `named`; `fetch` answers with outlines named after the address
# asked, or fails for addresses holding "missing".
FETCH = """
const [file, named] = process.argv.slice(1);
const asked = [];
global.window = {};
global.document = {querySelector: selector => selector === 'meta[name="oc-outlines"]' && named ? {content: named} : null};
global.fetch = address => {
    asked.push(address);
    return Promise.resolve(address.includes('missing') ? {ok: false, status: 404}
                                                       : {ok: true, json: () => Promise.resolve({from: address})});
};
require(file);
setTimeout(() => console.log(JSON.stringify({asked, stored: window.PlotlyGeoAssets && window.PlotlyGeoAssets.topojson})));
"""


def outlines_in_node(named: str) -> dict:
    done = subprocess.run(["node", "-e", FETCH, str(OUTLINES_JS), named], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("named, stored", [
    ("/oc-index/vendor/topojson/world_110m.json", {"world_110m": {"from": "/oc-index/vendor/topojson/world_110m.json"}}),
    ("/maps/world_110m.json /maps/south-america_50m.json",
     {"world_110m": {"from": "/maps/world_110m.json"}, "south-america_50m": {"from": "/maps/south-america_50m.json"}}),
    ("/missing/world_110m.json", {}),  # left to Plotly, which asks again and says what went wrong
])
def test_the_outlines_a_page_names_are_fetched_once_and_kept_where_plotly_looks_for_them(named, stored):
    assert outlines_in_node(named) == {"asked": named.split(" "), "stored": stored}


def test_a_page_naming_no_outlines_fetches_none():
    assert outlines_in_node("") == {"asked": []}  # and no store made
