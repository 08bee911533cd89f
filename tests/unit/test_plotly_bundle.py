"""The app's own Plotly (frontend/plotly.js, built into build/plotly.min.js): it draws every chart the app makes, it
is the plotly.js the figures are written for, and it is served by an address browsers keep."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly
import pytest
from flask import Flask

from serving import suites
from tests.page_walk import open_page
from tests.unit.test_every_page_every_edition import views

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "frontend" / "plotly.js"
PLOTLY_JS = ROOT / "node_modules" / "plotly.js" / "package.json"


def bundled_traces() -> set[str]:
    """The trace types the build registers: those it requires, and the scatter of plotly.js's core."""
    return {"scatter"} | set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", ENTRY.read_text()))


def trace_types(tree) -> set[str]:
    """Every trace type of every figure in a layout or a callback's answer (a trace without one is a scatter)."""
    if isinstance(tree, list):
        return set().union(*map(trace_types, tree)) if tree else set()
    if not isinstance(tree, dict):
        return set()
    found = set()
    if isinstance(tree.get("data"), list) and isinstance(tree.get("layout"), dict):
        found |= {trace.get("type", "scatter") for trace in tree["data"] if isinstance(trace, dict)}
    return found | trace_types(list(tree.values()))


def test_the_build_draws_every_trace_type_of_every_page(app_instance, index):
    store = app_instance.server.config["OCINDEX_STORE"]
    answers: list = []
    for path, search in views(index, index.latest, ["criminality", "resilience", "cocaine-trade"]):
        open_page(app_instance, store, path, search, answers)
    drawn = trace_types(answers)
    assert {"scatter", "choropleth", "box", "bar"} <= drawn  # the walk found the charts
    assert drawn <= bundled_traces(), f"frontend/plotly.js does not register {drawn - bundled_traces()}"


def test_the_build_is_the_plotly_js_the_figures_are_made_for():
    """The plotly.js of the Python package: the one the figures and their exports (kaleido) are checked against."""
    header = (Path(plotly.__file__).parent / suites.PLOTLY).read_text()[:200]
    assert f"plotly.js v{json.loads(PLOTLY_JS.read_text())['version']}\n" in header


@pytest.fixture
def built(tmp_path):
    build = tmp_path / "plotly.min.js"
    build.write_text("window.Plotly = {};")
    return build


def test_pages_load_the_build_by_an_address_browsers_keep(built):
    server = Flask(__name__)
    suites.install(server, "/oc-index/", built)
    address = suites.plotly_address("/oc-index/", built)
    assert re.fullmatch(r"/oc-index/vendor/plotly/[0-9a-f]{16}/plotly\.min\.js", address)
    client = server.test_client()
    sent = client.get(address)
    assert sent.status_code == 200 and sent.data == built.read_bytes() and sent.mimetype == "text/javascript"
    assert sent.cache_control.max_age == 31536000
    # A page opened before an update asks for the build it knew: it gets this one, to use but not to keep.
    older = client.get(address.replace(address.split("/")[-2], "0" * 16))
    assert older.data == built.read_bytes() and older.cache_control.max_age == 0


def test_without_a_build_pages_load_dashs_plotly_and_the_log_says_how_to_build_it(tmp_path, caplog):
    address = suites.plotly_address("/", tmp_path / "missing.js")
    assert address.startswith("/_dash-component-suites/plotly/package_data/plotly.v")
    assert "npm run build" in caplog.text
