"""The one-page country brief: printed through Chromium's own print-to-PDF, it fits on one page."""

from __future__ import annotations

import base64
import io

import pytest
from dash.testing.wait import until
from pypdf import PdfReader

from components import ids
from ocindex import headlines

from .helpers import wait_for_text

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
        const traces = graph.querySelectorAll('.scatterlayer .trace');
        const ring = traces[traces.length - 1].querySelector('.point');
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
    duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 718, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
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
