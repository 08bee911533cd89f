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
    """The trace types the build registers: those it requires (not in a comment), and the scatter of plotly.js's
    core. tests/integration/test_drilldowns.py (d010) checks them against the build the browser loads."""
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", ENTRY.read_text(), flags=re.DOTALL)
    return {"scatter"} | set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", code)) - {"core"}


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
    version = json.loads(PLOTLY_JS.read_text())["version"]
    assert f"plotly.js v{version}\n" in header
    assert suites.PLOTLY_BUILD.read_text()[:100].startswith(f"/*! plotly.js {version},")  # its licence notice


@pytest.fixture
def built(tmp_path):
    build = tmp_path / "plotly.min.js"
    build.write_text("window.Plotly = {};")
    return build


def test_the_app_loads_its_build_here():
    """The browser tests run on the build (without one they would run on Dash's full Plotly)."""
    assert suites.plotly_address("/").startswith("/vendor/plotly/")


def test_pages_load_the_build_by_an_address_browsers_keep(built):
    code = built.read_bytes()
    server = Flask(__name__)
    suites.install(server, "/oc-index/", built)
    address = suites.plotly_address("/oc-index/", built)
    assert re.fullmatch(r"/oc-index/vendor/plotly/[0-9a-f]{16}/plotly\.min\.js", address)
    client = server.test_client()
    sent = client.get(address)
    assert sent.status_code == 200 and sent.data == code and sent.mimetype == "text/javascript"
    assert sent.cache_control.max_age == 31536000 and not sent.cache_control.public
    assert client.get(address, headers={"If-None-Match": sent.headers["ETag"]}).status_code == 304
    # A page opened before an update asks for the build it knew: it gets this one, to use but not to keep.
    older = client.get(address.replace(address.split("/")[-2], "0" * 16))
    assert older.data == code and older.cache_control.max_age == 0
    # Built again before a restart: the address the pages name still brings the build it names.
    built.write_text("window.Plotly = {rebuilt: true};")
    assert client.get(address).data == code


def test_a_server_without_a_build_says_so_for_its_address(tmp_path):
    server = Flask(__name__)
    suites.install(server, "/", tmp_path / "missing.js")
    answer = server.test_client().get("/vendor/plotly/0123456789abcdef/plotly.min.js")
    assert answer.status_code == 404 and "no build of Plotly" in answer.get_data(as_text=True)


def test_without_a_build_pages_load_dashs_plotly_and_the_log_says_how_to_build_it(tmp_path, caplog):
    address = suites.plotly_address("/", tmp_path / "missing.js")
    assert address.startswith("/_dash-component-suites/plotly/package_data/plotly.v")
    assert "npm run build" in caplog.text
