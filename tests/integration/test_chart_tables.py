"""Every chart's text alternative and "View as table" in headless Chromium, checked against the workbook."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from components import ids
from tests.unit.sheets import composite, country, read_sheets

from .helpers import axe_violations, choose, into_view
from .test_accessibility import VIEWS, settled


def table_of(duo, graph_id: str) -> tuple[list[str], list[list[str]]]:
    """The header cells and the body rows of a chart's table, read in one go."""
    return duo.driver.execute_script("""
        const table = document.getElementById(arguments[0] + '--table').querySelector('table');
        if (!table) { return [[], []]; }
        const cells = row => [...row.cells].map(c => c.textContent);
        return [cells(table.tHead.rows[0]), [...table.tBodies[0].rows].map(cells)];""", graph_id)


def description_of(duo, graph_id: str) -> str:
    return duo.driver.execute_script(
        "return document.getElementById(arguments[0] + '--description').textContent", graph_id)


def open_table(duo, graph_id: str):
    """Tab-free keyboard use: focus the chart's toggle and press Enter, as a keyboard user does."""
    toggle = duo.find_element(f"[aria-controls='{graph_id}--table']")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not duo.find_element(f"#{graph_id}--table").is_displayed()
    duo.driver.execute_script("arguments[0].focus()", toggle)
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: toggle.get_attribute("aria-expanded") == "true", timeout=5)
    assert duo.find_element(f"#{graph_id}--table").is_displayed()
    return toggle


def test_c001_the_quadrant_as_a_table_holds_every_country_and_follows_the_edition(start, workbook):
    sheets = read_sheets(workbook)
    first, second = sorted(sheets)[:2]
    duo = start(f"/?edition={first}")
    settled(duo)
    graph = ids.QUADRANT.GRAPH
    until(lambda: f"{first} edition" in description_of(duo, graph), timeout=20)
    toggle = open_table(duo, graph)
    headers, rows = table_of(duo, graph)
    assert headers == ["Country", "Continent", "Criminality (1 = lowest, 10 = highest)",
                       "Resilience (1 = lowest, 10 = highest)"]
    # Names as the workbook spells them, but for case: one edition writes "Eswatini", another "eSwatini".
    expected = {r["Country"].strip().lower(): [r["Continent"].strip(), f"{composite(r, 'criminality'):.2f}",
                                               f"{composite(r, 'resilience'):.2f}"] for r in sheets[first]}
    assert {row[0].lower(): row[1:] for row in rows} == expected and len(rows) == len(expected)
    assert not axe_violations(duo)  # the open table, its caption and headers pass WCAG 2.1 AA

    # Another edition: the same callback redraws the chart, and the open table and the description follow.
    into_view(duo, f"#{ids.QUADRANT.EDITION}")
    choose(duo, f"#{ids.QUADRANT.EDITION}", str(second))
    peru = country(sheets[second], "Peru")
    until(lambda: f"{second} edition" in description_of(duo, graph), timeout=20)
    until(lambda: [r for r in table_of(duo, graph)[1] if r[0] == "Peru"] == [
        ["Peru", "Americas", f"{composite(peru, 'criminality'):.2f}", f"{composite(peru, 'resilience'):.2f}"]],
        timeout=10)
    toggle.click()
    until(lambda: not duo.find_element(f"#{graph}--table").is_displayed(), timeout=5)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert duo.get_logs() == []


def test_c002_the_country_chart_as_a_table_gives_every_score_beside_the_means(start, workbook):
    edition = min(read_sheets(workbook))
    peru = country(read_sheets(workbook)[edition], "Peru")
    duo = start(f"/country/PER?edition={edition}")
    settled(duo)
    graph = ids.COUNTRY.DOTS
    until(lambda: "Peru's" in description_of(duo, graph), timeout=20)
    open_table(duo, graph)
    headers, rows = table_of(duo, graph)
    assert headers == ["Indicator", "World mean", "Americas mean", "South America mean", "Peru"]
    scores = {column: value for column, value in peru.items() if isinstance(value, (int, float))}
    assert len(rows) == len(scores)
    by_label = {row[0]: row[-1] for row in rows}
    assert by_label["Criminality"] == f"{composite(peru, 'criminality'):.2f}"
    assert by_label["Cocaine trade"] == f"{scores['Cocaine trade']:.2f}"
    assert duo.get_logs() == []


def test_c003_every_chart_on_every_page_has_a_description_and_no_toggle_when_presenting(start):
    duo = start("/")
    base = duo.server.url.rstrip("/")
    described = 0
    for view in VIEWS:
        duo.driver.get(base + view)
        settled(duo)
        # Every chart is drawn by Plotly in the end; on a slow machine some are drawn after the page has settled.
        charts = "[...document.querySelectorAll('.oc-chart')]"
        until(lambda: duo.driver.execute_script(
            f"return {charts}.every(c => c.querySelector('.js-plotly-plot')"
            " && c.querySelector('.oc-chart-description').textContent.trim())"),
            timeout=20, msg=f"a chart of {view} is not drawn or has no description")
        described += duo.driver.execute_script(f"return {charts}.length")
        if view.endswith("#present"):
            assert not duo.find_element(".oc-table-toggle").is_displayed()
    assert described >= 12  # the views' charts: quadrant (3), indicator (2), country (2), brief (2), compare (2)…
    assert duo.get_logs() == []
