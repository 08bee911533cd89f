"""Issue 12's attacks on the service as deployed (gunicorn with the checked-in config, see test_gunicorn.py): each
test sends what an attacker or an unlucky administrator would, and checks the service keeps answering."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import bcrypt
import diskcache
import httpx
import psutil
import pytest

from benchmarks.common import free_port
from components import ids
from ocindex.settings import Settings
from serving import jobs
from tests import callbacks
from tests.conftest import SEEDS
from tests.damaged import pdf_with_unsupported_filter, workbook_with_damaged_sheets
from tests.e2e.test_gunicorn import ROOT, gunicorn, wait_for

SECRET = "a-long-random-value-only-the-proxy-knows"


@pytest.fixture
def data(tmp_path, workbook):
    """A data directory with a copy of the workbook, a seed profile and a PDF that pypdf cannot decode."""
    folder = tmp_path / "data"
    (folder / "profiles").mkdir(parents=True)
    shutil.copy(workbook, folder / "global_oc_index.xlsx")
    shutil.copy(next(SEEDS.glob("000_*.txt")), folder / "profiles" / "PER-2021.txt")
    pdf_with_unsupported_filter(folder / "profiles" / "COL-2023.pdf")
    return folder


def search_body(term: str) -> str:
    return json.dumps(callbacks.body([(ids.SEARCH.STATUS, "children"), (ids.SEARCH.RESULTS, "children")],
                                     [(ids.SEARCH.TERM, "value", term)],
                                     changed=callbacks.prop_id(ids.SEARCH.TERM, "value")))


def post(base: str, body: str | bytes, **kwargs) -> httpx.Response:
    return httpx.post(f"{base}_dash-update-component", content=body, headers={"Content-Type": "application/json"},
                      timeout=20, **kwargs)


def test_h01_hostile_search_terms_are_answered_and_a_damaged_pdf_does_not_stop_the_workers(data, tmp_path):
    with gunicorn(data, tmp_path / "cache") as (base, _):
        health = httpx.get(f"{base}healthz", timeout=5).json()
        assert health["profiles"] == ["PER-2021.txt"]
        assert any("COL-2023.pdf" in e and "cannot be read as a PDF" in e for e in health["profile_errors"])
        for term in ("a" + "*" * 97 + "qz", "a" + "*" * 97 + "qz", "gold???", "(a+)+$"):
            answer = post(base, search_body(term))  # before: the worker backtracked until gunicorn killed it
            assert answer.status_code == 200, term
        assert httpx.get(f"{base}healthz", timeout=5).status_code == 200
        assert "gold mining" in post(base, search_body("gold mining")).text.lower()


def test_h02_damaged_sheet_xml_then_sighup_then_a_restart_serve_the_last_valid_data(data, tmp_path):
    cache = tmp_path / "cache"
    with gunicorn(data, cache) as (base, process):
        before = httpx.get(f"{base}api/scores.csv", timeout=10).text
        damaged = workbook_with_damaged_sheets(data / "global_oc_index.xlsx", tmp_path / "damaged.xlsx")
        damaged.replace(data / "global_oc_index.xlsx")
        process.send_signal(signal.SIGHUP)  # before: the new workers failed to boot and the master exited
        health = wait_for(lambda: (h := httpx.get(f"{base}healthz", timeout=2).json())["status"] == "degraded" and h)
        assert "cannot be read" in health["last_reload_error"] and "\n" not in health["last_reload_error"]
        assert httpx.get(f"{base}api/scores.csv", timeout=10).text == before
    assert not list(cache.glob("*.pickle")) and (cache / "last-valid-index.json.sha256").is_file()
    with gunicorn(data, cache) as (base, _):  # a restart with the damaged workbook: the kept copy serves
        health = httpx.get(f"{base}healthz", timeout=5).json()
        assert health["status"] == "degraded" and "cannot be read" in health["last_reload_error"]
        assert httpx.get(f"{base}api/scores.csv", timeout=10).text == before


def run_to_exit(command: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py"],
                                     [sys.executable, "app.py"]])
def test_h03_with_no_valid_data_at_all_the_service_stops_with_one_clear_line(tmp_path, command):
    (tmp_path / "global_oc_index.xlsx").write_bytes(b"half an upload")
    done = run_to_exit(command, {"OCINDEX_DATA_DIR": str(tmp_path), "OCINDEX_CACHE_DIR": str(tmp_path / "cache"),
                                 "OCINDEX_PORT": str(free_port()), "OCINDEX_WORKERS": "2"})
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output
    assert len([line for line in output.splitlines() if "global_oc_index.xlsx" in line]) == 1, output


def test_h04_header_auth_needs_the_proxys_secret_not_only_its_address(data, tmp_path):
    env = {"OCINDEX_AUTH": "header", "OCINDEX_TRUSTED_PROXIES": "127.0.0.1"}
    refused = run_to_exit([sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py"],
                          {**env, "OCINDEX_DATA_DIR": str(data), "OCINDEX_CACHE_DIR": str(tmp_path / "c")})
    assert refused.returncode != 0 and "OCINDEX_PROXY_SECRET" in refused.stdout + refused.stderr
    assert "Traceback" not in refused.stdout + refused.stderr
    with gunicorn(data, tmp_path / "cache", **env, OCINDEX_PROXY_SECRET=SECRET) as (base, _):
        spoofed = {"X-Forwarded-User": "anyone"}  # any local user, from the proxy's own address
        assert httpx.get(base, headers=spoofed, timeout=5).status_code == 401
        assert httpx.get(base, headers={**spoofed, "X-OCIndex-Proxy-Secret": "guess"}, timeout=5).status_code == 401
        signed = {**spoofed, "X-OCIndex-Proxy-Secret": SECRET}
        assert httpx.get(f"{base}api/scores.csv", headers=signed, timeout=10).status_code == 200


def test_h05_basic_auth_takes_any_password_and_refuses_a_damaged_htpasswd_at_start(data, tmp_path):
    hashed = bcrypt.hashpw(b"pw", bcrypt.gensalt(rounds=4)).decode()
    (tmp_path / "htpasswd").write_text(f"alice:{hashed}\nbob:$2y$05$cut-short\n")
    env = {"OCINDEX_AUTH": "basic", "OCINDEX_HTPASSWD": str(tmp_path / "htpasswd")}
    refused = run_to_exit([sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py"],
                          {**env, "OCINDEX_DATA_DIR": str(data), "OCINDEX_CACHE_DIR": str(tmp_path / "c")})
    assert refused.returncode != 0 and "line 2" in refused.stdout + refused.stderr
    (tmp_path / "htpasswd").write_text(f"alice:{hashed}\n")
    with gunicorn(data, tmp_path / "cache", **env) as (base, _):
        for user, password in (("alice", "x" * 100), ("nobody", "x" * 100), ("alice", "é" * 40)):
            assert httpx.get(base, auth=(user, password), timeout=5).status_code == 401  # before: a 500
        assert httpx.get(base, auth=("alice", "pw"), timeout=5).status_code == 200


def test_h06_oversized_and_deeply_nested_requests_are_refused_and_the_worker_keeps_serving(data, tmp_path):
    with gunicorn(data, tmp_path / "cache") as (base, _):
        big = search_body("x" * (2 * 1024 * 1024))  # over the 1 MB default; before, 150 MB was echoed back
        answer = post(base, big)
        assert answer.status_code == 413 and len(answer.content) < 2000
        nested = search_body("V").replace('"V"', "[" * 100_000 + "]" * 100_000)
        assert post(base, nested).status_code == 400  # before: RecursionError, a 500
        assert httpx.get(f"{base}country/{'A' * 2000}", timeout=5).status_code == 414
        assert httpx.get(f"{base}api/scores.csv?edition={'9' * 3000}&x={'y' * 2000}", timeout=5).status_code == 414
        assert httpx.get(f"{base}healthz", timeout=5).json()["status"] == "ok"


def render_then_wait(rendered: str):
    """A deck job that has its Chromium open, a chart drawn, when it is cancelled."""
    from deck.build import chromium_renderer

    with chromium_renderer() as render:
        render({"data": [{"type": "bar", "x": ["PER"], "y": [6.35]}]})
        Path(rendered).touch()
        while True:
            time.sleep(0.1)


def test_h07_cancelling_a_deck_job_ends_and_reaps_every_process_it_started_chromium_included(tmp_path):
    manager = jobs.JobManager(diskcache.Cache(str(tmp_path / "jobs")), Settings(cache_dir=tmp_path))
    rendered = tmp_path / "rendered"
    job_fn = manager.make_job_fn(render_then_wait, progress=False)
    job = psutil.Process(manager.call_job_fn("deck", job_fn, [str(rendered)], {}))
    wait_for(rendered.exists, seconds=120)
    tree = [job, *job.children(recursive=True)]
    assert any("chrom" in process.name() for process in tree)
    manager.terminate_job(job.pid)  # what the page's Cancel button calls
    left = []
    for process in tree:
        with contextlib.suppress(psutil.NoSuchProcess):
            left.append((process.pid, process.name(), process.status()))
    assert left == []  # nothing left running, and no zombie
