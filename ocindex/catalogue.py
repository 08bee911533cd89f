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
    # False for an indicator a later edition's sheet brought that data/indicators.csv does not describe yet.
    catalogued: bool = True

    @property
    def is_composite(self) -> bool:
        return self.slug in COMPOSITES


NO_DEFINITION = "No definition yet: this indicator is not in the catalogue (data/indicators.csv)."


def uncatalogued(label: str, component: str, edition: int) -> Indicator:
    """An indicator known only from a workbook column: its label, a slug, the component its column stands in."""
    pillar = "resilience" if component == "resilience" else "criminality"
    return Indicator(slug=column_slug(label), label=label, pillar=pillar, component=component, group="",
                     since=edition, definition=NO_DEFINITION, catalogued=False)


def uncatalogued_warning(indicator: Indicator) -> str:
    """What `ocindex check` and /healthz say about an indicator the catalogue does not describe yet."""
    return (f"indicator '{indicator.label}' ({indicator.slug}, {indicator.component}, from {indicator.since}) has "
            f"no definition in the catalogue yet; add a row for it to data/indicators.csv")


class Catalogue:
    def __init__(self, indicators: list[Indicator]):
        self.indicators = indicators
        self._by_slug = {i.slug: i for i in indicators}

    @classmethod
    def load(cls, path: Path = CATALOGUE_PATH) -> "Catalogue":
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        return cls([Indicator(**{**row, "since": int(row["since"])}) for row in rows])

    def with_new(self, new: list[Indicator]) -> "Catalogue":
        """This catalogue plus indicators it does not describe, each after the last one of its component."""
        indicators = list(self.indicators)
        for indicator in new:
            if indicator.slug in self._by_slug or any(i.slug == indicator.slug for i in indicators):
                continue
            place = max(n for n, i in enumerate(indicators) if i.component == indicator.component) + 1
            indicators.insert(place, indicator)
        return Catalogue(indicators)

    @property
    def uncatalogued(self) -> list[Indicator]:
        """Indicators loaded from the workbook that data/indicators.csv does not describe yet."""
        return [i for i in self.indicators if not i.catalogued]

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
