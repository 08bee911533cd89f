"""Views over three editions: the latest by default, change since any earlier edition, paths across editions,
ranks with the places gained, like-for-like pairs and notes where editions do not compare."""

from __future__ import annotations

from components import change, common, country, indicator
from components import quadrant as qv
from figures.quadrant import like_for_like_caption, quadrant_chart
from ocindex import drilldown as dd
from ocindex import likeforlike
from tests.layout_text import text_of


def test_every_view_defaults_to_the_latest_edition(index):
    assert qv.QuadrantState.from_query({}, index)[0].edition == index.latest
    assert country.CountryState.from_query("", index, iso3="PER")[0].edition == index.latest
    assert change.ChangeState.from_query("", index)[0].after == index.latest


def test_the_quadrant_reads_change_since_an_earlier_edition_from_the_url(index):
    first, latest = index.editions[0], index.latest
    state, notices = qv.QuadrantState.from_query({"since": [str(first)]}, index)
    assert (state.since, notices) == (first, [])
    assert f"since={first}" in state.to_query()
    previous = qv.QuadrantState.from_query({"since": [str(index.previous_edition(latest))]}, index)[0]
    assert "since" not in previous.to_query()  # the default, read as such
    state, notices = qv.QuadrantState.from_query({"since": [str(latest)]}, index)  # not earlier than the edition shown
    assert state.since is None and "earlier edition" in notices[0]
    since_first = qv.QuadrantState(latest, since=first)
    lists = qv.pick_lists(index, since_first, qv.highlighted(qv.chart_points(index, since_first)))
    movers, changes = lists["movers"], lists["changes"]
    assert f"Criminality rose most since {first}" in movers
    assert f"countries since {first}" in changes


def test_the_quadrants_like_for_like_option_says_when_it_equals_gitocs(index):
    latest, previous = index.latest, index.previous_edition(index.latest)
    state = qv.QuadrantState(latest, scores="like-for-like", country="PER")
    caption = like_for_like_caption(index, latest, previous)
    first_differing = likeforlike.default_pair(index)[0]
    assert f"{previous} and {latest} assess the same indicators" in caption and f"since {first_differing}" in caption
    assert "assess the same indicators" in text_of(qv.like_for_like_note(None, index, state))
    _, note, _ = quadrant_chart(index, latest, country="PER", like_for_like=True)
    assert "equal GI-TOC's" in note
    _, note, _ = quadrant_chart(index, latest, like_for_like=True, since=first_differing)
    assert f"shares with {first_differing}" in note


def test_ranks_show_the_places_gained_since_the_previous_edition(index):
    summary = text_of(common.composite_summary(index, index.latest, "PER"))
    previous = index.previous_edition(index.latest)
    row = index.edition_table(index.latest).set_index(["iso3", "indicator"]).loc[("PER", "criminality")]
    places = int(row["rank_change"])
    arrow = "▲" if places > 0 else "▼"
    assert f"of {row['n_global']}, {arrow}{abs(places)} since {previous}" in summary


def test_the_country_path_covers_every_edition_with_both_changes(index):
    path = dd.country_path(index, "PER", ("criminality", "cocaine-trade", "extortion-and-protection-racketeering"))
    table = text_of(common.path_table(index, path))
    scores = index.tidy[(index.tidy["iso3"] == "PER") & (index.tidy["indicator"] == "criminality")]
    for edition, score, change_ in zip(scores["edition"], scores["score"], scores["change"]):
        assert str(edition) in table and f"{score:.2f}" in table
        if change_ == change_:
            assert f"({change_:+.2f})" in table
    unchanged = index.tidy[(index.tidy["iso3"] == "PER") & (index.tidy["change"] == 0)
                           & index.tidy["indicator"].isin(["criminality", "cocaine-trade"])]
    assert len(unchanged) and "(0.00)" in table and "+0.00" not in table  # no change, as the summary writes it
    assert "not assessed" in table  # the market the first edition did not assess
    assert "cocaine-trade" in {o["value"] for o in country.path_options(index)}


def test_the_indicator_page_shows_the_selected_countrys_path(index, app_instance):
    card = text_of(indicator.selected_card(app_instance, index, index.latest, "cocaine-trade", "PER"))
    assert "Across editions" in card and all(str(e) in card for e in index.editions)
    assert "path=cocaine-trade" in card


def test_regions_that_changed_are_noted_on_the_views(index):
    assert "Regions differ between editions" in text_of(country.region_note(index, "MEX"))
    assert country.region_note(index, "PER") is None
    at_merge = min(index.editions, key=lambda e: index.wide(e)["region"].nunique())  # fewest regions: a merger
    assert "Regions differ" in indicator.spread_note(index, at_merge)
    regions = set(index.wide(at_merge)["region"])
    region = next(r for r in sorted(regions) if all(r not in set(index.wide(e)["region"])
                                                   for e in index.editions if e != at_merge))
    _, note, _ = quadrant_chart(index, at_merge, regions=(region,))
    assert "regions differ between editions" in note


def test_change_opens_on_a_pair_with_something_to_split_and_says_why_another_has_nothing(index, app_instance):
    state, _ = change.ChangeState.from_query("", index)
    assert not likeforlike.basis(index, state.before, state.after).identical
    latest, previous = index.latest, index.previous_edition(index.latest)
    note = text_of(change.pair_note(app_instance, index, "criminality", previous, latest))
    assert "Nothing to split" in note and f"from={state.before}" in note
    added = likeforlike.basis(index, state.before, state.after).indicators("added", "criminality")
    note = text_of(change.pair_note(app_instance, index, "criminality", state.before, state.after))
    assert f"added {len(added)} indicators" in note and "Nothing to split" not in note
