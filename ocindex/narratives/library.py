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


@dataclass(frozen=True)
class Excerpt:
    document: Document
    link: Link

    @property
    def paragraph_text(self) -> str:
        return self.document.paragraph(self.link.sentence.paragraph).text

    def as_dict(self) -> dict:
        return {**self.link.as_dict(), "country": self.document.iso3, "edition": self.document.edition,
                "document": self.document.name, "label": self.document.label}


@dataclass(frozen=True)
class Passage:
    """A sentence that mentions a searched term, with the indicators it is linked to (possibly none)."""

    document: Document
    sentence: Sentence
    indicators: tuple[str, ...]
    matches: tuple[str, ...]  # the term as the sentence writes it, for highlighting

    @property
    def paragraph_text(self) -> str:
        return self.document.paragraph(self.sentence.paragraph).text


class Narratives:
    def __init__(self, documents: list[Document], errors: list[str]):
        self.documents = documents
        self.errors = errors

    @classmethod
    def load(cls, data_dir: Path, data: IndexData) -> "Narratives":
        return cls(*load_profiles(Path(data_dir) / PROFILES_DIR, data, Linker(data.catalogue)))

    def documents_for(self, iso3: str, edition: int) -> list[Document]:
        return [d for d in self.documents if d.iso3 == iso3 and d.edition == edition]

    def countries(self, edition: int) -> list[str]:
        return sorted({d.iso3 for d in self.documents if d.edition == edition})

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
            linked: dict[int, list[str]] = {}
            for link in document.links:
                linked.setdefault(link.sentence.index, []).append(link.indicator)
            for paragraph in document.paragraphs:
                for sentence in paragraph.sentences:
                    hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(sentence.text) if m.group(0)))
                    if hits:
                        passages.append(Passage(document, sentence, tuple(linked.get(sentence.index, ())), hits))
        return passages

    @property
    def score_mismatches(self) -> list[str]:
        return [f"{d.name}: {m}" for d in self.documents for m in d.score_mismatches]
