"""Countries like this: its URL state, and its callback called as a plain function."""

from __future__ import annotations

import json

import pytest
from dash.exceptions import PreventUpdate

from components import similar
from components.common import plain
from components.similar import SimilarState
from ocindex import neighbours as nb


def test_an_unknown_set_of_indicators_falls_back_to_all_with_a_notice(index):
    state, notices = SimilarState.from_query("?edition=2023&by=<i>x</i>", index, iso3="col")
    assert (state.iso3, state.edition, state.scope) == ("COL", 2023, "all")
    assert notices == [f"Set of indicators '<i>x</i>' is unknown; choose from: {', '.join(nb.SCOPES)}."]


def test_the_url_reproduces_the_view(index, app_instance):
    state = SimilarState(iso3="PER", edition=2021, scope="criminal markets")
    assert state.href(app_instance) == "/similar/PER?edition=2021&by=criminal+markets"
    assert SimilarState.from_query(state.to_query(), index, iso3="PER") == (state, [])
    assert SimilarState(iso3="PER", edition=2021).location() == "/similar/PER?edition=2021"  # all: the default
    assert similar.title(state, index) == "Countries like Peru"


def test_the_neighbours_and_standing_follow_the_controls(index, app_instance):
    listed, standing = similar.update(app_instance, index, {"iso3": "PER", "edition": 2023, "scope": "resilience"})
    listed, standing = json.dumps(plain(listed)), json.dumps(plain(standing))
    nearest = nb.nearest(index, 2023, "PER", "resilience", similar.SHOWN)
    assert all(n.country in listed for n in nearest) and "The 5 nearest to Peru" in listed
    assert f"/compare?edition=2023&countries=PER,{','.join(n.iso3 for n in nearest[:4])}" in listed
    assert "South America median" in standing
    for controls in ({"iso3": "PER", "edition": 2023, "scope": "everything"},
                     {"iso3": "PER", "edition": "2023", "scope": "all"}, {"iso3": None, "edition": 2023, "scope": "all"}):
        with pytest.raises(PreventUpdate):
            similar.update(app_instance, index, controls)
