"""Every chart's text alternative (layout.meta.description) says what it shows and gives its key figures, checked
against the workbook read straight from the file."""

from __future__ import annotations

import re
import statistics

import pytest

from components.charts import finish
from figures.change import change_scatter
from figures.compare import compare_dots
from figures.country import path_figure, profile_dots
from figures.indicator import choropleth, spread
from figures.pillar import contributions_figure
from figures.quadrant import quadrant_chart
from figures.regions import ranking_figure
from ocindex import compare, regions
from ocindex import drilldown as dd
from ocindex import likeforlike as lfl

from .sheets import competition_rank, composite, country, group_means, read_sheets

COMPOSITE_COLUMNS = re.compile(r"^(Criminality|Criminal markets|Criminal actors|Resilience)( avg[.,])?$")


@pytest.fixture(scope="module")
def sheets(workbook):
    return read_sheets(workbook)


def description(figure: dict) -> str:
    return figure["layout"]["meta"]["description"]


def test_the_quadrant_says_how_many_countries_each_quadrant_holds_and_where_the_selected_one_sits(index, sheets):
    for edition, rows in sheets.items():
        text = quadrant_chart(index, edition, country="PER").description
        crime = [composite(r, "criminality") for r in rows]
        resilience = [composite(r, "resilience") for r in rows]
        high_crime_low_resilience = sum(1 for c, r in zip(crime, resilience) if c >= 5.5 > r)
        low_crime_high_resilience = sum(1 for c, r in zip(crime, resilience) if r >= 5.5 > c)
        peru = country(rows, "Peru")
        assert f"Quadrant chart of {len(rows)} countries, {edition} edition" in text
        assert f"{high_crime_low_resilience} high criminality – low resilience" in text, edition
        assert f"{low_crime_high_resilience} low criminality – high resilience" in text, edition
        rank = competition_rank(composite(peru, "criminality"), crime)
        assert (f"Peru: criminality {composite(peru, 'criminality'):.2f} ({rank}" in text
                and f"resilience {composite(peru, 'resilience'):.2f}" in text), edition


def test_the_quadrant_description_follows_filters_and_names_the_named_countries(index, sheets):
    rows = [r for r in sheets[2023] if r["Region"].strip() == "South America"]  # test data
    text = quadrant_chart(index, 2023, regions=("South America",)).description
    assert f"({len(rows)} of 193 highlighted)" in text
    for row in rows:
        assert f"{row['Country'].strip()} {composite(row, 'criminality'):.2f} / {composite(row, 'resilience'):.2f}" in text


def test_the_country_chart_gives_the_composites_and_the_extreme_indicators(index, sheets):
    for edition, rows in sheets.items():
        peru = country(rows, "Peru")
        text = description(profile_dots(dd.country_profile(index, edition, "PER"), "Peru"))
        assert f"Criminality {composite(peru, 'criminality'):.2f}" in text
        assert f"Resilience {composite(peru, 'resilience'):.2f}" in text
        indicators = {column: float(value) for column, value in peru.items()
                      if isinstance(value, (int, float)) and not COMPOSITE_COLUMNS.match(column)}
        assert "Highest indicator: " in text and f" {max(indicators.values()):.2f}; lowest: " in text
        assert text.endswith(f" {min(indicators.values()):.2f}.")


def test_the_path_gives_every_editions_score(index, sheets):
    text = description(path_figure(dd.country_path(index, "PER")))
    peru = {edition: country(rows, "Peru") for edition, rows in sorted(sheets.items())}
    assert "Criminality: " + ", ".join(f"{e} {composite(r, 'criminality'):.2f}" for e, r in peru.items()) in text
    assert "Resilience: " + ", ".join(f"{e} {composite(r, 'resilience'):.2f}" for e, r in peru.items()) in text


def test_the_map_names_the_highest_and_the_selected_country(index, sheets):
    edition = max(sheets)
    rows = sheets[edition]
    scores = {r["Country"].strip(): float(r["Cocaine trade"]) for r in rows}
    top = max(scores.values())
    first = min(name for name, score in scores.items() if score == top)  # ties: alphabetical, as ranked
    text = description(choropleth(dd.ranked(index, edition, "cocaine-trade"), index.catalogue["cocaine-trade"], "PER"))
    assert f"Highest: {first} {top:.2f}" in text
    assert (f"Peru: {scores['Peru']:.2f}, {competition_rank(scores['Peru'], list(scores.values()))}"
            in text)


def test_the_spread_gives_each_continents_median(index, sheets):
    edition = max(sheets)
    ranked = dd.ranked(index, edition, "criminality")
    text = description(spread(ranked, index.catalogue["criminality"], "continent"))
    for continent in {r["Continent"].strip() for r in sheets[edition]}:
        median = statistics.median(composite(r, "criminality") for r in sheets[edition]
                                   if r["Continent"].strip() == continent)
        assert f"{continent} {median:.2f}" in text


def test_the_region_ranking_lists_every_region_with_its_mean(index, sheets):
    edition = max(sheets)
    means = group_means(sheets[edition], "region", "criminality")
    wide = index.wide(edition)
    table = regions.ranking(index, edition, "criminality", "region")
    text = description(ranking_figure(table, wide.groupby("region")["continent"].first().to_dict(), "Criminality",
                                      float(wide["criminality"].mean()), "South America"))
    for region, mean in means.items():  # means rounded half up, as published scores are
        assert f"{competition_rank(mean, list(means.values()))}. {region} {round(mean + 1e-9, 2):.2f}" in text
    assert f"Bar chart of {len(means)} regions" in text and "Highlighted: South America" in text


def test_compare_contributions_and_like_for_like_name_their_figures(index, sheets):
    edition = max(sheets)
    rows = sheets[edition]
    text = description(compare_dots(compare.comparison(index, edition, ["PER", "COL"]), ["PER", "COL"]))
    assert (f"Criminality: Peru {composite(country(rows, 'Peru'), 'criminality'):.2f}, Colombia "
            f"{composite(country(rows, 'Colombia'), 'criminality'):.2f}") in text
    markets = dd.contributions(index, edition, dd.pillars(index)["criminal-markets"], "PER")
    text = description(contributions_figure(markets, "Peru", "South America"))
    assert text.startswith(f"Bar chart of Peru's {len(markets)} indicators") and "Furthest above" in text
    # Test data (README): Peru's criminality 2021 → 2023, 6.35 → 6.40 published, 6.35 → 6.98 like for like;
    # 53 of 193 countries flip direction.
    table = lfl.like_for_like(index, "criminality", 2021, 2023)
    text = description(change_scatter(table, "Criminality", 2021, 2023, "PER"))
    assert "flips for 53 of 193" in text and "official 6.35 → 6.40 (+0.05), like for like 6.35 → 6.98" in text


def test_the_description_survives_the_finishing_touches(index):
    chart = quadrant_chart(index, 2021, country="PER")
    for present in (False, True):
        meta = finish(chart.figure, present, "quadrant", "PER", 2021)["layout"]["meta"]
        assert meta["description"] == chart.description and meta["filename"] == "oc-index_quadrant_per_2021"
