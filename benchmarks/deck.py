"""How long a briefing deck takes, and whether the server keeps answering other users meanwhile.

    python benchmarks/deck.py

1. Builds a deck of 5 countries x 4 views in this process (charts rendered by kaleido with the system Chromium)
   and reports the total and per-slide time.
2. Starts gunicorn on 127.0.0.1, times quadrant chart callbacks with the server idle, then starts the same deck
   export through the app's background callback (as the browser does: start, then poll for progress) and times
   the same quadrant callbacks while it runs.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import dash_end_id, gunicorn_server, report, run_background  # noqa: E402
from benchmarks.quadrant import chart_body  # noqa: E402
from components import ids  # noqa: E402
from tests import callbacks  # noqa: E402

COUNTRIES = ["PER", "COL", "MEX", "BRA", "ARG"]
VIEWS = ["quadrant", "profile", "path", "markets"]
EDITION = 2023
PROBE_COUNTRIES = ["PER", "COL", "MEX", "MMR", "FIN", "NGA", "ZAF", "IND", "BRA", "USA", None]


def in_process() -> None:
    from deck.build import build_deck, chromium_renderer
    from ocindex.settings import Settings
    from ocindex.store import DataStore

    data = DataStore.from_settings(Settings.from_env()).index
    started = time.perf_counter()
    with chromium_renderer() as render:
        deck = build_deck(data, COUNTRIES, VIEWS, EDITION, render)
    seconds = time.perf_counter() - started
    print(f"deck of {len(COUNTRIES)} countries x {len(VIEWS)} views ({deck.slides} slides, pptx "
          f"{len(deck.pptx) / 2**20:.1f} MiB, pdf {len(deck.pdf) / 2**20:.1f} MiB): {seconds:.1f} s in all, "
          f"Chromium's start included ({seconds / (deck.slides - 1) * 1000:.0f} ms a slide)")


def quadrant_body(outputs, country):
    return chart_body(outputs, EDITION, "gitoc", [], country, 0, False)


def deck_body():
    return callbacks.body([(ids.DECK.RESULT, "data"), (ids.DECK.STATUS, "children")], [(ids.DECK.BUILD, "n_clicks", 1)],
                          [(ids.DECK.EDITION, "value", EDITION), (ids.DECK.COUNTRIES, "value", COUNTRIES),
                          (ids.DECK.VIEWS, "value", VIEWS), (ids.SHELL.SYNC, "href", None)],
                          changed=f"{ids.DECK.BUILD}.n_clicks")


def probe(client: httpx.Client, rounds: int) -> list[float]:
    outputs = callbacks.outputs_in(client.get("/_dash-dependencies").json(), ids.QUADRANT.GRAPH, "figure")
    samples = []
    for _ in range(rounds):
        for country in PROBE_COUNTRIES:
            started = time.perf_counter()
            response = client.post("/_dash-update-component", content=json.dumps(quadrant_body(outputs, country)),
                                   headers={"Content-Type": "application/json"})
            response.raise_for_status()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def through_the_server() -> None:
    with gunicorn_server() as (base, _), httpx.Client(base_url=base, timeout=120) as client:
        end_id = dash_end_id(client.get("/").text)
        probe(client, 2)  # warm both workers' caches
        report("quadrant callback, server idle", probe(client, 5))

        started = time.perf_counter()
        outcome: list = []
        with httpx.Client(base_url=base, timeout=120) as poller_client:
            poller = threading.Thread(target=lambda: outcome.append(run_background(
                poller_client, "/_dash-update-component", deck_body(), end_id)))
            poller.start()
            during = []
            while poller.is_alive():
                during += probe(client, 1)
            poller.join()
        elapsed = time.perf_counter() - started
        steps = [p[f"{ids.DECK.STEP}.children"] for p in outcome[0][1] if f"{ids.DECK.STEP}.children" in p]
        report("quadrant callback, during the deck export", during)
        print(f"deck export through the background callback: {elapsed:.1f} s, {len(steps)} progress updates seen "
              f"(last: {steps[-1] if steps else 'none'})")


if __name__ == "__main__":
    in_process()
    through_the_server()
