"""Like-for-like change: a composite's change between two editions on the indicators both editions assess.

The 2023 edition added five criminal markets and one actor type, so the published change in criminality mixes
real change with a change of method. Splitting it: official change = like-for-like change (shared indicators,
recomputed in both editions) + method effect (what adding or dropping indicators did). These figures are ours,
computed from GI-TOC's indicator scores; they are not published by GI-TOC.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .catalogue import COMPOSITES
from .composites import COMPONENT_COMPOSITES, parts, recompute
from .index import IndexData
from .quadrant import positions
from .ranks import official_rank

# Which component composites a composite is built from.
COMPONENTS_OF = {"criminality": ("criminal-markets", "criminal-actors"), "criminal-markets": ("criminal-markets",),
                 "criminal-actors": ("criminal-actors",), "resilience": ("resilience",)}


@dataclass(frozen=True)
class Basis:
    """What two editions share: per component composite, the shared, added and removed indicators."""

    before: int
    after: int
    shared: dict[str, list[str]]
    added: dict[str, list[str]]
    removed: dict[str, list[str]]

    def indicators(self, kind: str, composite: str) -> list[str]:
        return [s for c in COMPONENTS_OF[composite] for s in getattr(self, kind)[c]]


def basis(data: IndexData, before: int, after: int) -> Basis:
    if before not in data.editions or after not in data.editions or before >= after:
        raise ValueError(f"editions must be two loaded editions, earlier first; got {before} and {after}")
    old, new = parts(data, before), parts(data, after)
    return Basis(before, after,
                 shared={c: [s for s in new[c] if s in old[c]] for c in COMPONENT_COMPOSITES},
                 added={c: [s for s in new[c] if s not in old[c]] for c in COMPONENT_COMPOSITES},
                 removed={c: [s for s in old[c] if s not in new[c]] for c in COMPONENT_COMPOSITES})


def direction(change: pd.Series) -> pd.Series:
    return pd.Series(np.select([change > 0, change < 0], ["rose", "fell"], "unchanged"), index=change.index)


def like_for_like(data: IndexData, composite: str, before: int, after: int) -> pd.DataFrame:
    """Per country in both editions: official and like-for-like scores and changes, the method effect, and
    whether the two readings disagree on the direction of change ('flips')."""
    return _like_for_like(data, composite, before, after).copy()


@lru_cache(maxsize=32)
def _like_for_like(data: IndexData, composite: str, before: int, after: int) -> pd.DataFrame:
    if composite not in COMPOSITES:
        raise ValueError(f"unknown composite {composite!r}; expected one of {', '.join(COMPOSITES)}")
    shared = basis(data, before, after).shared
    old, new = data.wide(before), data.wide(after)
    common = new.index.intersection(old.index)
    old, new = old.loc[common], new.loc[common]
    table = new[["country", "continent", "region"]].copy()
    table["official_before"], table["official_after"] = old[composite], new[composite]
    table["shared_before"] = recompute(old, shared)[composite]
    table["shared_after"] = recompute(new, shared)[composite]
    # Every term is published to two decimals, so each difference is too; rounding removes binary noise.
    table["official_change"] = (table["official_after"] - table["official_before"]).round(2)
    table["like_for_like_change"] = (table["shared_after"] - table["shared_before"]).round(2)
    table["method_effect"] = (table["official_change"] - table["like_for_like_change"]).round(2)
    table["official_direction"] = direction(table["official_change"])
    table["like_for_like_direction"] = direction(table["like_for_like_change"])
    table["flips"] = table["official_direction"] != table["like_for_like_direction"]
    return table.sort_values("country")


def flips(data: IndexData, composite: str, before: int, after: int) -> pd.DataFrame:
    table = like_for_like(data, composite, before, after)
    return table[table["flips"]]


def indicator_changes(data: IndexData, iso3: str, composite: str, before: int, after: int) -> pd.DataFrame:
    """The composite's indicators for one country: score in each edition and whether it is shared, added or
    removed (an indicator absent from an edition has no score there, shown as such, not as zero)."""
    found = basis(data, before, after)
    rows = []
    for kind in ("shared", "added", "removed"):
        for slug in found.indicators(kind, composite):
            rows.append({"indicator": slug, "label": data.catalogue[slug].label, "status": kind,
                         "before": data.wide(before).at[iso3, slug] if kind != "added" else np.nan,
                         "after": data.wide(after).at[iso3, slug] if kind != "removed" else np.nan})
    return pd.DataFrame(rows, columns=["indicator", "label", "status", "before", "after"])


def like_for_like_positions(data: IndexData, edition: int) -> pd.DataFrame:
    """positions() of an edition with criminality and resilience on the indicators it shares with the previous
    edition, ranked among themselves; change is the like-for-like change. The first edition is unchanged."""
    points = positions(data, edition)
    previous = data.previous_edition(edition)
    if previous is None:
        return points
    points = points.set_index("iso3")
    for composite in ("criminality", "resilience"):
        table = like_for_like(data, composite, previous, edition)
        # A country absent from the previous edition has nothing to compare with: its official score stands.
        points[composite] = table["shared_after"].reindex(points.index).fillna(points[composite])
        points[f"{composite}_change"] = table["like_for_like_change"].reindex(points.index)
        for level, by in (("global", None), ("continent", [points["continent"]]), ("region", [points["region"]])):
            points[f"{composite}_rank_{level}"] = official_rank(points[composite], by)
    return points.reset_index()
