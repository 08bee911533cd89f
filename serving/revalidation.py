"""Cheap revalidation of the code Dash loads on demand (Plotly, the grid's and dropdown's chunks): their addresses
carry no version, so the browser asks again on every page ("If-None-Match"), and Dash answers by reading and
hashing the whole file each time (Plotly is 4.8 MB). Each file's ETag, once Dash has sent it, answers the next
requests for it with 304 at once: the chart waits less for Plotly, and the server reads no file to say so."""

from __future__ import annotations

from flask import Flask, Response, request


def install(server: Flask, url_prefix: str) -> None:
    suites = f"{url_prefix}_dash-component-suites/"
    # path -> ETag, for the paths Dash sent with one: its unversioned files (a versioned address, of which there can
    # be any number, comes without one), so bounded by the files it serves. Held until the process ends: new
    # packages come with a restart.
    etags: dict[str, str] = {}

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
