"""The finding of each briefing view, as one factual sentence computed from the data.

The same sentences head the deck's slides, fill its speaker notes and open the one-page brief. They state
GI-TOC's scores, official ranks and changes (and our region averages, said to be averages); never a cause.
"""

from __future__ import annotations

import pandas as pd

from . import drilldown as dd
from . import regions
from .catalogue import COMPOSITES
from .index import IndexData
from .quadrant import classify, positions, split_for
from .ranks import rank_phrase

STANDOUTS = 6  # indicators named on the "what stands out" slide


def movement(score: float, change: float, previous: int | None) -> str:
    """'up 0.22 to 6.62', 'down 0.10 to 4.46', 'unchanged at 5.00', or '6.62' when there is nothing to compare."""
    if previous is None or change != change:  # NaN: no score in the previous edition
        return f"{score:.2f}"
    if round(change, 2) == 0:
        return f"unchanged at {score:.2f}"
    return f"{'up' if change > 0 else 'down'} {abs(change):.2f} to {score:.2f}"


def _composites(data: IndexData, edition: int, iso3: str) -> pd.DataFrame:
    rows = data.edition_table(edition)
    mine = rows[(rows["iso3"] == iso3) & rows["indicator"].isin(COMPOSITES)]
    if mine.empty:
        raise KeyError(f"{iso3} is not in the {edition} edition")
    return mine.set_index("indicator")


def position(data: IndexData, edition: int, iso3: str) -> str:
    """'Peru: criminality up 0.22 to 6.62 (31st of 193); resilience up 0.08 to 4.46 (7th of 12 in South
    America): high criminality – low resilience.'"""
    rows = _composites(data, edition, iso3)
    previous = data.previous_edition(edition)
    crime, resilience = rows.loc["criminality"], rows.loc["resilience"]
    points = positions(data, edition)
    quadrant = classify(points["criminality"], points["resilience"], split_for(points, "gitoc"))[
        points.index[points["iso3"] == iso3][0]]
    return (f"{crime['country']}: criminality {movement(crime['score'], crime['change'], previous)} "
            f"({rank_phrase(crime['rank_global'], crime['n_global'])}); resilience "
            f"{movement(resilience['score'], resilience['change'], previous)} "
            f"({rank_phrase(resilience['rank_region'], resilience['n_region'], resilience['region'])}): "
            f"{quadrant.lower()}.")


def path(data: IndexData, edition: int, iso3: str) -> str:
    """'Peru, 2021 to 2025: criminality 6.35 → 6.40 → 6.62 (+0.27); resilience 4.58 → 4.38 → 4.46 (−0.12).'"""
    steps = dd.country_path(data, iso3)
    steps = steps[steps["edition"] <= edition]
    name = data.wide(edition).loc[iso3, "country"]
    editions = sorted(steps["edition"].unique())
    if len(editions) < 2:
        rows = _composites(data, edition, iso3)
        return (f"{name}: {edition} is the first edition loaded; criminality {rows.loc['criminality', 'score']:.2f}, "
                f"resilience {rows.loc['resilience', 'score']:.2f}.")
    parts = []
    for slug in ("criminality", "resilience"):
        scores = steps[steps["indicator"] == slug].sort_values("edition")["score"].tolist()
        net = round(scores[-1] - scores[0], 2)
        parts.append(f"{slug} {' → '.join(f'{s:.2f}' for s in scores)} ({_signed(net)})")
    return f"{name}, {editions[0]} to {editions[-1]}: {'; '.join(parts)}."


def _signed(value: float) -> str:
    return "no net change" if value == 0 else f"{value:+.2f}".replace("-", "−")


def against_means(data: IndexData, edition: int, iso3: str, pillar: str) -> str:
    """'Peru: 9 of 15 criminal markets above the South America mean; highest non-renewable resource crimes 9.00
    and cocaine trade 9.00.' For resilience, the weakest indicators."""
    ordered = ordered_against_means(data, edition, iso3, pillar)
    row = data.wide(edition).loc[iso3]
    what = "resilience indicators" if pillar == "resilience" else "criminal markets"
    above = int((ordered["vs_region"].round(2) > 0).sum())
    named = " and ".join(f"{r['label'].lower()} {r['score']:.2f}" for r in ordered.head(2).to_dict("records"))
    return (f"{row['country']}: {above} of {len(ordered)} {what} above the {row['region']} mean; "
            f"{'weakest' if pillar == 'resilience' else 'highest'} {named}.")


def ordered_against_means(data: IndexData, edition: int, iso3: str, pillar: str) -> pd.DataFrame:
    """dd.contributions() of the pillar, highest score first (lowest first for resilience); ties in catalogue
    order."""
    contributions = dd.contributions(data, edition, dd.pillars(data)[pillar], iso3)
    ordered = contributions.assign(order=range(len(contributions))).sort_values(
        ["score", "order"], ascending=[pillar == "resilience", True])
    return ordered.drop(columns="order").reset_index(drop=True)


def standouts(data: IndexData, edition: int, iso3: str, n: int = STANDOUTS) -> pd.DataFrame:
    """The n indicators (no composites) furthest from the region and world means together: the mean of the two
    absolute gaps; ties in catalogue order. Rows of dd.country_profile() with vs_region and vs_world."""
    profile = dd.country_profile(data, edition, iso3)
    rows = profile[~profile["indicator"].isin(COMPOSITES)].copy()
    rows["vs_region"] = (rows["score"] - rows["mean_region"]).round(2)
    rows["vs_world"] = (rows["score"] - rows["mean_global"]).round(2)
    rows["distance"] = (rows["vs_region"].abs() + rows["vs_world"].abs()) / 2
    rows["order"] = range(len(rows))
    return rows.sort_values(["distance", "order"], ascending=[False, True]).head(n).drop(columns=["order"])


def standout(data: IndexData, edition: int, iso3: str) -> str:
    """'Peru stands out most on non-renewable resource crimes 9.00 (+2.21 vs South America) and trade in
    counterfeit goods 8.50 (+2.21).' Two, so that the sentence fits a slide's headline."""
    rows = standouts(data, edition, iso3, 2).to_dict("records")
    named = [f"{r['indicator_label'].lower()} {r['score']:.2f} ({_signed(r['vs_region'])}"
             + (f" vs {r['region']})" if n == 0 else ")") for n, r in enumerate(rows)]
    return f"{rows[0]['country']} stands out most on {', '.join(named[:-1])} and {named[-1]}."


def world_map(data: IndexData, edition: int, iso3: str, indicator: str = "criminality") -> str:
    """'Criminality 2025: Peru 6.62, 31st of 193; highest Myanmar 8.15, Colombia 7.82, Mexico 7.68.'"""
    ranked = dd.ranked(data, edition, indicator)
    mine = ranked[ranked["iso3"] == iso3].iloc[0]
    top = ", ".join(f"{r['country']} {r['score']:.2f}" for r in ranked.head(3).to_dict("records"))
    return (f"{data.catalogue[indicator].label} {edition}: {mine['country']} {mine['score']:.2f}, "
            f"{rank_phrase(mine['rank_global'], mine['n_global'])}; highest {top}.")


def region(data: IndexData, edition: int, iso3: str, indicator: str = "criminality") -> str:
    """'South America: 2nd of 22 regions on criminality (average 6.13, up 0.19 since 2023); Peru 6.62, 6th of 12
    in the region.'"""
    standing = regions.standing(data, edition, iso3, indicator)
    table = regions.ranking(data, edition, indicator, "region").set_index("group")
    change = table.loc[standing.group, "change"]
    previous = data.previous_edition(edition)
    since = f" since {previous}" if change == change and previous else ""
    rows = data.edition_table(edition)
    mine = rows[(rows["iso3"] == iso3) & (rows["indicator"] == indicator)].iloc[0]
    label = data.catalogue[indicator].label.lower()
    return (f"{standing.group}: {rank_phrase(standing.rank, standing.size)} regions on {label} (average "
            f"{movement(standing.score, change, previous)}{since}); {mine['country']} {mine['score']:.2f}, "
            f"{rank_phrase(mine['rank_region'], mine['n_region'])} in the region.")
