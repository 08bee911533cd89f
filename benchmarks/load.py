"""Load-and-validate time of the workbook, all editions: `python benchmarks/load.py [--repeat N]`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import report  # noqa: E402
from ocindex.catalogue import Catalogue  # noqa: E402
from ocindex.datadir import find_data_dir  # noqa: E402
from ocindex.errors import WORKBOOK_NAME  # noqa: E402
from ocindex.index import load_index  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    path = find_data_dir(args.data_dir) / WORKBOOK_NAME
    catalogue = Catalogue.load()
    samples = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        data = load_index(path, catalogue)
        samples.append((time.perf_counter() - started) * 1000)
    report("load + validate + rank, all editions", samples,
           f"({len(data.editions)} editions, {len(data.tidy)} scores; target < 1000 ms)")


if __name__ == "__main__":
    main()
