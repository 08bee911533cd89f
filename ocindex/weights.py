"""What-if weights: the composites and ranks recomputed with a weight per indicator group.

The groups are the index's thematic groups of criminal markets (people, trade, environment, drugs, cyber crimes,
financial crimes) and of resilience (four building blocks), and each type of criminal actor. A group's weight
multiplies each of its indicators in the mean of its component. Every weight 1 is GI-TOC's own weighting and gives
its published composites and ranks exactly. These are our figures, never GI-TOC's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .catalogue import COMPOSITES, slugify
from .composites import parts, recompute
from .index import IndexData
from .ranks import official_rank

GITOC_WEIGHT = 1.0
LOWEST, HIGHEST, STEP = 0.0, 3.0, 0.5


@dataclass(frozen=True)
class WeightGroup:
    key: str
    label: str
    component: str
    indicators: tuple[str, ...]


def weight_groups(data: IndexData, edition: int) -> list[WeightGroup]:
    members = {s for slugs in parts(data, edition).values() for s in slugs}
    groups: dict[str, WeightGroup] = {}
    for indicator in data.catalogue:
        if indicator.slug not in members:
            continue
        # Actor types have no thematic group: each is a group of its own.
        label = indicator.group or indicator.label
        key = slugify(label)
        found = groups.get(key)
        groups[key] = WeightGroup(key, label, indicator.component,
                                  (found.indicators if found else ()) + (indicator.slug,))
    return list(groups.values())


def parse_weights(text: str | None, groups: list[WeightGroup]) -> tuple[dict[str, float], list[str]]:
    """'people:2,drugs:0.5' → weights by group key; every part that does not fit is named in a problem."""
    known = {g.key for g in groups}
    weights, problems = {}, []
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, _, value = part.partition(":")
        key = key.strip()
        try:
            number = float(value)
        except ValueError:
            problems.append(f"'{part}': the weight must be a number, such as {key}:2.")
            continue
        if key not in known:
            problems.append(f"'{part}': no group '{key}'. Groups: {', '.join(sorted(known))}.")
        elif not LOWEST <= number <= HIGHEST:
            problems.append(f"'{part}': weights go from {LOWEST:g} to {HIGHEST:g}.")
        else:
            weights[key] = number
    return weights, problems


def weights_text(weights: dict[str, float]) -> str:
    """The URL form of the weights that differ from GI-TOC's."""
    return ",".join(f"{k}:{v:g}" for k, v in sorted(weights.items()) if v != GITOC_WEIGHT)


def what_if(data: IndexData, edition: int, weights: dict[str, float]) -> pd.DataFrame:
    """Per country, for each composite: GI-TOC's score and rank, and the score and rank under these weights.
    Raises ValueError when a component has no weight left (every one of its groups at 0)."""
    return _what_if(data, edition, tuple(sorted(weights.items()))).copy()


@lru_cache(maxsize=256)
def _what_if(data: IndexData, edition: int, weights: tuple[tuple[str, float], ...]) -> pd.DataFrame:
    by_group = dict(weights)
    per_indicator = {s: by_group.get(g.key, GITOC_WEIGHT) for g in weight_groups(data, edition) for s in g.indicators}
    wide = data.wide(edition)
    custom = recompute(wide, parts(data, edition), per_indicator)
    table = wide[["country", "continent", "region"]].copy()
    for composite in COMPOSITES:
        table[f"{composite}_official"] = wide[composite]
        table[f"{composite}_official_rank"] = official_rank(wide[composite])
        table[f"{composite}_custom"] = custom[composite]
        table[f"{composite}_custom_rank"] = official_rank(custom[composite])
        # Positive: the country moves up the ranking (towards 1st) under the custom weights.
        table[f"{composite}_rank_change"] = table[f"{composite}_official_rank"] - table[f"{composite}_custom_rank"]
    return table
