"""Countries like this one: nearest neighbours in indicator space, and where a country sits in its peer groups.

Each indicator is standardised over the edition's countries (mean 0, standard deviation 1), so a market on which
countries differ little does not count for less than one on which they differ a lot. The distance between two
countries is the root mean square of their standardised differences: 0 for identical profiles, about 1.4 for two
countries drawn at random.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .index import IndexData

SCOPES = {
    "all": "All indicators",
    "criminal markets": "Criminal markets",
    "criminal actors": "Criminal actors",
    "resilience": "Resilience",
}
SHOWN_REASONS = 3


def indicator_slugs(data: IndexData, edition: int, scope: str) -> list[str]:
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
    return [i.slug for i in data.indicators(edition) if not i.is_composite and (scope == "all" or i.component == scope)]


def standardised(data: IndexData, edition: int, scope: str) -> pd.DataFrame:
    scores = data.wide(edition)[indicator_slugs(data, edition, scope)].astype(float)
    spread = scores.std(ddof=0).replace(0, np.nan)  # an indicator on which all countries agree tells nothing
    return ((scores - scores.mean()) / spread).dropna(axis=1, how="all")


@dataclass(frozen=True)
class Neighbour:
    iso3: str
    country: str
    distance: float
    alike: list[tuple[str, float, float]]  # (indicator, this country's score, the neighbour's score)
    apart: list[tuple[str, float, float]]


def nearest(data: IndexData, edition: int, iso3: str, scope: str = "all", n: int = 5) -> list[Neighbour]:
    """The n countries closest to iso3; equal distances in ISO3 order, so the answer never depends on row order."""
    z = standardised(data, edition, scope)
    scores = data.wide(edition)
    difference = z - z.loc[iso3]
    gaps = difference.abs()
    distance = np.sqrt((difference ** 2).mean(axis=1)).drop(iso3)
    order = pd.DataFrame({"distance": distance.round(12).to_numpy(), "iso3": distance.index.to_numpy()}).sort_values(
        ["distance", "iso3"])
    result = []
    for other in order["iso3"].head(n):
        gap = gaps.loc[other].sort_values(kind="stable")
        pick = [(s, float(scores.at[iso3, s]), float(scores.at[other, s])) for s in gap.index]
        result.append(Neighbour(other, scores.at[other, "country"], float(distance[other]),
                                alike=pick[:SHOWN_REASONS], apart=pick[::-1][:SHOWN_REASONS]))
    return result


def peer_standing(data: IndexData, edition: int, iso3: str, scope: str = "all") -> pd.DataFrame:
    """Per indicator: the country's score, and the median and the country's percentile in its region and its
    continent (percent of the group scoring lower, ties counted half)."""
    table = data.wide(edition)
    row = table.loc[iso3]
    records = []
    for slug in indicator_slugs(data, edition, scope):
        record = {"indicator": slug, "label": data.catalogue[slug].label, "score": row[slug]}
        for level in ("region", "continent"):
            group = table.loc[table[level] == row[level], slug]
            below, equal = (group < row[slug]).sum(), (group == row[slug]).sum() - 1  # not counting itself
            record[f"{level}_median"] = float(group.median())
            record[f"{level}_percentile"] = 100 * (below + equal / 2) / max(len(group) - 1, 1)
            record[f"{level}_size"] = len(group)
        records.append(record)
    return pd.DataFrame(records)
