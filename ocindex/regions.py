"""Regions and continents ranked by the mean of their countries' scores, on any composite or indicator.

GI-TOC scores countries; these averages are ours: the plain mean of the member countries' published scores,
shown to two decimals and ranked the way GI-TOC ranks countries (higher first, ties share the best place).
Region names and membership differ between editions (one edition merges the Caribbean and Central America), so
a change since the previous edition is given only for a group of the same name and the same member countries.

Results derived from an IndexData are cached (it is immutable); callers treat returned frames as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .index import IndexData
from .ranks import official_rank

LEVELS = {"region": "regions", "continent": "continents"}
OURS = ("Averages are ours: the mean of the member countries' GI-TOC scores, not figures GI-TOC publishes. "
        "Ranks: higher average first, ties share a place.")


@dataclass(frozen=True)
class Standing:
    group: str
    level: str
    score: float
    rank: int
    size: int  # number of groups ranked


def _check(data: IndexData, edition: int, indicator: str, level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    if edition not in data.editions:
        raise ValueError(f"edition {edition} is not loaded")
    if not data.assesses(edition, indicator):
        raise ValueError(f"{indicator!r} is not assessed in {edition}")


def ranking(data: IndexData, edition: int, indicator: str, level: str) -> pd.DataFrame:
    """One row per region (or continent), best rank first: group, score (the two-decimal average), rank, size,
    countries, members (names, highest score first), previous (the average in the previous edition), change and
    note (why there is no change, else empty)."""
    _check(data, edition, indicator, level)
    return _ranking(data, edition, indicator, level).copy()


def standing(data: IndexData, edition: int, iso3: str, indicator: str, level: str = "region") -> Standing:
    """Where a country's region (or continent) stands among all of them on one indicator."""
    _check(data, edition, indicator, level)
    group = data.wide(edition).loc[iso3, level]
    row = _ranking(data, edition, indicator, level).set_index("group").loc[group]
    return Standing(group, level, float(row["score"]), int(row["rank"]), int(row["size"]))


def averages(data: IndexData, edition: int, level: str) -> pd.DataFrame:
    """Every composite and indicator of the edition (columns, catalogue order) by group (rows), two decimals."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    return _means(data, edition, level).copy()


@lru_cache(maxsize=16)
def _means(data: IndexData, edition: int, level: str) -> pd.DataFrame:
    wide = data.wide(edition)
    slugs = [i.slug for i in data.indicators(edition)]
    # Half-up on the exact mean, as published scores are rounded; the small offset absorbs binary noise.
    return wide.groupby(level)[slugs].mean().map(lambda v: _half_up(v))


def _half_up(value: float) -> float:
    return float(int(value * 100 + 0.5 + 1e-9)) / 100


@lru_cache(maxsize=256)
def _ranking(data: IndexData, edition: int, indicator: str, level: str) -> pd.DataFrame:
    wide = data.wide(edition)
    means = _means(data, edition, level)[indicator]
    table = pd.DataFrame({"group": means.index, "score": means.to_numpy()})
    table["rank"] = official_rank(table["score"]).to_numpy()
    table["size"] = len(table)
    ordered = wide.sort_values([indicator, "country"], ascending=[False, True])
    members = ordered.groupby(level)["country"].agg(tuple)
    table["countries"] = table["group"].map(members.map(len))
    table["members"] = table["group"].map(members)
    previous_edition = data.previous_edition(edition)
    before, note = _previous(data, edition, previous_edition, indicator, level)
    table["previous"] = [before.get(g, float("nan")) for g in table["group"]]
    table["note"] = table["group"].map(note)
    table["change"] = (table["score"] - table["previous"]).round(2)  # NaN where not comparable
    return table.sort_values(["rank", "group"], ignore_index=True)


def _previous(data: IndexData, edition: int, previous: int | None, indicator: str, level: str):
    """The previous edition's average of each comparable group, and for each group why it has none."""
    if previous is None:
        return {}, lambda _group: "first edition loaded"
    if not data.assesses(previous, indicator):
        return {}, lambda _group: f"not assessed in {previous}"
    now, then = data.wide(edition), data.wide(previous)
    members_now = now.groupby(level).apply(lambda g: frozenset(g.index), include_groups=False)
    members_then = then.groupby(level).apply(lambda g: frozenset(g.index), include_groups=False)
    means = _means(data, previous, level)[indicator]
    comparable = {g: float(means[g]) for g in members_now.index
                  if g in members_then.index and members_now[g] == members_then[g]}

    def note(group: str) -> str:
        if group in comparable:
            return ""
        if group not in members_then.index:
            return f"no {level} of this name in {previous}"
        return f"member countries differ from {previous}"
    return comparable, note
