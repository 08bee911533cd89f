"""The several-servers path: the deck export's background job handed to a Celery worker through Redis, with
gunicorn answering the browser's requests. Redis, the worker and gunicorn all listen on 127.0.0.1 only."""

from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
import sys

import httpx
import pytest
from pptx import Presentation

from benchmarks.common import dash_end_id, free_port, run_background
from components import ids
from tests import callbacks

from .test_gunicorn import ROOT, wait_for

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None,
                                reason="needs Debian's redis-server (make test installs it)")


@pytest.fixture
def several_servers(tmp_path, workbook):
    redis_port, web_port = free_port(), free_port()
    env = {**os.environ, "OCINDEX_HOST": "127.0.0.1", "OCINDEX_PORT": str(web_port),
           "OCINDEX_DATA_DIR": str(workbook.parent), "OCINDEX_CACHE_DIR": str(tmp_path / "cache"),
           "OCINDEX_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0", "OCINDEX_WORKERS": "1"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                                   "--appendonly", "no"], cwd=tmp_path, **quiet)]
    try:
        processes.append(subprocess.Popen([sys.executable, "-m", "celery", "-A", "app:celery_app", "worker",
                                           "--pool", "solo", "--loglevel", "WARNING"], cwd=ROOT, env=env, **quiet))
        processes.append(subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py"],
                                          cwd=ROOT, env=env, **quiet))
        base = f"http://127.0.0.1:{web_port}"
        wait_for(lambda: httpx.get(f"{base}/healthz", timeout=2).status_code == 200)
        yield base, processes, tmp_path / "cache"
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_e003_a_deck_is_built_by_the_celery_worker_and_returned_through_gunicorn(several_servers):
    base, processes, cache = several_servers
    gunicorn = processes[2]
    body = callbacks.body([(ids.DECK.RESULT, "data"), (ids.DECK.STATUS, "children")], [(ids.DECK.BUILD, "n_clicks", 1)],
                          [(ids.DECK.EDITION, "value", 2023), (ids.DECK.COUNTRIES, "value", ["PER", "COL"]),
                          (ids.DECK.VIEWS, "value", ["quadrant"]), (ids.SHELL.SYNC, "href", f"{base}/deck")],
                          changed=f"{ids.DECK.BUILD}.n_clicks")
    with httpx.Client(base_url=base, timeout=60) as client:
        end_id = dash_end_id(client.get("/").text)
        answer, progress = run_background(client, "/_dash-update-component", body, end_id, timeout=180)
    assert any(f"{ids.DECK.STEP}.children" in p for p in progress)  # progress travelled through Redis
    result = answer["response"][ids.DECK.RESULT]["data"]
    deck = Presentation(io.BytesIO(base64.b64decode(result["files"][ids.DECK.PPTX_FILE]["content"])))
    # Cover, one view of two countries, what Peru's 2023 profile text says, sources and caveats.
    assert len(deck.slides) == 1 + 2 + 1 + 1 and result["name"] == "oc-index_briefing_PER-COL_2023"
    # The job ran in the Celery worker: the single-server path would have made its job cache here.
    assert not (cache / "jobs").exists()
    assert gunicorn.poll() is None
