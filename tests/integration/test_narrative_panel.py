"""Narrative excerpts in headless Chromium, beside the scores they explain."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from components import ids


def test_n001_peru_2021_cocaine_shows_the_producer_sentence_with_cocaine_marked(start):
    duo = start("/country/PER?edition=2021")
    duo.wait_for_contains_text(f"#{ids.C_TABLE}", "Cocaine trade")
    link = duo.find_element(f"#{ids.C_TABLE}").find_element(By.LINK_TEXT, "Cocaine trade")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link)
    link.click()
    duo.wait_for_contains_text("h1", "Cocaine trade")
    duo.wait_for_contains_text(f"#{ids.I_NARRATIVE}", "second-largest producer of cocaine")
    quote = next(q for q in duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.I_NARRATIVE} blockquote")
                 if "second-largest producer" in q.text)
    assert [m.text for m in quote.find_elements(By.TAG_NAME, "mark")] == ["cocaine"]
    assert "PER-2021.txt · Drugs" in duo.find_element(f"#{ids.I_NARRATIVE}").text
    assert duo.get_logs() == []


def test_n002_a_country_without_a_profile_says_how_to_add_one(start):
    duo = start("/indicator/cocaine-trade?edition=2023&country=COL")
    duo.wait_for_contains_text(f"#{ids.I_NARRATIVE}", "No profile of Colombia for 2023 is loaded")
    assert "COL-2023.txt" in duo.find_element(f"#{ids.I_NARRATIVE}").text
    assert duo.get_logs() == []


def test_n003_the_country_profile_lists_excerpts_by_indicator(start):
    duo = start("/country/PER?edition=2023")
    duo.wait_for_contains_text(f"#{ids.C_NARRATIVE}", "PER-2023-")
    assert "Law enforcement" in duo.find_element(f"#{ids.C_NARRATIVE}").text
    assert duo.get_logs() == []
