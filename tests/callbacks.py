"""The one builder of the JSON Dash's renderer posts to /_dash-update-component, for tests that call a callback the
way a browser does (through the request limits, routing, caching and serialisation); everything else calls the
page's plain functions directly."""

from __future__ import annotations

import json

from dash import ALL, Input

from components import ids

UPDATE = "/_dash-update-component"


def prop_id(component_id: str | dict, prop: str) -> str:
    """How Dash names a property in `changedPropIds` (a pattern-matching id as compact JSON with sorted keys)."""
    name = component_id if isinstance(component_id, str) else json.dumps(component_id, sort_keys=True,
                                                                       separators=(",", ":"))
    return f"{name}.{prop}"


def body(outputs: list[tuple], inputs: list, state: list = (), changed: str | None = None) -> dict:
    """outputs: (id, property) pairs; inputs and state: (id, property, value) triples, or a list of triples for a
    pattern-matching dependency (ALL); changed: the property the user changed (`prop_id(...)`)."""
    def entries(triples):
        return [[dict(zip(("id", "property", "value"), t)) for t in item] if isinstance(item, list) else
                dict(zip(("id", "property", "value"), item)) for item in triples]

    named = [prop_id(i, p) for i, p in outputs]
    return {
        "output": f"..{'...'.join(named)}.." if len(outputs) > 1 else named[0],
        "outputs": [{"id": i, "property": p} for i, p in outputs] if len(outputs) > 1 else
        {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": entries(inputs), "state": entries(state), "changedPropIds": [changed] if changed else [],
    }


def page_body(pathname: str | None, search: str | None = "") -> dict:
    """The router's request for a URL: the page the browser is sent."""
    return body([(ids.SHELL.PAGE, "children")], [(ids.SHELL.ROUTE, "data", [pathname, search])],
                changed=prop_id(ids.SHELL.ROUTE, "data"))


def post(client, request: dict):
    """The Flask test client's answer to one callback request."""
    return client.post(UPDATE, data=json.dumps(request), content_type="application/json")


def output_name(client, output: tuple[str, str], listening_to: str | dict) -> tuple[str, str]:
    """`output` (id, property) as the callback that listens to `listening_to` names it, from the app's list of
    callbacks (as the renderer learns it): an output that several callbacks write (allow_duplicate) carries a suffix
    of its own in each, by which the app finds the callback."""
    listened = Input(listening_to, "n_clicks").component_id_str()
    for callback in client.get("/_dash-dependencies").get_json():
        name = callback["output"]
        if name.partition("@")[0] == ".".join(output) and any(i["id"] == listened for i in callback["inputs"]):
            return output[0], name.partition(".")[2]
    raise LookupError(f"no callback writes {output} on {listened}")


def controls_at(client, page, location: str) -> list:
    """The state of each of `page`'s controls, in the page's order, as the page opened at `location` (its path and
    query) holds them: (id, property, value), or a list of those for a pattern-matching control (ALL), in the
    order of the layout; the values a browser sends as the controls' state."""
    path, _, query = location.partition("?")
    answer = post(client, page_body(path, f"?{query}" if query else ""))
    components = []  # (id, props) in the order of the layout

    def collect(node):
        if isinstance(node, dict):
            props = node.get("props")
            if isinstance(props, dict) and props.get("id") is not None:
                components.append((props["id"], props))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(answer.get_json()["response"])

    def state(control, prop):
        if isinstance(control, str):
            return next((control, prop, props.get(prop)) for found, props in components if found == control)
        return [(found, prop, props.get(prop)) for found, props in components if isinstance(found, dict)
                and found.keys() == control.keys()
                and all(found[k] == v for k, v in control.items() if not isinstance(v, type(ALL)))]

    return [state(control, prop) for control, prop in page.controls.values()]
