"""GI-TOC's vulnerability classification: criminality (x) against resilience (y), split into four quadrants.

Results derived from an IndexData are cached (it is immutable); callers treat returned frames as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .index import IndexData

# GI-TOC splits at the scale midpoint, and a score of exactly 5.50 counts as high: only that rule reproduces
# the published counts of low criminality-high resilience countries (50 in 2021, 47 in 2023).
SCALE_MIDPOINT = 5.5
SPLIT_METHODS = {
    "gitoc": "GI-TOC (scale midpoint 5.50)",
    "mean": "Global mean of the edition",
    "median": "Global median of the edition",
}
DEFAULT_SPLIT = "gitoc"

# Each quadrant's level of criminality and of resilience, in the order used for display: best position first.
_LEVELS = (("Low", "high"), ("Low", "low"), ("High", "high"), ("High", "low"))
QUADRANTS = tuple(f"{crime} criminality – {resilience} resilience" for crime, resilience in _LEVELS)
LEVELS = dict(zip(QUADRANTS, _LEVELS))  # a quadrant's name -> its two levels


@dataclass(frozen=True)
class Split:
    method: str
    criminality: float
    resilience: float


def positions(data: IndexData, edition: int) -> pd.DataFrame:
    """One row per country: identity, both composites, their global/continent/region ranks and change."""
    return _positions(data, edition).copy()


@lru_cache(maxsize=32)
def _positions(data: IndexData, edition: int) -> pd.DataFrame:
    rows = data.edition_table(edition)
    rows = rows[rows["indicator"].isin(["criminality", "resilience"])]
    wide = rows.pivot(index="iso3", columns="indicator",
                      values=["score", "rank_global", "n_global", "rank_continent", "n_continent",
                              "rank_region", "n_region", "change"])
    wide.columns = [f"{indicator}_{field}" if field != "score" else indicator for field, indicator in wide.columns]
    whole_numbers = [c for c in wide.columns if "_rank_" in c or "_n_" in c]
    wide[whole_numbers] = wide[whole_numbers].astype("int64")
    identity = rows.drop_duplicates("iso3").set_index("iso3")[["country", "continent", "region"]]
    return identity.join(wide).reset_index().sort_values("country", ignore_index=True)


def split_for(points: pd.DataFrame, method: str) -> Split:
    """Where the dividers go: GI-TOC's midpoint, or the mean or median of all countries of the edition."""
    if method == "gitoc":
        return Split(method, SCALE_MIDPOINT, SCALE_MIDPOINT)
    if method == "mean":
        return Split(method, float(points["criminality"].mean()), float(points["resilience"].mean()))
    if method == "median":
        return Split(method, float(points["criminality"].median()), float(points["resilience"].median()))
    raise ValueError(f"unknown split method {method!r}; expected one of {', '.join(SPLIT_METHODS)}")


def classify(criminality: pd.Series, resilience: pd.Series, split: Split) -> pd.Series:
    """The quadrant of each country; a score equal to the split counts as high."""
    high_crime = criminality.round(2) >= round(split.criminality, 2)
    high_resilience = resilience.round(2) >= round(split.resilience, 2)
    labels = np.select(
        [~high_crime & high_resilience, ~high_crime & ~high_resilience, high_crime & high_resilience],
        QUADRANTS[:3],
        default=QUADRANTS[3],
    )
    return pd.Series(labels, index=criminality.index)


def counts(quadrants: pd.Series) -> dict[str, int]:
    return {q: int((quadrants == q).sum()) for q in QUADRANTS}


def earlier_editions(data: IndexData, edition: int) -> tuple[int, ...]:
    """The editions a change to this one can be read from, most recent first."""
    return tuple(e for e in reversed(data.editions) if e < edition)


def change_since(data: IndexData, edition: int, since: int) -> pd.DataFrame:
    """positions() of the edition whose change columns hold the change since the given earlier edition
    (countries absent then have none)."""
    points = positions(data, edition)
    if since == data.previous_edition(edition):
        return points
    then = positions(data, since).set_index("iso3")
    for composite in ("criminality", "resilience"):
        # Both scores are published to two decimals, so their difference is too once binary noise is rounded off.
        points[f"{composite}_change"] = (points[composite] - points["iso3"].map(then[composite])).round(2)
    return points


@lru_cache(maxsize=64)
def movers(data: IndexData, edition: int, n: int = 5, since: int | None = None) -> dict[str, pd.DataFrame]:
    """The n largest rises and falls in criminality and resilience since an earlier edition (the previous one
    unless given), with any country tied with the nth (leading())."""
    since = since or data.previous_edition(edition)
    points = positions(data, edition) if since is None else change_since(data, edition, since)
    result = {}
    for composite in ("criminality", "resilience"):
        change = points.dropna(subset=[f"{composite}_change"])
        for direction, ascending in (("up", False), ("down", True)):
            moved = change[change[f"{composite}_change"] != 0].sort_values(
                [f"{composite}_change", "country"], ascending=[ascending, True])
            result[f"{composite}_{direction}"] = leading(moved, f"{composite}_change", n)[
                ["iso3", "country", composite, f"{composite}_change"]]
    return result


def leading(ranked: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    """The first n rows of a ranked frame and those after them tied with the nth on `column`: a list cut at n
    never drops one of two countries that moved alike."""
    if len(ranked) <= n:
        return ranked
    values = ranked[column].to_numpy()
    return ranked[(np.arange(len(ranked)) < n) | (values == values[n - 1])]


@lru_cache(maxsize=64)
def quadrant_changes(data: IndexData, edition: int, method: str, since: int | None = None) -> pd.DataFrame:
    """Countries whose quadrant differs from an earlier edition's (the previous one unless given), each edition
    split by the same method."""
    since = since or data.previous_edition(edition)
    columns = ["iso3", "country", "before", "after"]
    if since is None:
        return pd.DataFrame(columns=columns)
    now, before = (_with_quadrant(data, e, method) for e in (edition, since))
    joined = now.merge(before[["iso3", "quadrant"]], on="iso3", suffixes=("", "_before"))
    moved = joined[joined["quadrant"] != joined["quadrant_before"]]
    moved = moved.rename(columns={"quadrant_before": "before", "quadrant": "after"})
    return moved[columns].sort_values("country", ignore_index=True)


def _with_quadrant(data: IndexData, edition: int, method: str) -> pd.DataFrame:
    points = positions(data, edition)
    return points.assign(quadrant=classify(points["criminality"], points["resilience"], split_for(points, method)))


def paths(data: IndexData, edition: int, iso3s: list[str], latest: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each country's position in every edition up to the chosen one, oldest first. With `latest` (points of the
    chosen edition placed otherwise, e.g. like for like), each path ends where those place the country."""
    frames = [_positions(data, e).assign(edition=e) for e in data.editions if e <= edition]
    table = pd.concat(frames, ignore_index=True)
    table = table[table["iso3"].isin(iso3s)]
    table = table[["iso3", "country", "edition", "criminality", "resilience"]].sort_values(
        ["iso3", "edition"], ignore_index=True)
    if latest is not None:
        now = latest.set_index("iso3")
        last = table["edition"] == edition
        for composite in ("criminality", "resilience"):
            table.loc[last, composite] = table.loc[last, "iso3"].map(now[composite]).to_numpy()
    return table


SHORT_NAMES = {name: f"{crime.lower()} criminality · {resilience} resilience" for name, (crime, resilience) in LEVELS.items()}


def placed(data: IndexData, edition: int, method: str = DEFAULT_SPLIT, continents: tuple[str, ...] = (),
           regions: tuple[str, ...] = (), points: pd.DataFrame | None = None) -> tuple[pd.DataFrame, Split]:
    """positions() (or other points of the same form) with each country's quadrant, and 'highlighted': inside
    the continent and region filters."""
    points = positions(data, edition) if points is None else points
    split = split_for(points, method)
    highlighted = True
    if continents:
        highlighted = points["continent"].isin(continents)
    if regions:
        highlighted = highlighted & points["region"].isin(regions)
    return points.assign(quadrant=classify(points["criminality"], points["resilience"], split),
                         highlighted=highlighted), split


NEAR_DIVIDER = 0.25  # a score this close to a divider gets a note of which side it falls on


def divider_note(score: float, divider: float) -> str | None:
    """'0.04 below the 5.50 split' for a score near a divider, None otherwise. Both are taken at two decimals, as
    classify() takes them, so the note always agrees with the quadrant."""
    gap = round(round(score, 2) - round(divider, 2), 2)
    if abs(gap) >= NEAR_DIVIDER:
        return None
    if gap == 0:
        return f"exactly on the {divider:.2f} split (counts as high)"
    return f"{abs(gap):.2f} {'above' if gap > 0 else 'below'} the {divider:.2f} split"
