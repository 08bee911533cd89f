"""Drill-down queries and figures, checked against independent computations on the workbook."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from components.country import CountryState, scores_rows
from components.indicator import IndicatorState, editions_of
from figures.country import profile_dots
from figures.indicator import choropleth, spread
from figures.pillar import contributions_figure, heat_styles
from ocindex import drilldown as dd
from ocindex.countries import to_iso3
from tests.contrast import contrast


@pytest.fixture(scope="module")
def raw(workbook):
    sheets = {e: pd.read_excel(workbook, sheet_name=f"{e}_dataset") for e in (2021, 2023)}
    for frame in sheets.values():
        frame["iso3"] = frame["Country"].map(to_iso3)
        frame["Region"] = frame["Region"].str.strip()
    return sheets


def test_cocaine_ranking_2021_follows_the_workbook_order_with_ties(index, raw):
    sheet = raw[2021].sort_values("Cocaine trade", ascending=False)
    expected_scores = sheet["Cocaine trade"].tolist()
    ranking = dd.ranked(index, 2021, "cocaine-trade")
    assert ranking["score"].tolist() == expected_scores
    better = {s: int((sheet["Cocaine trade"] > s).sum()) for s in set(expected_scores)}
    assert ranking["rank_global"].tolist() == [1 + better[s] for s in expected_scores]
    # Tied countries share a place and are listed by name.
    tied = ranking[ranking["rank_global"] == 2]
    assert set(tied["iso3"]) == set(sheet.loc[sheet["Cocaine trade"] == 9.0, "iso3"])
    assert tied["country"].tolist() == sorted(tied["country"])


def test_region_and_continent_averages_equal_an_independent_pandas_computation(index, raw):
    sheet = raw[2023]
    profile = dd.country_profile(index, 2023, "PER").set_index("indicator")
    peru = sheet[sheet["iso3"] == "PER"].iloc[0]
    region = sheet[sheet["Region"] == peru["Region"]]
    continent = sheet[sheet["Continent"] == peru["Continent"]]
    for column, slug in (("Cocaine trade", "cocaine-trade"), ("Resilience avg,", "resilience"),
                         ("Financial crimes", "financial-crimes")):
        assert profile.loc[slug, "mean_region"] == pytest.approx(region[column].mean())
        assert profile.loc[slug, "mean_continent"] == pytest.approx(continent[column].mean())
        assert profile.loc[slug, "mean_global"] == pytest.approx(sheet[column].mean())


def test_summary_figures_equal_an_independent_computation(index, raw):
    column = raw[2021]["Non-renewable resource crimes"]
    figures = dd.summary(index, 2021, "non-renewable-resource-crimes")
    assert figures == {"countries": 193, "mean": pytest.approx(column.mean()), "median": column.median(),
                       "high": int((column >= 8).sum())}


def test_2021_views_never_list_extortion_and_protection_racketeering(app_instance, index, workbook):
    slug = "extortion-and-protection-racketeering"
    assert slug not in dd.pillar_matrix(index, 2021, dd.pillars(index)["people"])[0].columns
    assert slug not in set(dd.country_profile(index, 2021, "PER")["indicator"])
    figure = profile_dots(dd.country_profile(index, 2021, "PER"), "Peru")
    assert all("Extortion" not in label for trace in figure["data"] for label in trace["y"])
    assert "Extortion" not in str(scores_rows(app_instance, index, 2021, dd.country_profile(index, 2021, "PER")))
    assessed = [int(name[:4]) for name, frame in pd.read_excel(workbook, sheet_name=None, nrows=1).items()
                if name.endswith("_dataset") and "Extortion and protection racketeering" in frame.columns]
    assert 2021 not in assessed and editions_of(index, slug) == tuple(sorted(assessed))
    state, notices = IndicatorState.from_query("?edition=2021", index, slug=slug)
    assert state.edition == index.latest and "is not assessed in the 2021 edition" in notices[0]


def test_new_indicators_are_marked_new_not_as_a_change(app_instance, index):
    profile = dd.country_profile(index, 2023, "PER").set_index("indicator")
    assert profile.loc["financial-crimes", "is_new"] and not profile.loc["cocaine-trade", "is_new"]
    rows = {r["slug"]: r for r in scores_rows(app_instance, index, 2023, dd.country_profile(index, 2023, "PER"))}
    # No change for a new indicator (the grid shows 'new'), never a zero.
    assert rows["financial-crimes"]["change"] is None and rows["cocaine-trade"]["change"] is not None


def test_contributions_are_the_score_minus_region_and_world_means(index, raw):
    sheet = raw[2021]
    peru = sheet[sheet["iso3"] == "PER"].iloc[0]
    region = sheet[sheet["Region"] == peru["Region"]]
    rows = dd.contributions(index, 2021, dd.pillars(index)["drugs"], "PER").set_index("indicator")
    assert list(rows.index) == ["heroin-trade", "cocaine-trade", "cannabis-trade", "synthetic-drug-trade"]
    assert rows.loc["cocaine-trade", "vs_region"] == pytest.approx(9.0 - region["Cocaine trade"].mean())
    assert rows.loc["cocaine-trade", "vs_world"] == pytest.approx(9.0 - sheet["Cocaine trade"].mean())
    figure = contributions_figure(rows.reset_index(), "Peru", "South America")
    assert [len(t["x"]) for t in figure["data"]] == [4, 4]


def test_every_pillar_and_group_has_its_members(index):
    pillars = dd.pillars(index)
    assert len(pillars["criminal-markets"].members) == 15 and len(pillars["resilience"].members) == 12
    assert pillars["drugs"].members == ("heroin-trade", "cocaine-trade", "cannabis-trade", "synthetic-drug-trade")
    assert pillars["civil-society-and-social-protection"].composite == "resilience"
    assert len(pillars) == 3 + 6 + 4


def test_default_peers_are_up_to_four_others_from_the_region(index):
    peers = dd.default_peers(index, 2023, "PER")
    wide = index.wide(2023)
    assert len(peers) == 4 and "PER" not in peers
    assert set(wide.loc[peers, "region"]) == {"South America"}


def test_peer_parameter_is_validated(index):
    state, notices = CountryState.from_query("?edition=2023&peers=bra,xyz,PER", index, iso3="PER")
    assert state.peers == ("BRA",)
    assert notices == ["Country 'xyz' is not in the 2023 edition: ignored.", "Peer 'PER' is the country itself: ignored."]
    state, notices = CountryState.from_query("?edition=2023&peers=BRA,COL,ECU,BOL,CHL", index, iso3="PER")
    assert state.peers == ("BRA", "COL", "ECU", "BOL") and notices == ["At most 4 peers are shown: kept BRA, COL, ECU, BOL."]


def test_map_has_one_location_per_country_and_marks_the_selection(index):
    ranking = dd.ranked(index, 2021, "cocaine-trade")
    figure = choropleth(ranking, index.catalogue["cocaine-trade"], "PER")
    assert sorted(figure["data"][0]["locations"]) == sorted(index.wide(2021).index)
    assert figure["data"][0]["zmin"] == 1 and figure["data"][0]["zmax"] == 10
    assert figure["data"][1]["locations"] == ["PER"]


def test_spread_has_every_country_once_and_rings_the_selection(index):
    ranking = dd.ranked(index, 2023, "resilience")
    figure = spread(ranking, index.catalogue["resilience"], "region", "PER")
    boxes = [t for t in figure["data"] if t["type"] == "box"]
    assert sorted(i for t in boxes for i in t["customdata"]) == sorted(ranking["iso3"])
    assert len(boxes) == ranking["region"].nunique()
    assert figure["data"][-1]["customdata"] == ["PER"]


def hover_of(trace: dict, iso3: str, value: str) -> str:
    """A point's hover label as Plotly writes it from the trace's template; `value`: the trace's "z" or "x"."""
    at = (trace["locations"] if "locations" in trace else trace["customdata"]).index(iso3)
    fields = {"text": trace["text"][at], "hovertext": trace["hovertext"][at], value: f"{trace[value][at]:.2f}"}
    return re.sub(r"%\{(\w+)(?::\.2f)?\}", lambda m: fields[m[1]], trace["hovertemplate"]).replace("<extra></extra>", "")


def test_map_and_spread_hovers_name_the_country_its_score_and_rank(index):
    ranking = dd.ranked(index, 2021, "cocaine-trade")
    indicator = index.catalogue["cocaine-trade"]
    # In the 2021 workbook Peru scores 9.0 for the cocaine trade, and only Colombia (9.5) scores higher.
    expected = "<b>Peru</b><br>Cocaine trade 9.00<br>2nd of 193"
    assert hover_of(choropleth(ranking, indicator)["data"][0], "PER", "z") == expected
    box = next(t for t in spread(ranking, indicator, "region")["data"] if "PER" in t["customdata"])
    assert hover_of(box, "PER", "x") == expected
    # A name is markup in the label: escaped.
    assert hover_of(choropleth(ranking, indicator)["data"][0], "CIV", "z").startswith("<b>Côte d&#x27;Ivoire</b>")


@pytest.mark.parametrize("pillar", ["criminality", "resilience"])
def test_heat_table_text_is_readable_on_every_band(pillar):
    styles = [rule["style"] for rule in heat_styles(pillar)["styleConditions"]]
    assert len(styles) == 9
    assert min(contrast(s["backgroundColor"], s["color"]) for s in styles) >= 4.5
