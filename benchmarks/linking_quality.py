"""Precision and recall of narrative linking on the labelled seeds: `python benchmarks/linking_quality.py`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocindex.catalogue import Catalogue  # noqa: E402
from ocindex.narratives.cleaning import sentences  # noqa: E402
from ocindex.narratives.linking import Linker  # noqa: E402
from ocindex.narratives.quality import groups, score  # noqa: E402
from tests.narrative_labels import LABELS  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    catalogue = Catalogue.load()
    linker = Linker(catalogue)
    for seed, labels in LABELS.items():
        links = linker.link(sentences((SEEDS / seed).read_text(encoding="utf-8")))
        overall = score(links, labels)
        print(f"{seed}: precision {overall.precision:.3f}  recall {overall.recall:.3f}  "
              f"({overall.true_positives} right of {overall.predicted} links; {overall.expected} expected)")
        for group, members in groups(catalogue).items():
            part = score(links, labels, members)
            if part.expected or part.predicted:
                print(f"    {group:<38} precision {part.precision:.2f}  recall {part.recall:.2f}  "
                      f"(n expected {part.expected})")


if __name__ == "__main__":
    main()
