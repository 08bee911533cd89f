"""Limits for a shared server: request body, path, query string, callback nesting, cache bytes; errors that never
repeat the request."""

from __future__ import annotations

import json

import pytest

from app import create_app
from components import ids
from ocindex.settings import Settings
from serving.cache import BytesBoundedCache
from tests.unit.test_serving import quadrant_callback_body

UPDATE = "/_dash-update-component"


@pytest.fixture(scope="module")
def client(workbook, tmp_path_factory):
    settings = Settings(data_dir=workbook.parent, cache_dir=tmp_path_factory.mktemp("cache"), max_body_kb=256,
                        max_path=200, max_query=300)
    client = create_app(settings).server.test_client()
    client.get("/")
    return client


def test_a_callback_body_over_the_limit_is_a_413_and_is_not_echoed(client):
    body = quadrant_callback_body(client)
    body["inputs"][0]["value"] = "x" * (257 * 1024)  # the view asked for, as an attacker fills it
    response = client.post(UPDATE, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 413 and len(response.data) < 2000
    assert client.post(UPDATE, data=json.dumps(quadrant_callback_body(client)),
                       content_type="application/json").status_code == 200


@pytest.mark.parametrize("path", ["/country/" + "A" * 300, "/?q=" + "b" * 400, "/api/scores.csv?edition=" + "9" * 400,
                                  "/healthz?" + "c" * 400])
def test_a_path_or_query_over_the_limit_is_a_414_that_does_not_repeat_it(client, path):
    response = client.get(path)
    assert response.status_code == 414 and path[-100:].encode() not in response.data


@pytest.mark.parametrize("depth", [100_000, 1_000, 101])
def test_a_callback_body_nested_too_deep_is_a_400(client, depth):
    body = quadrant_callback_body(client)
    body["inputs"][0]["value"] = "V"
    raw = json.dumps(body).replace('"V"', "[" * depth + "]" * depth)
    response = client.post(UPDATE, data=raw, content_type="application/json")
    assert response.status_code == 400 and "nested" in response.get_json()["error"]


def test_a_page_address_over_the_limit_is_refused_before_it_reaches_the_cache(client):
    cache = client.application.extensions["ocindex_cache"].cache
    body = {"output": f"{ids.SHELL.PAGE}.children", "outputs": {"id": ids.SHELL.PAGE, "property": "children"},
            "inputs": [{"id": ids.SHELL.ROUTE, "property": "data", "value": ["/", "?edition=2021&x=" + "y" * 400]}],
            "changedPropIds": [f"{ids.SHELL.ROUTE}.data"], "state": []}
    before = set(cache._cache)
    response = client.post(UPDATE, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200 and "longer than this server accepts" in response.get_data(as_text=True)
    assert "y" * 400 not in response.get_data(as_text=True) and set(cache._cache) == before


def test_the_memory_cache_is_bounded_in_bytes_not_only_in_entries():
    cache = BytesBoundedCache(max_bytes=100_000, threshold=2000, default_timeout=3600)
    for n in range(200):
        cache.set(f"page-{n}", "x" * 5_000)
        assert cache.size <= 100_000
    assert cache.get("page-199") == "x" * 5_000 and cache.get("page-0") is None
    assert cache.set("huge", "x" * 200_000) is False and cache.size <= 100_000


@pytest.mark.parametrize("query", ["country=%3Cscript%3Ealert(1)%3C/script%3E", "indicator=%3Cb%3Ehostile%3C/b%3E",
                                   "edition=%3Cb%3Ehostile%3C/b%3E"])
def test_api_errors_do_not_repeat_the_request(client, query):
    response = client.get(f"/api/narratives.json?{query}")
    assert response.status_code == 400 and b"script" not in response.data and b"hostile" not in response.data
