"""Callbacks that run in the browser: their functions live in assets/clientside.js, under
`window.dash_clientside.ocindex`. Served as a file, they need no hash in the Content-Security-Policy, so the policy
does not depend on which callbacks are registered, nor when."""

from __future__ import annotations

from dash import ClientsideFunction

NAMESPACE = "ocindex"


def function(name: str) -> ClientsideFunction:
    """The browser function `name` of assets/clientside.js, for `app.clientside_callback`."""
    return ClientsideFunction(NAMESPACE, name)
