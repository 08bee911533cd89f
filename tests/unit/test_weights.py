"""What-if weights page: its URL state (the weights in `w=`) and its callbacks, called as plain functions."""

from __future__ import annotations

import json

import pytest
from dash.exceptions import PreventUpdate

from components import common, weights
from components.weights import WeightsState
from ocindex import weights as wt


def test_bad_weights_in_the_url_are_named_and_the_rest_kept(index):
    state, notices = WeightsState.from_query("?w=drugs:2, people:0,nope:1,trade:x,environment:9&composite=x", index)
    assert state.weights == {"drugs": 2.0, "people": 0.0} and state.composite == "criminality"
    assert notices[0] == ("Composite 'x' is unknown; choose from: criminality, criminal-markets, criminal-actors, "
                          "resilience.")
    assert notices[1].startswith("Weights 'nope:1': no group 'nope'. Groups: civil-society-and-social-protection, ")
    assert notices[2:] == ["Weights 'trade:x': the weight must be a number, such as trade:2.",
                           "Weights 'environment:9': weights go from 0 to 3."]
    state, _ = WeightsState.from_query("?w=drugs:2,drugs:3,people:1", index)  # the last per group; 1 is GI-TOC's
    assert state.weights == {"drugs": 3.0}


def test_the_url_reproduces_the_view(index, app_instance):
    state = WeightsState(edition=index.editions[0], composite="resilience", weighting=("drugs:3", "people:0"))
    assert state.to_query() == f"?edition={index.editions[0]}&composite=resilience&w=drugs%3A3,people%3A0"
    assert WeightsState.from_query(state.to_query(), index) == (state, [])
    assert state.href(app_instance) == "/weights" + state.to_query()
    assert WeightsState(edition=index.latest).to_query() == f"?edition={index.latest}&composite=criminality"


def test_the_sliders_give_the_weights_in_their_order(index):
    groups = weights.slider_groups(index)
    values = [3 if g.key == "drugs" else 0.5 if g.key == "people" else 1 for g in groups]
    state = WeightsState.from_controls(index, edition=index.latest, composite="criminality", weighting=values)
    assert state.weights == {"drugs": 3.0, "people": 0.5}
    for bad in (values[:-1], [*values[:-1], 4], [*values[:-1], True], [*values[:-1], "1"], None):
        with pytest.raises(PreventUpdate):
            WeightsState.from_controls(index, edition=index.latest, composite="criminality", weighting=bad)


def test_the_callbacks_rank_with_the_weights_and_reset_every_slider(index):
    groups = weights.slider_groups(index)
    values = [3 if g.key == "drugs" else 1 for g in groups]
    rows, summary, banner = weights.update(index, {"edition": 2023, "composite": "criminality", "weighting": values})
    expected = wt.what_if(index, 2023, {"drugs": 3.0}).sort_values(["criminality_custom_rank", "country"])
    assert [r["iso3"] for r in rows] == expected.index.tolist()
    assert summary.startswith("Criminality, 2023: ") and "Custom weighting" in json.dumps(common.plain(banner))
    rows, _, banner = weights.update(index, {"edition": 2023, "composite": "criminality",
                                             "weighting": [0 if g.component == "resilience" else 1 for g in groups]})
    assert rows == [] and "No ranking" in json.dumps(common.plain(banner))
    assert weights.reset([{}, {}, {}]) == [1.0, 1.0, 1.0]
    with pytest.raises(PreventUpdate):
        weights.reset(None)
