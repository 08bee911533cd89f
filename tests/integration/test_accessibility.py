"""Accessibility in headless Chromium: axe-core's WCAG 2.1 A/AA rules on every view, and the quadrant by keyboard."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from components import ids
from components.pages import PAGES
from components.registry import find
from tests.contrast import contrast

from .helpers import axe_violations, deferred_set, prop_of, resize, unnamed_controls, wait_for_text

# One example of every kind of page (and the states a user opens on them).
VIEWS = ["/", "/?edition=2021&movement=1&country=PER", "/indicator/cocaine-trade?country=PER",
         "/pillar/criminal-markets?country=PER", "/country/PER?peers=COL", "/brief/PER", "/compare?countries=PER,COL",
         "/deck?countries=PER", "/change?country=PER", "/similar/PER", "/weights?w=drugs:2", "/search?q=cocaine",
         "/regions", "/briefing?view=/&title=Quadrant", "/#present", "/no-such-view"]


def test_a000_every_registered_page_is_audited():
    """A page added to the registry is audited too, or this test says it is missing from VIEWS."""
    audited = {found[0].name for view in VIEWS if (found := find(PAGES, view.split("?")[0].split("#")[0]))}
    assert audited == {page.name for page in PAGES}


def settled(duo) -> None:
    """The page has its heading, no callback is pending, its title names it, and what it draws after the first paint
    (components/deferred.py) is drawn: the whole page is audited."""
    duo.wait_for_element("main h1", timeout=20)
    until(lambda: duo.driver.execute_script(
        "return !document.querySelector('[data-dash-is-loading]') && document.title.includes(' — ')"), timeout=20)
    until(lambda: deferred_set(duo), timeout=20)


def audit(duo, where: str) -> list[str]:
    return [f"{where}: {v['id']} ({v['impact']}) at {', '.join(v['targets'][:3])}" for v in axe_violations(duo)]


# In two halves, so that parallel test workers share them out.
@pytest.mark.parametrize("views", [VIEWS[:len(VIEWS) // 2], VIEWS[len(VIEWS) // 2:]], ids=["first-half", "second-half"])
def test_a001_every_view_has_no_wcag_2_1_aa_violation_and_names_every_control(start, views):
    duo = start("/")
    base = duo.server.url.rstrip("/")
    found = []
    for view in views:
        duo.driver.get(base + view)
        settled(duo)
        found += audit(duo, view) + [f"{view}: {control} has no name of its own" for control in unnamed_controls(duo)]
    assert not found, "\n".join(found)
    assert duo.get_logs() == []


def test_a004_a_menu_or_panel_opened_on_a_view_has_no_wcag_2_1_aa_violation(start):
    """A dropdown's menu, a navigation menu, the briefing panel."""
    duo = start("/")
    settled(duo)
    found = []
    duo.wait_for_element(f"#{ids.QUADRANT.CONTINENT}", timeout=10).click()
    duo.wait_for_element(".dash-dropdown-options")
    found += audit(duo, "/ with the continent menu open")
    duo.find_element("body").send_keys(Keys.ESCAPE)
    duo.find_element(".oc-nav-indicator").click()
    duo.wait_for_element(".oc-nav-indicator + .dropdown-menu .dropdown-item")
    found += audit(duo, "/ with the Indicators menu open")
    duo.find_element(".oc-nav-indicator").click()
    duo.find_element(f"#{ids.SHELL.BRIEFING_OPEN}").click()
    duo.wait_for_element(".offcanvas.show")
    found += audit(duo, "/ with the briefing panel open")
    assert not found, "\n".join(found)
    assert duo.get_logs() == []


def test_a002_every_page_title_says_where_the_reader_is(start):
    duo = start("/country/PER")
    until(lambda: duo.driver.title == "Peru — Country profile — OC Index Explorer", timeout=20)
    duo.driver.get(duo.server.url.rstrip("/") + "/indicator/cocaine-trade")
    until(lambda: duo.driver.title == "Cocaine trade — Indicator — OC Index Explorer", timeout=20)
    assert duo.driver.find_element("css selector", "html").get_attribute("lang") == "en"
    assert duo.get_logs() == []


def focus_next(duo, matches: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the CSS selector `matches` (within `limit` presses)."""
    for _ in range(limit):
        duo.driver.switch_to.active_element.send_keys(Keys.TAB)
        if duo.driver.execute_script("return document.activeElement.matches(arguments[0])", matches):
            return
    raise AssertionError(f"no element matching {matches} in {limit} presses of Tab")


def focus_ring(duo) -> str:
    return duo.driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")


def test_a003_the_quadrant_walked_by_keyboard_alone(start, store):
    duo = start("/")
    settled(duo)
    duo.find_element("body").send_keys(Keys.TAB)
    skip = duo.driver.switch_to.active_element
    assert skip.text == "Skip to content" and focus_ring(duo) != "none"
    skip.send_keys(Keys.ENTER)
    until(lambda: duo.driver.switch_to.active_element.get_attribute("id") == ids.SHELL.PAGE, timeout=5)

    # Switch edition with the arrow keys, as radio buttons do.
    latest, earlier = store.index.editions[-1], store.index.editions[-2]
    focus_next(duo, f"#{ids.QUADRANT.EDITION} input:checked")
    duo.driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    until(lambda: f"edition={earlier}" in duo.driver.current_url, timeout=10)
    assert duo.find_element(f"#{ids.QUADRANT.EDITION} input:checked").get_attribute("value") == str(earlier) != str(latest)
    # The arrows stay among the edition's own options: Left on the first wraps round to the last, never into the
    # options of another control (radios without a name make one group of the whole page).
    checked = f"#{ids.QUADRANT.EDITION} input:checked"
    for _ in store.index.editions[:-1]:
        duo.driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    until(lambda: duo.find_element(checked).get_attribute("value") == str(latest), timeout=10)
    assert duo.driver.execute_script(f"return document.activeElement.closest('#{ids.QUADRANT.EDITION}') !== null")

    # Pick a country: Tab to the search, Enter opens it, type, Enter takes the match.
    focus_next(duo, f"#{ids.QUADRANT.COUNTRY}")
    assert focus_ring(duo) != "none"
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    search = duo.wait_for_element(".dash-dropdown-search")
    search.send_keys("Peru")
    wait_for_text(duo, ".dash-dropdown-options", "Peru")
    search.send_keys(Keys.ENTER)
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "Open the country profile")

    # Open the drill-down from the panel with Enter.
    focus_next(duo, f"#{ids.QUADRANT.COUNTRY_PANEL} a[href*='/country/PER']")
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: "/country/PER" in duo.driver.current_url, timeout=10)
    wait_for_text(duo, "main h1", "Peru")
    assert duo.get_logs() == []


def test_a005_a_focused_entry_of_the_navigation_bar_has_a_ring_that_stands_out_from_the_bar(start):
    """WCAG 2.1 asks 3:1 of a focus indicator against what is next to it."""
    duo = start("/")
    settled(duo)
    for entry in ("a.nav-link", ".dropdown-toggle"):
        duo.find_element("body").send_keys(Keys.TAB)
        focus_next(duo, f"nav.navbar {entry}")
        style, colour, bar = duo.driver.execute_script("""
            const e = document.activeElement, s = getComputedStyle(e);
            return [s.outlineStyle, s.outlineColor, getComputedStyle(e.closest('nav.navbar')).backgroundColor];""")
        assert style == "solid" and contrast(bar, colour) >= 3, (entry, style, colour, bar)
    assert duo.get_logs() == []


def test_a006_the_copy_link_button_is_reached_and_pressed_by_keyboard(start):
    duo = start("/")
    settled(duo)
    duo.find_element("body").send_keys(Keys.TAB)
    focus_next(duo, f"#{ids.SHELL.SHARE}", limit=10)  # in the navigation bar, before "Pin view"
    assert focus_ring(duo) != "none"
    assert duo.driver.execute_script("return document.activeElement.getAttribute('role')") == "button"
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: prop_of(duo, ids.SHELL.SHARE, "n_clicks") == 1, timeout=5)
    duo.driver.switch_to.active_element.send_keys(Keys.SPACE)
    until(lambda: prop_of(duo, ids.SHELL.SHARE, "n_clicks") == 2, timeout=5)
    assert duo.driver.execute_script("return window.scrollY") == 0
    assert duo.get_logs() == []


def test_a007_a_grid_is_one_tab_stop_whose_cells_the_arrows_walk_and_enter_follows_a_link(start, store):
    duo = start("/country/PER")
    grid = f"#{ids.COUNTRY.TABLE}"
    first = store.index.indicators(store.index.latest)[0]  # the first row: a link to the indicator's page

    def to_first_row() -> None:
        settled(duo)
        duo.find_element("body").send_keys(Keys.TAB)
        focus_next(duo, f"{grid} .ag-header-cell.ag-column-first")
        duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        until(lambda: duo.driver.execute_script("return document.activeElement.textContent") == first.label, timeout=5)

    def in_grid() -> bool:
        return duo.driver.execute_script(f"return document.activeElement.closest('{grid}') !== null")

    to_first_row()
    duo.driver.switch_to.active_element.send_keys(Keys.TAB)
    assert not in_grid()  # Tab leaves the grid from any cell, not for the next cell
    duo.driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    until(in_grid, timeout=5)
    duo.driver.get(duo.driver.current_url)
    to_first_row()
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: f"/indicator/{first.slug}" in duo.driver.current_url, timeout=10)
    assert duo.get_logs() == []


def open_by_keyboard(duo, dropdown: str) -> list[str]:
    """Tab to the dropdown `dropdown` and open it with Enter: the values of the options it lists."""
    settled(duo)
    duo.find_element("body").send_keys(Keys.TAB)
    focus_next(duo, f"#{dropdown}")
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    duo.wait_for_element(".dash-dropdown-search")
    return duo.driver.execute_script(
        "return [...document.querySelectorAll('.dash-dropdown-options [data-option-index] input')].map(i => i.value)")


@pytest.mark.parametrize("path, dropdown, param", [
    ("/", ids.QUADRANT.CONTINENT, "continent"),  # several may be chosen: checkboxes
    ("/", ids.QUADRANT.COUNTRY, "country"),  # one: radios
])
def test_a008_a_dropdowns_options_are_walked_with_the_arrow_keys_and_enter_picks_one(start, path, dropdown, param):
    """The arrows move focus from option to option (its box: checkbox or radio, named by its label), as Dash's
    dropdown does; the open list has no WCAG violation (an option that holds a control is one)."""
    duo = start(path)
    listed = open_by_keyboard(duo, dropdown)
    for _ in range(2):
        duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    until(lambda: duo.driver.execute_script("return document.activeElement.value") == listed[1], timeout=5)
    found = audit(duo, f"{path} with the {dropdown} menu open")
    assert not found, "\n".join(found)
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: f"{param}={listed[1]}" in duo.driver.current_url, timeout=10)
    assert duo.get_logs() == []


FOCUSED = "const a = document.activeElement; return (a.closest('label') || a).textContent.trim()"


def test_a010_select_all_and_deselect_all_are_in_a_multi_selects_tab_order(start):
    """Dash's dropdown steps Tab from the search box straight to the options: its Select All and Deselect All were
    out of reach of the keyboard. Tab and Shift+Tab take them in, between the search box and the options, and the
    arrow keys carry on from where Tab left them."""
    duo = start("/")
    continents = open_by_keyboard(duo, ids.QUADRANT.CONTINENT)

    def press(*keys) -> str:
        duo.driver.switch_to.active_element.send_keys(*keys)
        return duo.driver.execute_script(FOCUSED)

    until(lambda: duo.driver.execute_script("return document.activeElement.matches('.dash-dropdown-search')"), 5)
    assert press(Keys.TAB) == "Select All"
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: all(f"continent={c}" in duo.driver.current_url for c in continents), timeout=10)
    assert press(Keys.TAB) == "Deselect All"
    until(lambda: press(Keys.TAB) == continents[0], timeout=5)
    until(lambda: press(Keys.ARROW_DOWN) == continents[1], timeout=5)
    until(lambda: press(Keys.SHIFT, Keys.TAB) == continents[0], timeout=5)
    assert press(Keys.SHIFT, Keys.TAB) == "Deselect All"
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(lambda: "continent=" not in duo.driver.current_url, timeout=10)
    assert press(Keys.SHIFT, Keys.TAB) == "Select All"
    assert press(Keys.SHIFT, Keys.TAB) == ""  # the search box
    assert duo.get_logs() == []


# The navigation bar's focusable elements in the order Tab takes them (the page's order: none has a positive
# tabindex), each with the middle of its box, as shown.
BAR_STOPS = """
return [...document.querySelectorAll('nav.navbar a[href], nav.navbar button, nav.navbar [tabindex="0"]')]
    .filter(e => e.checkVisibility() && e.tabIndex >= 0)
    .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim() || e.id, (r.top + r.bottom) / 2, r.left]; });
"""


@pytest.mark.parametrize("width", [1400, 390])
def test_a009_the_navigation_bar_is_tabbed_through_in_the_order_it_is_read(start, width):
    """Row by row, left to right (WCAG 2.4.3), with the folded menu open too: the toggler, then what it opens."""
    duo = start("/")
    settled(duo)
    resize(duo, width)

    def read_order(stops: list) -> list:
        rows: list[list] = []  # stops whose middles lie within 12 px of each other share a row
        for stop in sorted(stops, key=lambda s: s[1]):
            if rows and stop[1] - rows[-1][0][1] < 12:
                rows[-1].append(stop)
            else:
                rows.append([stop])
        return [s[0] for row in rows for s in sorted(row, key=lambda s: s[2])]

    until(lambda: duo.driver.execute_script(BAR_STOPS), timeout=5)
    stops = duo.driver.execute_script(BAR_STOPS)
    assert [s[0] for s in stops] == read_order(stops)
    if width < 1200:  # folded: open it
        duo.find_element(f"#{ids.SHELL.NAV_TOGGLE}").click()
        duo.wait_for_element(f"#{ids.SHELL.NAV_MENU}.collapse.show")  # opened: no longer growing
        stops = duo.driver.execute_script(BAR_STOPS)
        assert [s[0] for s in stops] == read_order(stops)
    assert duo.get_logs() == []
