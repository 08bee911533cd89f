"""Like-for-like change: a composite's change between two editions on the indicators both editions assess.

An edition that adds indicators (2023 added five criminal markets and one actor type) makes the published change
in criminality mix real change with a change of method; between editions that assess the same indicators the
two coincide. Splitting it: official change = like-for-like change (shared indicators,
recomputed in both editions) + method effect (what adding or dropping indicators did). These figures are ours,
computed from GI-TOC's indicator scores; they are not published by GI-TOC.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from . import quadrant
from .catalogue import COMPOSITES
from .composites import COMPONENT_COMPOSITES, parts, recompute
from .index import IndexData
from .quadrant import DEFAULT_SPLIT, Split, positions
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

    @property
    def identical(self) -> bool:
        """Both editions assess the same indicators: official and like-for-like change coincide."""
        return not any(self.added.values()) and not any(self.removed.values())

    def summary(self, catalogue) -> str:
        """What differs between the two editions' indicators, in words."""
        if self.identical:
            return (f"{self.before} and {self.after} assess the same indicators, so like-for-like change equals "
                    f"GI-TOC's published change.")
        parts = []
        for kind, verb in (("added", "added"), ("removed", "dropped")):
            slugs = [s for c in COMPONENT_COMPOSITES for s in getattr(self, kind)[c]]
            if slugs:
                parts.append(f"{verb} {len(slugs)} indicators ({', '.join(catalogue[s].label for s in slugs)})")
        return f"Between {self.before} and {self.after} the index {' and '.join(parts)}."


def basis(data: IndexData, before: int, after: int) -> Basis:
    if before not in data.editions or after not in data.editions or before >= after:
        raise ValueError(f"editions must be two loaded editions, earlier first; got {before} and {after}")
    old, new = parts(data, before), parts(data, after)
    return Basis(before, after,
                 shared={c: [s for s in new[c] if s in old[c]] for c in COMPONENT_COMPOSITES},
                 added={c: [s for s in new[c] if s not in old[c]] for c in COMPONENT_COMPOSITES},
                 removed={c: [s for s in old[c] if s not in new[c]] for c in COMPONENT_COMPOSITES})


def pairs(data: IndexData) -> list[tuple[int, int]]:
    """Every pair of loaded editions, earlier first; the most recent pairs first."""
    return sorted(((b, a) for a in data.editions for b in data.editions if b < a), key=lambda p: (-p[1], -p[0]))


def default_pair(data: IndexData) -> tuple[int, int]:
    """The most recent pair of editions whose indicators differ (where there is something to split), else the
    most recent pair. Needs two editions."""
    found = pairs(data)
    return next((p for p in found if not basis(data, *p).identical), found[0])


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


def like_for_like_positions(data: IndexData, edition: int, since: int | None = None) -> pd.DataFrame:
    """positions() of an edition with criminality and resilience on the indicators it shares with an earlier
    edition (the previous one unless given), ranked among themselves; change is the like-for-like change since
    then. The first edition is unchanged."""
    points = positions(data, edition)
    since = since or data.previous_edition(edition)
    if since is None:
        return points
    points = points.set_index("iso3")
    for composite in ("criminality", "resilience"):
        table = like_for_like(data, composite, since, edition)
        # A country absent from the earlier edition has nothing to compare with: its official score stands.
        points[composite] = table["shared_after"].reindex(points.index).fillna(points[composite])
        points[f"{composite}_change"] = table["like_for_like_change"].reindex(points.index)
        for level, by in (("global", None), ("continent", [points["continent"]]), ("region", [points["region"]])):
            points[f"{composite}_rank_{level}"] = official_rank(points[composite], by)
    return points.reset_index()


def placed(data: IndexData, edition: int, method: str = DEFAULT_SPLIT, continents: tuple[str, ...] = (),
           regions: tuple[str, ...] = (), like_for_like: bool = False,
           since: int | None = None) -> tuple[pd.DataFrame, Split]:
    """quadrant.placed() with GI-TOC's published positions or, with like_for_like, the positions on the indicators
    the edition shares with an earlier one (the previous one unless given)."""
    points = like_for_like_positions(data, edition, since) if like_for_like else None
    return quadrant.placed(data, edition, method, continents, regions, points)
