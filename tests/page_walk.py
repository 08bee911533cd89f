"""Open a page of the app the way the browser does, without a browser: build its layout, then fire every server
callback whose inputs the page holds with the values the layout gives them: those Dash's renderer fires on load,
and those it fires when a control is first changed (prevent_initial_call: pages come with their first view).

Used to check that every page works on a given workbook (each edition, a workbook with a new indicator)."""

from __future__ import annotations

import json

from dash import Dash

from components import ids, shell
from components.common import plain
from components.pages import PAGES


def _components(tree, found: dict) -> dict:
    """{id (as Dash sends it): props} of every component with an id in a plain layout tree."""
    if isinstance(tree, list):
        for item in tree:
            _components(item, found)
    elif isinstance(tree, dict):
        props = tree.get("props")
        if isinstance(props, dict):
            if "id" in props:
                key = props["id"] if isinstance(props["id"], str) else json.dumps(props["id"], sort_keys=True)
                found[key] = props
            for value in props.values():
                _components(value, found)
    return found


def _matches(pattern: dict, concrete: dict) -> bool:
    return concrete.keys() == pattern.keys() and all(
        v == ["ALL"] or concrete[k] == v for k, v in pattern.items())


def _entry(spec, components):
    if spec["id"].startswith("{"):  # pattern-matching (ALL): every component of the layout that matches
        pattern = json.loads(spec["id"])
        return [{"id": json.loads(key), "property": spec["property"], "value": props.get(spec["property"])}
                for key, props in components.items() if key.startswith("{") and _matches(pattern, json.loads(key))]
    return {"id": spec["id"], "property": spec["property"], "value": components[spec["id"]].get(spec["property"])}


def _ids(specs) -> set[str]:
    return {s["id"] for s in specs if not s["id"].startswith("{")}


def _output(named: str) -> dict:
    """An output as the browser names it: a pattern-matching id as its dict."""
    component, prop = named.rsplit(".", 1)
    return {"id": json.loads(component) if component.startswith("{") else component, "property": prop}


def open_page(app: Dash, store, pathname: str, search: str = "") -> dict[str, int]:
    """Render the page and fire its callbacks; returns {callback output: HTTP status}. Raises
    AssertionError with the server's answer if any callback fails."""
    client = app.server.test_client()
    page = plain(shell.route(app, store, PAGES, pathname, search))
    components = _components([plain(shell.layout(app, store.index, PAGES)), page], {})
    components[ids.SHELL.SYNC].update(pathname=pathname, search=search, hash="", href=pathname + search)
    statuses = {}
    for callback in app._callback_list:
        if callback.get("clientside_function") or callback.get("background"):
            continue
        if "{" in callback["output"] and callback.get("prevent_initial_call"):  # writes controls by pattern: clicks
            continue
        if not (_ids(callback["inputs"]) | _ids(callback["state"])) <= components.keys():
            continue
        output = callback["output"]
        body = {"output": output, "inputs": [_entry(i, components) for i in callback["inputs"]],
                "state": [_entry(s, components) for s in callback["state"]],
                "changedPropIds": [], "outputs": [
                    _output(part) for part in (output.strip(".").split("...") if output.startswith("..") else [output])]}
        if len(body["outputs"]) == 1:
            body["outputs"] = body["outputs"][0]
        response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
        assert response.status_code in (200, 204), (pathname + search, output, response.get_data(as_text=True)[:800])
        statuses[output] = response.status_code
    return statuses
