"""The indicator catalogue: our own data file describing every indicator and composite of the index."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "data" / "indicators.csv"

COMPOSITES = ("criminality", "criminal-markets", "criminal-actors", "resilience")

# Which composite is the mean of which component's indicators (criminality is the mean of the two others).
COMPOSITE_OF_COMPONENT = {
    "criminal markets": "criminal-markets",
    "criminal actors": "criminal-actors",
    "resilience": "resilience",
}


def slugify(label: str) -> str:
    """The official label lower-cased, runs of non-alphanumerics turned into '-'."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def column_slug(column: str) -> str:
    """Slug of a workbook column, harmonising the composites' edition-specific names.

    2021 says 'Criminality', 2023 'Criminality avg,' and later releases 'Criminality avg.': all are 'criminality'.
    """
    return re.sub(r"-avg$", "", slugify(column))


@dataclass(frozen=True)
class Indicator:
    slug: str
    label: str
    pillar: str
    component: str
    group: str
    since: int
    definition: str
    # Words and phrases that show a passage speaks of this indicator, ';'-separated; '*' stands for any
    # letters, '?' makes the letter before it optional, and a space also matches a hyphen; a term written
    # '~migrants' counts only inside a GI-TOC section (see ocindex/narratives/linking.py).
    terms: str = ""

    @property
    def is_composite(self) -> bool:
        return self.slug in COMPOSITES


class Catalogue:
    def __init__(self, indicators: list[Indicator]):
        self.indicators = indicators
        self._by_slug = {i.slug: i for i in indicators}

    @classmethod
    def load(cls, path: Path = CATALOGUE_PATH) -> "Catalogue":
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        return cls([Indicator(**{**row, "since": int(row["since"])}) for row in rows])

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def __getitem__(self, slug: str) -> Indicator:
        return self._by_slug[slug]

    def get(self, slug: str) -> Indicator | None:
        return self._by_slug.get(slug)

    def __iter__(self):
        return iter(self.indicators)

    def in_edition(self, edition: int) -> list[Indicator]:
        """Indicators the methodology includes from this edition on, in catalogue order."""
        return [i for i in self.indicators if i.since <= edition]

    def parts_of(self, composite: str, edition: int) -> list[Indicator]:
        """The indicators whose mean is the given composite in the given edition (criminality excepted)."""
        return [
            i
            for i in self.in_edition(edition)
            if not i.is_composite and COMPOSITE_OF_COMPONENT[i.component] == composite
        ]

    @cached_property
    def groups(self) -> dict[str, list[str]]:
        """Thematic groups (People, Trade, ... Civil society and social protection) and their indicator slugs."""
        groups: dict[str, list[str]] = {}
        for indicator in self.indicators:
            if indicator.group:
                groups.setdefault(indicator.group, []).append(indicator.slug)
        return groups
