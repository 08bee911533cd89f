"""Precision and recall of sentence-to-indicator links against a labelled set."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue import Catalogue
from .linking import Link


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def score(links: list[Link], labels: dict[int, set[str]], only: set[str] | None = None) -> Score:
    """Compare predicted (sentence, indicator) pairs with the labelled ones, optionally for some indicators."""
    predicted = {(link.sentence.index, link.indicator) for link in links}
    expected = {(index, slug) for index, slugs in labels.items() for slug in slugs}
    if only is not None:
        predicted = {p for p in predicted if p[1] in only}
        expected = {e for e in expected if e[1] in only}
    return Score(len(predicted & expected), len(predicted), len(expected))


def groups(catalogue: Catalogue) -> dict[str, set[str]]:
    """Indicator groups to report on: the thematic groups plus the criminal actors."""
    result = {group: set(members) for group, members in catalogue.groups.items()}
    result["Criminal actors"] = {i.slug for i in catalogue if i.component == "criminal actors" and not i.is_composite}
    return result
