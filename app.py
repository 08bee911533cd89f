"""OC Index Explorer: create the Dash app, register its panels. `python app.py` serves it locally."""

from __future__ import annotations

import argparse
import logging
import re
import signal
import sys
from pathlib import Path
from typing import Callable, TypeVar

from dash import Dash

from components import api, charts, deferred, registry, shell
from components.pages import PAGES
from ocindex.errors import OCIndexError
from ocindex.settings import Settings
from ocindex.store import DataStore
from serving import auth, cache, jobs, limits, logs, security, suites

log = logging.getLogger("ocindex")
T = TypeVar("T")
# gunicorn's exit code for "App failed to load": its master then stops, instead of starting workers forever.
GUNICORN_APP_LOAD_ERROR = 4
# The one asset that runs before Dash's own scripts (why: the file says).
BEFORE_DASH = "builtins_keep.js"


def create_app(settings: Settings | None = None, store: DataStore | None = None,
               pages: list[registry.Page] = PAGES) -> Dash:
    settings = settings or Settings.from_env()
    store = store or DataStore.from_settings(settings)
    background = jobs.manager(settings)
    app = Dash(
        __name__,
        title=registry.SITE,
        url_base_pathname=settings.url_prefix,
        external_stylesheets=[settings.url_prefix + api.BOOTSTRAP_CSS],
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "oc-plotly", "content": suites.plotly_address(settings.url_prefix)}],
        background_callback_manager=background,
        update_title=None,  # assets/a11y.js titles each page after its heading; Dash's "Updating..." would undo it
        assets_ignore=f"^{re.escape(BEFORE_DASH)}$",
    )
    # Versioned by its modified time, as Dash versions the other assets: browsers keep it without asking again.
    version = (Path(app.config.assets_folder) / BEFORE_DASH).stat().st_mtime
    before_dash = f'<script src="{app.get_asset_url(BEFORE_DASH)}?m={version}"></script>'
    app.index_string = (app.index_string.replace("<html>", '<html lang="en">', 1)
                        .replace("{%scripts%}", before_dash + "{%scripts%}", 1))
    app.server.config["OCINDEX_STORE"] = store
    app.server.config["OCINDEX_JOBS"] = background
    app.server.config["OCINDEX_SETTINGS"] = settings
    app.server.config["OCINDEX_PAGES"] = pages  # a shared briefing keeps the views that are pages of this app
    limits.install(app.server, settings)  # first: before authentication, routing and caching
    auth.install(app.server, settings, open_paths={f"{settings.url_prefix}healthz"})
    cache.init(app.server, settings)
    suites.install(app.server, settings.url_prefix)  # after authentication: a 304 is for users only
    # The policy hashes only Dash's own start-up script: our browser-side callbacks are files (assets/), so
    # registering panels after this changes nothing (tests/unit/test_serving.py).
    security.install(app, settings.max_nesting)
    frame = shell.layout(app, store.index, pages)
    # Pages are drawn by the router: every page's components, so Dash checks each callback against them.
    app.validation_layout = registry.validation_layout(app, store, pages, frame)
    api.register(app, store)
    shell.register(app, store, pages, frame)  # the layout served: the frame with the page opened
    charts.register(app)
    deferred.register(app)
    registry.register(app, store, pages)
    return app


def run(settings: Settings) -> None:
    logs.configure(settings.log_level, settings.log_format)
    app = or_exit(lambda: create_app(settings))
    store = app.server.config["OCINDEX_STORE"]
    # `kill -HUP <pid>` re-reads the data; if it fails validation the current data keeps serving.
    signal.signal(signal.SIGHUP, lambda *_: store.reload())
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve OC Index Explorer")
    parser.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8050)")
    parser.add_argument("--data-dir", type=Path, help="directory holding global_oc_index.xlsx")
    args = parser.parse_args(argv)
    run(or_exit(lambda: Settings.from_env(host=args.host, port=args.port, data_dir=args.data_dir)))


def check_before_workers() -> None:
    """Stop with one line if the settings, the access control or the data would stop every worker.

    gunicorn runs this before it starts its workers (gunicorn.conf.py): left to the workers, several failing at
    once make gunicorn print its own traceback (it halts on the first and meets the second while halting)."""
    settings = or_exit(Settings.from_env)
    logs.configure(settings.log_level, settings.log_format)
    or_exit(lambda: auth.guard(settings))
    or_exit(lambda: DataStore.from_settings(settings))


def or_exit(build: Callable[[], T]) -> T:
    """What `build` returns; if the settings or the data are refused, the process stops with the reason."""
    try:
        return build()
    except OCIndexError as exc:
        sys.exit(f"error: {exc}")


def __getattr__(name: str):
    # `gunicorn app:server` asks for `server` (and `celery -A app:celery_app worker` for the Celery app of the
    # background jobs); build the app only then, so importing this module stays cheap.
    if name in ("app", "server", "celery_app"):
        settings = Settings.from_env()
        logs.configure(settings.log_level, settings.log_format)
        try:
            built = create_app(settings)
        except OCIndexError as exc:
            log.critical("%s", exc)  # one line: the store and the settings say what is wrong and where
            raise SystemExit(GUNICORN_APP_LOAD_ERROR) from None
        globals()["app"], globals()["server"] = built, built.server
        globals()["celery_app"] = built.server.config["OCINDEX_JOBS"].handle
        return globals()[name]
    raise AttributeError(name)


if __name__ == "__main__":
    main()
