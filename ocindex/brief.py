"""The content of a one-page country brief, from the data layer: what a briefing says about one country."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import headlines, regions
from .catalogue import COMPOSITES
from .index import IndexData
from .narratives.library import LinkedPassage, Narratives
from .quadrant import classify, positions, split_for

TOP_MARKETS, TOP_ACTORS, RESILIENCE_SHOWN, MAX_EXCERPTS = 3, 2, 3, 4  # what one printed page holds


@dataclass(frozen=True)
class Brief:
    iso3: str
    country: str
    continent: str
    region: str
    edition: int
    previous: int | None
    quadrant: str
    composites: pd.DataFrame  # tidy rows of the four composites
    top_markets: pd.DataFrame
    top_actors: pd.DataFrame
    strongest_resilience: pd.DataFrame
    weakest_resilience: pd.DataFrame
    excerpts: list[LinkedPassage]  # each passage once, with all its indicators
    sources: list[str]
    findings: list[str]  # the deck's headline sentences, the same words
    region_standing: pd.DataFrame  # per composite: the region's average, rank among regions, change, world mean
    # Per list above (by field name), the indicators left out of it with the same score as its last one: a list cut
    # at n would otherwise drop a tie silently.
    tied: dict[str, pd.DataFrame]


def findings(data: IndexData, iso3: str, edition: int) -> list[str]:
    """What the brief states first: the headlines of the deck's views, in the order a briefing takes them."""
    said = [headlines.position(data, edition, iso3), headlines.region(data, edition, iso3),
            headlines.against_means(data, edition, iso3, "criminal-markets"),
            headlines.against_means(data, edition, iso3, "resilience")]
    if data.previous_edition(edition) is not None:
        said.append(headlines.path(data, edition, iso3))
    return said


def region_standing(data: IndexData, iso3: str, edition: int) -> pd.DataFrame:
    """One row per composite: indicator, the region's average (score), its rank among regions (rank, size), change
    and note (as regions.ranking), and the world mean of all countries."""
    region = data.wide(edition).loc[iso3, "region"]
    rows = []
    for slug in COMPOSITES:
        row = regions.ranking(data, edition, slug, "region").set_index("group").loc[region]
        rows.append({"indicator": slug, "world": float(data.wide(edition)[slug].mean()),
                     **row[["score", "rank", "size", "change", "note"]].to_dict()})
    return pd.DataFrame(rows)


def _ranked(rows: pd.DataFrame, ascending: bool, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n highest (or lowest) scores first, ties in catalogue order as the profile lists them; and the rows past
    the n-th that tie with it."""
    ordered = rows.assign(order=range(len(rows))).sort_values(["score", "order"], ascending=[ascending, True])
    shown, rest = ordered.head(n), ordered.iloc[n:]
    return shown, rest[rest["score"] == shown["score"].iloc[-1]] if len(shown) else rest.head(0)


def build_brief(data: IndexData, narratives: Narratives, iso3: str, edition: int) -> Brief:
    rows = data.edition_table(edition)
    mine = rows[rows["iso3"] == iso3]
    if mine.empty:
        raise KeyError(f"{iso3} is not in the {edition} edition")
    composites = mine[mine["indicator"].isin(COMPOSITES)].set_index("indicator").loc[list(COMPOSITES)].reset_index()
    indicators = mine[~mine["indicator"].isin(COMPOSITES)]
    markets = indicators[indicators["component"] == "criminal markets"]
    actors = indicators[indicators["component"] == "criminal actors"]
    resilience = indicators[indicators["component"] == "resilience"]
    points = positions(data, edition)
    quadrant = classify(points["criminality"], points["resilience"], split_for(points, "gitoc"))
    lowest = _ranked(resilience, True, RESILIENCE_SHOWN)
    # The strongest score above every weakest one shown: where the scores bunch (Guinea 2025, ten of twelve at 3.00
    # or less) the two lists named one indicator as both, and their ties as the same 'Also at 3.00' line.
    above = resilience[resilience["score"] > lowest[0]["score"].max()]
    lists = {"top_markets": _ranked(markets, False, TOP_MARKETS), "top_actors": _ranked(actors, False, TOP_ACTORS),
             "weakest_resilience": lowest, "strongest_resilience": _ranked(above, False, RESILIENCE_SHOWN)}
    shown = {name: listed for name, (listed, _) in lists.items()}
    top_markets, top_actors, weakest = shown["top_markets"], shown["top_actors"], shown["weakest_resilience"]
    # The most relevant passages speak of what stands out: the top markets and actors, the weakest resilience.
    wanted = list(top_markets["indicator"]) + list(top_actors["indicator"]) + list(weakest["indicator"])
    excerpts: list[LinkedPassage] = []
    for indicator in wanted:  # the passage that speaks most directly of it, unless already chosen
        best = next((p for p in narratives.passages(iso3, edition, indicator)
                     if all(p.sentence.text != e.sentence.text for e in excerpts)), None)
        if best is not None:
            excerpts.append(best)
    documents = list({id(e.document): e.document for e in excerpts[:MAX_EXCERPTS]}.values())
    sources = [f"Global Organized Crime Index {edition}, GI-TOC (ocindex.net)"] + [
        ", ".join(filter(None, (d.title, d.meta.publisher, d.meta.date))) for d in documents]
    first = mine.iloc[0]
    return Brief(
        iso3=iso3, country=first["country"], continent=first["continent"], region=first["region"], edition=edition,
        previous=data.previous_edition(edition), quadrant=quadrant[points.index[points["iso3"] == iso3][0]],
        composites=composites, **shown, excerpts=excerpts[:MAX_EXCERPTS], sources=sources,
        findings=findings(data, iso3, edition), region_standing=region_standing(data, iso3, edition),
        tied={name: tied for name, (_, tied) in lists.items()},
    )
