"""The code Dash serves from installed packages (`_dash-component-suites/`): an address it does not serve is a 404
that names it, and the files loaded on demand are rechecked cheaply.

Dash answers an unknown address there by raising, which Flask turns into a 500 and a long traceback in the log,
one per request. Plotly and the grid's and dropdown's chunks are loaded by addresses without a version, so the
browser asks again on every page ("If-None-Match") and Dash reads and hashes the whole file to answer (Plotly is
4.8 MB): each file's ETag, once Dash has sent it, answers the next requests for it with 304 at once."""

from __future__ import annotations

from dash.exceptions import DependencyException
from flask import Flask, Response, request

from .limits import refuse


def install(server: Flask, url_prefix: str) -> None:
    suites = f"{url_prefix}_dash-component-suites/"
    # path -> ETag, for the paths Dash sent with one: its unversioned files (a versioned address, of which there can
    # be any number, comes without one), so bounded by the files it serves. Held until the process ends: new
    # packages come with a restart.
    etags: dict[str, str] = {}

    @server.errorhandler(DependencyException)
    def not_served(_error):
        return refuse(404, f"No such file: {request.path}")

    @server.before_request
    def answer_unchanged():
        if request.method == "GET" and request.path in etags:
            if request.headers.get("If-None-Match") == f'"{etags[request.path]}"':
                return Response(None, status=304)
        return None

    @server.after_request
    def remember(response: Response) -> Response:
        if request.path.startswith(suites) and response.status_code == 200:
            tag, _ = response.get_etag()
            if tag:
                etags[request.path] = tag
        return response
