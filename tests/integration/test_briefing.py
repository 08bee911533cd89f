"""Briefings in the browser: presentation mode stepping through pinned views, chart image exports, the deck
export running in the background with progress, cancel and downloads."""

from __future__ import annotations

import io
from pathlib import Path

from dash.testing.wait import until
from pptx import Presentation
from pypdf import PdfReader
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from components import ids

from .helpers import announced, choose, click_link, deferred_set, scroll_to, wait_for_text

SOURCE = "Source: Global Organized Crime Index 2023, GI-TOC"


def shown(duo, selector: str) -> bool:
    return any(e.is_displayed() for e in duo.driver.find_elements("css selector", selector))


def press(duo, key) -> None:
    ActionChains(duo.driver).send_keys(key).perform()


def here(duo) -> str:
    return duo.driver.execute_script("return window.location.pathname + window.location.search")


def edition_shown(duo) -> str | None:
    """The quadrant's checked edition, read in one go (the page may be redrawn meanwhile)."""
    return duo.driver.execute_script(f"const e = document.querySelector('#{ids.QUADRANT.EDITION} input:checked');"
                                     " return e && e.value;")


def downloaded(duo, name: str) -> Path:
    path = Path(duo.download_path) / name
    until(lambda: path.is_file() and path.stat().st_size > 0, timeout=30)
    return path


def test_p001_a_present_link_opens_without_chrome_and_with_projector_type(start):
    duo = start("/?country=PER#present")
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert not shown(duo, "nav.navbar") and not shown(duo, ".oc-controls")
    assert shown(duo, f"#{ids.SHELL.PRESENT_EXIT}")
    # The chart is re-drawn for the projector: its type is larger than on screen (13 px).
    until(lambda: duo.driver.execute_script(
        f"return document.querySelector('#{ids.QUADRANT.GRAPH} .js-plotly-plot').layout.font.size") > 13, timeout=10)
    press(duo, Keys.ESCAPE)
    until(lambda: not duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present"), timeout=10)
    assert shown(duo, "nav.navbar") and shown(duo, ".oc-controls")
    assert "#present" not in duo.driver.current_url
    assert duo.get_logs() == []


def focused(duo) -> str:
    return duo.driver.execute_script("return document.activeElement.id")


def test_p014_entering_and_leaving_presentation_by_keyboard_keeps_the_focus_on_a_button_shown(start):
    """The button pressed is hidden as the mode changes: focus goes to the presenter's Next (Exit, with nothing
    pinned to step through), and back to Present on leaving, rather than to the top of the page."""
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    for pinned, presenter in ((False, ids.SHELL.PRESENT_EXIT), (True, ids.SHELL.PRESENT_NEXT)):
        if pinned:
            duo.find_element(f"#{ids.SHELL.PIN}").click()
            duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (1)")
        duo.driver.execute_script("arguments[0].focus()", duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}"))
        duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
        duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
        until(lambda: focused(duo) == presenter, timeout=5)
        duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        until(lambda: not duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present"), timeout=10)
        until(lambda: focused(duo) == ids.SHELL.PRESENT_TOGGLE, timeout=5)
    assert duo.get_logs() == []


def test_p007_presenting_keeps_the_view_the_controls_chose(start, workbook_editions):
    """The address follows the controls; pressing Present, then leaving, keeps that view in it (it once put back
    the address the page was opened with)."""
    first = workbook_editions[0]
    duo = start("/?country=PER")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    choose(duo, f"#{ids.QUADRANT.EDITION}", str(first))
    until(lambda: here(duo) == f"/?edition={first}&country=PER", timeout=10)
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    until(lambda: duo.driver.execute_script("return window.location.hash") == "#present", timeout=10)
    assert here(duo) == f"/?edition={first}&country=PER"
    press(duo, Keys.ESCAPE)
    until(lambda: not duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present"), timeout=10)
    until(lambda: duo.driver.execute_script("return window.location.hash") == "", timeout=10)
    assert here(duo) == f"/?edition={first}&country=PER"
    assert edition_shown(duo) == str(first)
    assert duo.get_logs() == []


def test_p010_back_from_presentation_leaves_it_and_forward_returns_to_it(start):
    """Present pressed, then Back: the view as it was before, with its navigation and controls (presentation once
    stayed on, the address without #present notwithstanding). Links followed while presenting keep it on."""
    duo = start("/?country=PER")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    until(lambda: duo.driver.execute_script("return window.location.hash") == "#present", timeout=10)
    duo.driver.back()
    until(lambda: not duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present"), timeout=10)
    assert shown(duo, "nav.navbar") and shown(duo, ".oc-controls")
    assert here(duo) == "/?country=PER" and duo.driver.execute_script("return window.location.hash") == ""
    duo.driver.forward()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    assert not shown(duo, "nav.navbar")
    # A link followed while presenting keeps presenting, and so does Back to the view that was presented.
    click_link(duo, "Open the country profile →")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    assert duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present")
    duo.driver.back()
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert here(duo) == "/?country=PER" and duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present")
    assert duo.get_logs() == []


def test_p008_back_and_a_briefing_step_draw_the_view_the_address_names(start, workbook_editions):
    """Back after a control change, and a step to a pinned view whose address the page was opened with, draw that
    view (the router once missed both: the address it knew was still the one the page was opened with)."""
    first, latest = workbook_editions[0], workbook_editions[-1]
    duo = start(f"/?edition={first}&country=PER")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    choose(duo, f"#{ids.QUADRANT.EDITION}", str(latest))
    until(lambda: here(duo) == f"/?edition={latest}&country=PER", timeout=10)
    duo.driver.back()
    until(lambda: here(duo) == f"/?edition={first}&country=PER", timeout=10)
    until(lambda: edition_shown(duo) == str(first), timeout=10)

    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (1)")
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    duo.driver.execute_script("arguments[0].click()", next(
        e for e in duo.find_elements(f"#{ids.QUADRANT.EDITION} input") if e.get_attribute("value") == str(latest)))
    until(lambda: here(duo) == f"/?edition={latest}&country=PER", timeout=10)
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "Not in the briefing (1 view)")
    press(duo, Keys.ARROW_RIGHT)
    until(lambda: here(duo) == f"/?edition={first}&country=PER", timeout=10)
    until(lambda: edition_shown(duo) == str(first), timeout=10)
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 1")
    assert duo.get_logs() == []


def test_p009_back_taken_before_a_control_change_is_written_keeps_the_address_it_went_to(start, workbook_editions):
    """A control changed, then Back at once (before the server has said the control's address): the address and
    the page are Back's, not Back's path with the other page's query drawn again."""
    first = workbook_editions[0]
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    click_link(duo, "Compare")
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .main-svg")
    # Back is taken once the control's request has left, and the answers are let in once Back has been taken.
    duo.driver.execute_script("""
        const send = window.fetch;
        let back = null;
        window.fetch = function (input, init) {
            if (!(init && typeof init.body === 'string' && init.body.includes('"shell-sync'))) return send(input, init);
            if (!back) {
                back = new Promise(taken => window.addEventListener('popstate', taken, {once: true}));
                history.back();
            }
            return back.then(() => send(input, init)).then(answer => { window.ocAnswered = true; return answer; });
        };
        [...document.querySelectorAll(arguments[0])].find(e => e.value === arguments[1]).click();""",
                               f"#{ids.COMPARE.EDITION} input", str(first))
    until(lambda: duo.driver.execute_script("return window.ocAnswered === true"), timeout=10)
    until(duo._wait_for_callbacks, timeout=10)  # the answer is taken in
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert here(duo) == "/"
    assert duo.get_logs() == []


def test_p015_back_taken_before_an_edition_switch_is_written_keeps_the_address_it_went_to(start, workbook_editions):
    """The quadrant's edition switch writes its address itself, after the chart's paint: Back taken before then
    keeps Back's address and page."""
    first = workbook_editions[0]
    duo = start("/compare")
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .main-svg")
    duo.find_element(".navbar-brand").click()
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    # The frames after the switch are held until Back has been taken.
    duo.driver.execute_script("""
        const frame = window.requestAnimationFrame, held = [];
        window.requestAnimationFrame = work => { held.push(work); return 0; };
        window.addEventListener('popstate', () => {
            window.requestAnimationFrame = frame;
            held.forEach(work => frame(work));
            frame(() => setTimeout(() => { window.ocReleased = true; }));
        }, {once: true});
        [...document.querySelectorAll(arguments[0])].find(e => e.value === arguments[1]).click();
        history.back();""", f"#{ids.QUADRANT.EDITION} input", str(first))
    until(lambda: duo.driver.execute_script("return window.ocReleased === true"), timeout=10)
    until(duo._wait_for_callbacks, timeout=10)
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .main-svg")
    assert here(duo) == "/compare"
    assert duo.get_logs() == []


def test_p002_arrow_keys_step_through_the_pinned_views(start):
    duo = start("/?edition=2021&country=PER")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (1)")
    duo.driver.get(duo.server_url + "country/COL?edition=2023")  # the briefing lives in the browser's storage
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (2)")

    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 2 of 2")
    press(duo, Keys.ARROW_LEFT)
    until(lambda: here(duo) == "/?edition=2021&country=PER", timeout=10)
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 2")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present")  # still presenting
    press(duo, Keys.ARROW_RIGHT)
    until(lambda: here(duo).startswith("/country/COL"), timeout=10)
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 2 of 2")
    assert duo.get_logs() == []


def test_p012_a_step_past_the_last_view_leaves_the_address_as_it_is(start):
    duo = start("/compare")
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (1)")
    duo.driver.get(duo.server_url + "country/PER")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (2)")
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 2 of 2")
    # Past the last view nothing happens. It once wrote the address back without #present, which Back then found
    # in the history, ending the presentation.
    press(duo, Keys.ARROW_RIGHT)
    press(duo, Keys.ARROW_LEFT)
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 2")
    duo.driver.back()
    until(lambda: here(duo).startswith("/country/PER"), timeout=10)
    assert duo.driver.current_url.endswith("#present") and duo.find_elements(f"#{ids.SHELL.ROOT}.oc-present")
    assert duo.get_logs() == []


def press_at_once(duo, *keys: str) -> None:
    """Keys pressed faster than Dash runs a callback, as a clicker or a held key may send them when the page is busy
    (a step and a key 14 ms apart did, in a run of test_p012): each once the button has counted the last (two
    microtasks later; at once, the button would count two clicks as one), all before Dash runs the step."""
    duo.driver.execute_script("""
        const keys = Array.from(arguments);
        (function press() {
            document.body.dispatchEvent(new KeyboardEvent('keydown', {key: keys.shift(), bubbles: true}));
            if (keys.length) { Promise.resolve().then(() => Promise.resolve()).then(press); }
        })();""", *keys)


def test_p013_presses_close_together_each_count(start):
    """Two presses within a few ms reached one call of the step, which counted the first button only: → then ← at
    the last view stayed there, → → moved one view. Each press counts now, a button's presses in the order of its
    first (assets/clientside.js, stepBriefing)."""
    duo = start("/compare")
    for pinned, (path, drawn) in enumerate((("compare", ids.COMPARE.DOTS), ("country/PER", ids.COUNTRY.DOTS),
                                            ("regions", ids.REGIONS.GRAPH)), start=1):
        duo.driver.get(duo.server_url + path)  # the briefing lives in the browser's storage
        duo.wait_for_element(f"#{drawn} .main-svg")
        duo.find_element(f"#{ids.SHELL.PIN}").click()
        duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", f"Briefing ({pinned})")
    duo.find_element(f"#{ids.SHELL.PRESENT_TOGGLE}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 3 of 3")
    press_at_once(duo, "ArrowRight", "ArrowLeft", "ArrowLeft")  # past the end (stays), then back twice
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 3")
    until(lambda: here(duo) == "/compare", timeout=10)
    press_at_once(duo, "ArrowRight", "ArrowRight")
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 3 of 3")
    until(lambda: here(duo) == "/regions", timeout=10)
    assert duo.get_logs() == []


def test_p011_presenting_the_briefing_from_its_panel_closes_the_panel(start):
    """'Present from the start' in the briefing panel: the first pinned view, presented, the panel gone from over
    it (it stayed over a third of every view)."""
    duo = start("/?country=PER")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (1)")
    click_link(duo, "Open the country profile →")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    duo.find_element(f"#{ids.SHELL.PIN}").click()
    duo.wait_for_text_to_equal(f"#{ids.SHELL.BRIEFING_OPEN}", "Briefing (2)")
    duo.find_element(f"#{ids.SHELL.BRIEFING_OPEN}").click()
    duo.wait_for_element(f"#{ids.SHELL.BRIEFING}.show")
    duo.find_element(f"#{ids.SHELL.BRIEFING_START}").click()
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    until(lambda: here(duo) == "/?country=PER", timeout=10)
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 2")
    until(lambda: not shown(duo, f"#{ids.SHELL.BRIEFING}"), timeout=10)
    assert duo.get_logs() == []


def test_p003_every_chart_downloads_as_svg_and_png_with_a_meaningful_name(start):
    duo = start("/country/PER?edition=2021")
    duo.wait_for_element(f"#{ids.COUNTRY.DOTS} .main-svg")
    buttons = {b.get_attribute("aria-label"): b for b in duo.driver.find_elements("css selector", ".oc-image-export button")}
    buttons["Download the indicator chart as SVG"].click()
    svg = downloaded(duo, "oc-index_per_indicators_2021.svg").read_text()
    assert svg.startswith("<svg") and "Peru" in svg and "Cocaine trade" in svg
    scroll_to(duo, buttons["Download the path across editions as PNG"])  # below the fold now
    buttons["Download the path across editions as PNG"].click()
    assert downloaded(duo, "oc-index_per_path.png").read_bytes().startswith(b"\x89PNG")
    assert duo.get_logs() == []


def test_p004_a_deck_builds_in_the_background_with_progress_and_downloads(start):
    duo = start("/deck?countries=PER,COL&views=quadrant,markets&edition=2023")
    duo.wait_for_element(f"#{ids.DECK.BUILD}").click()
    seen = set()

    def progressed():
        seen.add(duo.find_element(f"#{ids.DECK.STEP}").text)
        return "ready" in duo.find_element(f"#{ids.DECK.STATUS}").text
    until(progressed, timeout=120, poll=0.2)
    assert any(" of 4 charts" in step for step in seen)  # progress was shown on the way
    assert "ready" in announced(duo, ids.DECK.STATUS)
    announced(duo, ids.DECK.STEP)  # the steps on the way were read out too
    assert duo.find_element(f"#{ids.DECK.BUILD}").is_enabled() and not duo.find_element(f"#{ids.DECK.CANCEL}").is_enabled()

    duo.find_element(f"#{ids.DECK.PPTX}").click()
    deck = Presentation(io.BytesIO(downloaded(duo, "oc-index_briefing_PER-COL_2023.pptx").read_bytes()))
    # Cover, two views of two countries, what Peru's 2023 profile text says (Colombia has none), sources and caveats.
    assert len(deck.slides) == 7
    closing = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
    assert f"{duo.server_url.rstrip('/')}/change?composite=criminality" in closing  # a link that works on paper
    duo.find_element(f"#{ids.DECK.PDF}").click()
    pdf = PdfReader(io.BytesIO(downloaded(duo, "oc-index_briefing_PER-COL_2023.pdf").read_bytes()))
    assert len(pdf.pages) == 7 and SOURCE in pdf.pages[1].extract_text()
    assert duo.get_logs() == []


def test_p005_a_deck_export_can_be_cancelled(start):
    duo = start("/deck?countries=PER,COL,MEX,BRA,ARG&views=quadrant,profile,path,markets,resilience")
    duo.wait_for_element(f"#{ids.DECK.BUILD}").click()
    until(lambda: duo.find_element(f"#{ids.DECK.CANCEL}").is_enabled(), timeout=30, poll=0.1)
    duo.find_element(f"#{ids.DECK.CANCEL}").click()
    wait_for_text(duo, f"#{ids.DECK.STATUS}", "Cancelled")
    assert announced(duo, ids.DECK.STATUS).startswith("Cancelled")
    until(lambda: duo.find_element(f"#{ids.DECK.BUILD}").is_enabled(), timeout=30)
    assert not duo.find_element(f"#{ids.DECK.PPTX}").is_enabled()
    assert duo.get_logs() == []


def test_p006_a_briefing_received_as_a_link_is_presented_from_its_first_view(start):
    duo = start("/briefing?view=%2Fcompare%3Fcountries%3DPER%2CCOL&title=Peru+and+Colombia"
                "&view=%2Fcountry%2FPER&title=Peru&view=%2F%2Fevil.example%2F")
    wait_for_text(duo, f"#{ids.BRIEFING.NOTICE}", "not a view of this app")
    assert [e.text for e in duo.find_elements(".oc-shared-views li")] == ["Peru and Colombia", "Peru"]
    duo.find_element(f"#{ids.BRIEFING.PRESENT}").click()
    until(lambda: here(duo) == "/compare?countries=PER,COL", timeout=10)
    duo.wait_for_element(f"#{ids.SHELL.ROOT}.oc-present")
    duo.wait_for_text_to_equal(f"#{ids.SHELL.PRESENT_POSITION}", "View 1 of 2")
    press(duo, Keys.ARROW_RIGHT)
    until(lambda: here(duo) == "/country/PER", timeout=10)
    # The page drawn, its last props set: no request is still being answered when the test's server stops.
    wait_for_text(duo, "main h1", "Peru")
    until(lambda: deferred_set(duo), timeout=10)
    assert duo.get_logs() == []
