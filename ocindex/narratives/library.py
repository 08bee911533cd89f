"""All loaded country documents, and the excerpts they hold for a country, edition and indicator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..index import IndexData
from .documents import Document, load_profiles
from .linking import Link, Linker

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

    @property
    def score_mismatches(self) -> list[str]:
        return [f"{d.name}: {m}" for d in self.documents for m in d.score_mismatches]
