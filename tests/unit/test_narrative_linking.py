"""Linking quality on the labelled seeds, and the linking rules on small sentences."""

from __future__ import annotations

import pytest

from ocindex.narratives.cleaning import sentences
from ocindex.narratives.linking import Linker
from ocindex.narratives.quality import score

from ..conftest import SEEDS
from ..narrative_labels import LABELS, SEED_000


@pytest.fixture(scope="module")
def linker(catalogue):
    return Linker(catalogue)


def links_of(linker, raw):
    return {(link.sentence.index, link.indicator) for link in linker.link(sentences(raw))}


def test_seed_000_meets_the_precision_and_recall_targets(linker):
    found = sentences((SEEDS / SEED_000).read_text(encoding="utf-8"))
    assert len(found) == len(LABELS[SEED_000])  # the labelled set covers every narrative sentence
    result = score(linker.link(found), LABELS[SEED_000])
    assert result.precision >= 0.90 and result.recall >= 0.85


def test_the_cocaine_sentence_is_linked_with_its_term(linker):
    found = linker.link(sentences((SEEDS / SEED_000).read_text(encoding="utf-8")))
    link = next(link for link in found if "second-largest producer of cocaine" in link.sentence.text)
    assert (link.indicator, link.terms, link.sentence.section) == ("cocaine-trade", ("cocaine",), "DRUGS")


def test_the_section_narrows_the_candidates(linker):
    raw = "ENVIRONMENT\n\nTimber is moved by criminal networks to the coast.\n"
    assert links_of(linker, raw) == {(0, "flora-crimes")}


def test_the_same_words_under_criminal_actors_speak_of_the_actor(linker):
    raw = "CRIMINAL ACTORS\n\nCriminal networks move timber to the coast.\n"
    assert links_of(linker, raw) == {(0, "criminal-networks")}


def test_outside_gitoc_sections_the_vocabulary_alone_decides(linker):
    raw = "Key Points\n\n• Extradition treaties were signed and prisons are overcrowded.\n"
    assert links_of(linker, raw) == {(0, "international-cooperation"), (0, "judicial-system-and-detention")}


def test_a_sentence_about_no_indicator_is_linked_to_none(linker):
    assert links_of(linker, "Overview\n\nThis report gives an overview of the situation.\n") == set()


@pytest.mark.parametrize("sentence, indicator", [
    ("Gold mining spreads in the south.", "non-renewable-resource-crimes"),
    ("Illegal logging and timber exports grow.", "flora-crimes"),
    ("The financial intelligence unit froze funds.", "anti-money-laundering"),
    ("Shelters for victims are few.", "victim-and-witness-support"),
    ("Journalists and activists are threatened.", "non-state-actors"),
    ("Coca is grown for cocaine.", "cocaine-trade"),
])
def test_vocabulary_examples_from_the_issue(linker, sentence, indicator):
    assert (0, indicator) in links_of(linker, f"Notes\n\n{sentence}\n")


def test_a_continuation_inherits_the_previous_sentence_within_a_gitoc_paragraph(linker):
    raw = "DRUGS\n\nHeroin comes from poppies. The local market is very limited.\n\nThe state acts.\n"
    found = linker.link(sentences(raw))
    assert {(link.sentence.index, link.indicator, link.reason) for link in found} == {
        (0, "heroin-trade", "section + vocabulary"), (1, "heroin-trade", "continues the previous sentence")}


def linked(linker, raw, country=None):
    return {(link.indicator, link.terms, link.notes) for link in linker.link(sentences(raw), country=country)}


def test_a_named_organisation_is_its_actor_type_at_home_and_a_foreign_actor_elsewhere(linker):
    raw = "Notes\n\nThe Sinaloa Cartel moves fentanyl north.\n"
    assert ("mafia-style-groups", ("Sinaloa Cartel",), ("Sinaloa Cartel: a mafia-style group (Mexico)",)
            ) in linked(linker, raw, "MEX")
    abroad = {link.indicator: link for link in linker.link(sentences(raw), country="ECU")}
    assert "mafia-style-groups" not in abroad  # 'Cartel' inside the foreign name says nothing more
    assert abroad["foreign-actors"].terms == ("Sinaloa Cartel",)
    assert "named outside Mexico" in abroad["foreign-actors"].notes[0]


@pytest.mark.parametrize("sentence, country, expected", [
    ("Albanian, Nigerian and Chinese groups launder money.", "ITA", {"foreign-actors", "anti-money-laundering"}),
    ("Mexican groups control the wholesale trade.", "MEX", set()),
    ("Colombian suppliers keep representatives in the country.", "MEX", {"foreign-actors"}),
    ("The yakuza and the 'Ndrangheta are old organizations.", "JPN", {"mafia-style-groups", "foreign-actors"}),
])
def test_nationalities_and_names(linker, sentence, country, expected):
    assert {link.indicator for link in linker.link(sentences(f"Notes\n\n{sentence}\n"), country=country)} == expected


def test_a_generic_word_links_only_inside_a_gitoc_section(linker):
    assert links_of(linker, "Notes\n\nMigrants crossed the river.\n") == set()
    assert links_of(linker, "PEOPLE\n\nMigrants crossed the river.\n") == {(0, "human-smuggling")}


def test_the_longer_phrase_decides_between_indicators(linker):
    found = links_of(linker, "Notes\n\nPrison guards were bribed by the traffickers.\n")
    assert found == {(0, "state-embedded-actors")}


def test_the_evaluation_set_meets_the_targets_for_each_kind_of_text(linker, catalogue):
    from benchmarks.linking_quality import evaluation_set
    from ocindex.narratives.quality import Score

    totals = {}
    for kind, links, labels in evaluation_set(linker, catalogue).values():
        totals[kind] = totals.get(kind, Score(0, 0, 0)) + score(links, labels)
    assert {"gitoc", "other"} <= set(totals)
    for kind, result in totals.items():
        if kind == "held-out":  # measured (benchmarks/linking_quality.py), never tuned on: no target
            continue
        assert result.precision >= 0.90 and result.recall >= 0.85, (kind, result)


def test_outside_gitoc_sections_a_pronoun_subject_refers_back_to_the_actor_just_named(linker):
    raw = "Notes\n\nThe Camorra grew in Naples. It took over the waste business. The city grew.\n"
    found = {(link.sentence.index, link.indicator, link.reason) for link in linker.link(sentences(raw), country="ITA")}
    assert (1, "mafia-style-groups", "refers back to the previous sentence") in found
    assert not any(index == 2 for index, _, _ in found)
