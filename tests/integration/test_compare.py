"""The compare view in headless Chromium."""

from __future__ import annotations

from dash.testing.wait import until

from components import ids

from .helpers import choose, grid_values, pick, wait_for_text


def test_k001_compare_shows_the_countries_side_by_side_and_keeps_them_in_the_url(start):
    duo = start("/compare?edition=2021&countries=PER,COL")
    wait_for_text(duo, f"#{ids.COMPARE.TABLE}", "26th of 193")  # Peru's criminality, a grid cell
    text = duo.find_element(f"#{ids.COMPARE.BODY}").text
    assert "6.35" in text and "Colombia" in text
    duo.wait_for_element(f"#{ids.COMPARE.BODY} .main-svg")
    pick(duo, f"#{ids.COMPARE.COUNTRIES}", "Mexico")
    wait_for_text(duo, f"#{ids.COMPARE.BODY}", "Mexico")
    assert "countries=PER%2CCOL%2CMEX" in duo.driver.current_url or "countries=PER,COL,MEX" in duo.driver.current_url
    assert duo.get_logs() == []


def test_k002_compare_shows_one_pillar_when_asked_and_keeps_it_in_the_url(start, store):
    duo = start("/compare?edition=2023&countries=PER,COL")
    duo.wait_for_element(f"#{ids.COMPARE.DOTS} .main-svg")
    choose(duo, f"#{ids.COMPARE.PILLAR}", "Criminal actors")
    actors = [i.label for i in store.index.indicators(2023) if i.component == "criminal actors"]

    def plotted():
        return duo.driver.execute_script(
            f"const plot = document.querySelector('#{ids.COMPARE.DOTS} .js-plotly-plot');"
            "return plot && plot.data ? [...new Set(plot.data.flatMap(t => t.y || []))] : [];")
    until(lambda: sorted(plotted()) == sorted(actors), timeout=10)
    until(lambda: "pillar=criminal-actors" in duo.driver.current_url, timeout=10)
    until(lambda: grid_values(duo, ids.COMPARE.TABLE, "label")[-len(actors):] == actors, timeout=10)
    assert "Human trafficking" not in grid_values(duo, ids.COMPARE.TABLE, "label")
    assert duo.get_logs() == []
