"""Analyst insights in the browser: like-for-like change, countries like this, what-if weights, profile search."""

from __future__ import annotations

import json

from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from components import ids
from ocindex import likeforlike as lfl
from ocindex import neighbours as nb
from ocindex import weights as wt

from .helpers import announced, choose, grid_values, pick, texts, wait_for_text


def here(duo) -> str:
    return duo.driver.execute_script("return window.location.search")


def test_i001_like_for_like_change_splits_peru_and_lists_the_flips(start, store):
    duo = start("/change?composite=criminality&from=2021&to=2023&country=PER")
    wait_for_text(duo, f"#{ids.CHANGE.PANEL}", "6.35 → 6.98")
    panel = duo.find_element(f"#{ids.CHANGE.PANEL}").text
    assert "6.35 → 6.40" in panel and "+0.63" in panel and "-0.58" in panel and "(ours)" in panel
    flipped = lfl.flips(store.index, "criminality", 2021, 2023)
    wait_for_text(duo, f"#{ids.CHANGE.FLIPS_COUNT}", f"{len(flipped)} of 193 countries")
    # Below the fold: the rows come once the chart is drawn.
    until(lambda: sorted(grid_values(duo, ids.CHANGE.FLIPS, "iso3")) == sorted(flipped.index), timeout=10)
    # A country whose direction flips gets the disagreement called out.
    first = flipped.iloc[0]
    pick(duo, f"#{ids.CHANGE.COUNTRY}", first["country"])
    wait_for_text(duo, f"#{ids.CHANGE.PANEL}", "The two readings disagree")
    until(lambda: f"country={flipped.index[0]}" in here(duo), timeout=10)
    assert duo.get_logs() == []


def test_i002_the_quadrant_places_countries_like_for_like_and_says_so(start, store):
    duo = start("/?edition=2023&scores=like-for-like&country=PER")
    wait_for_text(duo, f"#{ids.QUADRANT.GRAPH}", "not GI-TOC's")
    x = duo.driver.execute_script(
        f"const plot = document.querySelector('#{ids.QUADRANT.GRAPH} .js-plotly-plot');"
        # A point's customdata starts with its ISO3 code (the ring around the selected country holds the code alone).
        "for (const t of plot.data) { const i = (t.customdata || []).findIndex(c => [].concat(c)[0] === 'PER');"
        " if (i >= 0 && t.name !== 'Peru') { return t.x[i]; } } return null;")
    assert x == lfl.like_for_like_positions(store.index, 2023).set_index("iso3").at["PER", "criminality"] == 6.98
    wait_for_text(duo, f"#{ids.QUADRANT.COUNTRY_PANEL}", "like for like (ours)")
    assert duo.get_logs() == []


def test_i003_countries_like_peru_follow_the_chosen_indicators(start, store):
    duo = start("/similar/PER?edition=2023")
    expected = [n.country for n in nb.nearest(store.index, 2023, "PER", "all")]
    wait_for_text(duo, f"#{ids.SIMILAR.LIST}", expected[0])
    assert texts(duo, f"#{ids.SIMILAR.LIST} .list-group-item a") == expected
    choose(duo, f"#{ids.SIMILAR.SCOPE}", "Resilience")
    resilience = [n.country for n in nb.nearest(store.index, 2023, "PER", "resilience")]
    until(lambda: texts(duo, f"#{ids.SIMILAR.LIST} .list-group-item a") == resilience, timeout=10)
    until(lambda: "by=resilience" in here(duo), timeout=10)
    assert "Standing among peers" in duo.find_element("body").text
    assert duo.get_logs() == []


def test_i004_custom_weights_rerank_live_and_reset_to_gitoc(start, store):
    duo = start("/weights?edition=2023&w=drugs:3,people:0")
    wait_for_text(duo, f"#{ids.WEIGHTS.BANNER}", "Custom weighting")
    table = wt.what_if(store.index, 2023, {"drugs": 3, "people": 0}).sort_values(
        ["criminality_custom_rank", "country"])
    wait_for_text(duo, f"#{ids.WEIGHTS.TABLE}", table.iloc[0]["country"])
    first_row = texts(duo, f"#{ids.WEIGHTS.TABLE} .ag-row[row-index='0'] .ag-cell")[:6]
    assert first_row[:3] == ["1", table.iloc[0]["country"], f"{table.iloc[0]['criminality_custom']:.2f}"]
    # Keyboard: a slider's handle takes arrow keys.
    slider_id = json.dumps({"group": "trade", "type": ids.WEIGHTS.SLIDER}, separators=(",", ":"))
    handle = duo.driver.execute_script(
        "return document.getElementById(arguments[0]).querySelector('[role=slider]')", slider_id)
    handle.send_keys(Keys.ARROW_RIGHT)
    until(lambda: "trade%3A1.5" in here(duo) or "trade:1.5" in here(duo), timeout=10)
    duo.find_element(f"#{ids.WEIGHTS.RESET}").click()
    wait_for_text(duo, f"#{ids.WEIGHTS.BANNER}", "GI-TOC's own weighting")
    assert "GI-TOC's own weighting" in announced(duo, ids.WEIGHTS.BANNER)
    until(lambda: "w=" not in here(duo), timeout=10)
    assert duo.get_logs() == []


def test_i005_search_groups_passages_by_country_and_indicator_with_the_score(start, store):
    duo = start("/search?q=gold+mining")
    wait_for_text(duo, f"#{ids.SEARCH.STATUS}", "passages in")
    found = store.narratives.search("gold mining")
    assert announced(duo, ids.SEARCH.STATUS).startswith(f"{len(found)} passages in")
    text = duo.find_element(f"#{ids.SEARCH.RESULTS}").text
    score = store.index.wide(2021).at["PER", "non-renewable-resource-crimes"]
    assert f"Peru: {score:.2f} in 2021" in text
    assert len(duo.find_elements(f"#{ids.SEARCH.RESULTS} mark")) >= len(found)
    box = duo.find_element(f"#{ids.SEARCH.TERM}")
    box.clear()
    box.send_keys("extortion", Keys.ENTER)
    until(lambda: "q=extortion" in here(duo), timeout=10)
    count = len(store.narratives.search("extortion"))
    wait_for_text(duo, f"#{ids.SEARCH.STATUS}", f"{count} passage{'s' if count != 1 else ''} in")
    assert announced(duo, ids.SEARCH.STATUS).startswith(f"{count} passage")
    assert duo.get_logs() == []
