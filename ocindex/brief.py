"""The content of a one-page country brief, from the data layer: what a briefing says about one country."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .catalogue import COMPOSITES
from .index import IndexData
from .narratives.library import LinkedPassage, Narratives
from .quadrant import classify, positions, split_for

TOP_MARKETS, TOP_ACTORS, RESILIENCE_SHOWN, MAX_EXCERPTS = 3, 2, 3, 5


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


def _ranked(rows: pd.DataFrame, ascending: bool, n: int) -> pd.DataFrame:
    """Highest (or lowest) scores first; ties in catalogue order, as the profile lists them."""
    return rows.assign(order=range(len(rows))).sort_values(["score", "order"], ascending=[ascending, True]).head(n)


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
    top_markets, top_actors = _ranked(markets, False, TOP_MARKETS), _ranked(actors, False, TOP_ACTORS)
    weakest = _ranked(resilience, True, RESILIENCE_SHOWN)
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
        composites=composites, top_markets=top_markets, top_actors=top_actors,
        strongest_resilience=_ranked(resilience, False, RESILIENCE_SHOWN), weakest_resilience=weakest,
        excerpts=excerpts[:MAX_EXCERPTS], sources=sources,
    )
