"""Property-based fuzzing of every server callback: whatever the browser sends, the answer is handled
(200 with an update, 204 no update, 400 refused), never a 500."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from ocindex.settings import Settings
from ocindex.store import DataStore
from tests import callbacks

PLAUSIBLE = st.sampled_from([2021, 2023, 1999, "2021", "PER", "per", "XYZ", "../../etc/passwd", "cocaine-trade",
                             "gitoc", "median", "Americas", "South America", "continent", "region", 0, 5, 20, 999,
                             True, False, "<script>alert(1)</script>", "/country/PER", "?edition=2021"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=50), st.integers(1, 200_000).map(lambda n: "x" * n), PLAUSIBLE)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=8)


@pytest.fixture(scope="module")
def app(workbook):
    app = create_app(Settings(data_dir=workbook.parent), DataStore(workbook.parent))
    app.server.test_client().get("/")  # Dash adds its own callbacks (background job cancels) on the first request
    return app


def server_callbacks(app):
    return sorted(key for key, spec in app.callback_map.items() if callable(spec.get("callback")))


def entry(spec, value, draw):
    if spec["id"].startswith("{"):  # a pattern-matching input (ALL): a list of concrete components
        template = json.loads(spec["id"])
        return [{"id": {k: (draw(st.sampled_from(["PER", "MMR", "XYZ", 7])) if v == ["ALL"] else v)
                        for k, v in template.items()}, "property": spec["property"], "value": draw(VALUES)}
                for _ in range(draw(st.integers(0, 2)))]
    return {"id": spec["id"], "property": spec["property"], "value": value}


@st.composite
def callback_requests(draw, app):
    key = draw(st.sampled_from(server_callbacks(app)))
    spec = app.callback_map[key]
    inputs = [entry(i, draw(VALUES), draw) for i in spec["inputs"]]
    state = [entry(s, draw(VALUES), draw) for s in spec["state"]]
    outputs = [dict(zip(("id", "property"), named)) for named in callbacks.outputs_named(key)]
    body = {"output": key, "outputs": outputs if len(outputs) > 1 else outputs[0], "inputs": inputs,
            "state": state, "changedPropIds": [f"{spec['inputs'][0]['id']}.{spec['inputs'][0]['property']}"]}
    if draw(st.booleans()):  # sometimes drop a field, as a broken client would
        body.pop(draw(st.sampled_from(["inputs", "state", "changedPropIds", "outputs"])))
    return body


def test_every_server_callback_is_fuzzed(app):
    assert len(server_callbacks(app)) >= 15


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_callbacks_answer_any_input_without_a_server_error(app, data):
    body = data.draw(callback_requests(app))
    response = app.server.test_client().post("/_dash-update-component", data=json.dumps(body),
                                             content_type="application/json")
    # 413: the fuzzer's long strings can add up past the body limit, which is refused before any callback runs.
    assert response.status_code in (200, 204, 400, 413), (body["output"], response.get_data(as_text=True)[:500])


def test_a_path_outside_the_prefix_gets_the_no_such_view_page(app):
    # Found by the fuzzer: Dash raises on a pathname that does not start with the app's prefix.
    response = callbacks.post(app.server.test_client(), callbacks.page_body("0", None))
    assert response.status_code == 200 and "No such view" in response.get_data(as_text=True)


@pytest.mark.parametrize("outputs, status", [
    ({"id": '{"group":["ALL"],"type":"weights-slider"}', "property": "value"}, 400),  # found by the fuzzer
    ([{"id": {"type": "weights-slider", "group": "drugs"}, "property": "value"},
      {"id": {"type": "weights-slider", "group": "people"}, "property": "value"}], 200),
])
def test_pattern_matching_outputs_must_name_components(app, outputs, status):
    key = '{"group":["ALL"],"type":"weights-slider"}.value'
    body = {"output": key, "outputs": outputs, "inputs": [{"id": "weights-reset", "property": "n_clicks", "value": 1}],
            "state": [], "changedPropIds": ["weights-reset.n_clicks"]}
    response = app.server.test_client().post("/_dash-update-component", data=json.dumps(body),
                                             content_type="application/json")
    assert response.status_code == status
    if status == 200:  # every slider back at GI-TOC's weight
        answer = json.loads(response.get_data())["response"]
        assert {json.loads(k)["group"]: v["value"] for k, v in answer.items()} == {"drugs": 1.0, "people": 1.0}
