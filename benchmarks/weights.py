"""What-if weights: server-side time to recompute every composite and rank for a weight change.

    python benchmarks/weights.py [--repeat 200]

Each call sends a new random set of group weights (so no cache helps) through the page's callback, as a slider
move does: Flask routing, all four composites and their ranks for 193 countries, the ranking table as JSON.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from benchmarks.common import report, time_callback  # noqa: E402
from components import ids  # noqa: E402
from components.weights import slider_groups  # noqa: E402
from ocindex import weights as wt  # noqa: E402
from ocindex.settings import Settings  # noqa: E402
from tests import callbacks  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200, help="weight changes to time")
    args = parser.parse_args()
    app = create_app(Settings.from_env())
    client = app.server.test_client()
    client.get("/")
    data = app.server.config["OCINDEX_STORE"].index
    groups = slider_groups(data)  # in the order of the sliders, as the browser sends their values
    rng = random.Random(1)
    steps = [wt.LOWEST + wt.STEP * n for n in range(int((wt.HIGHEST - wt.LOWEST) / wt.STEP) + 1)]

    def weights():
        return [rng.choice(steps[1:]) for _ in groups]  # never all zero in a component

    domain, served, size = [], [], 0
    for _ in range(args.repeat):
        values = weights()
        started = time.perf_counter()
        wt.what_if(data, data.latest, {g.key: v + 1e-9 for g, v in zip(groups, values)})  # uncached: new key
        domain.append((time.perf_counter() - started) * 1000)
        slider_ids = [{"type": ids.WEIGHTS.SLIDER, "group": g.key} for g in groups]
        body = callbacks.body(
            [(ids.WEIGHTS.TABLE, "rowData"), (ids.WEIGHTS.SUMMARY, "children"), (ids.WEIGHTS.BANNER, "children")],
            [(ids.WEIGHTS.EDITION, "value", data.latest), (ids.WEIGHTS.COMPOSITE, "value", "criminality")],
            changed=f"{ids.WEIGHTS.EDITION}.value")
        body["inputs"].append([{"id": i, "property": "value", "value": v} for i, v in zip(slider_ids, values)])
        samples, size = time_callback(client, body, 1)
        served += samples
    report("what_if(): 4 composites + ranks, 193 countries", domain)
    report("weights callback (new weights each call)", served, f"payload {size / 1024:.0f} KB (target p95 < 50 ms)")


if __name__ == "__main__":
    main()
