"""Each cleaning rule on a small text written for the test, then the seeds against each other."""

from __future__ import annotations

from ocindex.narratives.cleaning import join_hyphenated, sentences, split_sentences, structure

from ..conftest import SEEDS


def texts(raw: str) -> list[str]:
    return [s.text for s in sentences(raw)]


def test_hard_wrapped_lines_are_joined_into_one_sentence():
    raw = "PEOPLE\nPeru is a source country for\nhuman trafficking and a transit\npoint for smuggling.\n"
    assert texts(raw) == ["Peru is a source country for human trafficking and a transit point for smuggling."]


def test_words_split_across_lines_are_repaired_and_real_hyphens_kept():
    raw = ("TRADE\nThe organ-\nized groups run it. Cases at the regional level exist.\n"
           "Courts handle high-\nlevel cases.\n")
    assert texts(raw) == ["The organized groups run it.", "Cases at the regional level exist.",
                          "Courts handle high-level cases."]


def test_hyphen_rule_prefers_the_documents_own_spelling():
    assert join_hyphenated("gold-", "mining sector", {"gold-mining"}) == "gold-mining sector"
    assert join_hyphenated("traf-", "ficking", set()) == "trafficking"
    assert join_hyphenated("co-", "operation", {"cooperation"}) == "cooperation"


def test_page_furniture_is_dropped():
    raw = ("PERU\n\n6.35\nCRIMINALITY SCORE\n\n26th of 193 countries\n9th of 35 American countries\n"
           "HUMAN TRAFFICKING\t7.00\nCRIMINAL MARKETS **6.20**\n\n"
           "Funding provided by the United States Government.\n\nPERU\n\nDRUGS\n\nCoca is grown widely.\n\n"
           "© 2021 Global Initiative. All rights reserved.\n")
    assert texts(raw) == ["Coca is grown widely."]


def test_a_page_break_inside_a_paragraph_does_not_split_it():
    raw = "ENVIRONMENT\n\nReptiles are sold for\n\nmedicinal purposes. Fishing is common.\n\nA new paragraph starts.\n"
    paragraphs = structure(raw)
    assert [p.text for p in paragraphs] == ["Reptiles are sold for medicinal purposes. Fishing is common.",
                                            "A new paragraph starts."]


def test_gitoc_and_other_headings_set_the_section():
    raw = ("CRIMINALITY\n\nCRIMINAL MARKETS\n\nDRUGS\n\nCocaine is produced.\n\nCRIMINAL ACTORS\n\nGangs operate.\n\n"
           "Key Points\n\n• Corruption is a concern.\n")
    assert [(s.section, s.text) for s in sentences(raw)] == [
        ("DRUGS", "Cocaine is produced."), ("CRIMINAL ACTORS", "Gangs operate."),
        ("Key Points", "Corruption is a concern.")]


def test_bullets_are_paragraphs_of_their_own():
    raw = "Key Points\n  • First point here.\n  • Second point here.\n- Third point.\n1. Fourth point.\n"
    assert [p.text for p in structure(raw)] == ["First point here.", "Second point here.", "Third point.",
                                                "Fourth point."]


def test_sentences_split_on_full_stops_but_not_on_abbreviations():
    assert split_sentences("Arms come from the U.S. and St. Lucia, e.g. rifles. Then they go on. Done!") == [
        "Arms come from the U.S. and St. Lucia, e.g. rifles.", "Then they go on.", "Done!"]


def test_each_sentence_keeps_its_place_in_the_source():
    raw = "PEOPLE\n\nFirst one. Second one.\n\nThird one.\n"
    found = sentences(raw)
    assert [(s.index, s.paragraph, s.line) for s in found] == [(0, 0, 3), (1, 0, 3), (2, 1, 5)]


def test_column_wrapped_and_plain_versions_of_the_same_profile_give_the_same_sentences():
    plain = sentences((SEEDS / "000_3ac577c9c8dca770.txt").read_text(encoding="utf-8"))
    wrapped = sentences((SEEDS / "001_5220424c1e9fe40f.txt").read_text(encoding="utf-8"))
    normalise = str.maketrans({"’": "'"})
    assert [(s.section, s.text.translate(normalise)) for s in wrapped] == [(s.section, s.text) for s in plain]
    assert len(plain) > 40 and all(s.section for s in plain)
