"""Plain HTTP routes beside the dashboard: data export, health check and locally served vendor assets."""

from __future__ import annotations

import logging
from pathlib import Path

import flask_bootstrap
from dash import Dash
from flask import Response, jsonify, request, send_from_directory

from figures.indicator import WORLD_OUTLINES
from ocindex import __version__
from ocindex.catalogue import uncatalogued_warning
from ocindex.export import UnknownEdition, parse_edition, scores_csv
from ocindex.narratives.library import SETUP_HINT
from ocindex.store import DataStore

BOOTSTRAP_DIR = Path(flask_bootstrap.__file__).parent / "static" / "bootstrap5"
BOOTSTRAP_CSS = "vendor/bootstrap/css/bootstrap.min.css"
TOPOJSON_DIR = WORLD_OUTLINES

log = logging.getLogger(__name__)


def edition_asked(data) -> int | None:
    """The edition the request's ?edition= names (None: every edition), read as the pages read it; UnknownEdition
    for one that is none, or given more than once (the pages take the last and say so: a file must not guess)."""
    given = request.args.getlist("edition")
    if len(given) > 1:
        raise UnknownEdition(given, data.editions, "is given more than once")
    return parse_edition(given[0], data) if given else None


def register(app: Dash, store: DataStore) -> None:
    server = app.server
    prefix = app.config.routes_pathname_prefix

    assets = f"{prefix}{app.config.assets_url_path.strip('/')}/"

    @server.after_request
    def cache_versioned_assets(response: Response) -> Response:
        # Dash links each asset as assets/<file>?m=<modified time>: a changed file gets a new URL, so the browser
        # may keep it for good instead of asking the server again on every page load (Flask says no-cache).
        if request.path.startswith(assets) and "m" in request.args and response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    @server.get(f"{prefix}vendor/bootstrap/<path:filename>")
    def bootstrap_asset(filename):
        return send_from_directory(BOOTSTRAP_DIR, filename, max_age=86400)

    if not TOPOJSON_DIR.is_dir():
        log.warning("maps will have no outlines: %s is missing; run `npm ci` (make run does)", TOPOJSON_DIR)

    @server.get(f"{prefix}vendor/topojson/<path:filename>")
    def topojson(filename):
        return send_from_directory(TOPOJSON_DIR, filename, max_age=86400)

    @server.get(f"{prefix}healthz")
    def healthz():
        data = store.index
        return jsonify(
            status="ok" if store.last_error is None else "degraded",
            version=__version__,
            editions=list(data.editions),
            countries={str(e): int(data.edition_table(e)["iso3"].nunique()) for e in data.editions},
            workbook_sha256=data.sha256,
            profiles=[d.name for d in store.narratives.documents],
            profile_errors=store.narratives.errors,
            profile_setup=SETUP_HINT,
            last_reload_error=store.last_error,
            warnings=[uncatalogued_warning(i) for i in data.catalogue.uncatalogued],
        )

    @server.get(f"{prefix}api/narratives.json")
    def narratives():
        data, args = store.index, request.args
        try:
            edition = edition_asked(data)
        except UnknownEdition as exc:
            return jsonify(error=str(exc)), 400
        country = args.get("country", "").upper() or None
        if country is not None and country not in set(data.tidy["iso3"]):
            return jsonify(error="country is not an ISO3 code of the index"), 400
        indicator = args.get("indicator") or None
        if indicator is not None and indicator not in data.catalogue:
            return jsonify(error="indicator is not in the catalogue (use a slug such as cocaine-trade)"), 400
        return jsonify([e.as_dict() for e in store.narratives.excerpts(country, edition, indicator)])

    @server.get(f"{prefix}api/scores.csv")
    def scores():
        data = store.index
        try:
            edition = edition_asked(data)
        except UnknownEdition as exc:
            return Response(f"{exc}\n", status=400, mimetype="text/plain")
        name = f"oc-index-scores-{edition or 'all'}.csv"
        return Response(scores_csv(data, edition), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
