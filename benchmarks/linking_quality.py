"""Precision and recall of narrative linking: `python benchmarks/linking_quality.py`.

Two labelled sets: the seed documents about Peru (../shared/seeds, labels in tests/narrative_labels.py) and the
evaluation set in benchmarks/narrative_eval/ (summaries written for this purpose, labelled by hand sentence by
sentence), reported separately for GI-TOC-profile-style texts and other texts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocindex.catalogue import Catalogue  # noqa: E402
from ocindex.narratives.cleaning import sentences  # noqa: E402
from ocindex.narratives.linking import Linker  # noqa: E402
from ocindex.narratives.quality import Score, groups, parse_labelled, score  # noqa: E402
from tests.narrative_labels import LABELS  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
EVAL_DIR = ROOT / "benchmarks" / "narrative_eval"


def line(name: str, result: Score) -> str:
    return (f"{name:<34} precision {result.precision:.3f}  recall {result.recall:.3f}  "
            f"({result.true_positives} right of {result.predicted} links; {result.expected} expected)")


def evaluation_set(linker: Linker, catalogue: Catalogue) -> dict[str, tuple[str, list, dict[int, set[str]]]]:
    """name -> (kind, links, labels by sentence index) for every text of the evaluation set; kind is 'gitoc' or
    'other', or 'held-out' for texts written after the vocabulary was tuned (never tuned on)."""
    meta = json.loads((EVAL_DIR / "labels.json").read_text(encoding="utf-8"))
    result = {}
    for name, about in meta.items():
        plain, labelled = parse_labelled((EVAL_DIR / name).read_text(encoding="utf-8"))
        found = sentences(plain)
        if [s.text for s in found] != [text for text, _ in labelled]:
            raise SystemExit(f"{name}: the text splits into sentences other than the labelled ones")
        unknown = {slug for _, slugs in labelled for slug in slugs if slug not in catalogue}
        if unknown:
            raise SystemExit(f"{name}: unknown indicators {sorted(unknown)}")
        links = linker.link(found, country=about["country"])
        kind = "held-out" if about.get("held_out") else about["kind"]
        result[name] = (kind, links, {n: slugs for n, (_, slugs) in enumerate(labelled)})
    return result


def main() -> None:
    catalogue = Catalogue.load()
    linker = Linker(catalogue)
    print("Seed documents (Peru):")
    for seed, labels in LABELS.items():
        links = linker.link(sentences((SEEDS / seed).read_text(encoding="utf-8")), country="PER")
        print("  " + line(seed, score(links, labels)))
    print("Evaluation set (benchmarks/narrative_eval):")
    totals: dict[str, Score] = {}
    by_group: dict[str, Score] = {}
    for name, (kind, links, labels) in evaluation_set(linker, catalogue).items():
        result = score(links, labels)
        print(f"  [{kind}] " + line(name, result))
        totals[kind] = totals.get(kind, Score(0, 0, 0)) + result
        for group, members in groups(catalogue).items():
            by_group[group] = by_group.get(group, Score(0, 0, 0)) + score(links, labels, members)
    for kind, label in (("gitoc", "GI-TOC-profile-style texts"), ("other", "other texts"),
                        ("held-out", "held-out texts")):
        if kind in totals:
            print("  " + line(f"ALL {label}", totals[kind]))
    print("  by indicator group (both kinds):")
    for group, result in by_group.items():
        print("    " + line(group, result))


if __name__ == "__main__":
    main()
