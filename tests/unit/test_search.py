"""Search across narratives: on the four seed documents, every passage containing the term and nothing else."""

from __future__ import annotations

import re
import shutil

import pytest

from components.search import results
from ocindex.narratives.library import Narratives
from tests.conftest import SEEDS

SEED_NAMES = {"000": "PER-2021.txt", "001": "PER-2021-wrapped.txt", "002": "PER-2023-summary.txt",
              "003": "PER-2023-article.txt"}
TERMS = ["gold mining", "extortion", "ports", "illegal mining", "cocaine", "money laundering", "Lima", "corruption"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, index):
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "profiles").mkdir()
    for seed in SEEDS.glob("0*.txt"):
        shutil.copy(seed, folder / "profiles" / SEED_NAMES[seed.name[:3]])
    narratives = Narratives.load(folder, index)
    assert narratives.errors == [] and len(narratives.documents) == 4
    return narratives


def mentions(term: str):
    """The term as a whole word or phrase, any case, a space also matching a hyphen: written here independently."""
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<![A-Za-z0-9_])" + r"[\s-]+".join(words) + r"(?![A-Za-z0-9_])", re.IGNORECASE)


@pytest.mark.parametrize("term", TERMS)
def test_search_finds_every_passage_that_contains_the_term_and_nothing_else(seeds, term):
    pattern = mentions(term)
    expected = {(d.name, s.index) for d in seeds.documents for p in d.paragraphs for s in p.sentences
                if pattern.search(s.text)}
    found = seeds.search(term)
    assert {(p.document.name, p.sentence.index) for p in found} == expected
    assert all(all(pattern.fullmatch(m) for m in p.matches) for p in found)


@pytest.mark.parametrize("term", TERMS)
def test_no_mention_in_a_narrative_document_is_lost_to_sentence_splitting(seeds, term):
    # Seeds 002 and 003 have no score pages or page furniture to drop: every mention in the file is in a
    # passage, or in a heading (shown as the section of the passages under it).
    pattern = mentions(term)
    for document in seeds.documents:
        if document.name.startswith("PER-2023"):
            text = document.path.read_text(encoding="utf-8")
            headings = {p.section for p in document.paragraphs}
            in_headings = sum(len(pattern.findall(line)) for line in text.splitlines() if line.strip() in headings)
            in_passages = sum(len(pattern.findall(p.sentence.text)) for p in seeds.search(term)
                              if p.document is document)
            assert in_passages + in_headings == len(pattern.findall(text)), document.name


def test_a_word_inside_another_word_is_not_a_mention_unless_asked_for(seeds):
    sentences = [s.text.lower() for d in seeds.documents for p in d.paragraphs for s in p.sentences]
    assert any("transport" in t for t in sentences) and any("exports" in t for t in sentences)
    assert seeds.search("port") == []
    assert {m.lower() for p in seeds.search("export*") for m in p.matches} >= {"exports", "exported"}


def test_passages_keep_the_indicators_their_sentence_is_linked_to(seeds):
    linked = {(d.name, link.sentence.index): link.indicator for d in seeds.documents for link in d.links}
    for passage in seeds.search("gold mining"):
        assert passage.indicators and passage.indicators[0] == linked[(passage.document.name, passage.sentence.index)]


@pytest.mark.parametrize("term", ["", "a", "**", "x" * 101])
def test_a_term_too_short_or_too_long_is_refused(seeds, term):
    with pytest.raises(ValueError):
        seeds.search(term)


def test_results_show_each_passage_under_its_indicator_with_the_score(seeds, index, app_instance):
    text = str(results(app_instance, index, seeds, "gold mining"))
    cocaine = index.wide(2021).at["PER", "non-renewable-resource-crimes"]
    assert f"Peru: {cocaine:.2f} in 2021" in text and "Non-renewable resource crimes" in text
    assert "No passage mentions" in str(results(app_instance, index, seeds, "zebra crossing"))
