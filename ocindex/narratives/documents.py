"""Country documents in the data directory's profiles/ folder, named <ISO3>-<edition>[-<label>].<txt|pdf>."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import slugify
from ..errors import OCIndexError
from ..index import IndexData
from .cleaning import Paragraph, structure
from .linking import Link, Linker

PROFILE_NAME = re.compile(r"^(?P<iso3>[A-Za-z]{3})-(?P<edition>\d{4})(?:-(?P<label>[A-Za-z0-9_-]+))?\.(?P<ext>txt|pdf)$")
log = logging.getLogger(__name__)


class ProfileError(OCIndexError):
    def __init__(self, path: Path, problem: str):
        self.path = path
        super().__init__(f"profile {path}: {problem}")


@dataclass
class Document:
    path: Path
    iso3: str
    edition: int
    label: str
    paragraphs: list[Paragraph]
    links: list[Link] = field(default_factory=list)
    score_mismatches: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index]


def read_text(path: Path) -> str:
    """The document's text; a clear ProfileError for empty, binary or text-less files."""
    if path.suffix.lower() == ".pdf":
        text = _pdf_text(path)
    else:
        raw = path.read_bytes()
        if b"\x00" in raw:
            raise ProfileError(path, "is not a text file (it holds binary data)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ProfileError(path, f"is not UTF-8 text (byte {exc.start} cannot be decoded)") from None
    if not text.strip():
        raise ProfileError(path, "is empty")
    return text


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, OSError) as exc:
        raise ProfileError(path, f"cannot be read as a PDF ({exc})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ProfileError(path, "is a PDF with no text layer (a scan?): add a text version of it")
    return text


def parse_name(path: Path, data: IndexData) -> tuple[str, int, str]:
    match = PROFILE_NAME.match(path.name)
    if not match:
        raise ProfileError(path, "name should be <ISO3>-<edition>[-<label>].txt or .pdf, such as PER-2021.txt")
    iso3, edition = match.group("iso3").upper(), int(match.group("edition"))
    if iso3 not in set(data.tidy["iso3"]):
        raise ProfileError(path, f"'{iso3}' is not the ISO3 code of a country in the index")
    if edition not in data.editions:
        raise ProfileError(path, f"edition {edition} is not loaded (loaded: {', '.join(map(str, data.editions))})")
    return iso3, edition, match.group("label") or "profile"


def load_document(path: Path, iso3: str, edition: int, label: str, linker: Linker, data: IndexData) -> Document:
    text = read_text(path)
    paragraphs = structure(text)
    sentences = [s for p in paragraphs for s in p.sentences]
    if not sentences:
        raise ProfileError(path, "has no sentences to read once page furniture is removed")
    document = Document(path, iso3, edition, label, paragraphs, linker.link(sentences))
    document.score_mismatches = compare_scores(text, iso3, edition, data)
    return document


def load_profiles(directory: Path, data: IndexData, linker: Linker) -> tuple[list[Document], list[str]]:
    """Every readable document of the folder; one message per file that could not be used."""
    documents, errors = [], []
    if not directory.is_dir():
        return documents, errors
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            iso3, edition, label = parse_name(path, data)
            documents.append(load_document(path, iso3, edition, label, linker, data))
        except (ProfileError, OSError) as exc:
            log.warning("%s", exc)
            errors.append(str(exc))
    return documents, errors


# A GI-TOC score page: "HUMAN TRAFFICKING<tab>7.00", "CRIMINAL MARKETS **6.20**", or "6.35" over "CRIMINALITY SCORE".
_SCORE_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Z ,'&-]+?)[ \t]*(?:\t|[ ]\*\*|[ ]{2,})[ \t]*\**(?P<score>\d{1,2}\.\d\d)\**[ \t]*$",
    re.MULTILINE)
_HEADLINE = re.compile(r"^\s*(?P<score>\d{1,2}\.\d\d)\s*\n\s*(?P<label>CRIMINALITY|RESILIENCE) SCORE", re.MULTILINE)


def printed_scores(text: str) -> dict[str, float]:
    """Scores printed on a profile's score pages, by indicator slug."""
    found = {}
    for match in list(_SCORE_LINE.finditer(text)) + list(_HEADLINE.finditer(text)):
        found[slugify(match.group("label"))] = float(match.group("score"))
    return found


def compare_scores(text: str, iso3: str, edition: int, data: IndexData) -> list[str]:
    """Disagreements between a profile's printed scores and the workbook, one sentence each."""
    table = data.wide(edition)
    mismatches = []
    for slug, printed in printed_scores(text).items():
        if slug not in table.columns:
            continue
        official = table.loc[iso3, slug]
        if round(official, 2) != printed:
            mismatches.append(f"{table.loc[iso3, 'country']} {edition}, {data.catalogue[slug].label}: profile says "
                              f"{printed:.2f}, workbook says {official:.2f}")
    return mismatches
