"""All loaded country documents, and the excerpts they hold for a country, edition and indicator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..index import IndexData
from .cleaning import Sentence
from .documents import Document, load_profiles
from .linking import Link, Linker
from .query import search_pattern

PROFILES_DIR = "profiles"
# For operators (README, `ocindex check`, /healthz), never shown to users of the pages.
SETUP_HINT = (f"To add profile text, put documents in the data directory's {PROFILES_DIR}/ folder named "
              "<ISO3>-<edition>[-<label>].txt or .pdf (such as PER-2023.txt or PER-2023-article.pdf), optionally "
              "with a sidecar <same name>.meta.json giving title, publisher, date, url and licence; then restart or "
              "reload (kill -HUP).")


@dataclass(frozen=True)
class Excerpt:
    document: Document
    link: Link

    def as_dict(self) -> dict:
        return {**self.link.as_dict(), "country": self.document.iso3, "edition": self.document.edition,
                **self.document.citation(), "label": self.document.label}


@dataclass(frozen=True)
class LinkedPassage:
    """A sentence of a document with every indicator it is linked to: shown once, with all its links."""

    document: Document
    sentence: Sentence
    links: tuple[Link, ...]  # in catalogue order

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(link.indicator for link in self.links)

    @property
    def paragraph_text(self) -> str:
        return self.document.paragraph(self.sentence.paragraph).text

    def link(self, indicator: str) -> Link | None:
        return next((link for link in self.links if link.indicator == indicator), None)

    def strength(self, indicator: str) -> float:
        """How directly the passage speaks of the indicator: a GI-TOC section (or a heading) about it and several
        or specific terms count for more than a passing mention in a sentence that speaks of many things."""
        link = self.link(indicator)
        if link is None:
            return 0.0
        section = {"section + vocabulary": 3.0, "heading + vocabulary": 2.0,
                   "continues the previous sentence": 1.0}.get(link.reason, 0.0)
        terms = min(len(link.terms), 3) + 0.5 * sum(" " in term or "-" in term for term in link.terms)
        return section + terms - 0.5 * (len(self.links) - 1)


@dataclass(frozen=True)
class Passage(LinkedPassage):
    """A sentence that mentions a searched term, with the indicators it is linked to (possibly none)."""

    matches: tuple[str, ...] = ()  # the term as the sentence writes it, for highlighting


def group_links(document: Document) -> list[LinkedPassage]:
    """The document's linked sentences, one passage each, in reading order."""
    by_sentence: dict[int, list[Link]] = {}
    for link in document.links:
        by_sentence.setdefault(link.sentence.index, []).append(link)
    return [LinkedPassage(document, links[0].sentence, tuple(links)) for links in by_sentence.values()]


class Narratives:
    """Linked once, at load: pages only look passages up."""

    def __init__(self, documents: list[Document], errors: list[str]):
        self.documents = documents
        self.errors = errors
        self._documents: dict[tuple[str, int], list[Document]] = {}
        self._passages: dict[tuple[str, int], list[LinkedPassage]] = {}
        for document in documents:
            key = (document.iso3, document.edition)
            self._documents.setdefault(key, []).append(document)
            self._passages.setdefault(key, []).extend(group_links(document))

    @classmethod
    def load(cls, data_dir: Path, data: IndexData) -> "Narratives":
        return cls(*load_profiles(Path(data_dir) / PROFILES_DIR, data, Linker(data.catalogue)))

    def documents_for(self, iso3: str, edition: int) -> list[Document]:
        return self._documents.get((iso3, edition), [])

    def countries(self, edition: int | None = None) -> list[str]:
        """Countries with a document loaded (for the edition)."""
        return sorted({iso3 for iso3, e in self._documents if edition is None or e == edition})

    def editions_of(self, iso3: str) -> list[int]:
        return sorted(e for i, e in self._documents if i == iso3)

    def passages(self, iso3: str | None, edition: int, indicator: str | None = None) -> list[LinkedPassage]:
        """One entry per linked sentence of the country's documents (or every country's, without one): in
        reading order, or, for an indicator, those linked to it, the most direct first."""
        keys = [(iso3, edition)] if iso3 else [(i, edition) for i in self.countries(edition)]
        found = [p for key in keys for p in self._passages.get(key, [])]
        if indicator is None:
            return found
        return sorted((p for p in found if p.link(indicator)), key=lambda p: -p.strength(indicator))

    def excerpts(self, iso3: str | None = None, edition: int | None = None,
                 indicator: str | None = None) -> list[Excerpt]:
        return [
            Excerpt(document, link)
            for document in self.documents
            if (iso3 is None or document.iso3 == iso3) and (edition is None or document.edition == edition)
            for link in document.links
            if indicator is None or link.indicator == indicator
        ]

    def search(self, term: str) -> list[Passage]:
        """Every sentence of every loaded document that mentions the term as a whole word or phrase, in any case;
        a space in the term also matches a hyphen, and * stands for any letters (traffick* finds trafficked).
        Raises SearchTermError (a ValueError) for a term the grammar refuses (see query.py)."""
        pattern = search_pattern(term)
        passages = []
        for document in self.documents:
            linked = {p.sentence.index: p.links for p in group_links(document)}
            for paragraph in document.paragraphs:
                for sentence in paragraph.sentences:
                    hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(sentence.text) if m.group(0)))
                    if hits:
                        passages.append(Passage(document, sentence, linked.get(sentence.index, ()), hits))
        return passages

    @property
    def score_mismatches(self) -> list[str]:
        return [f"{d.name}: {m}" for d in self.documents for m in d.score_mismatches]
