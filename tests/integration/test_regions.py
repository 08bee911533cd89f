"""Regions and continents ranked, in headless Chromium: from a country page's link, across every edition."""

from __future__ import annotations

from dash.testing.wait import until

from components import ids
from ocindex import regions

from .helpers import choose, click_link, grid_values, wait_for_text


def test_r001_a_country_page_links_to_its_region_s_place_and_every_edition_ranks(start, store):
    data = store.index
    latest = data.latest
    standing = regions.standing(data, latest, "PER", "criminality")
    duo = start(f"/country/PER?edition={latest}")
    link_text = f"{standing.group}: "
    wait_for_text(duo, f"#{ids.COUNTRY.SUMMARY}", link_text)
    link = next(a.text for a in duo.find_elements(f"#{ids.COUNTRY.SUMMARY} a") if a.text.startswith(link_text))
    assert f"of {standing.size} regions on criminality" in link
    click_link(duo, link, f"#{ids.COUNTRY.SUMMARY}")

    wait_for_text(duo, "h1", "Regions and continents ranked")
    duo.wait_for_element(f"#{ids.REGIONS.GRAPH} .main-svg")
    marked = duo.wait_for_element(f"#{ids.REGIONS.TABLE} .ag-row-selected")
    assert standing.group in marked.text and "Peru" in marked.text
    for edition in data.editions:
        choose(duo, f"#{ids.REGIONS.EDITION}", str(edition))
        expected = regions.ranking(data, edition, "criminality", "region")
        # The previous edition's table lists the same groups in another order: wait for this edition's order.
        until(lambda: grid_values(duo, ids.REGIONS.TABLE, "group") == list(expected["group"]), timeout=10)
        assert f"edition={edition}" in duo.driver.current_url
    choose(duo, f"#{ids.REGIONS.LEVEL}", "Continents")
    wait_for_text(duo, f"#{ids.REGIONS.TABLE} .ag-header", "Continent")
    until(lambda: len(grid_values(duo, ids.REGIONS.TABLE, "group")) == data.wide(latest)["continent"].nunique(), timeout=10)
    assert duo.get_logs() == []
