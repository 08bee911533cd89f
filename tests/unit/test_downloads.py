"""CSV downloads hold the data the view shows, with the edition and the source in every row."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from components import ids
from components.downloads import SOURCE
from components.registry import csv_button_id
from tests import page_walk

from .sheets import group_means, read_sheets


def page_csv(app, page: str, location: str, table: str = "table", changes: dict | None = None):
    """What a page's 'Download CSV' gives for the view at `location` (the page's path and query), its controls
    changed first by `changes` ({id: {property: value}})."""
    response = page_walk.click(app, app.server.config["OCINDEX_STORE"], location, csv_button_id(page, table), changes)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    payload = response.get_json()["response"][ids.SHELL.CSV_FILE]["data"]
    return payload["filename"], pd.read_csv(io.StringIO(payload["content"]))


def test_a_click_just_after_a_change_downloads_the_view_the_controls_hold(app_instance, workbook_editions):
    """The address catches up with a change a round trip later: the CSV must not be the view left."""
    first, *_, last = workbook_editions
    name, table = page_csv(app_instance, "quadrant", f"/?edition={last}",
                           changes={ids.QUADRANT.EDITION: {"value": first}})
    assert name == f"oc-index_quadrant_{first}.csv" and set(table["edition"]) == {first}


@pytest.mark.parametrize("edition", ["1990", None, {"$ne": 1}, "2021" * 1000])
def test_controls_that_do_not_fit_get_no_download_and_no_error(app_instance, edition):
    response = page_walk.click(app_instance, app_instance.server.config["OCINDEX_STORE"], "/",
                               csv_button_id("quadrant"), {ids.QUADRANT.EDITION: {"value": edition}})
    assert response.status_code == 204


def test_compare_downloads_the_view_its_url_holds(app_instance, workbook):
    name, table = page_csv(app_instance, "compare", "/compare?edition=2023&countries=COL,PER&pillar=resilience")
    assert name == "oc-index_compare_COL-PER_2023.csv"
    resilience = pd.read_excel(workbook, sheet_name="2023_dataset").set_index("Country")["Resilience avg,"]
    scores = table[table["indicator"] == "resilience"].set_index("country")["score"]
    assert scores.to_dict() == {"Colombia": resilience["Colombia"], "Peru": resilience["Peru"]}
    assert set(table["edition"]) == {2023} and "change_since_2021" in table.columns


def test_the_indicator_ranking_downloads_as_shown(app_instance, index):
    name, table = page_csv(app_instance, "indicator", "/indicator/cocaine-trade?edition=2021")
    assert name == "oc-index_cocaine-trade_2021.csv"
    shown = index.edition_table(2021)
    shown = shown[shown["indicator"] == "cocaine-trade"].sort_values(["rank_global", "country"])
    assert table["iso3"].tolist() == shown["iso3"].tolist()
    assert table["score"].tolist() == shown["score"].tolist()
    assert set(table["edition"]) == {2021} and set(table["source"]) == {SOURCE}


def test_the_quadrant_downloads_every_country_with_its_quadrant(app_instance):
    name, table = page_csv(app_instance, "quadrant", "/?edition=2023&split=median")
    assert name == "oc-index_quadrant_2023.csv" and len(table) == 193
    peru = table.set_index("iso3").loc["PER"]
    assert (peru["criminality"], peru["resilience"], peru["criminality_rank_global"]) == (6.40, 4.38, 32)
    assert peru["split"].startswith("Global median")


def test_the_country_profile_downloads_its_indicators(app_instance, index):
    name, table = page_csv(app_instance, "country", "/country/per?edition=2021")
    assert name == "oc-index_PER_2021.csv"
    assert len(table) == len(index.indicators(2021))
    assert table.set_index("indicator").loc["criminality", "rank_global"] == 26


def test_like_for_like_downloads_every_country_with_both_readings(app_instance, index):
    from ocindex import likeforlike as lfl
    name, table = page_csv(app_instance, "change", "/change?composite=criminality&from=2021&to=2023")
    assert name == "oc-index_like-for-like_criminality_2021-2023.csv" and len(table) == 193
    shown = lfl.like_for_like(index, "criminality", 2021, 2023)
    peru = table.set_index("iso3").loc["PER"]
    assert (peru["official_after"], peru["shared_after"], peru["from_edition"], peru["to_edition"]) == (
        6.40, 6.98, 2021, 2023)
    assert set(table.loc[table["flips"], "iso3"]) == set(shown.index[shown["flips"]])
    assert set(table["source"]) == {SOURCE} and table["like_for_like_note"].str.contains("not published").all()


def test_what_if_weights_download_the_recomputed_ranking_with_the_weights(app_instance, index):
    from ocindex import weights as wt
    name, table = page_csv(app_instance, "weights", "/weights?edition=2023&w=drugs:3")
    table = table.set_index("iso3")
    expected = wt.what_if(index, 2023, {"drugs": 3.0})
    assert name == "oc-index_what-if-weights_2023.csv" and set(table["weights"]) == {"drugs:3"}
    assert (table["criminality_custom_rank"] == expected["criminality_custom_rank"].reindex(table.index)).all()
    assert (table["criminality_custom"].round(2) == expected["criminality_custom"].reindex(table.index)).all()


def test_regions_download_each_groups_average(app_instance, workbook):
    name, table = page_csv(app_instance, "regions", "/regions?edition=2023&level=continent")
    assert name == "oc-index_continent-averages_2023.csv"
    expected = group_means(read_sheets(workbook)[2023], "continent", "criminality")
    assert table.set_index("continent")["criminality"].to_dict() == pytest.approx(expected, abs=0.005)
    assert set(table["edition"]) == {2023} and set(table["source"]) == {SOURCE}


def test_neighbours_and_peer_standing_download_as_shown(app_instance, index):
    from ocindex import neighbours as nb
    location = "/similar/PER?edition=2023&by=criminal+markets"
    name, table = page_csv(app_instance, "similar", location, "neighbours")
    assert name == "oc-index_PER_neighbours_criminal-markets_2023.csv"
    assert table["neighbour_iso3"].tolist() == [n.iso3 for n in nb.nearest(index, 2023, "PER", "criminal markets")]
    name, table = page_csv(app_instance, "similar", location, "standing")
    standing = nb.peer_standing(index, 2023, "PER", "criminal markets")
    assert name == "oc-index_PER_peer-standing_2023.csv" and set(table["iso3"]) == {"PER"}
    assert table["indicator"].tolist() == standing["indicator"].tolist()
    assert table["region_median"].round(2).tolist() == standing["region_median"].round(2).tolist()


def test_search_downloads_every_passage_found(app_instance):
    narratives = app_instance.server.config["OCINDEX_STORE"].narratives
    name, table = page_csv(app_instance, "search", "/search?q=gold+mining")
    found = narratives.search("gold mining")
    assert name == "oc-index_search_gold-mining.csv" and len(table) == len(found) > 0
    assert table["passage"].tolist() == [p.sentence.text for p in found]
    assert set(table["term"]) == {"gold mining"} and set(table["source"]) == {SOURCE}
