"""Helpers shared by the benchmark scripts: timing statistics and Dash callback requests."""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    cut = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"n": len(ordered), "p50": cut[49], "p95": cut[94], "max": ordered[-1]}


def report(title: str, samples_ms: list[float], extra: str = "") -> None:
    stats = percentiles(samples_ms)
    print(f"{title:<48} n={stats['n']:<4} p50={stats['p50']:7.1f} ms  p95={stats['p95']:7.1f} ms  "
          f"max={stats['max']:7.1f} ms  {extra}")


def time_callback(client, body: dict, repeat: int) -> tuple[list[float], int]:
    """Server-side time of one callback through Flask (routing, callback, JSON), and the response size."""
    samples, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"callback answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
        size = len(response.get_data())
    return samples, size


def measure(client, title, bodies, repeat):
    """Report repeated (cached) calls, and separately the first call of each combination (built from scratch)."""
    warm, cold, sizes = [], [], []
    for body in bodies:
        s, size = time_callback(client, body, repeat + 1)
        cold.append(s[0])
        warm += s[1:]
        sizes.append(size)
    report(title, warm, f"payload {min(sizes) / 1024:.0f}-{max(sizes) / 1024:.0f} KB; first call of each: "
                        f"median {sorted(cold)[len(cold) // 2]:.0f} ms, max {max(cold):.0f} ms")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn_server() -> Iterator[tuple[str, subprocess.Popen]]:
    """`gunicorn app:server` with the checked-in config on a free loopback port; its base URL and process."""
    import httpx

    port = free_port()
    env = {**os.environ, "OCINDEX_HOST": "127.0.0.1", "OCINDEX_PORT": str(port), "OCINDEX_LOG_LEVEL": "WARNING"}
    gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "-c", "gunicorn.conf.py",
                                 "--access-logfile", "/dev/null"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):  # up to 60 s for the workers to load the data
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise SystemExit("gunicorn did not answer /healthz")
        yield base, gunicorn
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def dash_end_id(page_html: str) -> str:
    """The signed page token Dash's renderer echoes on callback requests (background job handles are bound to it)."""
    start = page_html.index('<script id="_dash-config" type="application/json">')
    config = page_html[page_html.index(">", start) + 1:page_html.index("</script>", start)]
    return json.loads(config)["end_id"]


def run_background(client, path: str, body: dict, end_id: str, timeout: float = 300) -> tuple[dict, list[dict]]:
    """Start a background callback as Dash's renderer does, then poll it (every 0.5 s, as the renderer) until it
    answers: the final answer and every progress update seen on the way. `client` is an httpx.Client."""
    headers = {"Content-Type": "application/json"}
    content = json.dumps(body)
    handles = client.post(path, params={"endId": end_id}, content=content, headers=headers).json()
    progress, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = client.post(path, content=content, headers=headers, params={
            "endId": end_id, "cacheKey": handles["cacheKey"], "job": handles["job"]}).json()
        if answer.get("progress"):
            progress.append(answer["progress"])
        if "response" in answer:
            return answer, progress
        time.sleep(0.5)
    raise TimeoutError(f"the background callback did not answer within {timeout} s")
