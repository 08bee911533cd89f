"""Drill-downs in headless Chromium: quadrant -> country -> indicator -> another country, and back."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from components import ids
from ocindex.settings import Settings
from tests.unit.test_plotly_bundle import bundled_traces

from .helpers import choose, click_link, filter_grid, grid_values, wait_for_text
from .test_quadrant_page import choose_edition, search_country

PERU_ROW = f"#{ids.INDICATOR.RANKING} .ag-row[row-id='PER']"


def test_d001_quadrant_to_profile_to_indicator_to_another_country_and_back(start):
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    choose_edition(duo, 2021)
    search_country(duo, "Peru")
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "2021 edition")
    click_link(duo, "Open the country profile →", f"#{ids.QUADRANT.COUNTRY_PANEL}")

    wait_for_text(duo, "h1", "Peru")
    wait_for_text(duo, f"#{ids.COUNTRY.SUMMARY}", "26th of 193")
    assert "/country/PER" in duo.driver.current_url and "edition=2021" in duo.driver.current_url
    click_link(duo, "Non-renewable resource crimes", f"#{ids.COUNTRY.TABLE}")

    wait_for_text(duo, "h1", "Non-renewable resource crimes")
    peru_row = duo.wait_for_element(PERU_ROW)
    cells = [c.text for c in peru_row.find_elements(By.CSS_SELECTOR, ".ag-cell")]
    assert cells[1] == "Peru" and cells[2] == "9.00" and int(cells[0]) <= 3  # among the top of the ranking
    assert "ag-row-selected" in peru_row.get_attribute("class")  # the country we came from stays selected
    indicator_url = duo.driver.current_url

    click_link(duo, "Colombia", f"#{ids.INDICATOR.RANKING}")
    wait_for_text(duo, "h1", "Colombia")
    assert "/country/COL" in duo.driver.current_url

    duo.driver.back()
    wait_for_text(duo, "h1", "Non-renewable resource crimes")
    assert duo.driver.current_url == indicator_url
    duo.wait_for_element(f"{PERU_ROW}.ag-row-selected")  # still selected
    assert duo.get_logs() == []


@pytest.mark.parametrize("path, text, drawn", [
    # The world outlines come from the app itself: the map draws its countries.
    ("/indicator/cocaine-trade?edition=2021", "Cocaine trade", f"#{ids.INDICATOR.MAP} path.choroplethlocation"),
    ("/pillar/resilience?edition=2023&country=PER", "Resilience", f"#{ids.PILLAR.SELECTED} .main-svg"),
    ("/country/PER?edition=2021", "Peru", f"#{ids.COUNTRY.DOTS} .main-svg"),
])
def test_d002_deep_links_render_with_an_empty_console(start, path, text, drawn):
    duo = start(path)
    wait_for_text(duo, "h1", text)
    duo.wait_for_element(drawn)
    assert duo.get_logs() == []


def test_d003_a_pillar_row_selects_its_country(start):
    duo = start("/pillar/drugs?edition=2021&continent=Americas")
    wait_for_text(duo, f"#{ids.PILLAR.TABLE}", "Peru")
    cell = next(c for c in duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.PILLAR.TABLE} .ag-cell") if c.text == "Peru")
    cell.click()
    wait_for_text(duo, f"#{ids.PILLAR.SELECTED}", "Peru · Criminal markets 6.20")
    assert "country=PER" in duo.driver.current_url
    assert duo.get_logs() == []


def test_d004_unknown_pages_say_so_and_lead_home(start):
    duo = start("/indicator/space-piracy")
    wait_for_text(duo, ".alert", "There is no indicator with that name")
    click_link(duo, "Back to the quadrant")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert duo.get_logs() == []


def test_d005_another_indicator_opens_its_page_for_the_same_edition_and_country(start):
    duo = start("/indicator/cocaine-trade?edition=2021&country=PER")
    duo.wait_for_element(f"{PERU_ROW}.ag-row-selected")
    assert "/indicator/cocaine-trade?" in duo.driver.current_url  # opening the page navigates nowhere
    duo.wait_for_element(f"#{ids.INDICATOR.JUMP}", timeout=10).click()
    search = duo.find_element(".dash-dropdown-search")
    search.send_keys("Heroin trade")
    wait_for_text(duo, ".dash-dropdown-options", "Heroin trade")
    search.send_keys(Keys.ENTER)  # the new page replaces the menu: nothing left to close
    wait_for_text(duo, "h1", "Heroin trade")
    assert "/indicator/heroin-trade?edition=2021&country=PER" in duo.driver.current_url
    wait_for_text(duo, f"#{ids.INDICATOR.SELECTED} h2", "Peru")
    assert duo.get_logs() == []


def test_d006_a_profile_s_edition_carries_to_its_links_and_back_returns_to_the_one_opened(start):
    duo = start("/country/PER?edition=2021")
    wait_for_text(duo, f"#{ids.COUNTRY.SUMMARY}", "26th of 193")
    assert "peers=" not in duo.driver.current_url  # opening the profile left its URL alone
    choose(duo, f"#{ids.COUNTRY.EDITION}", "2023")
    until(lambda: "edition=2023" in duo.driver.current_url, timeout=10)
    for link, view in ((ids.COUNTRY.BRIEF_LINK, "/brief/PER"), (ids.COUNTRY.SIMILAR_LINK, "/similar/PER")):
        until(lambda: duo.find_element(f"#{link}").get_attribute("href").endswith(f"{view}?edition=2023"), timeout=10)
    duo.driver.back()
    until(lambda: duo.driver.current_url.endswith("/country/PER?edition=2021"), timeout=10)
    assert duo.get_logs() == []


@pytest.mark.parametrize("width", [1280, 1400])
def test_d007_the_indicator_ranking_fits_its_card_on_a_laptop(start, width):
    duo = start("/indicator/cocaine-trade")
    duo.driver.set_window_size(width, 900)
    duo.wait_for_element(PERU_ROW)
    viewport = duo.find_element(f"#{ids.INDICATOR.RANKING} .ag-center-cols-viewport")
    # Every column in view: no sideways scroll inside the grid (the region column was cut at its right edge).
    until(lambda: duo.driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", viewport),
          5, msg=f"the ranking scrolls sideways at {width} px")
    # Nor is a cell's text cut (a tablet has no hover to show it whole), the longest region names among them.
    cut = duo.driver.execute_script("""
        dash_ag_grid.getApi(arguments[0]).applyColumnState({state: [{colId: 'region', sort: 'asc'}]});
        return [...document.querySelectorAll('#' + arguments[0] + ' .ag-cell')]
            .filter(cell => cell.scrollWidth > cell.clientWidth).map(cell => cell.textContent);
    """, ids.INDICATOR.RANKING)
    assert cut == []
    assert duo.get_logs() == []


def test_d008_the_ranking_s_region_filter_applies_to_the_region_or_the_continent(start, store):
    edition = store.index.latest
    duo = start(f"/indicator/cocaine-trade?edition={edition}")
    duo.wait_for_element(PERU_ROW)
    table = store.index.wide(edition)
    table = table[table["cocaine-trade"].notna()]
    expected = {("contains", "Oceania"): table["continent"] == "Oceania",
                ("equals", "South America"): table["region"] == "South America",
                ("notEqual", "Americas"): table["continent"] != "Americas",
                ("endsWith", "america"): table["region"].str.endswith("America")}
    for (option, text), kept in expected.items():
        filter_grid(duo, ids.INDICATOR.RANKING, "region", {"filterType": "text", "type": option, "filter": text})
        shown = grid_values(duo, ids.INDICATOR.RANKING, "iso3")
        assert sorted(shown) == sorted(table.index[kept]), (option, text)
    assert duo.get_logs() == []


OUTLINE_REQUESTS = """return performance.getEntriesByType('resource').filter(e => e.name.includes('/topojson/'))
    .map(e => [new URL(e.name).pathname, e.initiatorType])"""


def test_d009_a_map_s_outlines_are_asked_for_by_the_page_as_it_starts_under_the_app_s_prefix(start):
    duo = start("/oc-index/indicator/cocaine-trade", Settings(url_prefix="/oc-index/"))
    duo.wait_for_element(f"#{ids.INDICATOR.MAP} path.choroplethlocation")
    # Once, by the page's fetch (Plotly's own request would be an XMLHttpRequest, once its code is loaded).
    assert duo.driver.execute_script(OUTLINE_REQUESTS) == [["/oc-index/vendor/topojson/world_110m.json", "fetch"]]
    assert duo.get_logs() == []


# A map of countries given by name, drawn by the app's Plotly beside the page's own; resolves with the ISO-3 codes
# (the outlines' ids) of the countries it drew.
MAP_BY_NAME = """
const [names, outlines, done] = arguments;
const holder = document.body.appendChild(document.createElement('div'));
window.Plotly.newPlot(holder, [{type: 'choropleth', locationmode: 'country names', locations: names, z: [1, 2]}], {},
                      {topojsonURL: outlines})
    .then(() => done([...holder.querySelectorAll('path.choroplethlocation')]
        .filter(path => path.getAttribute('d')).map(path => path.__data__.geojson.id)));
"""


def test_d010_the_app_s_plotly_has_the_trace_types_of_its_build_and_finds_countries_by_name_too(start):
    """The Plotly pages load is the app's build of frontend/plotly.js, whose table of country names is built only
    when a name is first looked up (frontend/country-names.js)."""
    duo = start("/indicator/cocaine-trade")
    duo.wait_for_element(f"#{ids.INDICATOR.MAP} path.choroplethlocation")
    assert "/vendor/plotly/" in duo.driver.execute_script("return window._dashPlotlyJSURL")
    registered = duo.driver.execute_script("return Object.keys(window.Plotly.PlotSchema.get().traces)")
    assert set(registered) == bundled_traces()
    drawn = duo.driver.execute_async_script(MAP_BY_NAME, ["Peru", "Côte d'Ivoire"], "/vendor/topojson/")
    assert sorted(drawn) == ["CIV", "PER"]
    assert duo.get_logs() == []


# Points coloured in several notations, a trace's colour and a colour a point, outlined, drawn by the app's Plotly and
# drawn again with the colours exchanged; resolves with, for each drawing, [as the browser reads each colour given,
# as the points are painted] (fill, then outline, point by point).
POINT_COLOURS = """
const [colours, done] = arguments;
const holder = document.body.appendChild(document.createElement('div'));
const probe = document.body.appendChild(document.createElement('span'));
const read = colour => { probe.style.color = colour; return getComputedStyle(probe).color; };
const painted = (colour, opacity) => Number(opacity) === 1 ? colour : colour.replace('rgb(', 'rgba(').replace(')', `, ${opacity})`);
const figure = ([one, ...each]) => [
    {x: [1, 2], y: [1, 2], mode: 'markers', marker: {color: one, line: {color: each[0], width: 2}}},
    {x: [1, 2], y: [2, 1], mode: 'markers', marker: {color: each, line: {color: one, width: 2}}},
];
const drawing = given => {
    const styles = [...holder.querySelectorAll('path.point')].map(point => getComputedStyle(point));
    const [one, ...each] = given;
    const asked = [one, each[0], one, each[0], each[0], one, each[1], one].map(read);
    return [asked, styles.flatMap(s => [painted(s.fill, s.fillOpacity), painted(s.stroke, s.strokeOpacity)])];
};
const exchanged = [...colours].reverse();
window.Plotly.newPlot(holder, figure(colours))
    .then(() => { const first = drawing(colours);
                  return window.Plotly.react(holder, figure(exchanged)).then(() => [first, drawing(exchanged)]); })
    .then(done);
"""


def test_d011_the_app_s_plotly_paints_points_in_the_colours_given_however_written(start):
    """The build works out each colour's style once (frontend/plotly.js): every point still gets its own colour,
    as the browser reads it, and a redraw with other colours repaints them."""
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    drawings = duo.driver.execute_async_script(POINT_COLOURS, ["#1F77B4", "rgba(214, 39, 40, 0.5)", "white"])
    for asked, painted in drawings:
        assert painted == asked
    assert drawings[0][1] != drawings[1][1]
    assert duo.get_logs() == []
