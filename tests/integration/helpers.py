"""Driving Dash 4 controls from Selenium the way a user does."""

from __future__ import annotations

from pathlib import Path

from dash.testing.errors import TestingTimeoutError
from dash.testing.wait import until
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from components import ids

# What an element shows (its rendered text; an SVG element's text, which has no innerText; non-breaking spaces as
# spaces) and its value, if it has one: nothing while it is not drawn, hidden or transparent (innerText would give
# the text of an element not drawn).
SHOWN = ("const e = document.querySelector(arguments[0]);"
         "if (!e) return null;"
         "if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return '';"
         "return ((e.innerText ?? e.textContent) + '\\n' + (e.value ?? '')).replaceAll('\\u00a0', ' ')")


def wait_for_text(duo, selector: str, text: str, timeout: float | None = None) -> None:
    """Wait until the first element matching `selector` shows `text` (or holds it as its value), read with the
    browser's innerText: Selenium's text, which dash_duo.wait_for_contains_text reads twice a poll, walks every
    node in script (seconds on a page with charts)."""
    limit, shown = timeout or duo.wait_timeout, [None]

    def shows() -> bool:
        try:
            shown[0] = duo.driver.execute_script(SHOWN, selector)
        except WebDriverException as error:  # e.g. while the page is being replaced: asked again at the next poll
            shown[0] = error.msg
            return False
        return shown[0] is not None and text in shown[0]

    try:
        until(shows, limit)
    except TestingTimeoutError:
        raise AssertionError(f"{text!r} not shown by {selector} in {limit} s; it shows "
                             f"{str(shown[0])[:400]!r}") from None


def scroll_to(duo, element) -> None:
    """Bring an element to the middle of the viewport, as a user scrolls to it before clicking. At once: Bootstrap
    makes scrolling smooth, and a click while the page still scrolls (slower while a deferred grid is drawn) lands
    elsewhere."""
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)


def into_view(duo, selector: str) -> None:
    """Scroll to a control below the fold. Waits for it first: a dcc component's code loads on demand, so it can be
    drawn after the html around it."""
    scroll_to(duo, duo.wait_for_element(selector, timeout=10))


def click_link(duo, text: str, within: str = "body") -> None:
    """Follow the link reading `text` inside `within`, scrolled to first. Waits for it: a grid below the fold gets
    its rows after the first paint."""
    wait_for_text(duo, within, text)
    link = duo.find_element(within).find_element(By.LINK_TEXT, text)
    scroll_to(duo, link)
    link.click()


def pick(duo, selector: str, text: str) -> None:
    """Type into a dcc.Dropdown's search box and take the option shown for `text`. Waits for the dropdown: its code
    loads on demand, so it can be drawn after the html around it."""
    duo.wait_for_element(selector, timeout=10).click()
    search = duo.find_element(".dash-dropdown-search")  # the open menu's search box (focus may sit on an option)
    search.send_keys(text)
    wait_for_text(duo, ".dash-dropdown-options", text)
    search.send_keys(Keys.ENTER)
    duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)  # close the menu so it covers nothing


def choose(duo, selector: str, label: str) -> None:
    """Click the radio or checkbox labelled `label` inside a dbc.RadioItems/Checklist."""
    labels = duo.driver.find_elements(By.CSS_SELECTOR, f"{selector} label")
    next(element for element in labels if element.text == label).click()


def texts(duo, selector: str) -> list[str]:
    """The text of every element matching `selector`, read in one go (safe while Dash re-renders them)."""
    return duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", selector)


def announced(duo, element_id: str) -> str:
    """What a polite live region (role="status") holds: what a screen reader reads out when it changes."""
    region = duo.find_element(f"#{element_id}")
    assert (region.get_attribute("role"), region.get_attribute("aria-live")) == ("status", "polite"), element_id
    return region.text


def grid_values(duo, grid_id: str, field: str) -> list:
    """One field of every row an AG Grid displays, in display order (it draws only the rows in view); none until the
    grid is drawn (one below the fold is drawn after the first paint: components/deferred.py)."""
    return duo.driver.execute_script("""
        let api;
        try { api = dash_ag_grid.getApi(arguments[0]); } catch (notDrawnYet) { return []; }
        const values = [];
        api.forEachNodeAfterFilterAndSort(node => values.push(node.data[arguments[1]]));
        return values;""", grid_id, field)


def filter_grid(duo, grid_id: str, column: str, model: dict) -> None:
    """Filter a grid's column as its filter menu does (an AG Grid filter model); grid_values then reads what it
    keeps."""
    duo.driver.execute_async_script("""
        const [grid, column, model, done] = arguments, api = dash_ag_grid.getApi(grid);
        api.setColumnFilterModel(column, model).then(() => { api.onFilterChanged(); done(); });
    """, grid_id, column, model)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(duo) -> list[dict]:
    """Run axe-core (installed from npm by the set-up) on the page as shown, once its transitions have ended: its
    WCAG 2.1 A and AA rules. (A button fading between two states has, for a moment, colours that neither state has.)"""
    if not duo.driver.execute_script("return typeof axe !== 'undefined'"):
        duo.driver.execute_script(AXE.read_text())
    return duo.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        # A transition's end can start another (the panel takes the focus from the button that opened it): wait until
        # a frame passes with none running. Endless animations (spinners) never end, so they are not waited for.
        "const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
        "const running = () => document.getAnimations().filter(a => a.effect && a.playState === 'running'"
        " && a.effect.getComputedTiming().iterations !== Infinity);"
        "const still = async () => { for (let a = running(); a.length; a = running())"
        " { await Promise.allSettled(a.map(x => x.finished)); await frame(); } };"
        "still().then(() => axe.run(document, {runOnly: arguments[0], resultTypes: ['violations']}))"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " targets: v.nodes.map(n => n.target.join(' '))}))), e => done([{id: 'axe-error', targets: [String(e)]}]));",
        {"type": "tag", "values": WCAG_21_AA})


# What axe lets pass but a screen reader user cannot tell apart: a dropdown named only by what it shows ("Peru"), a
# set of options not named as a group ("2021, 2023" twice on one page), a box named only by its placeholder.
UNNAMED = """
const described = e => e.id || e.className.toString().slice(0, 60);
const named = e => e.labels && e.labels.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
const dropdowns = [...document.querySelectorAll('button.dash-dropdown')].filter(b => !named(b));
const sets = [...new Set([...document.querySelectorAll('input[type=radio]')]
    .filter(r => !r.closest('.dash-options-list, .ag-root-wrapper'))
    .map(r => r.closest('[role=radiogroup]') || r.closest('div[id]')))].filter(g => !named(g));
const boxes = [...document.querySelectorAll('input[type=search], input[type=text], input[type=number]')]
    .filter(i => !i.closest('.ag-root-wrapper, [aria-hidden=true], .dash-dropdown-content') && !named(i));
return [...dropdowns.map(e => 'dropdown ' + described(e)), ...sets.map(e => 'options ' + described(e)),
        ...boxes.map(e => 'box ' + described(e))];
"""


def resize(duo, width: int, height: int = 900) -> None:
    """The viewport exactly width x height CSS px (a window's size would include its frame)."""
    duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def unnamed_controls(duo) -> list[str]:
    """The controls on the page without a name of their own (UNNAMED)."""
    return duo.driver.execute_script(UNNAMED)


def deferred_set(duo) -> bool:
    """Whether every prop the page defers (components/deferred.py) holds its deferred value in Dash's store (a view
    without the page's store, such as "No such view", defers nothing). A component drawn later (mount_later) counts
    once it is there: from then on it writes props of its own (a grid, its state). One that a callback has since
    taken off the page (presenting redraws the comparison whole) is not waited for."""
    return duo.driver.execute_script("""
        const api = window.dash_component_api;
        if (!api || !document.querySelector('main h1')) return false;
        const layoutOf = id => { try { return api.getLayout(id); } catch (missing) { return undefined; } };
        const storeIn = node => {
            if (Array.isArray(node)) return node.map(storeIn).find(Boolean);
            if (!node || !node.props) return undefined;
            return node.props.id && node.props.id.type === arguments[0] ? node : storeIn(node.props.children);
        };
        const store = storeIn(layoutOf(arguments[1]));
        if (!store) return true;
        const later = store.props.data || {};
        const same = (now, then) => then && then.props && then.props.id !== undefined
            ? Boolean(now && now.props && JSON.stringify(now.props.id) === JSON.stringify(then.props.id))
            : JSON.stringify(now) === JSON.stringify(then);
        return Object.keys(later).every(id => { const found = layoutOf(id);
            return !found || Object.keys(later[id]).every(prop => same(found.props[prop], later[id][prop])); });""",
                                     ids.SHELL.DEFERRED, ids.SHELL.PAGE)


def never_idle(duo) -> None:
    """From the next page on, the browser never reports itself idle: deferred props are set only when their component
    nears the viewport, or before printing."""
    duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                               {"source": "window.requestIdleCallback = function () { return 0; };"})


def prop_of(duo, component_id: str, prop: str):
    """A component's prop as Dash's store holds it (what callbacks read), not as drawn."""
    return duo.driver.execute_script("return window.dash_component_api.getLayout(arguments[0]).props[arguments[1]]",
                                     component_id, prop)
