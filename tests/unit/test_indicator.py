"""Indicator page: its URL state (editions limited to those assessing the indicator), the jump to another
indicator, and its callbacks called as plain functions."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from components import ids, indicator
from components.common import indicator_link
from components.indicator import IndicatorState
from components.urlstate import NotFound
from tests.layout_text import text_of

NEW_IN_2023 = "extortion-and-protection-racketeering"  # test data: first assessed in 2023



def test_values_that_do_not_fit_fall_back_with_a_notice_saying_what(index):
    assessed = [e for e in index.editions if e >= 2023]
    state, notices = IndicatorState.from_query("?edition=2021&country=xyz&by=planet", index, slug=NEW_IN_2023)
    assert (state.edition, state.country, state.level) == (index.latest, None, "continent")
    assert notices == [
        f"Extortion and protection racketeering is not assessed in the 2021 edition (it is in "
        f"{', '.join(map(str, assessed))}); showing {index.latest}.",
        f"Country 'xyz' is not in the {index.latest} edition (use an ISO3 code such as PER).",
        "Spread 'planet' is unknown; choose from: continent, region."]
    for slug in ("no-such-thing", "<script>"):
        with pytest.raises(NotFound, match="no indicator with that name"):
            IndicatorState.from_query("", index, slug=slug)


def test_the_url_reproduces_the_view(index, app_instance):
    state = IndicatorState(slug="cocaine-trade", edition=2021, country="PER", level="region")
    assert state.href(app_instance) == "/indicator/cocaine-trade?edition=2021&country=PER&by=region"
    assert IndicatorState.from_query(state.to_query(), index, slug="cocaine-trade") == (state, [])
    assert IndicatorState(slug="cocaine-trade", edition=2021).location() == "/indicator/cocaine-trade?edition=2021"
    assert indicator.title(state, index) == "Cocaine trade — Indicator"
    link = indicator_link(app_instance, index.catalogue["cocaine-trade"], 2021, "PER")
    assert link.href == "/indicator/cocaine-trade?edition=2021&country=PER" and link.children == "Cocaine trade"


def test_the_jump_keeps_the_edition_where_the_other_indicator_is_assessed(index, app_instance):
    controls = {"slug": "cocaine-trade", "edition": 2021, "country": "PER"}
    assert indicator.jump(app_instance, index, "heroin-trade", controls) == \
        "/indicator/heroin-trade?edition=2021&country=PER"
    assert indicator.jump(app_instance, index, NEW_IN_2023, controls) == \
        f"/indicator/{NEW_IN_2023}?edition={index.latest}&country=PER"
    assert indicator.jump(app_instance, index, NEW_IN_2023, {**controls, "edition": 2023, "country": None}) == \
        f"/indicator/{NEW_IN_2023}?edition=2023"
    for target in ("cocaine-trade", "no-such-thing", None, 3):
        assert indicator.jump(app_instance, index, target, controls) is no_update
    with pytest.raises(PreventUpdate):
        indicator.jump(app_instance, index, "heroin-trade", {**controls, "edition": 2021.5})


def test_the_ranking_and_summary_follow_the_edition(index, app_instance, workbook):
    summary, rows, columns = indicator.update_ranking(app_instance, index, {"slug": "cocaine-trade", "edition": 2021})
    sheet = pd.read_excel(workbook, sheet_name="2021_dataset")
    assert [r["score"] for r in rows] == sorted(sheet["Cocaine trade"], reverse=True)
    assert f"{sheet['Cocaine trade'].mean():.2f}" in text_of(summary)
    assert not any("since" in c["headerName"] for c in columns)  # nothing before the first edition
    with pytest.raises(PreventUpdate):
        indicator.update_ranking(app_instance, index, {"slug": NEW_IN_2023, "edition": 2021})


def test_the_figures_and_the_selected_country_follow_the_controls(index, app_instance):
    controls = {"slug": "cocaine-trade", "edition": 2023, "country": "PER", "level": "region"}
    world, boxes, note = indicator.update_figures(index, controls, False)
    assert world["data"][-1]["locations"] == ["PER"] and boxes["data"][-1]["customdata"] == ["PER"]
    card, _ = indicator.update_selected(app_instance, app_instance.server.config["OCINDEX_STORE"], controls)
    assert "Open Peru's profile" in text_of(card) and "/country/PER?edition=2023&path=cocaine-trade" in text_of(card)
    with pytest.raises(PreventUpdate):
        indicator.update_figures(index, {**controls, "level": "planet"}, False)


def test_a_click_selects_its_country(index):
    click = {"points": [{"location": "PER"}]}
    assert indicator.select_country(index, ids.INDICATOR.MAP, click, None, None) == "PER"
    assert indicator.select_country(index, ids.INDICATOR.SPREAD, None, {"points": [{"customdata": "COL"}]}, None) == "COL"
    with pytest.raises(PreventUpdate):
        indicator.select_country(index, ids.INDICATOR.MAP, {"points": []}, None, None)


def test_the_indicators_menu_lists_every_group_then_its_indicators(index):
    items = indicator.menu(index)
    headers = [label for label, where in items if where is None]
    assert headers == ["Criminality", "Criminal markets", "Criminal actors", "Resilience"]
    assert ("Cocaine trade", "/indicator/cocaine-trade") in items
    assert len(items) == 4 + len(list(index.catalogue))
