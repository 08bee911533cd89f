"""Passages an analyst can read: one entry per sentence, documents cited by title, ranked by directness."""

from __future__ import annotations

import json
import shutil

import pytest

from components.narrative import MAX_SENT, NO_TEXT, for_country, for_indicator, passage_item
from ocindex.narratives.library import Narratives
from ocindex.store import DataStore

from ..conftest import SEEDS
from ..narrative_labels import SEED_000, SEED_002, SEED_003

# A small document with a sentence that speaks of two markets and one that only mentions cocaine in passing.
TWO_MARKETS = """Smuggling in the Andes: a field report

DRUGS

Cocaine and cannabis leave the country by the same routes. Coca growers sell the coca leaf to cocaine laboratories.

Overview

Corruption, prisons, extortion, the police and cocaine were discussed at the meeting.
"""


@pytest.fixture
def data_dir(tmp_path, workbook):
    (tmp_path / "global_oc_index.xlsx").symlink_to(workbook)
    (tmp_path / "profiles").mkdir()
    return tmp_path


@pytest.fixture(scope="module")
def shared():
    return DataStore(SEEDS.parent / "data").narratives


def test_each_linked_sentence_is_one_passage_with_all_its_indicators(shared):
    passages = shared.passages("PER", 2023)
    texts = [(p.document.name, p.sentence.index) for p in passages]
    assert len(texts) == len(set(texts))  # no sentence twice
    links = {(d.name, link.sentence.index, link.indicator) for d in shared.documents_for("PER", 2023) for link in d.links}
    assert {(p.document.name, p.sentence.index, s) for p in passages for s in p.indicators} == links
    several = [p for p in passages if len(p.indicators) > 1]
    assert several, "the 2023 write-ups have sentences linked to several indicators"
    for indicator in several[0].indicators:  # filtering by any of them keeps the passage, once
        found = [p for p in shared.passages("PER", 2023, indicator) if p.sentence == several[0].sentence]
        assert len(found) == 1 and found[0].indicators == several[0].indicators


def test_a_passage_about_the_indicator_ranks_above_a_passing_mention(data_dir, index):
    (data_dir / "profiles" / "BOL-2023.txt").write_text(TWO_MARKETS, encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    ranked = narratives.passages("BOL", 2023, "cocaine-trade")
    assert [p.sentence.text for p in ranked] == [
        "Coca growers sell the coca leaf to cocaine laboratories.",  # GI-TOC section, two terms, one indicator
        "Cocaine and cannabis leave the country by the same routes.",  # GI-TOC section, shared with cannabis
        "Corruption, prisons, extortion, the police and cocaine were discussed at the meeting.",  # in passing
    ]
    assert [p.sentence.text for p in narratives.passages("BOL", 2023)][0].startswith("Cocaine and cannabis")


def test_under_a_heading_about_the_indicator_a_passage_ranks_above_one_elsewhere(shared):
    ranked = shared.passages("PER", 2023, "law-enforcement")
    assert ranked[0].sentence.text.startswith("Police effectiveness in crime prevention")  # under a police heading
    assert ranked[0].link("law-enforcement").reason == "heading + vocabulary"


def test_derived_titles_come_from_the_document_not_the_file_name(shared):
    titles = {d.name: d.title for d in shared.documents}
    assert titles == {
        "PER-2021.txt": "Peru: Global Organized Crime Index profile, 2021",
        "PER-2023-article.txt": "Peru’s Law Enforcement Agencies Accused of Corruption as Crime Thrives",
        "PER-2023-summary.txt": "Organized Crime in Peru: A Threat to Governance and Security",
    }


def test_a_sidecar_gives_title_publisher_date_link_and_licence(data_dir, index):
    shutil.copy(SEEDS / SEED_003, data_dir / "profiles" / "PER-2023-article.txt")
    meta = {"title": "Law enforcement and corruption in Peru", "publisher": "Example News", "date": "2023-10-02",
            "url": "https://news.example.org/peru", "licence": "quoted for research"}
    (data_dir / "profiles" / "PER-2023-article.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    assert narratives.errors == []
    (document,) = narratives.documents
    assert document.citation() == {"document": "PER-2023-article.txt", **meta}
    rendered = str(passage_item(narratives.passages("PER", 2023)[0], index))
    assert "Law enforcement and corruption in Peru" in rendered and "href='https://news.example.org/peru'" in rendered


@pytest.mark.parametrize("content, problem", [
    ('{"title": "Peru", "url": "javascript:alert(1)"}', "field 'url': must be an http:// or https:// address"),
    ('{"title": "Peru",\n "date": 2023 "url": 1}', "is not valid JSON (line 2, column 15"),
    ('{"title": "Peru", "author": "someone"}', "field 'author': Extra inputs are not permitted"),
    ('["Peru"]', "should hold one JSON object"),
    ('{"title": ""}', "field 'title': String should have at least 1 character"),
    ('{"url": "data:text/html,<script>alert(1)</script>"}', "field 'url': must be an http:// or https:// address"),
    ('{"url": "https://"}', "field 'url': must be an http:// or https:// address"),
    ('{"title": "' + "x" * 70000 + '"}', "is larger than 64 KB"),
], ids=["javascript-url", "bad-json", "unknown-field", "not-an-object", "empty-title", "data-url", "no-host",
        "too-large"])
def test_a_bad_sidecar_is_named_with_its_problem_and_the_document_still_loads(data_dir, index, content, problem):
    shutil.copy(SEEDS / SEED_002, data_dir / "profiles" / "PER-2023-summary.txt")
    sidecar = data_dir / "profiles" / "PER-2023-summary.meta.json"
    sidecar.write_text(content, encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    (error,) = narratives.errors
    assert str(sidecar) in error and problem in error, error
    assert "the document loads with the title 'Organized Crime in Peru: A Threat to Governance and Security'" in error
    (document,) = narratives.documents
    assert document.meta.url is None and document.title.startswith("Organized Crime in Peru")
    assert "javascript:" not in str(for_country(narratives, index, "PER", 2023, list_documents=True))


def test_a_sidecar_without_its_document_is_reported(data_dir, index):
    shutil.copy(SEEDS / SEED_000, data_dir / "profiles" / "PER-2021.txt")
    (data_dir / "profiles" / "PER-2021-extra.meta.json").write_text('{"title": "Extra"}', encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    (error,) = narratives.errors
    assert "PER-2021-extra.meta.json" in error and "describes no document" in error
    assert [d.name for d in narratives.documents] == ["PER-2021.txt"]


def test_the_country_page_lists_its_documents_and_a_country_without_text_says_so_plainly(shared, index):
    page = str(for_country(shared, index, "PER", 2023, list_documents=True))
    assert "Organized Crime in Peru: A Threat to Governance and Security" in page
    assert "Peru’s Law Enforcement Agencies Accused of Corruption as Crime Thrives" in page
    assert "PER-2023-summary.txt" not in page
    for iso3, edition in (("COL", 2023), ("PER", index.editions[-1])):
        if not shared.documents_for(iso3, edition):
            shown = str(for_country(shared, index, iso3, edition))
            assert NO_TEXT in shown and "profiles/" not in shown and ".txt" not in shown


def test_chips_give_each_indicators_score_in_the_edition_or_not_assessed(index, data_dir):
    first = index.editions[0]
    absent = next(i.slug for i in index.catalogue if i.since > first and not i.is_composite)
    label = index.catalogue[absent].label
    (data_dir / "profiles" / f"PER-{first}.txt").write_text(
        f"Notes\n\nThe {label.lower()} market and cocaine trafficking grow together.\n", encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    (passage,) = narratives.passages("PER", first)
    assert set(passage.indicators) == {absent, "cocaine-trade"}
    rendered = str(passage_item(passage, index))
    assert f"{index.wide(first).at['PER', 'cocaine-trade']:.2f}" in rendered and "not assessed" in rendered


def test_two_hundred_documents_load_and_each_country_page_finds_its_passages(data_dir, index):
    seed = (SEEDS / SEED_000).read_text(encoding="utf-8")
    countries = sorted(index.wide(index.editions[-1]).index)[:100]
    for iso3 in countries:
        for label in ("profile", "notes"):
            (data_dir / "profiles" / f"{iso3}-{index.editions[-1]}-{label}.txt").write_text(seed, encoding="utf-8")
    narratives = Narratives.load(data_dir, index)
    assert narratives.errors == [] and len(narratives.documents) == 200
    assert narratives.countries(index.editions[-1]) == countries
    per_document = len(narratives.passages(countries[0], index.editions[-1])) // 2
    assert per_document > 40
    assert all(len(narratives.passages(c, index.editions[-1])) == 2 * per_document for c in countries)
    on_cocaine = narratives.passages(None, index.editions[-1], "cocaine-trade")
    page = str(for_indicator(narratives, index, "cocaine-trade", index.editions[-1]))
    assert page.count("oc-excerpt") == MAX_SENT < len(on_cocaine)
    assert f"{len(on_cocaine) - MAX_SENT} further passages are not listed: choose a country" in page


def test_an_indicator_the_edition_did_not_assess_is_said_so_beside_its_passages(shared, index):
    assessed = {e: {i.slug for i in index.indicators(e)} for e in index.editions}
    added = next((e, slug) for e in index.editions for slug in sorted(assessed[e])
                 if any(slug not in assessed[earlier] for earlier in index.editions if earlier < e))
    later_edition, slug = added
    earlier = max(e for e in index.editions if e < later_edition and slug not in assessed[e])
    label = index.catalogue[slug].label
    assert shared.documents_for("PER", earlier), "the shared profiles hold Peru's text for the earlier edition"
    shown = str(for_country(shared, index, "PER", earlier, slug))
    assert f"{label} is not assessed in the {earlier} edition." in shown
    assert "is not assessed" not in str(for_country(shared, index, "PER", later_edition, slug))
