"""The views a briefing deck can hold: for one country and edition, a titled chart with its text alternative."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

from figures.country import path_figure, profile_dots
from figures.pillar import contributions_figure
from figures.quadrant import quadrant_figure
from figures.style import for_projector
from ocindex import drilldown as dd
from ocindex import quadrant as q
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase


@dataclass(frozen=True)
class Slide:
    title: str
    figure: dict
    description: str  # the chart's text alternative: alt text of the picture, and the slide's notes


def _quadrant(data: IndexData, iso3: str, edition: int) -> Slide:
    points, split = q.placed(data, edition)
    row = points.set_index("iso3").loc[iso3]
    figure = quadrant_figure(points, split, selected=iso3, paths=q.paths(data, edition, [iso3]))
    description = (
        f"{row['country']} on the criminality-versus-resilience chart of all {len(points)} countries, {edition}: "
        f"criminality {row['criminality']:.2f} "
        f"({rank_phrase(row['criminality_rank_global'], row['criminality_n_global'])}), resilience "
        f"{row['resilience']:.2f} ({rank_phrase(row['resilience_rank_global'], row['resilience_n_global'])}); "
        f"{row['quadrant'].lower()}.")
    return Slide(f"{row['country']}: criminality against resilience", figure, description)


def _profile(data: IndexData, iso3: str, edition: int) -> Slide:
    profile = dd.country_profile(data, edition, iso3)
    name = data.wide(edition).loc[iso3, "country"]
    scores = "; ".join(f"{r['indicator_label']} {r['score']:.2f}" for r in profile.to_dict("records"))
    return Slide(f"{name}: every indicator against its region, continent and the world", profile_dots(profile, name),
                 f"Dot plot of {name}'s {len(profile)} scores in {edition} beside regional, continental and world "
                 f"means. Scores: {scores}.")


def _path(data: IndexData, iso3: str, edition: int) -> Slide:
    path = dd.country_path(data, iso3)
    path = path[path["edition"] <= edition]
    name = data.wide(edition).loc[iso3, "country"]
    steps = "; ".join(f"{r['indicator_label']} {r['edition']}: {r['score']:.2f}" for r in path.to_dict("records")
                      if r["indicator"] in ("criminality", "resilience"))
    return Slide(f"{name}: criminality and resilience across editions", path_figure(path),
                 f"Line chart of {name}'s criminality and resilience by edition. {steps}.")


def _against_means(slug: str, what: str) -> Callable[[IndexData, str, int], Slide]:
    def build(data: IndexData, iso3: str, edition: int) -> Slide:
        contributions = dd.contributions(data, edition, dd.pillars(data)[slug], iso3)
        row = data.wide(edition).loc[iso3]
        gaps = "; ".join(f"{r['label']} {r['vs_region']:+.2f} vs region, {r['vs_world']:+.2f} vs world"
                         for r in contributions.to_dict("records"))
        return Slide(f"{row['country']}: {what} against the {row['region']} and world means",
                     contributions_figure(contributions, row["country"], row["region"], label_width=60),
                     f"Bar chart of {row['country']}'s {what} in {edition}, points above or below the means. {gaps}.")
    return build


# name: (label, builder, whether projector-sized type fits: thirty-odd indicator rows on one slide do not)
VIEWS: dict[str, tuple[str, Callable[[IndexData, str, int], Slide], bool]] = {
    "quadrant": ("Place on the quadrant", _quadrant, True),
    "profile": ("Every indicator against the averages", _profile, False),
    "path": ("Criminality and resilience across editions", _path, True),
    "markets": ("Criminal markets against region and world",
                _against_means("criminal-markets", "criminal markets"), True),
    "resilience": ("Resilience against region and world", _against_means("resilience", "resilience"), True),
}


def slide(data: IndexData, view: str, iso3: str, edition: int) -> Slide:
    """One view of one country, its chart styled for a projector where its rows leave room."""
    _, build, projector = VIEWS[view]
    made = build(data, iso3, edition)
    figure = for_projector(made.figure) if projector else copy.deepcopy(made.figure)
    figure["layout"].pop("height", None)  # the renderer sets the picture's size
    return Slide(made.title, figure, made.description)
