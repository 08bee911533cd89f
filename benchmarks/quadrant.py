"""Server-side time of the quadrant callbacks and the figure's size: `python benchmarks/quadrant.py`."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from benchmarks.common import report, time_callback  # noqa: E402
from components import ids  # noqa: E402
from ocindex.settings import Settings  # noqa: E402
from tests import callbacks  # noqa: E402


def chart_body(outputs, edition, split, continents, country, labels, movement, scores="official"):
    """The chart asked of the server for a view (components/quadrant.py, update_chart): the view's key, presentation
    mode then the controls in the page's order (since None: the previous edition)."""
    key = [False, edition, split, continents, [], country, labels, movement, scores, None]
    return callbacks.body(outputs, [(ids.QUADRANT.ASK, "data", {"key": key, "drawn": None, "at": ["/", ""]})],
                          changed=f"{ids.QUADRANT.ASK}.data")



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10, help="calls per combination of parameters")
    args = parser.parse_args()
    app = create_app(Settings.from_env())
    editions = list(app.server.config["OCINDEX_STORE"].index.editions)
    client = app.server.test_client()
    client.get("/")  # first request initialises Dash's callback map
    outputs = callbacks.outputs_of(client, ids.QUADRANT.GRAPH, "figure")

    states = list(itertools.product(editions, ["gitoc", "mean", "median"], [[], ["Americas"]], [None, "PER"],
                                    [0, 10], [False, True], ["official", "like-for-like"]))
    samples, sizes = [], []
    for state in states:
        s, size = time_callback(client, chart_body(outputs, *state), args.repeat)
        samples += s
        sizes.append(size)
    report("quadrant chart callback (all control states)", samples,
           f"payload (the chart and every other edition's) {min(sizes) / 1024:.0f}-{max(sizes) / 1024:.0f} KB "
           "(targets: p95 < 50 ms, < 150 KB)")

    heaviest_view = chart_body(outputs, editions[-1], "gitoc", [], "PER", 20, True, "like-for-like")
    heaviest, size = time_callback(client, heaviest_view, args.repeat * 5)
    report("quadrant chart, like-for-like + movement + 20 labels", heaviest, f"payload {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
