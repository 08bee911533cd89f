"""The shared-server set-up in headless Chromium: under a path prefix, and with hostile document text."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.by import By

from components import ids
from ocindex.settings import Settings
from ocindex.store import DataStore
from serving import suites

from .helpers import wait_for_text


def test_s001_the_app_works_under_a_path_prefix_with_an_empty_console(start, store):
    duo = start("/oc-index/?edition=2021&country=PER", Settings(url_prefix="/oc-index/"))
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "26th of 193")
    link = duo.find_element(f"#{ids.QUADRANT.COUNTRY_PANEL}").find_element(By.LINK_TEXT, "Open the country profile →")
    link.click()
    wait_for_text(duo, f"#{ids.COUNTRY.SUMMARY}", "26th of 193")
    assert "/oc-index/country/PER" in duo.driver.current_url
    # The browser's own string trimming and number parsing, not Dash's polyfill's (assets/builtins_keep.js): the
    # polyfill counts U+180E as a space, as Unicode no longer does.
    builtins = r"return ['\u180e'.trim() === '\u180e', isNaN(parseFloat('\u180e1')), isNaN(Number.parseInt('\u180e1'))]"
    assert duo.driver.execute_script(builtins) == [True, True, True]
    # Plotly came from its address with the version, which the browser keeps (assets/plotly_address.js), once.
    plotly = "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.includes('/plotly/'))"
    assert duo.driver.execute_script(plotly) == [suites.plotly_address("/oc-index/")]
    assert duo.get_logs() == []


CALLBACK_REQUESTS = "return performance.getEntriesByType('resource').filter(e => /_dash-update-component/.test(e.name)).length"


def test_s003_a_page_opened_comes_with_the_layout_and_a_cut_referer_still_draws_the_page_asked_for(start, workbook_editions):
    first = workbook_editions[0]
    duo = start(f"/country/COL?edition={first}")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    assert duo.find_element("h1").text == "Colombia"
    assert duo.driver.execute_script(CALLBACK_REQUESTS) == 0  # drawn with the layout: not by the router

    # A proxy's Referrer-Policy may cut the Referer to the origin: the layout then holds the home page, and the
    # router draws the page the address names.
    duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        const send = window.fetch;
        window.fetch = (input, init) => send(input, String(input).includes('_dash-layout')
            ? Object.assign({}, init, {referrerPolicy: 'origin'}) : init);"""})
    duo.driver.get(duo.server_url + f"country/COL?edition={first}")
    # Read in one go: the router redraws the page meanwhile.
    drawn = (f"const h = document.querySelector('h1'), e = document.querySelector('#{ids.COUNTRY.EDITION} input:checked');"
             f" return document.querySelector('#{ids.COUNTRY.DOTS} .main-svg') && h && e ? [h.textContent, e.value] : null")
    until(lambda: duo.driver.execute_script(drawn) == ["Colombia", str(first)], timeout=15)
    assert duo.get_logs() == []


def test_s002_document_text_shows_as_text_never_as_html(start, tmp_path, workbook):
    (tmp_path / "global_oc_index.xlsx").symlink_to(workbook)
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "PER-2021.txt").write_text(
        "DRUGS\n\nPeru trades cocaine <script>window.pwned = 1</script> and <b>bold</b> claims.\n")
    duo = start("/indicator/cocaine-trade?edition=2021&country=PER", Settings(data_dir=tmp_path),
                DataStore(tmp_path))
    wait_for_text(duo, f"#{ids.INDICATOR.NARRATIVE}", "<script>window.pwned = 1</script>")
    assert "<b>bold</b>" in duo.find_element(f"#{ids.INDICATOR.NARRATIVE}").text
    assert duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.INDICATOR.NARRATIVE} script, #{ids.INDICATOR.NARRATIVE} b") == []
    assert duo.driver.execute_script("return window.pwned === undefined")
    assert duo.get_logs() == []
