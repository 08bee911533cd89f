"""Phones and tablets: every view at 390, 768 and 1024 px wide, with no sideways scroll of the page."""

from __future__ import annotations

import pytest
from dash.testing import errors
from dash.testing.wait import until

from components import ids

from .helpers import resize, unnamed_controls, wait_for_text
from .test_accessibility import VIEWS, settled

WIDTHS = (390, 768)  # a phone held upright, a tablet held upright
TABLET_SIDEWAYS = 1024
# The country profile with its default peers too: five columns side by side.
NARROW_VIEWS = [*VIEWS, "/country/PER"]

# The outermost elements that stick out past the viewport's right edge, unless a scrolling box of their own that
# itself fits holds them (a wide table may scroll inside its container).
OVERFLOWING = """
const edge = document.documentElement.clientWidth, found = [];
for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (!box.width || box.right <= edge + 0.5) continue;
    let holder = element.parentElement, held = false;
    for (; holder && holder !== document.body; holder = holder.parentElement) {
        if (getComputedStyle(holder).overflowX !== 'visible' && holder.getBoundingClientRect().right <= edge + 0.5) {
            held = true;
            break;
        }
    }
    if (!held) found.push(element);
}
return found.filter(e => !found.includes(e.parentElement)).map(e =>
    e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('')
    + ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)');
"""

# Boxes that scroll sideways: each must be reachable by keyboard and named, so that a screen reader says what it is.
UNNAMED_SCROLLERS = """
return [...document.body.querySelectorAll('*')].filter(e => {
    const style = getComputedStyle(e);
    return ['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1
        && !e.closest('.ag-root-wrapper') && !e.closest('.js-plotly-plot')
        && !(e.tabIndex >= 0 && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')));
}).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join(''));
"""


def too_wide(duo) -> str:
    """How the page sticks out past the viewport's right edge, if it does."""
    page, viewport = duo.driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return f"{page} px wide in {viewport} px: {', '.join(duo.driver.execute_script(OVERFLOWING))}" if page > viewport else ""


# One test per width, so that parallel test workers share them out.
@pytest.mark.parametrize("width", (*WIDTHS, TABLET_SIDEWAYS))
def test_n001_no_view_scrolls_sideways_on_a_phone_or_tablet(start, width):
    duo = start("/")
    base = duo.server.url.rstrip("/")
    found = []
    resize(duo, width)
    for view in NARROW_VIEWS:
        duo.driver.get(base + view)
        settled(duo)
        # A chart fits itself to its box a moment after the box narrows (a scroll bar appears as deferred rows
        # lengthen the page): the page is judged once that is done.
        try:
            until(lambda: not too_wide(duo), timeout=5)
        except errors.TestingTimeoutError:
            found.append(f"{view} is {too_wide(duo)}")
        if unnamed := duo.driver.execute_script(UNNAMED_SCROLLERS):
            found.append(f"{view} scrolls sideways without a keyboard stop and a name: " + ", ".join(unnamed))
        # What only narrow screens show (a slider's number box) is named too.
        found += [f"{view}: {control} has no name of its own" for control in unnamed_controls(duo)]

    # The navigation folds behind its toggler, which opens it.
    duo.driver.get(base + "/")
    settled(duo)
    menu = duo.find_element(f"#{ids.SHELL.NAV_MENU}")
    assert not menu.is_displayed()
    duo.find_element(f"#{ids.SHELL.NAV_TOGGLE}").click()
    until(menu.is_displayed, timeout=5)
    found += [f"/ with the menu open: {e}" for e in duo.driver.execute_script(OVERFLOWING)]
    for toggle in duo.find_elements(f"#{ids.SHELL.NAV_MENU} .dropdown-toggle"):  # and each of its menus
        toggle.click()
        until(lambda: toggle.get_attribute("aria-expanded") == "true", timeout=5)
        found += [f"/ with the {toggle.text} menu open: {e}" for e in duo.driver.execute_script(OVERFLOWING)]
        toggle.click()
    assert not found, "\n".join(found)
    assert duo.get_logs() == []


# What of the view the presenter's bar lies over: the view's innermost elements drawn under it (text, a grid's
# cells, a chart's points and labels).
UNDER_THE_BAR = """
const bar = document.querySelector('.oc-presenter').getBoundingClientRect();
const over = box => box.width && box.height && box.left < bar.right && box.right > bar.left
                    && box.top < bar.bottom && box.bottom > bar.top;
return [...document.querySelectorAll('main.oc-page *')]
    .filter(e => !e.firstElementChild && e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                 && over(e.getBoundingClientRect()))
    .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('') + ' ' + e.textContent.slice(0, 30));
"""


@pytest.mark.parametrize("width", [*WIDTHS, 1280])
def test_n002_presenting_the_bar_covers_nothing_of_the_view_and_stays_in_reach(start, width):
    """The presenter's bar is a strip of its own above the view: over its bottom corner it hid rows of the
    indicator's ranking and the end of a chart on a 1280x720 projector, and at 390 px the quadrant's last line; a
    bar at the top that took two lines on a phone (views pinned: 'Not in the briefing (2 views)') covered the view's
    heading, and one that scrolled away with the view left a touch screen without its buttons."""
    duo = start("/indicator/cocaine-trade")
    resize(duo, width, 720)
    base = duo.server_url.rstrip("/")
    pinned = ("/indicator/cocaine-trade", "/pillar/resilience?country=PER")
    for count, path in enumerate(pinned, start=1):
        duo.driver.get(base + path)
        settled(duo)
        duo.driver.execute_script("document.getElementById(arguments[0]).click()", ids.SHELL.PIN)
        wait_for_text(duo, f"#{ids.SHELL.BRIEFING_OPEN}", f"Briefing ({count})")
    for path in ("/?country=PER", *pinned):
        duo.driver.get(base + path + "#present")
        duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
        settled(duo)
        assert duo.driver.execute_script(UNDER_THE_BAR) == [], path
    # Scrolled down, the bar is still at the top of the screen; a step shows the next view from its top.
    duo.driver.get(base + pinned[0] + "#present")
    settled(duo)
    duo.driver.execute_script("window.scrollTo({top: 600, behavior: 'instant'})")
    assert duo.driver.execute_script("return document.querySelector('.oc-presenter').getBoundingClientRect().top") == 0
    duo.driver.execute_script("document.getElementById(arguments[0]).click()", ids.SHELL.PRESENT_NEXT)
    until(lambda: "/pillar/resilience" in duo.driver.current_url, timeout=10)
    settled(duo)
    assert duo.driver.execute_script("return window.scrollY") == 0
    assert duo.get_logs() == []


CAPTION_SIZES = "return [...document.querySelectorAll(arguments[0])].map(e => parseFloat(getComputedStyle(e).fontSize))"


@pytest.mark.parametrize("width, height", [(390, 844), (768, 1024), (1280, 720)])
def test_n003_presenting_the_quadrant_fills_the_screen_with_its_note_in_view(start, width, height):
    """The chart takes what its note leaves: sized for a two-line note, it pushed a four-line one past the bottom
    of a phone held upright."""
    duo = start("/?country=PER")
    resize(duo, width, height)
    settled(duo)
    captions = f"#{ids.QUADRANT.GRAPH} .textpoint text"
    on_screen = duo.driver.execute_script(CAPTION_SIZES, captions)
    duo.driver.get(duo.server_url.rstrip("/") + "/?country=PER#present")
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    settled(duo)
    # The projector's larger type, but on a phone the screen's (figures/style.py, assets/a11y.js).
    presented = duo.driver.execute_script(CAPTION_SIZES, captions)
    assert len(on_screen) == 4 and (presented == on_screen if width < 576 else min(presented) > max(on_screen))
    note, chart, screen = duo.driver.execute_script(
        "return [arguments[0], arguments[1]].map(id => document.getElementById(id).getBoundingClientRect().toJSON())"
        ".concat(innerHeight)", ids.QUADRANT.SPLIT_NOTE, ids.QUADRANT.GRAPH)
    assert note["bottom"] <= screen
    assert chart["height"] >= 0.6 * screen
    # The quadrants' captions stay inside the plot and clear of each other (on a phone, at their screen size).
    plot, *captions = duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.getBoundingClientRect().toJSON())",
        f"#{ids.QUADRANT.GRAPH} .nsewdrag, #{ids.QUADRANT.GRAPH} .textpoint")
    assert len(captions) == 4
    assert all(plot["left"] <= c["left"] and c["right"] <= plot["right"] and plot["top"] <= c["top"]
               and c["bottom"] <= plot["bottom"] for c in captions), (plot, captions)
    assert not any(a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
                   for n, a in enumerate(captions) for b in captions[n + 1:]), captions
    assert duo.get_logs() == []


# The box of the like-for-like banner (null where it is not drawn), then those of the quadrants' captions.
BANNER_AND_CAPTIONS = """
const chart = document.getElementById(arguments[0]);
const banner = [...chart.querySelectorAll('.annotation')].find(a => a.textContent.startsWith('Like-for-like positions'));
return [banner ? banner.getBoundingClientRect().toJSON() : null,
        ...[...chart.querySelectorAll('.textpoint')].map(e => e.getBoundingClientRect().toJSON())];
"""


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 720)])
def test_n004_presenting_like_for_like_positions_the_banner_covers_no_caption_and_on_a_phone_gives_way_to_the_note(
        start, width, height):
    duo = start("/")
    resize(duo, width, height)
    duo.driver.get(duo.server_url.rstrip("/") + "/?scores=like-for-like&since=2021&country=PER#present")
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    settled(duo)
    banner, *captions = duo.driver.execute_script(BANNER_AND_CAPTIONS, ids.QUADRANT.GRAPH)
    assert len(captions) == 4
    if width < 576:  # wider than the plot: the note under the chart says it
        assert banner is None
        wait_for_text(duo, f"#{ids.QUADRANT.SPLIT_NOTE}", "ours, not GI-TOC's")
    else:
        assert banner is not None and banner["width"] > 0
        assert not any(banner["left"] < c["right"] and c["left"] < banner["right"] and banner["top"] < c["bottom"]
                       and c["top"] < banner["bottom"] for c in captions), (banner, captions)
    assert duo.get_logs() == []
