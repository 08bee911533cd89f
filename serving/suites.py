"""The code Dash serves from installed packages (`_dash-component-suites/`): an address it does not serve is a 404,
the files loaded on demand are rechecked cheaply, and Plotly is loaded by an address the browser keeps: the app's
own build of it (frontend/plotly.js), or Dash's where that has not been built.

Dash answers an unknown address there by raising, which Flask turns into a 500 and a long traceback in the log,
one per request. The grid's and dropdown's chunks are loaded by addresses without a version (and so is Plotly, by
Dash, but see plotly_address), so the browser asks again on every page ("If-None-Match") and Dash reads and hashes
the whole file to answer: each file's ETag, once Dash has sent or confirmed it, answers the next requests for it
with 304 at once."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import plotly
from dash.exceptions import DependencyException
from dash.fingerprint import build_fingerprint
from flask import Flask, Response, request

from .limits import refuse

PLOTLY = "package_data/plotly.min.js"  # in the plotly package, which Dash serves as the `plotly` suite
# Plotly with only the trace types the app draws (frontend/plotly.js), built by `npm run build`.
PLOTLY_BUILD = Path(__file__).resolve().parent.parent / "build" / "plotly.min.js"
BUILT_PLOTLY = "vendor/plotly/{version}/plotly.min.js"
BUILT_FROM = [*(PLOTLY_BUILD.parent.parent / "frontend").glob("*.js"), PLOTLY_BUILD.parent.parent / "package-lock.json"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Build:
    code: bytes
    version: str  # the first hex digits of its SHA-256: every worker names the same build alike


@cache
def _build(path: Path) -> Build | None:
    """The build as it was when the app started (None without one): a build written since (`npm run build` before
    a restart, or half written) is never served under the address of the one the pages name."""
    try:
        code = path.read_bytes()
    except FileNotFoundError:
        log.warning("charts load Plotly's full bundle, some 50 ms slower a page: %s is missing; run `npm ci && "
                    "npm run build` (make run does)", path)
        return None
    built_at = path.stat().st_mtime
    changed = [str(source) for source in BUILT_FROM if source.stat().st_mtime > built_at]
    if changed:
        log.warning("%s is older than %s: run `npm run build` (a trace type added since draws nothing)", path,
                    ", ".join(changed))
    return Build(code, hashlib.sha256(code).hexdigest()[:16])


def plotly_address(url_prefix: str, build: Path = PLOTLY_BUILD) -> str:
    """Plotly's address with its version, which browsers keep for good: the app's build if there is one, else Dash's
    (the address in the form Dash gives the scripts it links).

    Dash's graphs load Plotly by its address without a version (assets/plotly_address.js points them here instead).
    A browser rechecks such a file on every page, and each time throws away the code it compiled from it and
    compiles it again: some 45 ms of every page with a chart on this machine."""
    if built := _build(build):
        return url_prefix + BUILT_PLOTLY.format(version=built.version)
    modified = int((Path(plotly.__file__).parent / PLOTLY).stat().st_mtime)
    return f"{url_prefix}_dash-component-suites/plotly/{build_fingerprint(PLOTLY, plotly.__version__, modified)}"


def install(server: Flask, url_prefix: str, build: Path = PLOTLY_BUILD) -> None:
    suites = f"{url_prefix}_dash-component-suites/"

    @server.get(url_prefix + BUILT_PLOTLY.format(version="<version>"))
    def built_plotly(version):
        built = _build(build)
        if built is None:
            return refuse(404, "No such file: this server has no build of Plotly (its pages load Dash's).")
        response = Response(built.code, mimetype="text/javascript")
        response.set_etag(built.version)
        # Another build's address (a page opened before an update) still gets Plotly, but not for keeps. Not
        # "public": with sign-in on, a shared cache has no business keeping it.
        response.cache_control.max_age = 31536000 if version == built.version else 0
        return response.make_conditional(request)

    # path -> ETag, for the paths Dash sent or confirmed one for: its unversioned files (a versioned address, of which
    # there can be any number, comes without one), so bounded by the files it serves. Held until the process ends:
    # new packages come with a restart.
    etags: dict[str, str] = {}

    @server.errorhandler(DependencyException)
    def not_served(_error):
        return refuse(404, "No such file: the app serves no script at this address.")

    @server.before_request
    def answer_unchanged():
        tag = etags.get(request.path)
        if request.method == "GET" and tag and request.headers.get("If-None-Match") == f'"{tag}"':
            return Response(None, status=304, headers={"ETag": f'"{tag}"'})
        return None

    @server.after_request
    def remember(response: Response) -> Response:
        if request.path.startswith(suites) and request.path not in etags:
            tag, _ = response.get_etag()
            # A browser that holds the file only ever revalidates it; Dash answers 304 only to the exact tag, and
            # without one: a worker learns the tag from either answer.
            asked = request.headers.get("If-None-Match", "")
            if response.status_code == 304 and asked.startswith('"') and asked.endswith('"'):
                tag = asked[1:-1]
            if tag:
                etags[request.path] = tag
        return response
