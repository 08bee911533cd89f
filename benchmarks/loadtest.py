"""Load test: simulated analysts against gunicorn on 127.0.0.1.

    python benchmarks/loadtest.py --users 50 --seconds 60

Starts `gunicorn app:server` with the checked-in config on a free loopback port, runs the users for the given
time (arriving over a ramp-up; each: open the home page, change edition, select countries, open country and
indicator drill-downs, with a short pause between steps), stops everything by itself and reports requests, errors and p50/p95/p99 per
request kind, plus the resident memory of each worker. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import callback_body, gunicorn_server  # noqa: E402
from components import ids  # noqa: E402

COUNTRIES = ["PER", "COL", "MEX", "MMR", "FIN", "NGA", "ZAF", "IND", "BRA", "USA", "FRA", "AFG"]
INDICATORS = ["cocaine-trade", "criminality", "resilience", "human-trafficking", "anti-money-laundering"]


def quadrant_chart(edition, country):
    return callback_body(
        [(ids.Q_GRAPH, "figure"), (ids.Q_SPLIT_NOTE, "children"), (ids.Q_SUMMARY, "children")],
        [(ids.PRESENT, "data", False), (ids.Q_EDITION, "value", edition), (ids.Q_SPLIT, "value", "gitoc"), (ids.Q_CONTINENT, "value", []),
         (ids.Q_REGION, "value", []), (ids.Q_COUNTRY, "value", country), (ids.Q_LABELS, "value", 0),
         (ids.Q_MOVEMENT, "value", True),
         (ids.Q_SCORES, "value", "official")], f"{ids.Q_EDITION}.value")


def quadrant_side(edition, country):
    return callback_body([(ids.Q_PANEL, "children"), (ids.Q_MOVERS, "children"), (ids.Q_CHANGES, "children")],
                         [(ids.Q_EDITION, "value", edition), (ids.Q_SPLIT, "value", "gitoc"),
                          (ids.Q_COUNTRY, "value", country), (ids.Q_SCORES, "value", "official")],
                         f"{ids.Q_COUNTRY}.value")


def route(path, search=""):
    return callback_body([(ids.PAGE, "children")], [(ids.URL, "pathname", path), (ids.URL, "search", search)],
                         f"{ids.URL}.pathname")


def country_page(edition, iso3):
    return callback_body([(ids.C_SUMMARY, "children"), (ids.C_DOTS, "figure"), (ids.C_ABSENT, "children"),
                          (ids.C_TABLE, "children"), (ids.C_PATH, "figure")],
                         [(ids.C_EDITION, "value", edition), (ids.PRESENT, "data", False)], f"{ids.C_EDITION}.value", [(ids.C_ISO3, "data", iso3)])


def country_narrative(edition, iso3):
    return callback_body([(ids.C_NARRATIVE, "children")], [(ids.C_EDITION, "value", edition),
                         (ids.C_NARRATIVE_INDICATOR, "value", None)], f"{ids.C_EDITION}.value",
                         [(ids.C_ISO3, "data", iso3)])


def indicator_figures(edition, slug, iso3):
    return callback_body([(ids.I_MAP, "figure"), (ids.I_SPREAD, "figure")],
                         [(ids.I_EDITION, "value", edition), (ids.I_COUNTRY, "value", iso3),
                          (ids.I_LEVEL, "value", "continent"), (ids.PRESENT, "data", False)], f"{ids.I_COUNTRY}.value", [(ids.I_SLUG, "data", slug)])


def indicator_ranking(edition, slug):
    return callback_body([(ids.I_SUMMARY, "children"), (ids.I_RANKING, "children")],
                         [(ids.I_EDITION, "value", edition)], f"{ids.I_EDITION}.value", [(ids.I_SLUG, "data", slug)])


class Recorder:
    def __init__(self):
        self.times = defaultdict(list)
        self.errors = defaultdict(int)

    async def request(self, client, name, method, path, body=None):
        started = time.perf_counter()
        try:
            if method == "GET":
                response = await client.get(path)
            else:
                response = await client.post(path, content=json.dumps(body),
                                             headers={"Content-Type": "application/json"})
            ok = response.status_code in (200, 204)
        except httpx.HTTPError:
            ok = False
        self.times[name].append((time.perf_counter() - started) * 1000)
        if not ok:
            self.errors[name] += 1


async def analyst(client, recorder: Recorder, deadline: float, seed: int, pause: tuple[float, float],
                  start_delay: float, editions: list[int]):
    rng = random.Random(seed)
    update = "/_dash-update-component"
    latest, earlier = editions[-1], editions[0]
    await asyncio.sleep(start_delay)  # users arrive over the ramp-up, as people do, not all in one instant

    async def think():
        await asyncio.sleep(rng.uniform(*pause))

    while time.monotonic() < deadline:
        await recorder.request(client, "GET page /", "GET", "/")
        await recorder.request(client, "GET /_dash-layout", "GET", "/_dash-layout")
        await recorder.request(client, "GET /_dash-dependencies", "GET", "/_dash-dependencies")
        await recorder.request(client, "cb route", "POST", update, route("/"))
        await recorder.request(client, "cb quadrant chart", "POST", update, quadrant_chart(latest, None))
        await recorder.request(client, "cb quadrant side", "POST", update, quadrant_side(latest, None))
        await think()
        await recorder.request(client, "cb quadrant chart", "POST", update, quadrant_chart(earlier, None))
        await recorder.request(client, "cb quadrant side", "POST", update, quadrant_side(earlier, None))
        await think()
        iso3 = rng.choice(COUNTRIES)
        await recorder.request(client, "cb quadrant chart", "POST", update, quadrant_chart(earlier, iso3))
        await recorder.request(client, "cb quadrant side", "POST", update, quadrant_side(earlier, iso3))
        await think()
        await recorder.request(client, "cb route", "POST", update, route(f"/country/{iso3}", f"?edition={earlier}"))
        await recorder.request(client, "cb country page", "POST", update, country_page(earlier, iso3))
        await recorder.request(client, "cb country narrative", "POST", update, country_narrative(earlier, iso3))
        await think()
        slug = rng.choice(INDICATORS)
        await recorder.request(client, "cb route", "POST", update, route(f"/indicator/{slug}", f"?edition={earlier}"))
        await recorder.request(client, "cb indicator figures", "POST", update, indicator_figures(earlier, slug, iso3))
        await recorder.request(client, "cb indicator ranking", "POST", update, indicator_ranking(earlier, slug))
        await think()


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


async def run(base: str, users: int, seconds: float, pause, ramp: float) -> Recorder:
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        editions = (await client.get("/healthz")).json()["editions"]
        await asyncio.gather(*(analyst(client, recorder, deadline, seed, pause, ramp * seed / users, editions)
                               for seed in range(users)))
    return recorder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pause", type=float, nargs=2, default=(0.5, 2.0), help="think time between steps (s)")
    parser.add_argument("--ramp", type=float, default=10, help="seconds over which the users arrive")
    args = parser.parse_args()

    with gunicorn_server() as (base, gunicorn):
        started = time.monotonic()
        recorder = asyncio.run(run(base, args.users, args.seconds, tuple(args.pause), args.ramp))
        elapsed = time.monotonic() - started
        workers = psutil.Process(gunicorn.pid).children()
        rss = [w.memory_info().rss / 2**20 for w in workers]

    total = sum(len(v) for v in recorder.times.values())
    errors = sum(recorder.errors.values())
    print(f"{args.users} users (arriving over {args.ramp:g} s, {args.pause[0]:g}-{args.pause[1]:g} s between steps), "
          f"{elapsed:.0f} s against gunicorn ({len(workers)} workers) on 127.0.0.1: "
          f"{total} requests ({total / elapsed:.0f}/s), {errors} errors")
    print(f"{'request':<28}{'n':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in sorted(recorder.times.items()):
        print(f"{name:<28}{len(values):>7}{recorder.errors[name]:>8}{percentile(values, 50):>9.0f}"
              f"{percentile(values, 95):>9.0f}{percentile(values, 99):>9.0f}")
    print("worker RSS: " + ", ".join(f"{r:.0f} MiB" for r in rss))


if __name__ == "__main__":
    main()
