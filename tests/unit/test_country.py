"""Country profile: its URL state, and its callbacks called as plain functions."""

from __future__ import annotations

import pandas as pd
import pytest
from dash.exceptions import PreventUpdate

from components import country
from components.common import country_href
from components.country import CountryState
from components.urlstate import STATES, NotFound
from tests.layout_text import text_of
from tests.missing_country import write_without_country


def test_values_that_do_not_fit_fall_back_with_a_notice_saying_what(index):
    state, notices = CountryState.from_query("?edition=1999&indicator=<b>&path=criminality&peers=XYZ", index,
                                             iso3="per")
    assert (state.iso3, state.edition, state.indicator, state.trail) == ("PER", index.latest, None, None)
    assert notices == [
        f"Edition '1999' is not available here; showing {index.latest}. "
        f"Available: {', '.join(map(str, index.editions))}.",
        f"Country 'XYZ' is not in the {index.latest} edition: ignored.",
        "Indicator '<b>' is unknown; the profile text shows every indicator.",
        "Indicator 'criminality' is unknown; the path shows the composites only.",  # a composite: always in the path
    ]
    with pytest.raises(NotFound, match="not the ISO3 code"):
        CountryState.from_query("", index, iso3="XYZ")


def test_the_url_reproduces_the_view(index, app_instance):
    state = CountryState(iso3="PER", edition=2023, peers=("COL", "ECU"), indicator="cocaine-trade",
                         trail="cocaine-trade")
    assert state.location() == "/country/PER?edition=2023&peers=COL,ECU&indicator=cocaine-trade&path=cocaine-trade"
    assert CountryState.from_query(state.to_query(), index, iso3="PER") == (state, [])
    assert CountryState(iso3="PER", edition=2023).href(app_instance) == "/country/PER?edition=2023"
    assert country_href(app_instance, "PER", 2023) == "/country/PER?edition=2023"
    assert country.title(state, index) == "Peru — Country profile"


def test_without_peers_in_the_url_the_nearest_of_the_region_are_shown(index):
    state, _ = CountryState.from_query("?edition=2023", index, iso3="PER")
    peers = state.peers
    assert len(peers) == 4 and "PER" not in peers and set(index.wide(2023).loc[list(peers), "region"]) == {"South America"}


def test_the_peers_table_shows_the_country_and_its_peers(index, app_instance, workbook):
    links, grid = country.update_peers(app_instance, index, {"iso3": "PER", "edition": 2023, "peers": ["COL", "BRA"]})
    table = text_of([links, grid])
    scores = pd.read_excel(workbook, sheet_name="2023_dataset").set_index("Country")["Cocaine trade"]
    assert all(name in table for name in ("Peru", "Colombia", "Brazil")) and "/country/COL?edition=2023" in table
    cocaine = next(row for row in grid.rowData if row["label"] == "Cocaine trade")
    assert [cocaine[c] for c in ("PER", "COL", "BRA")] == [scores[n] for n in ("Peru", "Colombia", "Brazil")]
    with pytest.raises(PreventUpdate):
        country.update_peers(app_instance, index, {"iso3": "PER", "edition": 2023, "peers": ["XYZ"]})


def test_the_path_adds_the_indicator_chosen(index):
    figure, table = country.update_path(index, {"iso3": "PER", "trail": "cocaine-trade"}, False)
    assert "Cocaine trade" in text_of(figure) and "Cocaine trade" in text_of(table)
    figure, table = country.update_path(index, {"iso3": "PER", "trail": None}, False)
    assert "Cocaine trade" not in text_of(table)
    with pytest.raises(PreventUpdate):
        country.update_path(index, {"iso3": "PER", "trail": "criminality"}, False)


def test_the_profile_and_links_follow_the_edition(index, app_instance):
    summary, dots, absent, table = country.update_profile(
        index, {"iso3": "PER", "edition": 2021}, False,
        lambda edition, iso3: country.profile_content(app_instance, index, edition, iso3))
    assert {r["slug"] for r in table.rowData} == {i.slug for i in index.indicators(2021)}
    assert "2021 edition" in text_of(summary)
    assert country.update_links(app_instance, index, {"iso3": "PER", "edition": 2021}) == (
        "/brief/PER?edition=2021", "/similar/PER?edition=2021",
        "/deck?edition=2021&countries=PER&views=quadrant,region,profile,path,map")
    with pytest.raises(PreventUpdate):
        country.update_links(app_instance, index, {"iso3": "PER", "edition": 1999})


def test_the_profile_text_follows_the_indicator_chosen(app_instance):
    store = app_instance.server.config["OCINDEX_STORE"]
    text = text_of(country.update_narrative(store, {"iso3": "PER", "edition": 2021, "indicator": "cocaine-trade"}))
    # Test data: Peru's 2021 profile text.
    assert "passages on Cocaine trade" in text and "second-largest producer of " in text
    with pytest.raises(PreventUpdate):
        country.update_narrative(store, {"iso3": "PER", "edition": 2021, "indicator": 7})


def test_opening_a_profile_leaves_its_url_alone_and_a_change_writes_every_choice(index, app_instance):
    from components.registry import sync_url

    store = app_instance.server.config["OCINDEX_STORE"]
    opened, _ = CountryState.from_query("?edition=2023", index, iso3="PER")
    controls = {"iso3": "PER", "edition": 2023, "peers": list(opened.peers), "indicator": None, "trail": None}
    with pytest.raises(PreventUpdate):  # the nearest of the region, as the URL without peers holds
        sync_url(app_instance, store, country.PAGE, controls, "/country/PER", "?edition=2023")
    query, heading = sync_url(app_instance, store, country.PAGE, {**controls, "edition": 2021}, "/country/PER",
                              "?edition=2023")
    assert query == f"?edition=2021&peers={','.join(opened.peers)}" and heading.startswith("Peru — Country profile")


def test_the_profile_links_to_the_country_s_other_views_of_its_edition(app_instance):
    from components.pages import PAGES
    from components.shell import route

    page = text_of(route(app_instance, app_instance.server.config["OCINDEX_STORE"], PAGES, "/country/PER", "?edition=2021"))
    assert all(f'"{link}"' in page for link in ("/brief/PER?edition=2021", "/similar/PER?edition=2021"))


@pytest.fixture(scope="module")
def without_peru_at_first(tmp_path_factory, workbook):
    folder = tmp_path_factory.mktemp("without-peru")
    return folder, write_without_country(workbook, folder / "global_oc_index.xlsx")


@pytest.mark.parametrize("page", ["country", "brief", "similar"])
def test_an_edition_that_does_not_assess_the_country_falls_back_with_a_notice(without_peru_at_first, page):
    from app import create_app
    from ocindex.settings import Settings
    from tests import callbacks

    folder, first = without_peru_at_first
    app = create_app(Settings(data_dir=folder))
    data = app.server.config["OCINDEX_STORE"].index
    assessing = [e for e in data.editions if e != first]
    state, notices = STATES[page].from_query(f"?edition={first}", data, iso3="PER")
    assert state.edition == assessing[-1]
    assert notices == [f"Edition '{first}' is not available here; showing {assessing[-1]}. "
                       f"Available: {', '.join(map(str, assessing))}."]
    answer = callbacks.post(app.server.test_client(), callbacks.page_body(f"/{page}/PER", f"?edition={first}"))
    assert answer.status_code == 200
    assert f"Edition '{first}' is not available here" in answer.get_data(as_text=True)
    with pytest.raises(PreventUpdate):  # the edition control cannot ask for it either
        STATES[page].from_controls(data, iso3="PER", edition=first)
