"""Narrative excerpts in headless Chromium, beside the scores they explain."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from components import ids

from .helpers import click_link, wait_for_text


def test_n001_peru_2021_cocaine_shows_the_producer_sentence_with_cocaine_marked(start):
    duo = start("/country/PER?edition=2021")
    click_link(duo, "Cocaine trade", f"#{ids.COUNTRY.TABLE}")
    wait_for_text(duo, "h1", "Cocaine trade")
    wait_for_text(duo, f"#{ids.INDICATOR.NARRATIVE}", "second-largest producer of cocaine")
    quote = next(q for q in duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.INDICATOR.NARRATIVE} blockquote")
                 if "second-largest producer" in q.text)
    assert [m.text for m in quote.find_elements(By.TAG_NAME, "mark")] == ["cocaine"]
    assert "Peru: Global Organized Crime Index profile, 2021 · Drugs" in duo.find_element(f"#{ids.INDICATOR.NARRATIVE}").text
    assert duo.get_logs() == []


def test_n002_a_country_without_profile_text_says_so_without_setup_instructions(start):
    duo = start("/indicator/cocaine-trade?edition=2023&country=COL")
    wait_for_text(duo, f"#{ids.INDICATOR.NARRATIVE}", "No profile text for this country and edition")
    text = duo.find_element(f"#{ids.INDICATOR.NARRATIVE}").text
    assert "COL-2023" not in text and "profiles/" not in text and "restart" not in text
    assert duo.get_logs() == []


def shown_passages(duo, path: str, waiting_for: str):
    """The country page's narrative panel once it shows the text, and the text of every passage in it."""
    duo = duo(path)
    wait_for_text(duo, f"#{ids.COUNTRY.NARRATIVE}", waiting_for)
    panel = duo.find_element(f"#{ids.COUNTRY.NARRATIVE}")
    return duo, panel, [q.get_attribute("textContent") for q in panel.find_elements(By.CSS_SELECTOR, "blockquote")]


def test_n003_peru_2023_shows_each_passage_once_with_chips_and_document_titles(start):
    duo, panel, quotes = shown_passages(start, "/country/PER?edition=2023",
                                        "Organized Crime in Peru: A Threat to Governance and Security")
    assert len(quotes) > 10 and len(quotes) == len(set(quotes))  # every passage once
    entry = next(e for e in panel.find_elements(By.CSS_SELECTOR, ".oc-excerpt")
                 if "Prisons are overcrowded" in e.get_attribute("textContent"))
    chips = [c.get_attribute("textContent") for c in entry.find_elements(By.CSS_SELECTOR, ".oc-chip")]
    assert chips[0].startswith("Judicial system and detention")
    assert "Peru’s Law Enforcement Agencies Accused of Corruption as Crime Thrives" in entry.get_attribute("textContent")
    documents = panel.find_element(By.CSS_SELECTOR, ".oc-documents").text
    assert "Peru’s Law Enforcement Agencies" in documents and ".txt" not in panel.text
    # The words that linked the second indicator of a passage are marked in that indicator's chip colour.
    two = next(e for e in panel.find_elements(By.CSS_SELECTOR, ".oc-excerpt")
               if e.find_elements(By.CSS_SELECTOR, "mark.oc-mark-1") and e.is_displayed())
    chip = two.find_element(By.CSS_SELECTOR, ".oc-chip.oc-mark-1").value_of_css_property("background-color")
    assert {m.value_of_css_property("background-color") for m in two.find_elements(By.CSS_SELECTOR, "mark.oc-mark-1")
            } == {chip}
    first = two.find_element(By.CSS_SELECTOR, ".oc-chip.oc-mark-0").value_of_css_property("background-color")
    assert first != chip
    assert duo.get_logs() == []


def test_n004_choosing_an_indicator_leads_with_the_most_direct_passages_once_each(start):
    duo, panel, quotes = shown_passages(start, "/country/PER?edition=2023&indicator=law-enforcement",
                                        "on Law enforcement, the most direct first")
    assert len(quotes) == len(set(quotes))
    selected = [c.get_attribute("textContent")
                for c in panel.find_elements(By.CSS_SELECTOR, ".oc-excerpt .oc-chip-selected")]
    assert len(selected) == len(quotes) and all(c.startswith("Law enforcement") for c in selected)
    assert duo.get_logs() == []
