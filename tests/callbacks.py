"""The one builder of the JSON Dash's renderer posts to /_dash-update-component, for tests and benchmarks that call
a callback the way a browser does (through the request limits, routing, caching and serialisation); everything else
calls the page's plain functions directly."""

from __future__ import annotations

import json

from components import ids

UPDATE = "/_dash-update-component"


def component_name(component_id: str | dict) -> str:
    """How Dash names a component in its requests and callback specs (a dict id as compact JSON, keys sorted)."""
    return component_id if isinstance(component_id, str) else json.dumps(component_id, sort_keys=True,
                                                                         separators=(",", ":"))


def prop_id(component_id: str | dict, prop: str) -> str:
    """How Dash names a property in `changedPropIds`."""
    return f"{component_name(component_id)}.{prop}"


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


def outputs_named(output: str) -> list[tuple[str, str]]:
    """The (id, property) outputs of a callback, from the name Dash gives them together (its callback map's key,
    the `output` of its requests): "..a.children...b.figure.." or "a.children"."""
    return [tuple(name.rsplit(".", 1)) for name in output.strip(".").split("...")]


def outputs_in(dependencies: list[dict], component_id: str, prop: str) -> list[tuple[str, str]]:
    """The (id, property) outputs of the callback that writes `prop` of `component_id`, as the renderer reads them
    from Dash's dependencies (the JSON of /_dash-dependencies): an output that allows duplicates is named there with
    a suffix of Dash's making."""
    for callback in dependencies:
        named = outputs_named(callback["output"])
        if (component_id, prop) in named:
            return named
    raise LookupError(f"no callback writes {prop_id(component_id, prop)}")


def outputs_of(client, component_id: str, prop: str) -> list[tuple[str, str]]:
    """outputs_in, from the app behind a Flask test client."""
    return outputs_in(client.get("/_dash-dependencies").get_json(), component_id, prop)


def page_body(pathname: str | None, search: str | None = "") -> dict:
    """The router's request for a URL: the page the browser is sent."""
    return body([(ids.SHELL.PAGE, "children")], [(ids.SHELL.ROUTE, "data", [pathname, search])],
                changed=prop_id(ids.SHELL.ROUTE, "data"))


def post(client, request: dict):
    """The Flask test client's answer to one callback request."""
    return client.post(UPDATE, data=json.dumps(request), content_type="application/json")
