"""The home view in headless Chromium: pick an edition, search a country, read its panel, share the URL."""

from __future__ import annotations

from components import ids

from .helpers import choose, pick

PANEL = f"#{ids.QUADRANT.COUNTRY_PANEL}"


def choose_edition(duo, edition: int):
    choose(duo, f"#{ids.QUADRANT.EDITION}", str(edition))


def search_country(duo, name: str):
    pick(duo, f"#{ids.QUADRANT.COUNTRY}", name)


def test_q001_search_peru_in_2021_shows_its_scores_and_ranks(start):
    duo = start("/")
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    choose_edition(duo, 2021)
    search_country(duo, "Peru")
    duo.wait_for_contains_text(PANEL, "Peru")
    duo.wait_for_contains_text(PANEL, "2021 edition")
    panel = duo.find_element(PANEL).text
    assert "6.35" in panel and "4.58" in panel
    assert "26th of 193" in panel and "106th of 193" in panel
    assert "5th of 12 in South America" in panel
    duo.wait_for_contains_text(f"#{ids.QUADRANT.GRAPH}", "Peru")  # the point is labelled on the chart
    assert "edition=2021" in duo.driver.current_url and "country=PER" in duo.driver.current_url
    assert duo.get_logs() == []


def test_q002_a_shared_url_restores_the_view(start):
    duo = start("/?edition=2021&country=PER&split=median&continent=Americas&labels=5")
    duo.wait_for_contains_text(PANEL, "26th of 193")
    checked = duo.find_element(f"#{ids.QUADRANT.EDITION} input:checked").get_attribute("value")
    assert checked == "2021"
    assert duo.find_element(f"#{ids.QUADRANT.SPLIT} input:checked").get_attribute("value") == "median"
    duo.wait_for_contains_text(f"#{ids.QUADRANT.SPLIT_NOTE}", "35 of 193 countries highlighted")
    duo.wait_for_contains_text(f"#{ids.QUADRANT.SPLIT_NOTE}", "median")
    assert duo.get_logs() == []


def test_q003_an_invalid_url_value_shows_a_notice_and_the_default_view(start, workbook_editions):
    duo = start("/?edition=1999&country=XYZ")
    duo.wait_for_contains_text(f"#{ids.QUADRANT.NOTICE}", "Edition '1999' is not available")
    assert "Country 'XYZ'" in duo.find_element(f"#{ids.QUADRANT.NOTICE}").text
    assert duo.find_element(f"#{ids.QUADRANT.EDITION} input:checked").get_attribute("value") == str(workbook_editions[-1])
    duo.wait_for_element(f"#{ids.QUADRANT.GRAPH} .main-svg")
    assert duo.get_logs() == []


def test_q004_clicking_a_mover_selects_that_country(start):
    duo = start("/?edition=2023")
    first = duo.wait_for_element(f"#{ids.QUADRANT.MOVERS} .list-group-item")
    name = first.text.split("\n")[0]
    first.click()
    duo.wait_for_contains_text(PANEL, name)
    duo.wait_for_contains_text(PANEL, "Open the country profile")
    assert duo.get_logs() == []
