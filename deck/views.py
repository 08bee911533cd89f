"""The views a briefing deck can hold: for one country and edition, a slide whose headline states the finding,
a subtitle saying what the chart shows, the chart sized and typed for a projector, and its text alternative."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from figures.country import path_figure, profile_dots
from figures.indicator import choropleth
from figures.pillar import contributions_figure
from figures.quadrant import quadrant_figure
from figures.regions import ranking_figure
from figures.style import for_projector
from ocindex import drilldown as dd
from ocindex import headlines, regions
from ocindex import quadrant as q
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase

# The picture's layout pixels are the slide's pixels at 1280×720 (96 per inch), so 24 px is 18 pt on the slide.
MIN_TYPE_PX = 24
MAP_INDICATOR = "criminality"
REGION_WINDOW = 3  # regions shown either side of the country's own on the region slide
BARS_SHOWN = 8  # indicator rows on a slide of bars against the means; more do not fit at projector size
APPENDIX_ROWS = 15  # most rows an appendix table holds at 18 pt


@dataclass(frozen=True)
class Slide:
    headline: str  # the finding, one factual sentence: the slide's title
    subtitle: str  # what the chart (or table) shows
    description: str  # the figures: the picture's alt text, and the speaker notes after the headline
    figure: dict | None = None
    table: tuple[tuple[str, ...], ...] | None = None  # header row first (appendix slides)

    @property
    def notes(self) -> str:
        return f"{self.headline}\n\n{self.description}"


def _quadrant(data: IndexData, iso3: str, edition: int) -> Slide:
    points, split = q.placed(data, edition)
    figure = quadrant_figure(points, split, edition, selected=iso3, paths=q.paths(data, edition, [iso3]))
    # The wide slide leaves room at the right: the legend goes there, off the quadrants' captions; the axis
    # titles say less, so that they fit at projector size (the subtitle says what the scale is).
    figure["layout"]["legend"] = dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top")
    figure["layout"]["xaxis"]["title"] = dict(text="Criminality")
    figure["layout"]["yaxis"]["title"] = dict(text="Resilience")
    return Slide(headlines.position(data, edition, iso3),
                 f"Criminality against resilience (1–10), all {len(points)} countries, {edition}; GI-TOC's split at "
                 f"{split.criminality:.2f}", figure["layout"]["meta"]["description"], figure)


def _standouts(data: IndexData, iso3: str, edition: int) -> Slide:
    rows = headlines.standouts(data, edition, iso3)
    name = rows["country"].iloc[0]
    listed = "; ".join(f"{r['indicator_label']} {r['score']:.2f} (region mean {r['mean_region']:.2f}, world mean "
                       f"{r['mean_global']:.2f})" for r in rows.to_dict("records"))
    figure = profile_dots(rows, name)  # furthest first, top to bottom
    return Slide(headlines.standout(data, edition, iso3),
                 f"The {len(rows)} indicators furthest from the {rows['region'].iloc[0]} and world means, {edition} "
                 f"(every indicator: appendix)", f"Dot plot of {name}'s scores beside regional, continental and "
                 f"world means. {listed}.", figure)


def _path(data: IndexData, iso3: str, edition: int) -> Slide:
    path = dd.country_path(data, iso3)
    path = path[path["edition"] <= edition]
    name = data.wide(edition).loc[iso3, "country"]
    steps = "; ".join(f"{r['indicator_label']} {r['edition']}: {r['score']:.2f}" for r in path.to_dict("records")
                      if r["indicator"] in ("criminality", "resilience"))
    return Slide(headlines.path(data, edition, iso3), "Criminality and resilience in every edition (published "
                 "scores; editions differ in method: see the last slide)",
                 f"Line chart of {name}'s criminality and resilience by edition. {steps}.", path_figure(path))


def _against_means(slug: str, what: str) -> Callable[[IndexData, str, int], Slide]:
    def build(data: IndexData, iso3: str, edition: int) -> Slide:
        ordered = headlines.ordered_against_means(data, edition, iso3, slug)
        shown = ordered.head(BARS_SHOWN)
        row = data.wide(edition).loc[iso3]
        gaps = "; ".join(f"{r['label']} {r['score']:.2f}: {r['vs_region']:+.2f} vs region, {r['vs_world']:+.2f} "
                         f"vs world" for r in ordered.to_dict("records"))
        which = "weakest" if slug == "resilience" else "highest"
        return Slide(headlines.against_means(data, edition, iso3, slug),
                     f"The {len(shown)} {which} of {len(ordered)} {what}: points above (+) or below (−) the "
                     f"{row['region']} and world means, {edition}",
                     f"Bar chart of {row['country']}'s {what} against the means. {gaps}.",
                     contributions_figure(shown, row["country"], row["region"], label_width=60))
    return build


def _map(data: IndexData, iso3: str, edition: int) -> Slide:
    ranked = dd.ranked(data, edition, MAP_INDICATOR)
    indicator = data.catalogue[MAP_INDICATOR]
    figure = choropleth(ranked, indicator, selected=iso3)
    figure["layout"]["geo"]["resolution"] = 110  # the coarser outlines read better at slide size
    for trace in figure["data"]:
        trace["marker"]["line"]["width"] = trace["marker"]["line"]["width"] * 2
    top = ", ".join(f"{r['country']} {r['score']:.2f}" for r in ranked.head(10).to_dict("records"))
    return Slide(headlines.world_map(data, edition, iso3, MAP_INDICATOR),
                 f"{indicator.label} by country, {edition}: darker is higher; "
                 f"{data.wide(edition).loc[iso3, 'country']} outlined",
                 f"World map of {indicator.label.lower()} scores, {edition}. Ten highest: {top}.", figure)


def _region(data: IndexData, iso3: str, edition: int) -> Slide:
    table = regions.ranking(data, edition, MAP_INDICATOR, "region")
    wide = data.wide(edition)
    own = wide.loc[iso3, "region"]
    at = int(table.index[table["group"] == own][0])
    # The whole ranking does not fit at projector size: the country's region, its neighbours, the first and last.
    keep = sorted({0, len(table) - 1, *range(max(0, at - REGION_WINDOW), min(len(table), at + REGION_WINDOW + 1))})
    shown = table.loc[keep]
    label = data.catalogue[MAP_INDICATOR].label
    figure = ranking_figure(shown, wide.groupby("region")["continent"].first().to_dict(), label,
                            float(wide[MAP_INDICATOR].mean()), own)
    listed = "; ".join(f"{r['rank']}. {r['group']} {r['score']:.2f}" for r in table.to_dict("records"))
    return Slide(headlines.region(data, edition, iso3, MAP_INDICATOR),
                 f"Average {label.lower()} by region, {edition}, {len(shown)} of {len(table)} shown (ours: mean of "
                 "member countries)",
                 f"Bar chart of region averages. Full ranking: {listed}.", figure)


# name: (label, builder)
VIEWS: dict[str, tuple[str, Callable[[IndexData, str, int], Slide]]] = {
    "quadrant": ("Place on the quadrant", _quadrant),
    "region": ("The region among regions", _region),
    "profile": ("Indicators that stand out (all in an appendix)", _standouts),
    "path": ("Criminality and resilience across editions", _path),
    "markets": ("Criminal markets against region and world", _against_means("criminal-markets", "criminal markets")),
    "resilience": ("Resilience against region and world", _against_means("resilience", "resilience indicators")),
    "map": ("World map of criminality", _map),
}


def legible(figure: dict) -> dict:
    """The figure styled for a projector, every font at least MIN_TYPE_PX, no fixed size (the slide sets it)."""
    figure = for_projector(figure)
    figure["layout"].pop("height", None)
    figure["layout"].setdefault("font", {})

    def grow(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("font", "textfont", "tickfont") and isinstance(value, dict):
                    value["size"] = max(value.get("size", MIN_TYPE_PX), MIN_TYPE_PX)
                grow(value)
        elif isinstance(node, list):
            for value in node:
                grow(value)
    grow(figure)
    return figure


def slide(data: IndexData, view: str, iso3: str, edition: int) -> Slide:
    """One view of one country, its chart legible on a projector."""
    _, build = VIEWS[view]
    made = build(data, iso3, edition)
    return Slide(made.headline, made.subtitle, made.description, legible(made.figure))


def appendix(data: IndexData, iso3: str, edition: int) -> list[Slide]:
    """Every indicator of the country as tables: score, region and world means, official rank, change."""
    profile = dd.country_profile(data, edition, iso3)
    name, region = profile["country"].iloc[0], profile["region"].iloc[0]
    previous = data.previous_edition(edition)
    header = ("Indicator", "Score", "Region mean", "World mean", "Rank", "Change")
    rows = [(r["indicator_label"], f"{r['score']:.2f}", f"{r['mean_region']:.2f}", f"{r['mean_global']:.2f}",
             rank_phrase(r["rank_global"], r["n_global"]),
             "—" if previous is None else "new" if r["is_new"] else f"{r['change']:+.2f}".replace("+0.00", "0.00"))
            for r in profile.to_dict("records")]
    count = -(-len(rows) // APPENDIX_ROWS)
    size = -(-len(rows) // count)  # pages as even as can be
    pages = [rows[start:start + size] for start in range(0, len(rows), size)]
    since = f"; change since {previous}" if previous else ""
    return [Slide(f"Appendix: {name}, every indicator, {edition}" + (f" ({n} of {len(pages)})" if len(pages) > 1
                                                                      else ""),
                  f"GI-TOC scores and official ranks; means of all countries in {region} and the world{since}",
                  f"Table of {name}'s {len(rows)} scores.", table=(header, *page))
            for n, page in enumerate(pages, start=1)]
