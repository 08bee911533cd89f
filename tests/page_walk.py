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
from tests.callbacks import component_name, post, prop_id


def _components(tree, found: dict) -> dict:
    """{id (as Dash names it): props} of every component with an id in a plain layout tree."""
    if isinstance(tree, list):
        for item in tree:
            _components(item, found)
    elif isinstance(tree, dict):
        props = tree.get("props")
        if isinstance(props, dict):
            if "id" in props:
                found[component_name(props["id"])] = props
            for value in props.values():
                _components(value, found)
    return found


def _wildcard(spec) -> bool:
    return spec["id"].startswith("{") and '["ALL"]' in spec["id"]


def _matches(pattern: dict, concrete: dict) -> bool:
    return concrete.keys() == pattern.keys() and all(
        v == ["ALL"] or concrete[k] == v for k, v in pattern.items())


def _entry(spec, components):
    if _wildcard(spec):  # pattern-matching (ALL): every component of the layout that matches
        pattern = json.loads(spec["id"])
        return [{"id": json.loads(key), "property": spec["property"], "value": props.get(spec["property"])}
                for key, props in components.items() if key.startswith("{") and _matches(pattern, json.loads(key))]
    component_id = json.loads(spec["id"]) if spec["id"].startswith("{") else spec["id"]
    return {"id": component_id, "property": spec["property"], "value": components[spec["id"]].get(spec["property"])}


def _ids(specs) -> set[str]:
    return {s["id"] for s in specs if not _wildcard(s)}


def _output(named: str) -> dict:
    """An output as the browser names it: a pattern-matching id as its dict."""
    component, prop = named.rsplit(".", 1)
    return {"id": json.loads(component) if component.startswith("{") else component, "property": prop}


def _components_of(app: Dash, store, pathname: str, search: str, pages: list = PAGES) -> dict:
    """{id: props} of every component of the page the browser shows at `pathname` + `search`, the frame's too."""
    page = plain(shell.route(app, store, pages, pathname, search))
    components = _components([plain(shell.layout(app, store.index, pages)), page], {})
    components[ids.SHELL.SYNC].update(pathname=pathname, search=search, hash="", href=pathname + search)
    return components


def _request(callback: dict, components: dict, changed: list[str] = ()) -> dict:
    """The request the browser sends for `callback` when the page's components hold `components`."""
    output = callback["output"]
    outputs = [_output(part) for part in (output.strip(".").split("...") if output.startswith("..") else [output])]
    return {"output": output, "outputs": outputs[0] if len(outputs) == 1 else outputs,
            "inputs": [_entry(i, components) for i in callback["inputs"]],
            "state": [_entry(s, components) for s in callback["state"]], "changedPropIds": list(changed)}


def open_page(app: Dash, store, pathname: str, search: str = "", answers: list | None = None) -> dict[str, int]:
    """Render the page and fire its callbacks; returns {callback output: HTTP status}, and adds to `answers`, if
    given, the page's components ({id: props}) and each callback's answer (JSON). Raises AssertionError with the
    server's answer if any callback fails."""
    components = _components_of(app, store, pathname, search)
    if answers is not None:
        answers.append(components)
    client = app.server.test_client()
    statuses = {}
    for callback in app._callback_list:
        if callback.get("clientside_function") or callback.get("background"):
            continue
        if "{" in callback["output"] and callback.get("prevent_initial_call"):  # writes controls by pattern: clicks
            continue
        if not (_ids(callback["inputs"]) | _ids(callback["state"])) <= components.keys():
            continue
        output = callback["output"]
        response = post(client, _request(callback, components))
        assert response.status_code in (200, 204), (pathname + search, output, response.get_data(as_text=True)[:800])
        statuses[output] = response.status_code
        if answers is not None and response.status_code == 200:
            answers.append(response.get_json())
    return statuses


def click(app: Dash, store, location: str, button, changes: dict | None = None, pages: list = PAGES):
    """The server's answer to a click on `button` on the page opened at `location` (its path and query), its
    components changed first by `changes` ({id: {property: value}}, as a user would have set them): the request
    of the callback listening to the button, with the values the page then holds, as the browser sends it.
    `pages`: those the app was made with."""
    pathname, _, query = location.partition("?")
    components = _components_of(app, store, pathname, f"?{query}" if query else "", pages)
    for component_id, props in (changes or {}).items():
        components[component_name(component_id)].update(props)
    components[component_name(button)]["n_clicks"] = 1
    listening = [c for c in app._callback_list if any(i["id"] == component_name(button) for i in c["inputs"])]
    assert len(listening) == 1, f"{len(listening)} callbacks listen to {button}"
    return post(app.server.test_client(), _request(listening[0], components, [prop_id(button, "n_clicks")]))
