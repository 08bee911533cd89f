"""Size limits on every request, checked before routing, authentication and caching: body (Flask's
MAX_CONTENT_LENGTH, a 413), path and query string (a 414). Error bodies never repeat the request."""

from __future__ import annotations

from flask import Flask, Response, request

from ocindex.settings import Settings


def install(server: Flask, settings: Settings) -> None:
    server.config["MAX_CONTENT_LENGTH"] = settings.max_body_kb * 1024

    @server.before_request
    def check_request_size():
        if len(request.path) > settings.max_path:
            return refuse(414, f"The path is longer than {settings.max_path} characters.")
        if len(request.query_string) > settings.max_query:
            return refuse(414, f"The query string is longer than {settings.max_query} characters.")
        return None


def refuse(status: int, message: str) -> Response:
    return Response(message + "\n", status, mimetype="text/plain")
