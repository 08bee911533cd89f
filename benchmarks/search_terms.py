"""Worst-case search time: hostile terms (the issue-12 attack links and random wildcard mixes) against the shared
profiles plus a document of long letter and hyphen runs, where a backtracking pattern would take minutes.

    python benchmarks/search_terms.py [--random 500]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, report  # noqa: E402
from ocindex.catalogue import Catalogue  # noqa: E402
from ocindex.index import load_index  # noqa: E402
from ocindex.narratives.library import Narratives  # noqa: E402
from ocindex.narratives.query import SearchTermError  # noqa: E402

HOSTILE_TEXT = ("Illicit gold mining is " + "a" * 3000 + " and " + "a-" * 1500 + "q. Exports of timber rose. "
                "Mafia-style groups control the ports and the gold-mining camps.\n")
ATTACKS = ["a" + "*" * 97 + "qz", "a*a*a*a*qz", "a* a* a* a-q", "gold???", "(a+)+$", "gold mining", "traffick*"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=500, help="random terms over a hostile alphabet")
    args = parser.parse_args()
    shared = ROOT.parent / "shared"
    index = load_index(shared / "data" / "global_oc_index.xlsx", Catalogue.load())
    with tempfile.TemporaryDirectory() as folder:
        profiles = Path(folder) / "profiles"
        shutil.copytree(shared / "data" / "profiles", profiles)
        (profiles / "PER-2021-hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
        narratives = Narratives.load(Path(folder), index)
        print(f"{len(narratives.documents)} documents, "
              f"{sum(len(p.sentences) for d in narratives.documents for p in d.paragraphs)} sentences")
        generator = random.Random(12)
        terms = ATTACKS + ["".join(generator.choice("aqz *-?+()[]\\.") for _ in range(generator.randint(2, 100)))
                           for _ in range(args.random)]
        samples, refused = [], 0
        for term in terms:
            started = time.perf_counter()
            try:
                narratives.search(term)
            except SearchTermError:
                refused += 1
            samples.append((time.perf_counter() - started) * 1000)
        report("search, attack and random terms", samples, f"({refused} refused with a reason)")
        for term, ms in zip(ATTACKS, samples):
            print(f"  {term[:40]!r:<44} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
