"""Precision and recall of sentence-to-indicator links against a labelled set."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalogue import Catalogue
from .linking import Link

# A labelled evaluation text ends each sentence with the indicators it speaks of: "... ports. {cocaine-trade}".
_LABEL = re.compile(r"\s*\{([^{}]*)\}")


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

    def __add__(self, other: "Score") -> "Score":
        return Score(self.true_positives + other.true_positives, self.predicted + other.predicted,
                     self.expected + other.expected)


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


def parse_labelled(annotated: str) -> tuple[str, list[tuple[str, set[str]]]]:
    """The plain text of a labelled evaluation text, and its sentences with their labels in order.

    Lines without a label are headings; a labelled line holds one or more sentences, each followed by its label."""
    plain_lines, labelled = [], []
    for line in annotated.splitlines():
        pieces = _LABEL.split(line)
        if len(pieces) == 1:
            plain_lines.append(line)
            continue
        # split() alternates text and label: [text, label, text, label, ..., rest]
        for text, label in zip(pieces[0::2], pieces[1::2]):
            labelled.append((" ".join(text.split()), {s.strip() for s in label.split(",") if s.strip()}))
        plain_lines.append(_LABEL.sub("", line))
    return "\n".join(plain_lines) + "\n", labelled
