"""Regions and continents ranked: its URL state and its callback, called as a plain function."""

from __future__ import annotations

import json

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from components import common
from components import regions as page
from components.regions import RegionsState
from ocindex import regions


def test_bad_url_values_fall_back_with_notices(index):
    first = index.editions[0]
    state, notices = RegionsState.from_query(f"?edition={first}&level=planet&indicator=nonsense&country=xyz", index)
    assert (state.edition, state.level, state.indicator, state.country) == (first, "region", "criminality", None)
    assert notices == ["Level 'planet' is unknown; choose from: region, continent.",
                       f"Indicator 'nonsense' is not assessed in {first}; showing criminality.",
                       f"Country 'xyz' is not in the {first} edition (use an ISO3 code such as PER)."]
    # Test data: the first edition did not assess the markets added later (extortion, from the second).
    state, notices = RegionsState.from_query(f"?edition={first}&indicator=extortion-and-protection-racketeering",
                                             index)
    assert state.indicator == "criminality" and "not assessed in" in notices[0]


def test_the_url_reproduces_the_view(index, app_instance):
    state = RegionsState(edition=index.editions[0], level="continent", indicator="resilience", country="PER")
    assert state.to_query() == f"?edition={index.editions[0]}&level=continent&indicator=resilience&country=PER"
    assert RegionsState.from_query(state.to_query(), index) == (state, [])
    assert state.href(app_instance) == "/regions" + state.to_query()
    assert RegionsState(edition=index.latest).to_query() == f"?edition={index.latest}&level=region&indicator=criminality"


def test_the_callback_ranks_and_marks_the_countrys_group(index):
    first = index.editions[0]
    controls = {"edition": index.latest, "level": "region", "indicator": "criminality", "country": "PER"}
    figure, rows, columns, selected, message, note = page.update(index, controls, False)
    peru = index.wide(index.latest).loc["PER"]
    assert selected == {"ids": [peru["region"]]} and message is None
    assert [r["group"] for r in rows] == regions.ranking(index, index.latest, "criminality", "region")["group"].tolist()
    assert "World: the mean of all countries." in note
    not_assessed = {**controls, "edition": first, "indicator": "extortion-and-protection-racketeering"}
    figure, rows, columns, selected, message, note = page.update(index, not_assessed, False)
    assert rows == [] and columns is no_update and f"not assessed in {first}" in json.dumps(common.plain(message))
    for bad in ({"indicator": None}, {"level": "planet"}, {"country": "XYZ"}, {"edition": "2023"}):
        with pytest.raises(PreventUpdate):
            page.update(index, {**controls, **bad}, False)

