"""Security headers on every response, and a check that turns malformed callback requests into 400s."""

from __future__ import annotations

import json

from dash import Dash
from flask import Response, request

CALLBACK_FIELDS = {"output": str, "outputs": (list, dict), "inputs": list, "changedPropIds": list}


def content_security_policy(app: Dash) -> str:
    # Dash's inline start-up scripts are allowed by their hashes, not by 'unsafe-inline'. Plotly sets inline
    # styles on its SVG, so styles need 'unsafe-inline'; images include Plotly's data: and blob: exports.
    scripts = " ".join(app.csp_hashes())  # each already quoted: 'sha256-...'
    return "; ".join([
        "default-src 'self'", f"script-src 'self' {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ])


def install(app: Dash, max_nesting: int) -> None:
    server = app.server
    update_path = f"{app.config.routes_pathname_prefix}_dash-update-component"
    # Fixed now: the app's browser-side callbacks are served from assets/, never inline, so none adds a hash later.
    policy = content_security_policy(app)

    @server.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @server.before_request
    def check_callback_request():
        if request.path != update_path or request.method != "POST":
            return None
        try:
            body = json.loads(request.get_data(cache=True) or b"null")
        except RecursionError:
            return _bad("the callback request is nested too deeply")
        except (ValueError, UnicodeDecodeError):
            return _bad("the callback request is not JSON")
        if nesting(body) > max_nesting:
            return _bad(f"the callback request is nested more than {max_nesting} levels deep")
        if not isinstance(body, dict):
            return _bad("the callback request must be a JSON object")
        for name, kind in CALLBACK_FIELDS.items():
            if not isinstance(body.get(name), kind):
                return _bad(f"the callback request lacks a valid '{name}'")
        spec = app.callback_map.get(body["output"])
        if spec is None or not callable(spec.get("callback")):  # a browser-side callback has nothing to run here
            return _bad("no such callback")
        if not _outputs_fit(body["output"], body["outputs"]):
            return _bad("the callback request's outputs do not match the callback's")
        # Dash passes inputs and state positionally: a request with more or fewer would break the call.
        state = body.get("state", [])
        if not isinstance(state, list) or len(body["inputs"]) != len(spec["inputs"]) or len(state) != len(
                spec["state"]) or not all(_component_values(e) for e in body["inputs"] + state):
            return _bad("the callback request does not match the callback's inputs and state")
        if not all(isinstance(changed, str) for changed in body["changedPropIds"]):
            return _bad("the callback request's changedPropIds must be 'id.property' strings")
        return None


def nesting(value) -> int:
    """How many levels of lists and objects a parsed JSON value holds, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _component(entry) -> bool:
    """A component's property as Dash reads it from a request: {"id": string or pattern, "property": string}."""
    return isinstance(entry, dict) and isinstance(entry.get("id"), (str, dict)) and isinstance(entry.get("property"), str)


def _component_values(entry) -> bool:
    """An input or state: one component's property, or a pattern-matching one's list of them."""
    return _component(entry) or isinstance(entry, list) and all(_component(e) for e in entry)


def _outputs_fit(key: str, outputs) -> bool:
    """Whether the outputs a request names have the form the callback's outputs need: a list of components for a
    pattern-matching ALL output, one component otherwise (Dash fails with a 500 on the wrong form)."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    if len(parts) > 1 and (not isinstance(outputs, list) or len(outputs) != len(parts)):
        return False
    for part, entry in zip(parts, outputs if len(parts) > 1 else [outputs]):
        pattern = part.startswith("{")
        many = pattern and ('["ALL"]' in part or '["ALLSMALLER"]' in part)
        components = entry if many else [entry]
        if not isinstance(components, list) or not all(
                _component(c) and isinstance(c["id"], dict if pattern else str) for c in components):
            return False
    return True


def _bad(message: str) -> Response:
    return Response(json.dumps({"error": message}), 400, mimetype="application/json")
