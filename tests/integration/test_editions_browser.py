"""Three editions in the browser: every view on every edition with an empty console, change since any earlier
edition, one indicator's history for one country, and like-for-like pairs with nothing to split."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from components import ids
from ocindex import likeforlike as lfl
from ocindex import quadrant as q

from .helpers import choose, into_view, pick, texts, wait_for_text


def here(duo) -> str:
    return duo.driver.execute_script("return window.location.search")


# What each view shows once its callbacks have answered: {view: (path, selector, text)}.
def views(edition: int) -> dict[str, tuple[str, str, str]]:
    return {
        "quadrant": (f"/?edition={edition}&country=PER&movement=1", f"#{ids.QUADRANT.COUNTRY_PANEL}", f"{edition} edition"),
        "country": (f"/country/PER?edition={edition}&path=cocaine-trade", f"#{ids.COUNTRY.PATH_TABLE}", "Cocaine trade"),
        "indicator": (f"/indicator/criminality?edition={edition}&country=PER", f"#{ids.INDICATOR.SELECTED}", "Across editions"),
        "pillar": (f"/pillar/criminal-markets?edition={edition}&country=PER", "body", "Criminal markets"),
        "compare": (f"/compare?edition={edition}&countries=PER,COL", f"#{ids.COMPARE.BODY}", "Scores, ranks and change"),
        "brief": (f"/brief/PER?edition={edition}", "body", str(edition)),
        "similar": (f"/similar/PER?edition={edition}", f"#{ids.SIMILAR.LIST}", ""),
        "weights": (f"/weights?edition={edition}", "body", str(edition)),
        "regions": (f"/regions?edition={edition}", "body", str(edition)),
        "deck": (f"/deck?edition={edition}&countries=PER", "body", "deck"),
    }


# One test per view, so that parallel test workers share them out.
@pytest.mark.parametrize("view", list(views(0)))
def test_e001_every_view_of_every_edition_loads_with_an_empty_console(start, store, view):
    editions = store.index.editions
    duo = start(views(editions[0])[view][0])
    for edition in editions:
        path, selector, text = views(edition)[view]
        if edition != editions[0]:
            duo.driver.get(duo.server.url.rstrip("/") + path)
        duo.wait_for_element(f"#{ids.SHELL.PAGE} > *")
        if text:
            wait_for_text(duo, selector, text)
        until(lambda: not duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), timeout=20)
        assert duo.get_logs() == [], path


def test_e002_movers_and_quadrant_changes_since_the_first_edition(start, store):
    data = store.index
    first, latest = data.editions[0], data.latest
    duo = start("/?country=PER")
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "31st of 193, ▲1 since")
    wait_for_text(duo, f"#{ids.QUADRANT.MOVERS}", f"since {data.previous_edition(latest)}")
    into_view(duo, f"#{ids.QUADRANT.SINCE}")
    duo.driver.save_screenshot("/tmp/editions-quadrant-since.png")
    choose(duo, f"#{ids.QUADRANT.SINCE}", str(first))
    wait_for_text(duo, f"#{ids.QUADRANT.MOVERS}", f"Criminality rose most since {first}")
    top = q.movers(data, latest, since=first)["criminality_up"]["country"].iloc[0]
    assert top in duo.find_element(f"#{ids.QUADRANT.MOVERS}").text
    changed = q.quadrant_changes(data, latest, "gitoc", since=first)
    wait_for_text(duo, f"#{ids.QUADRANT.CHANGES}", f"{len(changed)} countries since {first}")
    until(lambda: f"since={first}" in here(duo), timeout=10)
    assert duo.get_logs() == []
    # The first edition has nothing earlier: no control.
    duo.driver.get(duo.server.url.rstrip("/") + f"/?edition={first}")
    wait_for_text(duo, f"#{ids.QUADRANT.MOVERS}", "first edition")
    assert not duo.find_element(f"#{ids.QUADRANT.SINCE_ROW}").is_displayed()
    assert duo.get_logs() == []


def test_e003_movement_draws_each_countrys_path_through_every_edition(start, store):
    duo = start("/?movement=1&continent=Americas")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .js-plotly-plot")
    points = duo.driver.execute_script(
        f"const plot = document.querySelector('#{ids.QUADRANT.GRAPH} .js-plotly-plot');"
        "const t = plot.data.find(d => d.name === 'Movement'); if (!t) { return null; }"
        "const runs = []; let n = 0; for (const x of t.x) { if (x === null) { runs.push(n); n = 0; } else { n++; } }"
        "return runs;")
    assert points and set(points) == {len(store.index.editions)}
    assert duo.get_logs() == []


def test_e004_one_indicators_history_for_one_country_without_switching_editions(start, store):
    duo = start("/country/PER")
    wait_for_text(duo, f"#{ids.COUNTRY.PATH_TABLE}", "Criminality")
    into_view(duo, f"#{ids.COUNTRY.PATH_INDICATOR}")
    pick(duo, f"#{ids.COUNTRY.PATH_INDICATOR}", "Cocaine trade")
    wait_for_text(duo, f"#{ids.COUNTRY.PATH_TABLE}", "Cocaine trade")
    rows = texts(duo, f"#{ids.COUNTRY.PATH_TABLE} th")
    assert rows[1:] == [str(e) for e in store.index.editions]
    until(lambda: "path=cocaine-trade" in here(duo), timeout=10)
    # The chart comes with the table, but Plotly draws it in a step of its own.
    until(lambda: "Cocaine trade" in duo.driver.execute_script(
        f"const plot = document.querySelector('#{ids.COUNTRY.PATH} .js-plotly-plot');"
        "return plot && plot.data ? plot.data.map(t => t.name) : []"), timeout=10)
    # The indicator page shows the same path for the selected country.
    duo.driver.get(duo.server.url.rstrip("/") + "/indicator/cocaine-trade?country=PER")
    wait_for_text(duo, f"#{ids.INDICATOR.SELECTED}", "Across editions")
    assert all(str(e) in duo.find_element(f"#{ids.INDICATOR.SELECTED}").text for e in store.index.editions)
    assert duo.get_logs() == []


def test_e005_like_for_like_opens_where_there_is_something_to_split(start, store):
    data = store.index
    before, after = lfl.default_pair(data)
    duo = start("/change")
    until(lambda: f"from={before}" in here(duo) or duo.find_element(f"#{ids.CHANGE.PAIR_NOTE}").text, timeout=10)
    wait_for_text(duo, f"#{ids.CHANGE.PAIR_NOTE}", f"Between {before} and {after}")
    previous = data.previous_edition(data.latest)
    into_view(duo, f"#{ids.CHANGE.BEFORE}")
    pick(duo, f"#{ids.CHANGE.BEFORE}", str(previous))
    wait_for_text(duo, f"#{ids.CHANGE.PAIR_NOTE}", "Nothing to split")
    assert f"{previous} and {data.latest} assess the same indicators" in duo.find_element(f"#{ids.CHANGE.PAIR_NOTE}").text
    assert duo.get_logs() == []


@pytest.mark.parametrize("width", [1024, 1366, 1920])
def test_e006_the_country_path_fits_the_screen(start, width):
    duo = start("/country/PER?path=cocaine-trade")
    duo.driver.set_window_size(width, 900)
    wait_for_text(duo, f"#{ids.COUNTRY.PATH_TABLE}", "Cocaine trade")
    overflow = duo.driver.execute_script(
        f"const t = document.querySelector('#{ids.COUNTRY.PATH_TABLE} table').getBoundingClientRect();"
        f"const c = document.querySelector('#{ids.COUNTRY.PATH_TABLE}').closest('.card').getBoundingClientRect();"
        "return t.right - c.right;")
    assert overflow <= 1
    duo.driver.save_screenshot(f"/tmp/editions-country-path-{width}.png")
    assert duo.get_logs() == []
