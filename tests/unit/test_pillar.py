"""Pillar page: its URL state (editions that assess the pillar, continent and region filters), its CSV, and its
callbacks called as plain functions."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from dash.exceptions import PreventUpdate

from components import pillar
from components.common import plain
from components.pillar import PillarState
from components.urlstate import NotFound
from tests.unit.test_downloads import page_csv

FROM_2023 = "cyber-crimes"  # test data: a thematic group whose indicators were first assessed in 2023


def test_values_that_do_not_fit_fall_back_with_a_notice_saying_what(index):
    state, notices = PillarState.from_query("?edition=2021&continent=Americas&continent=Atlantis&region=Mars"
                                            "&country=XYZ", index, slug=FROM_2023)
    assert (state.edition, state.continents, state.regions, state.country) == (index.latest, ("Americas",), (), None)
    assert notices == [
        f"Edition '2021' is not available here; showing {index.latest}. "
        f"Available: {', '.join(str(e) for e in index.editions if e >= 2023)}.",
        f"Unknown continent 'Atlantis' in {index.latest}: ignored.", f"Unknown region 'Mars' in {index.latest}: ignored.",
        f"Country 'XYZ' is not in the {index.latest} edition (use an ISO3 code such as PER)."]
    with pytest.raises(NotFound, match="no pillar or thematic group"):
        PillarState.from_query("", index, slug="Drugs")


def test_the_url_reproduces_the_view(index, app_instance):
    state = PillarState(slug="drugs", edition=2021, continents=("Americas", "Europe"), regions=("South America",),
                        country="PER")
    assert state.href(app_instance) == ("/pillar/drugs?edition=2021&continent=Americas&continent=Europe"
                                        "&region=South+America&country=PER")
    assert PillarState.from_query(state.to_query(), index, slug="drugs") == (state, [])
    assert PillarState(slug="drugs", edition=2021).location() == "/pillar/drugs?edition=2021"
    assert pillar.title(state, index) == "Drugs — Pillar"
    assert ("Drugs", "/pillar/drugs") in pillar.menu(index) and len(pillar.menu(index)) == 13


def test_the_heat_table_follows_the_filters(index, workbook):
    rows, columns, absent = pillar.update_table(index, {"slug": "drugs", "edition": 2021, "continents": ["Americas"],
                                                        "regions": []})
    sheet = pd.read_excel(workbook, sheet_name="2021_dataset")
    americas = sheet[sheet["Continent"] == "Americas"]
    assert len(rows) == len(americas) and {r["continent"] for r in rows} == {"Americas"}
    assert [c["headerName"] for c in columns][2:] == ["Criminal markets", "Heroin trade", "Cocaine trade", "Cannabis trade",
                                                      "Synthetic drug trade"]
    assert absent is None
    with pytest.raises(PreventUpdate):
        pillar.update_table(index, {"slug": "drugs", "edition": 2021, "continents": ["Atlantis"], "regions": []})


def test_the_selected_country_shows_what_pulls_its_score(index, app_instance):
    panel = json.dumps(plain(pillar.update_selected(app_instance, index, {"slug": "drugs", "edition": 2021,
                                                                         "country": "PER"}, False)))
    assert "Open Peru's profile" in panel and "/country/PER?edition=2021" in panel
    with pytest.raises(PreventUpdate):
        pillar.update_selected(app_instance, index, {"slug": FROM_2023, "edition": 2021, "country": "PER"}, False)


def test_the_csv_holds_the_filtered_table(app_instance, workbook):
    name, table = page_csv(app_instance, "pillar", "/pillar/drugs?edition=2021&continent=Americas")
    sheet = pd.read_excel(workbook, sheet_name="2021_dataset")
    americas = sheet[sheet["Continent"] == "Americas"].set_index("Country")
    assert name == "oc-index_drugs_2021.csv" and len(table) == len(americas) and set(table["edition"]) == {2021}
    assert table.set_index("country").loc["Peru", "cocaine-trade"] == americas.loc["Peru", "Cocaine trade"]
