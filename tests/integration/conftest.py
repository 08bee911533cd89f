from __future__ import annotations

import pytest

from app import create_app
from ocindex.settings import Settings
from ocindex.store import DataStore


@pytest.fixture(scope="session")
def store(workbook):
    return DataStore(workbook.parent)


@pytest.fixture
def start(dash_duo, store):
    """Serve a fresh app on 127.0.0.1 and open `path` in headless Chromium."""

    def open_app(path="/", settings: Settings | None = None):
        app = create_app(settings or Settings(data_dir=store.data_dir), store=store)
        dash_duo.server.host = "127.0.0.1"
        dash_duo.start_server(app, host="127.0.0.1")
        dash_duo.driver.get(dash_duo.server_url + path)
        return dash_duo

    return open_app
