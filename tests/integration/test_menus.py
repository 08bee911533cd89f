"""The navigation's menus (Indicators, Pillars, Insights): entries mounted only while in use (assets/menus.js),
reached by pointer and by keyboard, and opening their view in the running app."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from components.indicator import menu as indicator_menu
from components.pages import PAGES
from components.pillar import menu as pillar_menu

MOUNTED = "return document.querySelectorAll(arguments[0] + ' .dropdown-item, ' + arguments[0] + ' .dropdown-header').length"


def test_v001_a_menu_entry_opens_its_view_without_reloading_the_app(start, store):
    duo = start("/")
    duo.wait_for_element("#quadrant-graph .main-svg")
    holder = ".oc-nav-indicator + .dropdown-menu"
    duo.driver.execute_script("window.stillTheSameApp = true")
    toggle = duo.find_element(".oc-nav-indicator")
    ActionChains(duo.driver).move_to_element(toggle).perform()
    duo.driver.execute_script("arguments[0].focus()", toggle)
    assert duo.driver.execute_script(MOUNTED, holder) == 0  # closed, under the pointer and focused: nothing mounted
    toggle.click()
    # Every entry of the menu, headers included, in order.
    until(lambda: duo.driver.execute_script(MOUNTED, holder) == len(indicator_menu(store.index)), timeout=5)
    shown = [e.text for e in duo.find_elements(f"{holder} .dropdown-item, {holder} .dropdown-header")]
    assert shown == [label for label, _ in indicator_menu(store.index)]
    duo.find_element(f"{holder} a[href$='/indicator/cocaine-trade']").click()
    duo.wait_for_text_to_equal("main h1", "Cocaine trade")
    assert duo.driver.current_url.endswith("/indicator/cocaine-trade")
    assert duo.driver.execute_script("return window.stillTheSameApp") is True
    until(lambda: duo.driver.execute_script(MOUNTED, holder) == 0, timeout=5)  # closed again
    assert duo.get_logs() == []


def test_v002_a_menu_opens_and_is_walked_by_keyboard(start, store):
    duo = start("/")
    duo.wait_for_element("#quadrant-graph .main-svg")
    holder = ".oc-nav-pillar + .dropdown-menu"
    toggle = duo.find_element(".oc-nav-pillar")
    duo.driver.execute_script("arguments[0].focus()", toggle)
    toggle.send_keys(Keys.TAB)  # tabbing past the menu opens nothing and mounts nothing
    assert duo.driver.execute_script(MOUNTED, holder) == 0
    duo.driver.execute_script("arguments[0].focus()", toggle)
    toggle.send_keys(Keys.ENTER)
    until(lambda: toggle.get_attribute("aria-expanded") == "true", timeout=5)
    toggle.send_keys(Keys.ARROW_DOWN)
    first = pillar_menu(store.index)[0][0]
    until(lambda: duo.driver.execute_script("return document.activeElement.textContent") == first, timeout=5)
    duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    until(lambda: toggle.get_attribute("aria-expanded") == "false", timeout=5)
    until(lambda: duo.driver.execute_script(MOUNTED, holder) == 0, timeout=5)
    # Focus stays on the toggle, the entries are gone: the keys that open the menu bring them back first.
    toggle.send_keys(Keys.ENTER)
    toggle.send_keys(Keys.ARROW_DOWN)
    until(lambda: duo.driver.execute_script("return document.activeElement.textContent") == first, timeout=5)
    assert duo.get_logs() == []


def test_v003_a_group_of_pages_is_a_menu_of_their_entries_in_registry_order(start):
    duo = start("/")
    duo.wait_for_element("#quadrant-graph .main-svg")
    holder = ".oc-nav-group-insights + .dropdown-menu"
    assert duo.driver.execute_script(MOUNTED, holder) == 0
    duo.driver.execute_script("window.stillTheSameApp = true")
    duo.find_element(".oc-nav-group-insights").click()
    insights = [page.nav.label for page in PAGES if page.nav and page.nav.group == "Insights"]
    until(lambda: duo.driver.execute_script(MOUNTED, holder) == len(insights), timeout=5)
    assert [e.text for e in duo.find_elements(f"{holder} .dropdown-item")] == insights
    duo.find_element(f"{holder} a[href$='/regions']").click()
    duo.wait_for_text_to_equal("main h1", "Regions and continents ranked")
    assert duo.driver.execute_script("return window.stillTheSameApp") is True
    until(lambda: duo.driver.execute_script(MOUNTED, holder) == 0, timeout=5)
    assert duo.get_logs() == []
