"""The one-page country brief: printed through Chromium's own print-to-PDF, it fits on one page."""

from __future__ import annotations

import base64
import io
import re

import pytest
from dash.testing.wait import until
from pypdf import PdfReader

from components import ids
from ocindex import headlines

from .helpers import filter_grid, resize, wait_for_text

LABEL_GAP_PX = 16  # the country's name sits beside its marker, not at the end of an arrow


def printed(duo) -> PdfReader:
    pdf = duo.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                         "preferCSSPageSize": True, "printBackground": True})
    return PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))


@pytest.mark.parametrize("edition", ["first", "latest"])
def test_b001_the_brief_prints_on_one_a4_page(start, store, edition):
    edition = store.index.editions[0] if edition == "first" else store.index.latest
    duo = start(f"/brief/PER?edition={edition}")
    wait_for_text(duo, "h1", "Peru: organized crime brief")
    duo.wait_for_element(f"#{ids.BRIEF.GRAPH} .main-svg")
    duo.wait_for_element(f"#{ids.BRIEF.MAP} .choroplethlocation")  # the map's outlines loaded from the app itself
    origin = duo.driver.execute_script("return window.location.origin")
    # the link is for paper only (hidden on screen): read its text content, not its visible text
    until(lambda: origin in duo.find_element(f"#{ids.BRIEF.URL}").get_attribute("textContent"), timeout=10)
    reader = printed(duo)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    expected = [f"View online: {origin}/brief/PER?edition={edition}", "In brief", "South America among regions",
                f"Sources: Global Organized Crime Index {edition}", "Low criminality", "Non-renewable resource crimes"]
    expected += [" ".join(s.split()[:6]) for s in (headlines.position(store.index, edition, "PER"),
                                                    headlines.region(store.index, edition, "PER"))]
    for phrase in expected:
        assert phrase in text, phrase
    assert "Low crime " not in text and "Print or save as PDF" not in text  # one wording; controls stay off paper
    assert duo.get_logs() == []


def test_b002_the_country_s_label_stays_beside_its_marker(start, store):
    duo = start(f"/brief/PER?edition={store.index.latest}")
    duo.wait_for_element(f"#{ids.BRIEF.GRAPH} .main-svg")
    label, ring = duo.driver.execute_script("""
        const graph = document.getElementById(arguments[0]);
        const label = [...graph.querySelectorAll('.annotation')].find(a => a.textContent.trim() === 'Peru');
        // The ring: the trace of the one point with Peru's code (the traces are all scatters, drawn in order).
        const ringed = graph.querySelector('.js-plotly-plot').data.findIndex(t => `${t.customdata}` === 'PER');
        const ring = graph.querySelectorAll('.scatterlayer .trace')[ringed].querySelector('.point');
        return [label.getBoundingClientRect().toJSON(), ring.getBoundingClientRect().toJSON()];
    """, ids.BRIEF.GRAPH)
    gap = max(label["left"] - ring["right"], ring["left"] - label["right"])
    assert gap <= LABEL_GAP_PX
    middle = lambda box: box["top"] + box["height"] / 2  # noqa: E731
    assert abs(middle(label) - middle(ring)) <= ring["height"] / 2
    assert duo.get_logs() == []


def test_b003_on_paper_the_map_fits_its_column_and_no_chart_shows_its_toolbar(start, store):
    duo = start(f"/brief/PER?edition={store.index.latest}")
    duo.wait_for_element(f"#{ids.BRIEF.MAP} .choroplethlocation")
    # A4 less the page's margins (190 mm), as the printer lays it out.
    resize(duo, 718, 1000)
    duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    overflow = duo.driver.execute_script("""
        const map = document.querySelector('#' + arguments[0] + ' .main-svg');
        return map.getBoundingClientRect().right - map.closest('[class*="col-"]').getBoundingClientRect().right;
    """, ids.BRIEF.MAP)
    assert overflow <= 0
    duo.driver.get(duo.driver.current_url.split("/brief/")[0] + "/country/PER")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .modebar-container")
    assert duo.driver.execute_script("""
        return [...document.querySelectorAll('.modebar-container')].every(m => getComputedStyle(m).display === 'none');
    """)
    assert duo.get_logs() == []


def test_b004_a_printed_grid_has_every_row_in_the_order_shown(start, store):
    edition = store.index.latest
    duo = start(f"/indicator/cocaine-trade?edition={edition}")
    duo.wait_for_element(f"#{ids.INDICATOR.RANKING} .ag-row")
    text = " ".join("\n".join(page.extract_text() for page in printed(duo).pages).split())
    # On screen the grid draws the fifteen rows in its view; on paper every country is there: its rank, name and
    # score, best first.
    scores = store.index.wide(edition)["cocaine-trade"].dropna()
    countries = store.index.wide(edition)["country"]
    found = {iso3: re.search(rf"\b\d+ {re.escape(countries[iso3])} {score:.2f} ", text) for iso3, score in scores.items()}
    assert [iso3 for iso3, match in found.items() if match is None] == []
    in_print_order = sorted(scores.index, key=lambda iso3: found[iso3].start())
    assert list(scores[in_print_order]) == sorted(scores, reverse=True)
    assert duo.find_elements(".oc-grid-paper") == []  # gone after printing; the grid is back
    assert duo.find_elements(f"#{ids.INDICATOR.RANKING} .ag-row")
    # Filtered on screen, the paper says so.
    filter_grid(duo, ids.INDICATOR.RANKING, "score", {"filterType": "number", "type": "greaterThanOrEqual", "filter": 9})
    text = " ".join("\n".join(page.extract_text() for page in printed(duo).pages).split())
    assert f"Filtered: {(scores >= 9).sum()} of {len(scores)} rows." in text
    assert duo.get_logs() == []


def test_b005_a_printed_grid_has_every_column_within_the_page_and_the_grid_s_colours(start, store):
    duo = start("/country/PER")
    duo.wait_for_element(f"#{ids.COUNTRY.TABLE} .ag-row")
    text = "\n".join(page.extract_text() for page in printed(duo).pages)
    # The first row runs to its last column, the change since the previous edition (its ranks in the world, the
    # continent and the region before it); the page cut it after the continent's rank.
    row = next(line for line in text.splitlines() if line.startswith("Criminality Criminality "))
    assert row.count(" of ") == 3 and re.search(r" [+-]?\d+\.\d\d$", row), row

    # The widest heat table (country, region, the composite and every market): on paper its colours are the grid's
    # and its columns fit the page.
    markets = [i for i in store.index.indicators(store.index.latest) if i.component == "criminal markets"]  # and composite
    duo.driver.get(duo.driver.current_url.split("/country/")[0] + "/pillar/criminal-markets")
    first_score = f"#{ids.PILLAR.TABLE} .ag-row[row-index='0'] .ag-cell[col-id='criminal-markets']"
    on_screen = duo.wait_for_element(first_score).value_of_css_property("background-color")
    # A4 less the page's margins (190 mm), as the printer lays it out.
    resize(duo, 718, 1000)
    duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    duo.driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    on_paper, overflow, columns = duo.driver.execute_script("""
        const table = document.querySelector('table.oc-grid-paper');
        const titles = [...table.tHead.rows[0].cells].map(cell => cell.textContent);
        const cell = table.tBodies[0].rows[0].cells[titles.indexOf('Criminal markets')];
        return [getComputedStyle(cell).backgroundColor,
                table.getBoundingClientRect().right - table.closest('.card').getBoundingClientRect().right,
                titles.length];
    """)
    channels = lambda colour: [float(n) for n in re.findall(r"[\d.]+", colour)] + [1.0]  # noqa: E731 - rgb: alpha 1
    assert channels(on_paper)[:4] == channels(on_screen)[:4] != [255, 255, 255, 1]
    assert columns == 2 + len(markets) and overflow <= 0
    duo.driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert duo.find_elements(".oc-grid-paper") == []
    assert duo.get_logs() == []
