"""The app as deployed: gunicorn with the checked-in config on 127.0.0.1, a path prefix and basic auth;
then a broken workbook dropped in place and a SIGHUP."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import bcrypt
import httpx
import pytest

from benchmarks.common import free_port

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/oc-index/"


def wait_for(check, seconds: float = 60, every: float = 0.5):
    """Poll `check` until it returns a truthy value, for at most `seconds` (loopback only)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except httpx.HTTPError:
            pass
        time.sleep(every)
    raise AssertionError(f"gave up after {seconds} s")


@contextmanager
def gunicorn(data: Path, cache: Path, **env: str):
    """gunicorn as README documents it (the checked-in config), one worker on a free loopback port under the prefix;
    yields the base URL and the process once /healthz answers. Its log goes to cache/../gunicorn.log."""
    port = free_port()
    env = {**os.environ, "OCINDEX_HOST": "127.0.0.1", "OCINDEX_PORT": str(port), "OCINDEX_DATA_DIR": str(data),
           "OCINDEX_URL_PREFIX": PREFIX, "OCINDEX_CACHE_DIR": str(cache), "OCINDEX_WORKERS": "1",
           "OCINDEX_LOG_FORMAT": "json", **env}
    with open(cache.parent / "gunicorn.log", "ab") as log:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}{PREFIX}"
    try:
        wait_for(lambda: httpx.get(f"{base}healthz", timeout=2).status_code == 200)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def deployed(tmp_path, workbook):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(workbook, data / "global_oc_index.xlsx")
    hashed = bcrypt.hashpw(b"pw", bcrypt.gensalt(rounds=4)).decode().replace("$2b$", "$2y$", 1)
    (tmp_path / "htpasswd").write_text(f"alice:{hashed}\n")
    with gunicorn(data, tmp_path / "cache", OCINDEX_AUTH="basic", OCINDEX_HTPASSWD=str(tmp_path / "htpasswd")) as (
            base, process):
        yield base, data, process


def test_g001_gunicorn_serves_under_the_prefix_behind_basic_auth(deployed):
    base, _, _ = deployed
    assert httpx.get(base, timeout=5).status_code == 401
    assert httpx.get(base, auth=("alice", "wrong"), timeout=5).status_code == 401
    page = httpx.get(base, auth=("alice", "pw"), timeout=5)
    assert page.status_code == 200 and f"{PREFIX}_dash-component-suites" in page.text
    assert "Content-Security-Policy" in page.headers
    csv = httpx.get(f"{base}api/scores.csv?edition=2021", auth=("alice", "pw"), timeout=5)
    assert "2021,PER,Peru,Americas,South America,criminality,Criminality,criminality,6.35,26,193" in csv.text
    plotly = f"{base}_dash-component-suites/plotly/package_data/plotly.min.js"  # loaded on demand: rechecked, not sent
    sent = httpx.get(plotly, auth=("alice", "pw"), timeout=5)
    for _ in range(4):  # whichever worker answers
        assert httpx.get(plotly, auth=("alice", "pw"), headers={"If-None-Match": sent.headers["ETag"]},
                         timeout=5).status_code == 304
    assert httpx.get(f"{base}_dash-component-suites/plotly/nothing.js", auth=("alice", "pw"), timeout=5).status_code == 404


def test_g002_after_a_broken_workbook_and_sighup_the_last_valid_data_keeps_serving(deployed, workbook_editions):
    base, data, process = deployed
    before = httpx.get(f"{base}api/scores.csv?edition=2021", auth=("alice", "pw"), timeout=5).text
    (data / "global_oc_index.xlsx").write_bytes(b"half an upload")
    process.send_signal(signal.SIGHUP)  # gunicorn replaces its workers; they read the broken file
    health = wait_for(lambda: (h := httpx.get(f"{base}healthz", timeout=2).json())["status"] == "degraded" and h)
    assert "cannot be opened" in health["last_reload_error"] and health["editions"] == workbook_editions
    after = httpx.get(f"{base}api/scores.csv?edition=2021", auth=("alice", "pw"), timeout=5).text
    assert after == before
