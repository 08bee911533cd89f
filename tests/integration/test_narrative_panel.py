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
    assert "Peru: Global Organized Crime Index profile, 2021 · Drugs" in duo.find_element(f"#{ids.I_NARRATIVE}").text
    assert duo.get_logs() == []


def test_n002_a_country_without_profile_text_says_so_without_setup_instructions(start):
    duo = start("/indicator/cocaine-trade?edition=2023&country=COL")
    duo.wait_for_contains_text(f"#{ids.I_NARRATIVE}", "No profile text for this country and edition")
    text = duo.find_element(f"#{ids.I_NARRATIVE}").text
    assert "COL-2023" not in text and "profiles/" not in text and "restart" not in text
    assert duo.get_logs() == []


def test_n003_peru_2023_shows_each_passage_once_with_chips_and_document_titles(start):
    duo = start("/country/PER?edition=2023")
    duo.wait_for_contains_text(f"#{ids.C_NARRATIVE}", "Organized Crime in Peru: A Threat to Governance and Security")
    panel = duo.find_element(f"#{ids.C_NARRATIVE}")
    quotes = [q.get_attribute("textContent") for q in panel.find_elements(By.CSS_SELECTOR, "blockquote")]
    assert len(quotes) > 10 and len(quotes) == len(set(quotes))  # every passage once
    entry = next(e for e in panel.find_elements(By.CSS_SELECTOR, ".oc-excerpt")
                 if "Prisons are overcrowded" in e.get_attribute("textContent"))
    chips = [c.get_attribute("textContent") for c in entry.find_elements(By.CSS_SELECTOR, ".oc-chip")]
    assert chips and all(c.startswith("Judicial system and detention") for c in chips[:1])
    assert "Peru’s Law Enforcement Agencies Accused of Corruption as Crime Thrives" in entry.get_attribute("textContent")
    documents = panel.find_element(By.CSS_SELECTOR, ".oc-documents").text
    assert "Peru’s Law Enforcement Agencies" in documents and ".txt" not in panel.text
    assert duo.get_logs() == []


def test_n004_choosing_an_indicator_leads_with_the_most_direct_passages_once_each(start):
    duo = start("/country/PER?edition=2023&indicator=law-enforcement")
    duo.wait_for_contains_text(f"#{ids.C_NARRATIVE}", "on Law enforcement, the most direct first")
    panel = duo.find_element(f"#{ids.C_NARRATIVE}")
    quotes = [q.get_attribute("textContent") for q in panel.find_elements(By.CSS_SELECTOR, "blockquote")]
    assert len(quotes) == len(set(quotes))
    selected = panel.find_elements(By.CSS_SELECTOR, ".oc-excerpt .oc-chip-selected")
    assert len(selected) == len(quotes) and all(c.text.startswith("Law enforcement") for c in selected)
    assert duo.get_logs() == []
