"""Queries behind the drill-downs: one indicator across countries, a pillar's indicators, one country.

Results derived from an IndexData are cached (it is immutable); callers treat returned frames as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .catalogue import COMPOSITES, Indicator, slugify
from .index import IndexData

HIGH_SCORE = 8.0  # "how many countries score 8 or more"
PILLAR_COMPONENTS = {"criminal-markets": "criminal markets", "criminal-actors": "criminal actors",
                     "resilience": "resilience"}


@dataclass(frozen=True)
class Pillar:
    slug: str
    label: str
    composite: str  # the composite its indicators feed
    members: tuple[str, ...]  # indicator slugs, all editions


def pillars(data: IndexData) -> dict[str, Pillar]:
    """The three components and the thematic groups (People ... Civil society and social protection)."""
    catalogue = data.catalogue
    result = {}
    for slug, component in PILLAR_COMPONENTS.items():
        members = tuple(i.slug for i in catalogue if i.component == component and not i.is_composite)
        result[slug] = Pillar(slug, catalogue[slug].label, slug, members)
    for group, members in catalogue.groups.items():
        composite = "resilience" if catalogue[members[0]].pillar == "resilience" else "criminal-markets"
        result[slugify(group)] = Pillar(slugify(group), group, composite, tuple(members))
    return result


@lru_cache(maxsize=128)
def ranked(data: IndexData, edition: int, indicator: str) -> pd.DataFrame:
    """Every country's score on one indicator, best rank first (ties by name), with ranks and change."""
    rows = data.edition_table(edition)
    rows = rows[rows["indicator"] == indicator]
    return rows.sort_values(["rank_global", "country"], ignore_index=True)


def summary(data: IndexData, edition: int, indicator: str) -> dict[str, float]:
    scores = ranked(data, edition, indicator)["score"]
    return {"countries": int(scores.count()), "mean": float(scores.mean()), "median": float(scores.median()),
            "high": int((scores.round(2) >= HIGH_SCORE).sum())}


def group_means(data: IndexData, edition: int) -> dict[str, pd.DataFrame]:
    """Mean score of every indicator: globally (index 'world'), per continent and per region."""
    return _group_means(data, edition)


@lru_cache(maxsize=16)
def _group_means(data: IndexData, edition: int) -> dict[str, pd.DataFrame]:
    rows = data.edition_table(edition)
    return {
        "global": rows.groupby("indicator")["score"].mean().to_frame("world").T,
        "continent": rows.pivot_table(index="continent", columns="indicator", values="score", aggfunc="mean"),
        "region": rows.pivot_table(index="region", columns="indicator", values="score", aggfunc="mean"),
    }


def country_profile(data: IndexData, edition: int, iso3: str) -> pd.DataFrame:
    """Every indicator of the edition for one country, with its ranks, change and the three averages."""
    rows = data.edition_table(edition)
    mine = rows[rows["iso3"] == iso3].copy()
    if mine.empty:
        raise KeyError(f"{iso3} is not in the {edition} edition")
    means = group_means(data, edition)
    continent, region = mine["continent"].iloc[0], mine["region"].iloc[0]
    mine["mean_global"] = mine["indicator"].map(means["global"].loc["world"])
    mine["mean_continent"] = mine["indicator"].map(means["continent"].loc[continent])
    mine["mean_region"] = mine["indicator"].map(means["region"].loc[region])
    previous = data.previous_edition(edition)
    existed = set() if previous is None else {i.slug for i in data.indicators(previous)}
    mine["is_new"] = ~mine["indicator"].isin(existed) if previous is not None else False
    return mine.reset_index(drop=True)


def country_path(data: IndexData, iso3: str, indicators: tuple[str, ...] = COMPOSITES) -> pd.DataFrame:
    """The country's scores on the given indicators (default the four composites) in every edition that assesses
    them, in the order given, with global ranks and the change of each since the edition before."""
    rows = data.tidy[(data.tidy["iso3"] == iso3) & data.tidy["indicator"].isin(indicators)]
    order = {slug: n for n, slug in enumerate(dict.fromkeys(indicators))}
    rows = rows.sort_values(["indicator", "edition"], key=lambda c: c.map(order) if c.name == "indicator" else c)
    return rows[["edition", "indicator", "indicator_label", "score", "rank_global", "n_global", "change",
                 "rank_change"]].reset_index(drop=True)


def default_peers(data: IndexData, edition: int, iso3: str, n: int = 4) -> list[str]:
    """Up to n countries of the same region, the closest in criminality and resilience first."""
    wide = data.wide(edition)
    me = wide.loc[iso3]
    same_region = wide[(wide["region"] == me["region"]) & (wide.index != iso3)]
    distance = (same_region["criminality"] - me["criminality"]) ** 2 + (
        same_region["resilience"] - me["resilience"]) ** 2
    return distance.sort_values(kind="stable").index[:n].tolist()


def pillar_matrix(data: IndexData, edition: int, pillar: Pillar) -> tuple[pd.DataFrame, list[Indicator]]:
    """Country x indicator scores of one pillar in one edition, and the indicators present (others absent)."""
    present = [i for i in data.indicators(edition) if i.slug in pillar.members]
    wide = data.wide(edition)
    columns = ["country", "continent", "region", pillar.composite] + [i.slug for i in present]
    return wide[list(dict.fromkeys(columns))].reset_index(), present


def contributions(data: IndexData, edition: int, pillar: Pillar, iso3: str) -> pd.DataFrame:
    """For each indicator of the pillar: the country's score against its region's and the world's means."""
    profile = country_profile(data, edition, iso3)
    rows = profile[profile["indicator"].isin(pillar.members)]
    return pd.DataFrame({
        "indicator": rows["indicator"], "label": rows["indicator_label"], "score": rows["score"],
        "vs_region": rows["score"] - rows["mean_region"], "vs_world": rows["score"] - rows["mean_global"],
    }).reset_index(drop=True)
