"""The quadrant: classification, split values, movement, and the pure figure builder."""

from __future__ import annotations

import json
import re
import statistics

import pandas as pd
import pytest

from components.quadrant import MOVERS, QuadrantState, chart_points, highlighted, pick_lists
from figures.quadrant import extreme_countries, quadrant_chart
from ocindex import quadrant as q


def continent_traces(figure):
    return [t for t in figure["data"] if t.get("legendgroup")]


def codes(trace) -> list[str]:
    """The ISO3 codes of a trace's points: the first item of each point's customdata."""
    return [point[0] for point in trace["customdata"]]


def hovers(trace) -> list[str]:
    """Each point's hover as Plotly writes it from the trace's template (x and y to two decimals)."""
    def fill(i):
        values = {"text": trace["text"][i], "x": f"{trace['x'][i]:.2f}", "y": f"{trace['y'][i]:.2f}"}
        return re.sub(r"%\{(\w+)(?:\[(\d)\])?(?::\.2f)?\}",
                      lambda m: trace["customdata"][i][int(m[2])] if m[2] else values[m[1]],
                      trace["hovertemplate"]).replace("<extra></extra>", "")
    return [fill(i) for i in range(len(trace["x"]))]


def test_one_point_per_country_of_every_edition(index, workbook_editions):
    for edition in workbook_editions:
        figure, _, _ = quadrant_chart(index, edition)
        plotted = [iso3 for trace in continent_traces(figure) for iso3 in codes(trace)]
        assert len(plotted) == 193 and sorted(plotted) == sorted(index.wide(edition).index), edition


def test_each_point_sits_at_the_published_scores(index, workbook):
    raw = pd.read_excel(workbook, sheet_name="2021_dataset").set_index("Country")
    figure, _, _ = quadrant_chart(index, 2021)
    for trace in continent_traces(figure):
        for iso3, x, y in zip(codes(trace), trace["x"], trace["y"]):
            if iso3 == "PER":
                assert (x, y) == (raw.loc["Peru", "Criminality"], raw.loc["Peru", "Resilience"])


def test_gitoc_split_reproduces_gitocs_published_quadrant_counts(index):
    # GI-TOC's 2023 report: 47 countries in low criminality-high resilience, three fewer than in 2021.
    published_low_high = {2021: 50, 2023: 47}
    for edition, expected in published_low_high.items():
        points = q.positions(index, edition)
        tally = q.counts(q.classify(points["criminality"], points["resilience"], q.split_for(points, "gitoc")))
        assert tally[q.QUADRANTS[0]] == expected
        assert sum(tally.values()) == 193


def test_a_score_of_exactly_the_split_counts_as_high():
    split = q.Split("gitoc", 5.5, 5.5)
    labels = q.classify(pd.Series([5.5, 5.49]), pd.Series([5.5, 5.49]), split)
    assert labels.tolist() == ["High criminality – high resilience", "Low criminality – low resilience"]


@pytest.mark.parametrize("method, measure", [("mean", statistics.fmean), ("median", statistics.median)])
def test_mean_and_median_splits_equal_an_independent_computation(index, workbook, method, measure):
    raw = pd.read_excel(workbook, sheet_name="2023_dataset")
    split = q.split_for(q.positions(index, 2023), method)
    assert split.criminality == pytest.approx(measure(raw["Criminality avg,"].tolist()))
    assert split.resilience == pytest.approx(measure(raw["Resilience avg,"].tolist()))


def caption_trace(figure) -> dict:
    """The trace of text that names each quadrant and counts its countries."""
    [captions] = [t for t in figure["data"] if t.get("mode") == "text"]
    return captions


def test_quadrant_captions_count_the_highlighted_countries_and_sum_to_the_number_shown(index):
    figure, note, description = quadrant_chart(index, 2023, continents=("Americas",))
    captions = caption_trace(figure)["text"]
    counts = [int(text.split("<b>")[1].split(" ")[0]) for text in captions]
    shown = int(note.split(" of ")[0])
    assert len(captions) == 4 and sum(counts) == shown == 35
    assert "35 of 193" in description


def test_quadrant_captions_sit_in_their_corners_over_the_points_and_hide_none(index):
    """The most extreme countries sit in the corners (Myanmar and Afghanistan under 'High criminality – low
    resilience'): a caption's box, drawn over the points, hid them on a phone. Captions are letters alone, with a
    halo, drawn last, and neither hover nor join the chart's table (hoverinfo skip: assets/chart_tables.js)."""
    figure, _, _ = quadrant_chart(index, index.latest, country="PER")
    captions = caption_trace(figure)
    assert figure["data"][-1] is captions and captions["hoverinfo"] == "skip" and not captions["showlegend"]
    assert captions["textfont"].get("shadow") and not figure["layout"]["annotations"][:-1]  # only Peru's name
    corners = {(x, y): text.split("<br>")[:2] for x, y, text in zip(captions["x"], captions["y"], captions["text"])}
    assert corners == {(1, 10): ["Low criminality", "high resilience"], (1, 1): ["Low criminality", "low resilience"],
                       (10, 10): ["High criminality", "high resilience"],
                       (10, 1): ["High criminality", "low resilience"]}
    # Each runs from its corner into its quadrant.
    assert [p.split() for p in captions["textposition"]] == [
        ["bottom" if y == 10 else "top", "right" if x == 1 else "left"] for x, y in zip(captions["x"], captions["y"])]


def test_filtered_out_countries_fade_rather_than_vanish(index):
    figure, _, _ = quadrant_chart(index, 2023, regions=("South America",))
    faded = [t for t in continent_traces(figure) if t["marker"]["opacity"] < 0.5]
    bright = [t for t in continent_traces(figure) if t["marker"]["opacity"] > 0.5]
    assert sum(len(t["x"]) for t in bright) == 12
    assert sum(len(t["x"]) for t in faded) == 193 - 12


@pytest.mark.parametrize("filters", [{}, {"regions": ("South America",)}, {"continents": ("Oceania",)}])
def test_the_legend_names_each_continent_once_and_no_trace_is_empty(index, filters):
    figure, _, _ = quadrant_chart(index, 2023, **filters)
    traces = continent_traces(figure)
    named = [t["name"] for t in traces if t["showlegend"]]
    assert sorted(named) == sorted(index.wide(2023)["continent"].unique())
    assert all(t["x"] for t in traces)
    # A trace keeps its uid from view to view, so a continent hidden from the legend stays hidden.
    assert len({t["uid"] for t in traces}) == len(traces)


def test_movement_paths_join_the_right_editions_for_the_right_country(index, workbook):
    raw = {e: pd.read_excel(workbook, sheet_name=f"{e}_dataset").set_index("Country") for e in (2021, 2023)}
    paths = q.paths(index, 2023, ["PER", "MMR"])
    peru = paths[paths["iso3"] == "PER"]
    assert peru["edition"].tolist() == [2021, 2023]
    assert peru["criminality"].tolist() == [raw[2021].loc["Peru", "Criminality"], raw[2023].loc["Peru", "Criminality avg,"]]
    assert peru["resilience"].tolist() == [raw[2021].loc["Peru", "Resilience"], raw[2023].loc["Peru", "Resilience avg,"]]
    figure, _, _ = quadrant_chart(index, 2023, movement=True)
    movement = next(t for t in figure["data"] if t["name"] == "Movement")
    segments = sum(1 for v in movement["x"] if v is None)
    assert segments == 193  # every country has a 2021 and a 2023 position
    assert not any(t["name"] == "Movement" for t in quadrant_chart(index, 2021, movement=True)[0]["data"])


def largest(values, n: int) -> list[float]:
    """The n largest values, and any after them equal to the nth."""
    ranked = sorted(values, reverse=True)
    return [v for v in ranked if v >= ranked[n - 1]]


def test_movers_are_the_largest_changes_in_each_direction(index):
    points = q.positions(index, 2023)
    movers = q.movers(index, 2023, n=3)
    assert movers["criminality_up"]["criminality_change"].tolist() == largest(points["criminality_change"], 3)
    assert movers["resilience_down"]["resilience_change"].tolist() == [
        -v for v in largest(-points["resilience_change"], 3)]


def test_a_list_cut_at_n_keeps_the_rows_tied_with_the_nth():
    ranked = pd.DataFrame({"iso3": list("ABCDE"), "change": [0.5, 0.25, 0.25, 0.25, 0.1]})
    assert q.leading(ranked, "change", 2)["iso3"].tolist() == ["A", "B", "C", "D"]
    assert q.leading(ranked, "change", 4)["iso3"].tolist() == ["A", "B", "C", "D"]
    assert q.leading(ranked, "change", 1)["iso3"].tolist() == ["A"]
    assert q.leading(ranked, "change", 9)["iso3"].tolist() == list("ABCDE")


def test_the_movers_panel_lists_every_country_tied_with_the_last_shown(index):
    """The panel's five largest rises in criminality, and any country that rose as much as the fifth (Sierra Leone
    was left out of 2025's list, at +0.47 as Guinea)."""
    latest = index.latest
    rises = q.change_since(index, latest, index.previous_edition(latest))
    rises = rises[rises["criminality_change"] > 0].set_index("iso3")["criminality_change"]
    expected = set(rises[rises >= sorted(rises, reverse=True)[MOVERS - 1]].index)
    section = next(s for s in _lists(index, QuadrantState(latest))["movers"]["sections"]
                   if s["heading"].startswith("Criminality rose most"))
    listed = {entry["iso3"] for entry in section["entries"]}
    assert listed == expected and len(listed) >= MOVERS


def test_quadrant_changes_list_exactly_the_countries_that_changed(index):
    changed = q.quadrant_changes(index, 2023, "gitoc")
    def quadrant_of(edition):
        p = q.positions(index, edition)
        return dict(zip(p["iso3"], q.classify(p["criminality"], p["resilience"], q.Split("gitoc", 5.5, 5.5))))
    before, after = quadrant_of(2021), quadrant_of(2023)
    assert set(changed["iso3"]) == {c for c in after if after[c] != before[c]}
    row = changed.iloc[0]
    assert (row["before"], row["after"]) == (before[row["iso3"]], after[row["iso3"]])


def test_labels_go_to_the_countries_furthest_from_the_split(index):
    points, split = chart_points(index, QuadrantState(edition=2023))
    labelled = extreme_countries(points, split, 3)
    distance = ((points["criminality"] - 5.5) ** 2 + (points["resilience"] - 5.5) ** 2)
    assert set(labelled) == set(points.loc[distance.nlargest(3).index, "iso3"])


def test_selected_country_is_ringed_and_named(index):
    figure, _, _ = quadrant_chart(index, 2021, country="PER")
    assert any(t.get("customdata") == ["PER"] and not t.get("legendgroup") for t in figure["data"])
    assert any("Peru" in a["text"] for a in figure["layout"]["annotations"])


def test_hover_shows_both_scores_with_two_decimals_ranks_and_quadrant(index):
    figure, _, _ = quadrant_chart(index, 2021)
    texts = [text for t in continent_traces(figure) for iso3, text in zip(codes(t), hovers(t)) if iso3 == "PER"]
    assert texts == ["<b>Peru</b> · South America<br>Criminality 6.35 · 26th of 193<br>"
                     "Resilience 4.58 · 106th of 193<br>High criminality – low resilience"]


# ------------------------------------------------------------------------------------------ URL state


def test_url_state_round_trips(index):
    state = QuadrantState(edition=2021, split="median", continents=("Americas",), regions=("South America",),
                          country="PER", labels=5, movement=True)
    assert QuadrantState.from_query(state.to_query(), index) == (state, [])
    assert state.href(app_for_links()) == ("/?edition=2021&split=median&continent=Americas&region=South+America"
                                           "&country=PER&labels=5&movement=1")


def app_for_links():
    from dash import Dash
    return Dash(__name__)


def test_the_default_view_names_only_its_edition(index):
    assert QuadrantState(edition=index.latest).to_query() == f"?edition={index.latest}"


@pytest.mark.parametrize("query, fragment", [
    ({"edition": ["2022"]}, "Edition '2022' is not available"),
    ({"split": ["thirds"]}, "Split 'thirds' is unknown"),
    ({"country": ["<script>"]}, "Country '<script>' is not in the"),
    ({"continent": ["Atlantis"]}, "Unknown continent 'Atlantis'"),
    ({"labels": ["999"]}, "Labels '999' must be a whole number"),
    ({"movement": ["maybe"]}, "Movement 'maybe' must be 0 or 1"),
])
def test_an_invalid_url_value_falls_back_to_the_default_with_a_notice(index, query, fragment):
    state, notices = QuadrantState.from_query(query, index)
    defaults = QuadrantState(edition=index.latest)
    assert state == defaults
    assert len(notices) == 1 and fragment in notices[0]


def test_lower_case_country_codes_are_accepted(index):
    state, notices = QuadrantState.from_query({"country": ["per"], "edition": ["2021"]}, index)
    assert (state.country, state.edition, notices) == ("PER", 2021, [])


# ------------------------------------------------------------------------------------------ filters, dividers


def test_a_score_near_a_divider_says_which_side_it_is_on():
    assert q.divider_note(5.46, 5.5) == "0.04 below the 5.50 split"
    assert q.divider_note(5.71, 5.5) == "0.21 above the 5.50 split"
    assert q.divider_note(5.5, 5.5) == "exactly on the 5.50 split (counts as high)"
    assert q.divider_note(5.496, 5.5) == "exactly on the 5.50 split (counts as high)"  # 5.50 at two decimals
    assert q.divider_note(4.58, 5.5) is None and q.divider_note(6.0, 5.5) is None


def test_colombia_on_the_resilience_divider_is_placed_by_its_hover_and_panel(index, app_instance):
    from components.quadrant import country_panel

    edition = 2025  # test data: Colombia's 2025 resilience is 5.46, just under GI-TOC's 5.50 split
    assert index.wide(edition).loc["COL", "resilience"] == 5.46
    figure, _, _ = quadrant_chart(index, edition)
    hover = next(text for t in continent_traces(figure) for iso3, text in zip(codes(t), hovers(t))
                 if iso3 == "COL")
    assert "Resilience 5.46 · " in hover and "0.04 below the 5.50 split" in hover
    assert "High criminality – low resilience" in hover
    state = QuadrantState(edition=edition, country="COL")
    panel = str(country_panel(app_instance, index, state, chart_points(index, state)))
    assert "Resilience 5.46: 0.04 below the 5.50 split." in panel


def _lists(index, state: QuadrantState) -> dict[str, dict]:
    """The side lists of a view, as the page sends them to the browser."""
    return {name: json.loads(text) for name, text in pick_lists(index, state, highlighted(chart_points(index, state))).items()}


def _list_names(panel: dict) -> list[str]:
    """The country names of a side list's entries, section after section."""
    return [entry["name"] for section in panel.get("sections", []) for entry in section["entries"]]


def test_movers_and_quadrant_changes_honour_the_region_filter(index):

    state = QuadrantState(edition=2023, regions=("South America",))
    members = index.wide(2023).query("region == 'South America'")
    movers = _list_names(_lists(index, state)["movers"])
    assert movers and set(movers) <= set(members["country"])
    # The rise in criminality: the five largest rises among the region's countries, read from the tidy table.
    rows = index.tidy.query("edition == 2023 and indicator == 'criminality' and region == 'South America'")
    rises = rows[rows["change"] > 0].sort_values(["change", "country"], ascending=[False, True])
    assert movers[:5] == rises["country"].head(5).tolist()
    changed = _list_names(_lists(index, state)["changes"])
    assert set(changed) <= set(members["country"])
    everywhere = _list_names(_lists(index, QuadrantState(edition=2023))["changes"])
    assert set(changed) == set(everywhere) & set(members["country"])


def test_a_filter_names_its_countries_on_the_chart(index):
    figure, note, _ = quadrant_chart(index, 2023, regions=("South America",))
    named = {a["text"] for a in figure["layout"]["annotations"]}
    members = index.wide(2023).query("region == 'South America'")["country"]
    assert set(members) <= named and len(members) <= 20
    assert "furthest" not in note
    _, wide_note, _ = quadrant_chart(index, 2023, continents=("Africa",))
    assert "names on the 20 furthest from the dividers" in wide_note
    unfiltered, _, _ = quadrant_chart(index, 2023)
    assert not any(a.get("showarrow") for a in unfiltered["layout"]["annotations"])  # no names without asking


def test_only_like_for_like_positions_are_labelled_as_ours(index):
    def labelled_ours(edition, **options):
        figure, note, _ = quadrant_chart(index, edition, **options)
        return any("not GI-TOC's" in a.get("text", "") for a in figure["layout"]["annotations"]), note

    assert labelled_ours(2023, like_for_like=True)[0]
    # Test data: South America is the same group in every edition, the 2025 Caribbean is not (it adds its own note).
    labelled, note = labelled_ours(2025, regions=("Caribbean",))
    assert not labelled and "regions differ between editions" in note
    assert not labelled_ours(2025, regions=("South America",))[0]


# ------------------------------------------------------------------------------------------ edition switch


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _switch_traces(view) -> list[dict]:
    """The continent traces of a stored view's chart (an update in place: its operations assign the traces)."""
    data = next(op["params"]["value"] for op in view["figure"]["operations"] if op["location"] == ["data"])
    return [t for t in data if t.get("legendgroup")]


def test_the_page_holds_every_other_editions_chart_as_the_workbook_gives_it(index, workbook, workbook_editions,
                                                                            app_instance):
    from html import unescape

    from components.quadrant import chart, edition_views, side_parts
    from ocindex.ranks import ordinal
    from tests.unit.sheets import competition_rank, composite, read_sheets

    sheets = read_sheets(workbook)
    latest = workbook_editions[-1]
    state = QuadrantState(edition=latest, continents=("Americas",), country="PER")
    views = edition_views(index, state, False, lambda other: (chart(index, other), side_parts(app_instance, index, other)))
    assert views["edition"] == latest and views["drawn"][1] == latest
    assert set(views["views"]) == {str(e) for e in workbook_editions[:-1]}
    for edition in workbook_editions[:-1]:
        view, rows = views["views"][str(edition)], sheets[edition]
        assert view["key"][:6] == [False, edition, "gitoc", ["Americas"], [], "PER"]
        # Names as the workbook spells them, but for case and punctuation: one edition writes "Eswatini", another
        # "eSwatini"; "Congo, Dem. Rep." and "Congo, Dem, Rep,".
        by_name = {_letters(r["Country"]): r for r in rows}
        americas = {_letters(r["Country"]) for r in rows if r["Continent"].strip() == "Americas"}
        criminality = [composite(r, "criminality") for r in rows]
        seen, bright = set(), set()
        for trace in _switch_traces(view):
            for name, x, y, data in zip(trace["text"], trace["x"], trace["y"], trace["customdata"]):
                name = _letters(unescape(name))
                row = by_name[name]
                assert (x, y) == (composite(row, "criminality"), composite(row, "resilience")), (edition, name)
                rank = competition_rank(composite(row, "criminality"), criminality)
                assert data[2].startswith(f"{ordinal(rank)} of {len(rows)}"), (edition, name)
                seen.add(name)
                if trace["marker"]["opacity"] > 0.5:
                    bright.add(name)
        assert seen == set(by_name) and bright == americas
        assert view["note"].startswith(f"{len(americas)} of {len(rows)} countries highlighted")
        peru = by_name["peru"]
        assert f"{edition} edition" in view["summary"]
        assert f"Peru: criminality {composite(peru, 'criminality'):.2f}" in view["summary"]
        # The side panel of that edition: Peru's, and the largest rise in criminality in the Americas since the
        # edition before it, as the workbook's sheets give them.
        assert f"{edition} edition" in json.dumps(view["panel"])
        movers = json.loads(view["movers"])
        earlier = workbook_editions[workbook_editions.index(edition) - 1] if edition != workbook_editions[0] else None
        if earlier is None:
            assert "first edition" in movers["message"]
            continue
        before = {_letters(r["Country"]): composite(r, "criminality") for r in sheets[earlier]}
        rise = max(composite(by_name[name], "criminality") - before[name] for name in americas if name in before)
        top = movers["sections"][0]
        assert top["heading"] == f"Criminality rose most in Americas since {earlier}"
        assert top["entries"][0]["value"] == f"{rise:+.2f}"


def test_an_edition_switch_keeps_only_what_the_new_edition_has(index, workbook):
    from components.quadrant import edition_views
    from tests.unit.sheets import read_sheets

    regions = {e: {r["Region"].strip() for r in rows} for e, rows in read_sheets(workbook).items()}
    editions = sorted(regions)
    # A region of the first edition that a later one does not have (regions differ between editions).
    gone = next((region, later) for later in editions[1:] for region in sorted(regions[editions[0]] - regions[later]))
    kept = sorted(regions[editions[0]] & regions[gone[1]])[0]
    state = QuadrantState(edition=editions[0], regions=(gone[0], kept))
    views = edition_views(index, state, False,
                          lambda other: (quadrant_chart(index, other.edition, regions=other.regions), {}))
    later = views["views"][str(gone[1])]
    assert later["key"][4] == [kept]  # the regions control then holds only the region the edition has
    assert later["key"][9] == max(e for e in editions if e < gone[1])  # change since its previous edition
    assert views["drawn"][4] == [gone[0], kept] and views["drawn"][9] is None  # the first edition: nothing earlier


def test_a_view_asked_of_the_server_comes_with_its_address_read_where_it_was_asked(app_instance, index):
    """The quadrant writes its own address (no generic URL sync): the chart's answer carries the view's query, to be
    written only at the address the controls were read at; none when that address holds the view already, or is no
    longer the quadrant's."""
    from components import ids
    from tests import callbacks

    client = app_instance.server.test_client()
    outputs = callbacks.outputs_of(client, ids.QUADRANT.GRAPH, "figure")
    first = index.editions[0]

    def answer(at):
        key = [False, first, "gitoc", [], [], "PER", 5, False, "official", None]  # presentation mode, then the controls
        request = callbacks.body(outputs, [(ids.QUADRANT.ASK, "data", {"key": key, "drawn": None, "at": at})],
                                 changed=callbacks.prop_id(ids.QUADRANT.ASK, "data"))
        response = callbacks.post(client, request)
        assert response.status_code == 200
        return response.get_json()["response"]

    written = answer(["/", "?edition=2025"])[ids.SHELL.SYNC_WRITE]["data"]
    assert written["at"] == ["/", "?edition=2025"]
    assert written["search"] == f"?edition={first}&country=PER&labels=5"
    assert written["title"].startswith(f"Criminality vs resilience, {first}")
    assert ids.SHELL.SYNC_WRITE not in answer(["/", f"?labels=5&country=PER&edition={first}"])  # the same view
    assert ids.SHELL.SYNC_WRITE not in answer(["/compare", ""])  # a link has left the page meanwhile
    assert ids.QUADRANT.GRAPH in answer(["/compare", ""])
