"""Load test: simulated analysts replaying recorded browser traffic against gunicorn on 127.0.0.1.

    python benchmarks/loadtest.py --users 100 --seconds 60

Starts `gunicorn app:server` with the checked-in config on a free loopback port and runs the users for the given
time (arriving over a ramp-up). Each user opens the main views one after another, as a browser does: the page,
Dash's layout (which holds the page its Referer names) and dependencies, the recheck of the code a browser holds
(If-None-Match), then the very callback requests headless Chromium sent on that view (benchmarks/traffic.json,
recorded by `benchmarks/browser.py --record`), with a pause between views; and, as if on a page already open, the
requests of the changes recorded there (the quadrant's edition switch, a country picked on it). Stops by itself and
reports requests, errors and p50/p95/p99 overall and per view, the resident memory of each worker and the workers'
CPU time. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import gunicorn_server  # noqa: E402

TRAFFIC = Path(__file__).resolve().parent / "traffic.json"


class Recorder:
    def __init__(self):
        self.times = defaultdict(list)
        self.failures = defaultdict(Counter)  # by request: what went wrong (status or exception, and address), how often

    async def request(self, client, name, method, path, body=None, headers=None):
        started = time.perf_counter()
        try:
            if method == "GET":
                response = await client.get(path, headers=headers)
            else:
                response = await client.post(path, content=json.dumps(body),
                                             headers={"Content-Type": "application/json"})
            failure = None if response.status_code in (200, 204, 304) else f"HTTP {response.status_code} {path}"
        except httpx.HTTPError as error:
            failure = f"{type(error).__name__} {path}"
        self.times[name].append((time.perf_counter() - started) * 1000)
        if failure:
            self.failures[name][failure] += 1


async def analyst(client, recorder: Recorder, deadline: float, seed: int, pause: tuple[float, float],
                  start_delay: float, views: dict, etags: dict[str, str]):
    rng = random.Random(seed)
    names = list(views)
    await asyncio.sleep(start_delay)  # users arrive over the ramp-up, as people do, not all in one instant
    while time.monotonic() < deadline:
        for name in rng.sample(names, len(names)):
            view = views[name]
            if not view.get("on_page"):  # a change made on a page already open (a switch, a pick) loads nothing
                await recorder.request(client, "GET page", "GET", view["path"])
                # From the page, as a browser asks: the layout holds the page its Referer names.
                await recorder.request(client, "GET /_dash-layout", "GET", "/_dash-layout",
                                       headers={"Referer": str(client.base_url.join(view["path"]))})
                await recorder.request(client, "GET /_dash-dependencies", "GET", "/_dash-dependencies")
                for path in view.get("rechecked", []):  # the browser holds them: it asks whether they changed
                    await recorder.request(client, "GET code, rechecked", "GET", path,
                                           headers={"If-None-Match": etags[path]})
            for body in view["requests"]:
                await recorder.request(client, f"cb {name}", "POST", "/_dash-update-component", body)
            await asyncio.sleep(rng.uniform(*pause))
            if time.monotonic() >= deadline:
                return


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


async def run(base: str, users: int, seconds: float, pause, ramp: float, views: dict) -> Recorder:
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await client.get("/")  # Dash serves its code once it has served a page
        rechecked = {path for view in views.values() for path in view.get("rechecked", [])}
        etags = {path: (await client.get(path)).headers["ETag"] for path in rechecked}  # as a browser holds them
        await asyncio.gather(*(analyst(client, recorder, deadline, seed, pause, ramp * seed / users, views, etags)
                               for seed in range(users)))
    return recorder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pause", type=float, nargs=2, default=(4.0, 12.0), help="think time between views (s)")
    parser.add_argument("--ramp", type=float, default=10, help="seconds over which the users arrive")
    parser.add_argument("--traffic", type=Path, default=TRAFFIC, help="recorded callback requests, per view")
    args = parser.parse_args()
    views = json.loads(args.traffic.read_text())

    with gunicorn_server() as (base, gunicorn):
        started = time.monotonic()
        recorder = asyncio.run(run(base, args.users, args.seconds, tuple(args.pause), args.ramp, views))
        elapsed = time.monotonic() - started
        master = psutil.Process(gunicorn.pid)
        workers = master.children()
        rss = [w.memory_info().rss / 2**20 for w in workers]
        # The workers' CPU time, those gunicorn replaced during the run (max_requests) included.
        reaped = master.cpu_times()
        cpu = reaped.children_user + reaped.children_system + sum(sum(w.cpu_times()[:2]) for w in workers)

    total = sum(len(v) for v in recorder.times.values())
    errors = sum(sum(failures.values()) for failures in recorder.failures.values())
    every = [v for values in recorder.times.values() for v in values]
    print(f"{args.users} users (arriving over {args.ramp:g} s, {args.pause[0]:g}-{args.pause[1]:g} s between views), "
          f"{elapsed:.0f} s against gunicorn ({len(workers)} workers) on 127.0.0.1: "
          f"{total} requests ({total / elapsed:.0f}/s), {errors} errors, p95 {percentile(every, 95):.0f} ms, "
          f"p99 {percentile(every, 99):.0f} ms")
    print(f"{'request':<28}{'n':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in sorted(recorder.times.items()):
        print(f"{name:<28}{len(values):>7}{sum(recorder.failures[name].values()):>8}{percentile(values, 50):>9.0f}"
              f"{percentile(values, 95):>9.0f}{percentile(values, 99):>9.0f}")
    for name, failures in sorted(recorder.failures.items()):
        for failure, count in sorted(failures.items()):
            print(f"  {name}: {failure} ({count})")
    print("worker RSS: " + ", ".join(f"{r:.0f} MiB" for r in rss) + f"; worker CPU: {cpu:.1f} s")


if __name__ == "__main__":
    main()
