"""Country documents in the data directory's profiles/ folder, named <ISO3>-<edition>[-<label>].<txt|pdf>."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from ..catalogue import slugify
from ..errors import OCIndexError
from ..index import IndexData
from .cleaning import GITOC_SECTIONS, Paragraph, structure, title
from .linking import Link, Linker

PROFILE_NAME = re.compile(r"^(?P<iso3>[A-Za-z]{3})-(?P<edition>\d{4})(?:-(?P<label>[A-Za-z0-9_-]+))?\.(?P<ext>txt|pdf)$")
META_SUFFIX = ".meta.json"  # PER-2023-article.meta.json describes PER-2023-article.txt (or .pdf)
MAX_META_BYTES = 64 * 1024
# A country profile holds some 10-60 KB of text: the limits leave it ample room and keep a huge or runaway file from
# holding up the load (its cleaning is not linear in the size) and every page that shows its passages.
MAX_TEXT_BYTES = 512 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_TITLE = 160
log = logging.getLogger(__name__)


class ProfileError(OCIndexError):
    def __init__(self, path: Path, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"profile {path}: {problem}")


def web_address(url: str) -> str:
    """Only http(s) addresses with a host: a javascript: or data: address would run in the reader's browser."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// address")
    return url


class DocumentMeta(BaseModel):
    """What a sidecar says about a document; every field optional, nothing else allowed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    title: str | None = Field(None, min_length=1, max_length=MAX_TITLE)
    publisher: str | None = Field(None, max_length=200)
    date: str | None = Field(None, max_length=40)  # as the publisher gives it: '2023', 'September 2023', '2023-09-26'
    url: Annotated[str, Field(max_length=2000), AfterValidator(web_address)] | None = None
    licence: str | None = Field(None, max_length=500)


@dataclass
class Document:
    path: Path
    iso3: str
    edition: int
    label: str
    paragraphs: list[Paragraph]
    links: list[Link] = field(default_factory=list)
    score_mismatches: list[str] = field(default_factory=list)
    derived_title: str = ""
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def title(self) -> str:
        return self.meta.title or self.derived_title or self.name

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index]

    def citation(self) -> dict:
        return {"document": self.name, "title": self.title, "publisher": self.meta.publisher, "date": self.meta.date,
                "url": self.meta.url, "licence": self.meta.licence}


def read_meta(path: Path) -> DocumentMeta:
    """The sidecar's metadata; a ProfileError naming the file and the field (or the JSON line) that is wrong."""
    if path.stat().st_size > MAX_META_BYTES:
        raise ProfileError(path, f"is larger than {MAX_META_BYTES // 1024} KB; a sidecar holds a few short fields")
    try:
        raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ProfileError(path, f"is not UTF-8 text (byte {exc.start} cannot be decoded)") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(raw, dict):
        raise ProfileError(path, "should hold one JSON object such as {\"title\": \"…\", \"url\": \"https://…\"}")
    try:
        return DocumentMeta.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"field '{'.'.join(map(str, e['loc'])) or '?'}': {e['msg'].removeprefix('Value error, ')}"
                             for e in exc.errors())
        raise ProfileError(path, problems) from None


def derive_title(text: str, paragraphs: list[Paragraph], country: str, edition: int) -> str:
    """A title from the document itself: its headline, or for a GI-TOC profile (whose country name is page
    furniture) what it is, or its first sentence."""
    found = title(text)
    if found is None and any(p.section in GITOC_SECTIONS for p in paragraphs):
        found = f"{country}: Global Organized Crime Index profile, {edition}"
    if found is None:
        found = paragraphs[0].sentences[0].text
    return found if len(found) <= MAX_TITLE else found[:MAX_TITLE - 1].rstrip() + "…"


def read_text(path: Path) -> str:
    """The document's text; a clear ProfileError for empty, binary or text-less files."""
    if path.suffix.lower() == ".pdf":
        if path.stat().st_size > MAX_PDF_BYTES:
            raise ProfileError(path, f"is larger than {MAX_PDF_BYTES // 2**20} MB; a country profile's PDF is a few MB")
        text = _pdf_text(path)
        if len(text.encode()) > MAX_TEXT_BYTES:
            raise ProfileError(path, f"holds more than {MAX_TEXT_BYTES // 1024} KB of text; a country profile some "
                               "10-60 KB")
    else:
        with path.open("rb") as handle:  # no more than the limit is read, however large the file
            raw = handle.read(MAX_TEXT_BYTES + 1)
        if len(raw) > MAX_TEXT_BYTES:
            raise ProfileError(path, f"is larger than {MAX_TEXT_BYTES // 1024} KB; a country profile holds some "
                               "10-60 KB of text")
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

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # a damaged PDF makes pypdf raise almost anything (unsupported filter, KeyError...)
        raise ProfileError(path, f"cannot be read as a PDF ({type(exc).__name__}: {' '.join(str(exc).split())})") \
            from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ProfileError(path, "is a PDF with no text layer (a scan?): add a text version of it")
    return text


def parse_name(path: Path, data: IndexData, countries: set[str]) -> tuple[str, int, str]:
    """ISO3, edition and label from the file name; countries: the ISO3 codes of the index."""
    match = PROFILE_NAME.match(path.name)
    if not match:
        raise ProfileError(path, "name should be <ISO3>-<edition>[-<label>].txt or .pdf, such as PER-2021.txt")
    iso3, edition = match.group("iso3").upper(), int(match.group("edition"))
    if iso3 not in countries:
        raise ProfileError(path, f"'{iso3}' is not the ISO3 code of a country in the index")
    if edition not in data.editions:
        raise ProfileError(path, f"edition {edition} is not loaded (loaded: {', '.join(map(str, data.editions))})")
    if iso3 not in data.wide(edition).index:  # a country of the index that this edition does not assess
        raise ProfileError(path, f"'{iso3}' is not in the {edition} edition")
    return iso3, edition, match.group("label") or "profile"


def load_document(path: Path, iso3: str, edition: int, label: str, linker: Linker, data: IndexData) -> Document:
    text = read_text(path)
    paragraphs = structure(text)
    sentences = [s for p in paragraphs for s in p.sentences]
    if not sentences:
        raise ProfileError(path, "has no sentences to read once page furniture is removed")
    country = data.wide(edition).loc[iso3, "country"]
    document = Document(path, iso3, edition, label, paragraphs, linker.link(sentences, country=iso3),
                        derived_title=derive_title(text, paragraphs, country, edition))
    document.score_mismatches = compare_scores(text, iso3, edition, data)
    return document


def load_profiles(directory: Path, data: IndexData, linker: Linker) -> tuple[list[Document], list[str]]:
    """Every readable document of the folder, with its sidecar's metadata; one message per file that could not
    be used. A bad sidecar is reported and its document still loads, with the title taken from its text."""
    documents, errors = [], []
    if not directory.is_dir():
        return documents, errors

    def refused(exc: Exception) -> None:
        log.warning("%s", exc)
        errors.append(str(exc))

    paths = sorted(p for p in directory.iterdir() if not p.name.startswith(".") and p.is_file())
    sidecars = {p.name[:-len(META_SUFFIX)]: p for p in paths if p.name.endswith(META_SUFFIX)}
    countries = set(data.tidy["iso3"])
    for path in paths:
        if path.name.endswith(META_SUFFIX):
            continue
        try:
            iso3, edition, label = parse_name(path, data, countries)
            document = load_document(path, iso3, edition, label, linker, data)
        except (ProfileError, OSError) as exc:
            refused(exc)
            continue
        if (sidecar := sidecars.pop(path.stem, None)) is not None:
            try:
                document.meta = read_meta(sidecar)
            except (ProfileError, OSError) as exc:
                problem = exc.problem if isinstance(exc, ProfileError) else str(exc)
                refused(ProfileError(sidecar, f"{problem} (the document loads with the title '{document.title}')"))
        documents.append(document)
    stems = {p.stem for p in paths}
    for stem, sidecar in sidecars.items():
        if stem not in stems:
            refused(ProfileError(sidecar, f"describes no document: there is no {stem}.txt or {stem}.pdf beside it"))
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
