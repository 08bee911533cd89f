"""Compare view: the data shown equals the workbook, and the URL's country list is checked."""

from __future__ import annotations

import json

import pandas as pd

from components import ids, registry
from components.common import plain
from components.compare import DEFAULT, CompareState, body, update_body
from components.pages import PAGES
from figures.compare import compare_dots
from ocindex.compare import comparison


def test_comparison_holds_every_indicator_for_each_country_with_published_scores(index, workbook):
    raw = pd.read_excel(workbook, sheet_name="2023_dataset").set_index("Country")
    rows = comparison(index, 2023, ["PER", "COL"])
    assert len(rows) == 2 * len(index.indicators(2023))
    table = rows.set_index(["iso3", "indicator"])["score"]
    assert table[("COL", "cocaine-trade")] == raw.loc["Colombia", "Cocaine trade"]
    assert table[("PER", "criminality")] == raw.loc["Peru", "Criminality avg,"]
    figure = compare_dots(rows, ["PER", "COL"])
    assert [t["name"] for t in figure["data"]] == ["Peru", "Colombia"]
    assert all(len(t["x"]) == len(index.indicators(2023)) for t in figure["data"])


def test_country_list_in_the_url_is_validated(index):
    state, notes = CompareState.from_query("?countries=per,col,xyz&edition=2023", index)
    assert state.countries == ("PER", "COL") and notes == ["Country 'xyz' is not in the 2023 edition: ignored."]
    state, notes = CompareState.from_query("?countries=COL", index)  # kept, and compared with a default one
    assert state.countries == ("COL", "PER") and notes == [
        "Compare 2 to 5 countries (ISO3 codes such as PER,COL); showing COL, PER."]
    state, notes = CompareState.from_query("?countries=xyz", index)  # none left: the default ones
    assert state.countries == DEFAULT and notes == [f"Country 'xyz' is not in the {index.latest} edition: ignored."]
    state, notes = CompareState.from_query("?countries=PER,COL,MEX,BRA,ECU,BOL", index)
    assert state.countries == ("PER", "COL", "MEX", "BRA", "ECU") and "at most 5" in notes[0]


def test_the_url_reproduces_the_view_and_keeps_its_edition(index):
    state = CompareState(edition=2023, countries=("COL", "PER"), pillar="resilience")
    assert state.location() == "/compare?edition=2023&countries=COL,PER&pillar=resilience"
    assert CompareState.from_query(state.to_query(), index) == (state, [])
    assert CompareState(edition=index.latest).to_query() == f"?edition={index.latest}&countries=PER,COL,MEX"
    assert "pillar" not in CompareState(edition=index.latest).to_query()  # defaults left out, but for the main ones


def test_equal_scores_of_compared_countries_are_drawn_apart(index):
    countries = ["PER", "COL", "MEX"]
    figure = compare_dots(comparison(index, 2023, countries), countries)
    # Test data: all three score 7.50 on state-embedded actors in 2023; each country keeps its own offset in a row.
    assert [t["x"][t["y"].index("State-embedded actors")] for t in figure["data"]] == [7.5, 7.5, 7.5]
    assert figure["layout"]["scattermode"] == "group"
    assert len({t["offsetgroup"] for t in figure["data"]}) == 3 and all(t["orientation"] == "h" for t in figure["data"])


def test_one_pillar_keeps_its_composite_and_its_indicators_only(index, workbook):
    resilience_columns = pd.read_excel(workbook, sheet_name="2023_dataset", nrows=1).columns
    # Test data: in the 2023 sheet the resilience composite and its twelve indicators are the last columns.
    expected = list(resilience_columns[list(resilience_columns).index("Resilience avg,"):])
    rows = comparison(index, 2023, ["PER", "COL"], "resilience")
    labels = [index.catalogue[slug].label for slug in rows.drop_duplicates("indicator")["indicator"]]
    assert len(labels) == len(expected) == 13 and labels[0] == "Resilience"
    assert set(rows["iso3"]) == {"PER", "COL"}


def test_an_unknown_pillar_in_the_url_shows_all_with_a_notice(index):
    assert CompareState.from_query("?pillar=resilience", index)[0].composite == "resilience"
    state, notes = CompareState.from_query("?pillar=<b>x</b>", index)
    assert state.composite is None and "Pillar '<b>x</b>' is unknown" in notes[0]


def test_download_is_off_while_no_comparison_is_shown(index, app_instance):
    controls = {"edition": index.latest, "pillar": "all"}
    for countries, shown in ((["PER"], False), (["PER", "COL", "MEX", "BRA", "ECU", "BOL"], False),
                             (["PER", "COL"], True)):
        drawn, csv_off = update_body(app_instance, index, {**controls, "countries": countries}, False)
        assert ("Choose 2 to 5 countries" not in json.dumps(plain(drawn))) is shown
        assert csv_off is not shown


def test_each_country_stands_under_the_quadrant_with_its_published_scores_and_ranks(index, workbook, app_instance):
    raw = pd.read_excel(workbook, sheet_name="2021_dataset").set_index("Country")
    tree = plain(body(app_instance, index, CompareState(edition=2021, countries=("PER", "COL"))))
    page = json.dumps(tree)
    # 26th of 193: Peru's criminality rank in GI-TOC's 2021 profile of Peru.
    assert f"criminality {raw.loc['Peru', 'Criminality']:.2f} (26th of 193), resilience" in page
    assert f"resilience {raw.loc['Colombia', 'Resilience']:.2f} (" in page
    profiles = {link["href"]: link["children"] for link in links(tree)}
    assert profiles["/country/PER?edition=2021"][0] == "Peru" and profiles["/country/COL?edition=2021"][0] == "Colombia"


def links(node):
    """The props of every dcc.Link in a plain layout."""
    if isinstance(node, list):
        for item in node:
            yield from links(item)
    elif isinstance(node, dict) and "props" in node:
        if node.get("type") == "Link":
            yield node["props"]
        for value in node["props"].values():
            yield from links(value)


def test_the_table_is_drawn_after_the_charts_on_the_page_as_first_drawn(index, app_instance):
    page, groups = registry.find(PAGES, "/compare")
    _, layout, store = registry.render(app_instance, app_instance.server.config["OCINDEX_STORE"], page, groups,
                                       "?edition=2023&countries=PER,COL")
    holder = next(c for c in registry._with_ids(layout) if c.id == ids.COMPARE.TABLE_HOLDER)
    assert holder.children is None  # empty until the browser sets its children
    assert all(c.id != ids.COMPARE.TABLE for c in registry._with_ids(layout))
    table = store.data[ids.COMPARE.TABLE_HOLDER]["children"]
    assert table.id == ids.COMPARE.TABLE
    rows = table.rowData
    assert [row["indicator"] for row in rows] == [i.slug for i in index.indicators(2023)]
    # A control changed: the table comes with its rows.
    controls = {"edition": 2023, "countries": ["PER", "COL"], "pillar": "all"}
    redrawn, _ = update_body(app_instance, index, controls, False)
    assert next(c for c in registry._with_ids(redrawn) if c.id == ids.COMPARE.TABLE).rowData == rows
