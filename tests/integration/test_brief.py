"""The one-page country brief: printed through Chromium's own print-to-PDF, it fits on one page."""

from __future__ import annotations

import base64
import io

from pypdf import PdfReader


def test_b001_the_brief_prints_on_one_a4_page(start):
    duo = start("/brief/PER?edition=2021")
    duo.wait_for_contains_text("h1", "Peru: organized crime brief")
    duo.wait_for_element(".oc-brief-graph .main-svg")
    pdf = duo.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                         "preferCSSPageSize": True, "printBackground": True})
    data = base64.b64decode(pdf["data"])
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("Peru: organized crime brief", "6.35", "4.58", "26th of 193", "Non-renewable resource crimes",
                     "second-largest producer of cocaine", "Sources: Global Organized Crime Index 2021",
                     "View online: /brief/PER?edition=2021"):
        assert expected in text, expected
    assert "Print or save as PDF" not in text  # controls stay off paper
    assert duo.get_logs() == []
