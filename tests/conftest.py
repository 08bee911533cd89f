"""Shared fixtures. The GI-TOC workbook and the seeds are read from ../shared, never copied into the repo."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from ocindex.catalogue import Catalogue
from ocindex.index import load_index

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
WORKBOOK = SHARED / "data" / "global_oc_index.xlsx"
SEEDS = SHARED / "seeds"

CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800",
)


def pytest_setup_options():
    """Chromium options for dash_duo: nothing may reach out past 127.0.0.1."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    return options


@pytest.fixture(scope="session")
def workbook() -> Path:
    assert WORKBOOK.is_file(), f"the shared workbook is expected at {WORKBOOK}"
    return WORKBOOK


@pytest.fixture(scope="session")
def workbook_editions(workbook) -> list[int]:
    """The editions the workbook holds, from its sheet names, read without the loader under test."""
    book = openpyxl.load_workbook(workbook, read_only=True)
    try:
        return sorted(int(name[:4]) for name in book.sheetnames if re.fullmatch(r"\d{4}_dataset", name.strip()))
    finally:
        book.close()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue.load()


@pytest.fixture(scope="session")
def index(workbook, catalogue):
    return load_index(workbook, catalogue)


@pytest.fixture(scope="session")
def app_instance(workbook):
    """One app for tests that render layouts (links need the app's path prefix)."""
    from app import create_app
    from ocindex.settings import Settings

    return create_app(Settings(data_dir=workbook.parent))
