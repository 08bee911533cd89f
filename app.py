"""OC Index Explorer: create the Dash app, register its panels. `python app.py` serves it locally."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import dash_bootstrap_components as dbc
from dash import Dash

from components import api, country, indicator, pillar, quadrant, shell
from ocindex.errors import OCIndexError
from ocindex.settings import Settings
from ocindex.store import DataStore

PANELS = [quadrant, country, indicator, pillar]
PAGES = [panel.PAGE for panel in PANELS]


def create_app(settings: Settings | None = None, store: DataStore | None = None) -> Dash:
    settings = settings or Settings.from_env()
    store = store or DataStore.from_settings(settings)
    app = Dash(
        __name__,
        title="OC Index Explorer",
        url_base_pathname=settings.url_prefix,
        external_stylesheets=[settings.url_prefix + api.BOOTSTRAP_CSS],
        suppress_callback_exceptions=True,  # pages are rendered by the router, after the first layout check
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.layout = shell.layout(app, store.index)
    api.register(app, store)
    shell.register(app, store, PAGES)
    for panel in PANELS:
        panel.register(app, store)
    return app


def run(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app(settings)
    except OCIndexError as exc:
        sys.exit(f"error: {exc}")
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve OC Index Explorer")
    parser.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8050)")
    parser.add_argument("--data-dir", type=Path, help="directory holding global_oc_index.xlsx")
    args = parser.parse_args(argv)
    run(Settings.from_env(host=args.host, port=args.port, data_dir=args.data_dir))


def __getattr__(name: str):
    # `gunicorn app:server` asks for `server`; build the app only then, so importing this module stays cheap.
    if name in ("app", "server"):
        globals()["app"] = built = create_app()
        globals()["server"] = built.server
        return globals()[name]
    raise AttributeError(name)


if __name__ == "__main__":
    main()
