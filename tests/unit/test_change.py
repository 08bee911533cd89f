"""Like-for-like change page: its URL state and its callback, called as plain functions."""

from __future__ import annotations

import json

import pytest
from dash.exceptions import PreventUpdate

from components import change, common, ids
from components.change import ChangeState
from ocindex import likeforlike
from ocindex.catalogue import Catalogue
from ocindex.index import load_index
from tests.missing_country import write_without_country


def test_bad_url_values_fall_back_with_notices_that_say_what(index):
    default = likeforlike.default_pair(index)
    state, notices = ChangeState.from_query("?composite=<b>x</b>&from=1999&to=abc&country=xyz", index)
    assert (state.composite, state.before, state.after, state.country) == ("criminality", *default, None)
    assert notices == [
        "Composite '<b>x</b>' is unknown; choose from: criminality, criminal-markets, criminal-actors, resilience.",
        f"Edition '1999' (from) is not loaded; using {default[0]}.",
        f"Edition 'abc' (to) is not loaded; using {default[1]}.",
        f"Country 'xyz' is not in the {default[1]} edition (use an ISO3 code such as PER)."]
    first, latest = index.editions[0], index.latest
    state, notices = ChangeState.from_query(f"?from={latest}&to={first}", index)  # the link's editions, in order
    assert (state.before, state.after) == (first, latest)
    assert notices == [f"'from' ({latest}) is later than 'to' ({first}); comparing {first} with {latest}."]
    state, notices = ChangeState.from_query(f"?from={first}&to={first}", index)
    assert (state.before, state.after) == default
    assert notices == [f"'from' and 'to' name the same edition; comparing {default[0]} with {default[1]}."]


def test_the_url_reproduces_the_view(index, app_instance):
    first, latest = index.editions[0], index.latest
    state = ChangeState(composite="resilience", before=first, after=latest, country="PER")
    assert state.to_query() == f"?composite=resilience&from={first}&to={latest}&country=PER"
    assert ChangeState.from_query(state.to_query(), index) == (state, [])
    assert state.href(app_instance) == f"/change?composite=resilience&from={first}&to={latest}&country=PER"
    default, _ = ChangeState.from_query("", index)  # the pair is always written: a link keeps its editions
    assert default.to_query() == f"?composite=criminality&from={default.before}&to={default.after}"


def test_the_callback_shows_the_pair_and_refuses_a_pair_out_of_order(index, app_instance):
    first, latest = index.editions[0], index.latest
    controls = {"composite": "criminality", "before": first, "after": latest, "country": "PER"}
    figure, description, panel, note = change.update(app_instance, index, controls, False)
    count, flips = change.update_flips(app_instance, index, controls)
    table = likeforlike.like_for_like(index, "criminality", first, latest)
    flipped = table[table["flips"]]
    assert count == f"{len(flipped)} of {len(table)} countries."
    assert flips.id == ids.CHANGE.FLIPS and sorted(r["iso3"] for r in flips.rowData) == sorted(flipped.index)
    assert f"from {first} to {latest}" in description
    assert f"{table.loc['PER', 'official_change']:+.2f}" in json.dumps(common.plain(panel), ensure_ascii=False)
    with pytest.raises(PreventUpdate):
        change.update(app_instance, index, {**controls, "before": latest, "after": first}, False)
    with pytest.raises(PreventUpdate):
        change.update(app_instance, index, {**controls, "composite": "drugs"}, False)
    with pytest.raises(PreventUpdate):
        change.update_flips(app_instance, index, {**controls, "before": latest, "after": first})


def test_a_country_of_the_later_edition_only_is_said_to_have_no_change_to_split(tmp_path, workbook, app_instance):
    first = write_without_country(workbook, tmp_path / "global_oc_index.xlsx", "Peru")
    data = load_index(tmp_path / "global_oc_index.xlsx", Catalogue.load())
    later = data.editions[1]
    state, notices = ChangeState.from_query(f"?from={first}&to={later}&country=PER", data)
    assert (state.country, notices) == ("PER", [])  # Peru is in the later edition
    figure, description, panel, *_ = change.update(app_instance, data, {
        "composite": "criminality", "before": first, "after": later, "country": "PER"}, False)
    assert f"Peru is not in the {first} edition: it has no change to split." in json.dumps(common.plain(panel))
    assert "PER" in description  # not compared, and said so


def test_the_title_says_what_is_compared(index):
    state = ChangeState(composite="resilience", before=index.editions[0], after=index.latest)
    assert change.title(state, index) == f"Resilience, {index.editions[0]} to {index.latest} — Like-for-like change"
