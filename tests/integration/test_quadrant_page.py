"""The home view in headless Chromium: pick an edition, search a country, read its panel, share the URL, download
its table."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from components import ids
from tests.unit.sheets import composite, country, read_sheets

from .helpers import choose, pick, wait_for_text

PANEL = f"#{ids.QUADRANT.COUNTRY_PANEL}"


def choose_edition(duo, edition: int):
    choose(duo, f"#{ids.QUADRANT.EDITION}", str(edition))


def search_country(duo, name: str):
    pick(duo, f"#{ids.QUADRANT.COUNTRY}", name)


def test_q001_search_peru_in_2021_shows_its_scores_and_ranks(start):
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    wait_for_text(duo, PANEL, "Click a point")  # no country chosen yet: the panel says how to choose one
    choose_edition(duo, 2021)
    search_country(duo, "Peru")
    wait_for_text(duo, PANEL, "Peru")
    wait_for_text(duo, PANEL, "2021 edition")
    panel = duo.find_element(PANEL).text
    assert "6.35" in panel and "4.58" in panel
    assert "26th of 193" in panel and "106th of 193" in panel
    assert "5th of 12 in South America" in panel
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH}", "Peru")  # the point is labelled on the chart
    assert "edition=2021" in duo.driver.current_url and "country=PER" in duo.driver.current_url
    assert duo.get_logs() == []


def test_q009_a_country_is_found_by_its_name_typed_without_accents(start):
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    duo.wait_for_element(f"#{ids.QUADRANT.COUNTRY}", timeout=10).click()
    search = duo.find_element(".dash-dropdown-search")
    search.send_keys("cote d")
    wait_for_text(duo, ".dash-dropdown-options", "Côte d'Ivoire")
    search.send_keys(Keys.ENTER)
    wait_for_text(duo, PANEL, "Côte d'Ivoire")
    until(lambda: "country=CIV" in duo.driver.current_url, timeout=10)
    assert duo.get_logs() == []


def test_q002_a_shared_url_restores_the_view(start):
    duo = start("/?edition=2021&country=PER&split=median&continent=Americas&labels=5")
    wait_for_text(duo, PANEL, "26th of 193")
    checked = duo.find_element(f"#{ids.QUADRANT.EDITION} input:checked").get_attribute("value")
    assert checked == "2021"
    assert duo.find_element(f"#{ids.QUADRANT.SPLIT} input:checked").get_attribute("value") == "median"
    wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", "35 of 193 countries highlighted")
    wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", "median")
    assert duo.get_logs() == []


def test_q003_an_invalid_url_value_shows_a_notice_and_the_default_view(start, workbook_editions):
    duo = start("/?edition=1999&country=XYZ")
    wait_for_text(duo, f"#{ids.QUADRANT.NOTICE}", "Edition '1999' is not available")
    assert "Country 'XYZ'" in duo.find_element(f"#{ids.QUADRANT.NOTICE}").text
    assert duo.find_element(f"#{ids.QUADRANT.EDITION} input:checked").get_attribute("value") == str(workbook_editions[-1])
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert duo.get_logs() == []


def test_q004_clicking_a_mover_or_pressing_enter_on_a_quadrant_change_selects_that_country(start):
    duo = start("/?edition=2023")
    first = duo.wait_for_element(f"#{ids.QUADRANT.MOVERS} .list-group-item")
    name = first.find_element(By.CSS_SELECTOR, ".oc-pick-name").text
    first.click()
    wait_for_text(duo, PANEL, name)
    wait_for_text(duo, PANEL, "Open the country profile")
    assert duo.find_element(f"#{ids.QUADRANT.COUNTRY} .dash-dropdown-value").text == name

    # From the keyboard (the entry looked up again: the page may have redrawn the lists meanwhile).
    until(lambda: duo.find_elements(f"#{ids.QUADRANT.CHANGES} .list-group-item"), timeout=10)
    entry = next(e for e in duo.find_elements(f"#{ids.QUADRANT.CHANGES} .list-group-item")
                 if e.find_element(By.CSS_SELECTOR, ".oc-pick-name").text != name)
    other = entry.find_element(By.CSS_SELECTOR, ".oc-pick-name").text
    duo.driver.execute_script("arguments[0].focus()", entry)
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for_text(duo, PANEL, other)
    assert duo.get_logs() == []


# The point a chart draws for a country (its hover data starts with the ISO3 code), and whether it is highlighted.
POINT = """
const plot = document.querySelector(arguments[0] + ' .js-plotly-plot');
for (const t of (plot && plot.data) || []) {
    const i = (t.customdata || []).findIndex(c => Array.isArray(c) && c[0] === arguments[1]);
    if (i >= 0 && t.legendgroup) { return [t.x[i], t.y[i], t.marker.opacity > 0.5]; }
}
return null;
"""


# Keeps the outputs of every callback request the page sends from now on.
RECORD = """
window.ocSent = [];
const send = window.fetch;
window.fetch = function (input, init) {
    if (init && typeof init.body === 'string') { window.ocSent.push(JSON.parse(init.body).output); }
    return send.apply(this, arguments);
};
"""


def point_of(duo, iso3: str):
    return duo.driver.execute_script(POINT, f"#{ids.QUADRANT.GRAPH}", iso3)


def test_q005_an_edition_switch_with_a_filter_redraws_the_chart_and_panel_with_that_editions_scores(start, workbook):
    sheets = read_sheets(workbook)
    first, latest = min(sheets), max(sheets)
    duo = start("/?continent=Americas&country=PER&movement=1")
    wait_for_text(duo, PANEL, f"{latest} edition")

    def shows(edition):
        peru = country(sheets[edition], "Peru")
        americas = sum(r["Continent"].strip() == "Americas" for r in sheets[edition])
        until(lambda: point_of(duo, "PER") == [composite(peru, "criminality"), composite(peru, "resilience"), True],
              timeout=10)
        wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", f"{americas} of {len(sheets[edition])} countries "
                                                                   "highlighted")
        wait_for_text(duo, PANEL, f"{edition} edition")
        assert f"{composite(peru, 'criminality'):.2f}" in duo.find_element(PANEL).text
        assert f"{composite(peru, 'resilience'):.2f}" in duo.find_element(PANEL).text
        assert point_of(duo, "USA")[2] and not point_of(duo, "FRA")[2]  # the filter still fades the others
        earlier = [e for e in sheets if e < edition]
        wait_for_text(duo, f"#{ids.QUADRANT.MOVERS}",
                      f"in Americas since {max(earlier)}" if earlier else f"{edition} is the first edition")
        until(lambda: f"edition={edition}" in duo.driver.current_url, timeout=10)

    duo.driver.execute_script(RECORD)
    choose_edition(duo, first)  # drawn from what the page holds
    shows(first)
    # The chart and the side panel: from the page (the server is asked for nothing).
    assert not [sent for sent in duo.driver.execute_script("return window.ocSent")
                if ids.QUADRANT.GRAPH in sent or ids.QUADRANT.COUNTRY_PANEL in sent]
    assert not duo.find_element(f"#{ids.QUADRANT.SINCE_ROW}").is_displayed()  # nothing earlier than the first
    choose_edition(duo, latest)  # the view left, kept for the way back
    shows(latest)
    assert duo.find_element(f"#{ids.QUADRANT.CONTINENT}").text.startswith("Americas")
    assert all(part in duo.driver.current_url for part in ("movement=1", "continent=Americas", "country=PER"))
    duo.driver.back()  # the URL followed each switch: back returns to the first edition's view
    shows(first)
    assert duo.get_logs() == []


def test_q006_an_edition_switch_after_presenting_and_while_presenting_keeps_the_projector_style(start, workbook):
    sheets = read_sheets(workbook)
    first, latest = min(sheets), max(sheets)
    duo = start("/?country=PER")
    wait_for_text(duo, PANEL, f"{latest} edition")
    font = f"return document.querySelector('#{ids.QUADRANT.GRAPH} .js-plotly-plot').layout.font.size"
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .js-plotly-plot")
    screen = duo.driver.execute_script(font)
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    until(lambda: duo.driver.execute_script(font) > screen, timeout=10)
    # The controls are hidden while presenting: a script clicks the radio, as a briefing step could change it.
    duo.driver.execute_script(f"document.querySelector('#{ids.QUADRANT.EDITION} input[value=\"{first}\"]').click()")
    peru = country(sheets[first], "Peru")
    until(lambda: point_of(duo, "PER")[:2] == [composite(peru, "criminality"), composite(peru, "resilience")],
          timeout=10)
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH} .gtitle", f"{first} edition")
    assert duo.driver.execute_script(font) > screen
    duo.find_element(f"#{ids.SHELL.PRESENT_EXIT}").click()
    until(lambda: duo.driver.execute_script(font) == screen, timeout=10)
    choose_edition(duo, latest)
    peru = country(sheets[latest], "Peru")
    until(lambda: point_of(duo, "PER")[:2] == [composite(peru, "criminality"), composite(peru, "resilience")],
          timeout=10)
    assert duo.driver.execute_script(font) == screen and not duo.find_elements(f"#{ids.QUADRANT.GRAPH} .gtitle")
    wait_for_text(duo, PANEL, f"{latest} edition")
    assert duo.get_logs() == []


def test_q007_like_for_like_positions_after_a_switch_equal_those_of_the_same_view_opened_afresh(start, workbook):
    editions = sorted(read_sheets(workbook))
    duo = start(f"/?scores=like-for-like&country=PER&since={editions[0]}&region=South+America")
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH}", "not GI-TOC's")
    choose_edition(duo, editions[1])  # change is still read since the first edition, the previous one of this

    def view():
        return [point_of(duo, "PER"), duo.find_element(f"#{ids.QUADRANT.SPLIT_NOTE}").text,
                duo.driver.execute_script(f"return document.querySelector('#{ids.QUADRANT.SUMMARY}').textContent")]

    until(lambda: f"edition={editions[1]}" in duo.driver.current_url, timeout=10)
    wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", f"{editions[1]} shares with {editions[0]}")
    switched = view()
    duo.driver.get(duo.driver.current_url)  # the same view, drawn by the server
    wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", f"{editions[1]} shares with {editions[0]}")
    until(lambda: point_of(duo, "PER") is not None, timeout=10)
    assert view() == switched and switched[0][2]  # Peru highlighted: South America kept
    assert duo.get_logs() == []


# Switches to `edition` and presses 'Download CSV' in the same moment, before the address can follow the switch;
# resolves with the name of the file the page is sent.
SWITCH_AND_DOWNLOAD = """
const [radios, edition, done] = arguments;
const send = window.fetch;
window.fetch = function () {
    return send.apply(this, arguments).then(answer => {
        answer.clone().text().then(text => {
            const file = text.match(/"filename":\\s*"([^"]+)"/);
            if (file) done(file[1]);
        });
        return answer;
    });
};
document.querySelector(`#${radios} input[value="${edition}"]`).click();
[...document.querySelectorAll('button')].find(b => b.textContent === 'Download CSV').click();
"""


def test_q008_download_csv_pressed_right_after_a_switch_gives_the_switched_to_edition(start, workbook_editions):
    first = workbook_editions[0]
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    sent = duo.driver.execute_async_script(SWITCH_AND_DOWNLOAD, ids.QUADRANT.EDITION, first)
    assert sent == f"oc-index_quadrant_{first}.csv"
    assert duo.get_logs() == []


def test_q010_a_control_changed_just_after_an_edition_switch_is_in_the_address_with_the_edition(start, workbook_editions):
    """The switch writes its address after the chart's paint; a control changed before then asks the server, whose
    answer (let in only after that paint) writes the view with both changes."""
    first = workbook_editions[0]
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    # The frames are held from the switch until the other control has changed; the answer, until after them.
    duo.driver.execute_script("""
        const frame = window.requestAnimationFrame, held = [], send = window.fetch;
        window.requestAnimationFrame = work => { held.push(work); return 0; };
        let release;
        const painted = new Promise(resolve => { release = resolve; });
        window.fetch = function (input, init) {
            return painted.then(() => send(input, init)).then(answer => { window.ocAnswered = true; return answer; });
        };
        window.ocPaint = function () {
            window.requestAnimationFrame = frame;
            held.forEach(work => frame(work));
            frame(() => setTimeout(release));
        };
        [...document.querySelectorAll(arguments[0])].find(e => e.value === arguments[1]).click();""",
                               f"#{ids.QUADRANT.EDITION} input", str(first))
    until(lambda: not duo.find_element(f"#{ids.QUADRANT.SINCE_ROW}").is_displayed(), timeout=10)  # switched
    duo.driver.execute_script("document.getElementById(arguments[0]).click(); window.ocPaint();", ids.QUADRANT.MOVEMENT)
    until(lambda: duo.driver.execute_script("return window.ocAnswered === true"), timeout=10)
    until(duo._wait_for_callbacks, timeout=10)
    until(lambda: "movement=1" in duo.driver.current_url, timeout=10)
    assert f"edition={first}" in duo.driver.current_url
    assert duo.get_logs() == []
