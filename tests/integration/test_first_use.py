"""First use at the screen sizes people have (issue 17, items 2-6), measured in headless Chromium: the navigation
bar, presentation mode, the charts' tool bar against their legends, the quadrant's filters."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from components import ids

from .helpers import into_view, pick, texts, wait_for_text

WIDTHS = ((1920, 1080), (1366, 768), (1024, 768))

# Bounding boxes in viewport pixels, read in one go.
RECT = "const r = arguments[0].getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom};"

BOXES = """const graph = document.querySelector(arguments[0]);
    const box = e => { const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
    return {legend: box(graph.querySelector('.legend')), plot: box(graph.querySelector('.nsewdrag')),
            texts: [...graph.querySelectorAll('.annotation, .textpoint')].map(box)};"""  # labels, quadrant captions


def viewport(duo, width: int, height: int) -> None:
    """Resize the window so that the page itself gets width × height pixels."""
    duo.driver.set_window_size(width, height)
    inner = duo.driver.execute_script("return [window.innerWidth, window.innerHeight]")
    duo.driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
    duo.wait_for_element(f"#{ids.SHELL.PRESENT_TOGGLE}")
    assert duo.driver.execute_script("return window.innerWidth") == width


def rect(duo, element) -> dict:
    return duo.driver.execute_script(RECT, element)


def overlap(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def inside_viewport(duo, box: dict) -> bool:
    width, height = duo.driver.execute_script("return [window.innerWidth, window.innerHeight]")
    return box["l"] >= 0 and box["t"] >= 0 and box["r"] <= width and box["b"] <= height


def latest_edition(store) -> int:
    return store.index.editions[-1]


def test_f001_present_stays_on_screen_and_pin_view_on_one_line_at_every_width(start):
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    for width, height in (*WIDTHS, (390, 844)):
        viewport(duo, width, height)
        nav = duo.find_element(f"#{ids.SHELL.NAV}")
        assert duo.driver.execute_script("return arguments[0].scrollWidth", nav) <= width, width
        if width >= 1024:  # no sideways scrolling on a laptop or larger (once the charts have followed the resize)
            until(lambda: duo.driver.execute_script("return document.documentElement.scrollWidth") <= width, 5)
        present, pin = duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}"), duo.find_element(f"#{ids.SHELL.PIN}")
        assert inside_viewport(duo, rect(duo, present)), width
        assert rect(duo, pin)["b"] - rect(duo, pin)["t"] <= rect(duo, present)["b"] - rect(duo, present)["t"] + 1
        # Nothing covers the button: the point at its centre is the button.
        assert duo.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === arguments[0];",
            present), width
    # At phone width the links fold behind the toggler, which opens them.
    compare = duo.find_element(f"#{ids.SHELL.NAV_MENU} a[href$='/compare']")
    assert not compare.is_displayed()
    duo.find_element(f"#{ids.SHELL.NAV_TOGGLE}").click()
    until(compare.is_displayed, 5)
    assert compare.text == "Compare"
    compare.click()
    duo.wait_for_element(f"#{ids.COMPARE.BODY} .main-svg")
    viewport(duo, 1024, 768)
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_class_to_equal(f"#{ids.SHELL.ROOT}", "oc-present")
    assert duo.get_logs() == []


def test_f002_presentation_mode_titles_the_quadrant_and_shows_whole_lists(start, store):
    duo = start("/?continent=Americas#present")
    viewport(duo, 1920, 1080)
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH} .gtitle", f"{latest_edition(store)} edition")
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "Pin views to step through them")
    assert not duo.find_element(f"#{ids.SHELL.PRESENT_NEXT}").is_displayed()
    assert not duo.find_element(f"#{ids.SHELL.PRESENT_PREV}").is_displayed()
    duo.wait_for_element(f"#{ids.QUADRANT.MOVERS} .list-group-item")
    for panel in (ids.QUADRANT.MOVERS, ids.QUADRANT.CHANGES):  # no scroll box: every entry shows, inside the screen
        element = duo.find_element(f"#{panel}")
        assert duo.driver.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", element)
        for item in duo.driver.find_elements(By.CSS_SELECTOR, f"#{panel} .list-group-item"):
            assert inside_viewport(duo, rect(duo, item)), item.text
    # The legend sits clear of the plot and of the quadrants' captions, at a projector's width and at 1024.
    for width, height in ((1920, 1080), (1024, 768)):
        viewport(duo, width, height)
        duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .legend")
        boxes = duo.driver.execute_script(BOXES, f"#{ids.QUADRANT.GRAPH}")  # one read: the chart may redraw meanwhile
        assert not overlap(boxes["legend"], boxes["plot"]), width
        assert len(boxes["texts"]) >= 4, width  # the captions at least
        for label in boxes["texts"]:
            assert not overlap(boxes["legend"], label), (width, label)
        assert boxes["plot"]["r"] - boxes["plot"]["l"] > 400 and boxes["plot"]["b"] - boxes["plot"]["t"] > 400, width
    assert duo.get_logs() == []


def test_f003_presented_country_page_keeps_to_the_key_charts(start):
    duo = start("/country/PER")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    duo.wait_for_element(f"#{ids.COUNTRY.TABLE} .ag-row")  # drawn after the charts (components/deferred.py)
    viewport(duo, 1920, 1080)
    on_screen = duo.driver.execute_script("return document.documentElement.scrollHeight")
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_class_to_equal(f"#{ids.SHELL.ROOT}", "oc-present")
    duo.wait_for_element(f"#{ids.COUNTRY.PATH} .main-svg")
    presented = duo.driver.execute_script("return document.documentElement.scrollHeight")
    assert presented < 2000 and presented < on_screen, (presented, on_screen)
    assert duo.find_element(f"#{ids.COUNTRY.DOTS}").is_displayed() and duo.find_element(f"#{ids.COUNTRY.PATH}").is_displayed()
    assert not duo.find_element(f"#{ids.COUNTRY.TABLE}").is_displayed()
    assert duo.get_logs() == []


def test_f004_presented_compare_keeps_its_indicator_chart_usable_at_1024(start):
    duo = start("/compare?countries=PER,COL,MEX#present")
    viewport(duo, 1024, 768)
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .nsewdrag")
    plot = rect(duo, duo.find_element(f"#{ids.COMPARE.DOTS} .nsewdrag"))
    assert plot["r"] - plot["l"] >= 300, plot
    assert duo.get_logs() == []


def toolbar_clear_of_legend(duo, graph_id: str, width: int) -> None:
    graph = duo.find_element(f"#{graph_id} .main-svg")
    ActionChains(duo.driver).move_to_element(graph).perform()  # the tool bar shows on hover
    bar = rect(duo, duo.find_element(f"#{graph_id} .modebar"))
    assert bar["r"] > bar["l"], (graph_id, width)  # drawn, so measured
    for legend in duo.driver.find_elements(By.CSS_SELECTOR, f"#{graph_id} .legend"):
        assert not overlap(bar, rect(duo, legend)), (graph_id, width)


def test_f005_the_chart_tool_bar_never_covers_a_legend(start):
    duo = start("/?continent=Oceania")
    for path, graphs in (("/?continent=Oceania", [ids.QUADRANT.GRAPH]), ("/country/PER", [ids.COUNTRY.DOTS, ids.COUNTRY.PATH]),
                         ("/compare?countries=CAF,COD,SSD,VCT,BIH", [ids.COMPARE.QUADRANT, ids.COMPARE.DOTS])):
        duo.driver.get(duo.server_url.rstrip("/") + path)
        for width, height in WIDTHS:
            viewport(duo, width, height)
            for graph_id in graphs:
                duo.wait_for_element(f"#{graph_id} .legend")
                into_view(duo, f"#{graph_id}")
                toolbar_clear_of_legend(duo, graph_id, width)
    assert duo.get_logs() == []


def test_f006_a_region_filter_names_its_countries_and_narrows_the_lists(start, store):
    duo = start("/?edition=2025")  # test data: Colombia sits 0.04 under the resilience divider in 2025
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    pick(duo, f"#{ids.QUADRANT.REGION}", "South America")
    wait_for_text(duo, f"#{ids.QUADRANT.MOVERS}", "in South America since")
    members = set(store.index.wide(2025).query("region == 'South America'")["country"])
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH}", "Colombia")
    named = set(texts(duo, f"#{ids.QUADRANT.GRAPH} .annotation-text"))
    assert members <= named
    listed = set(texts(duo, f"#{ids.QUADRANT.MOVERS} .oc-pick-name"))
    assert listed and listed <= members
    pick(duo, f"#{ids.QUADRANT.COUNTRY}", "Colombia")
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "Resilience 5.46: 0.04 below the 5.50 split")
    assert "region=South+America" in duo.driver.current_url
    assert duo.get_logs() == []
