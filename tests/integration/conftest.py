from __future__ import annotations

from dataclasses import replace

import pytest

from app import create_app
from benchmarks.common import free_port
from ocindex.settings import Settings
from ocindex.store import DataStore


@pytest.fixture(scope="session")
def store(workbook):
    return DataStore(workbook.parent)


@pytest.fixture
def start(dash_duo, store, tmp_path):
    """Serve a fresh app on 127.0.0.1 and open `path` in headless Chromium. Its cache (the last valid data, the
    background jobs and their per-user slots) is the test's own: tests run side by side on two workers."""

    # Each test's browser is new and parses Plotly cold: on a busy 2-core machine (a deck rendering beside it) the
    # first chart once took longer than dash_duo's 10 s.
    dash_duo.wait_timeout = 20

    def open_app(path="/", settings: Settings | None = None, data: DataStore | None = None):
        settings = replace(settings or Settings(data_dir=store.data_dir), cache_dir=tmp_path / "cache")
        app = create_app(settings, store=data or store)
        dash_duo.server.host = "127.0.0.1"
        dash_duo.start_server(app, navigate=False, host="127.0.0.1", port=free_port())  # runs may overlap
        base = dash_duo.server.url.rstrip("/")
        dash_duo.server_url = base + settings.url_prefix  # waits until the app has loaded there
        dash_duo.driver.get(base + path)
        return dash_duo

    return open_app
