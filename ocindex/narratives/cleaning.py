"""From extracted text to sections, paragraphs and sentences, each sentence keeping where it came from.

Handles GI-TOC profile text (score pages and page furniture before the narrative), column-wrapped PDF text
(hard line breaks, words hyphenated across lines, page breaks inside paragraphs) and free-form reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# GI-TOC's narrative section headings, in the order profiles print them, and the indicators each may speak of
# is in linking.py. Pillar headings (CRIMINALITY, CRIMINAL MARKETS, RESILIENCE) only group them.
GITOC_SECTIONS = (
    "PEOPLE", "TRADE", "ENVIRONMENT", "DRUGS", "CYBER CRIMES", "FINANCIAL CRIMES", "CRIMINAL ACTORS",
    "LEADERSHIP AND GOVERNANCE", "CRIMINAL JUSTICE AND SECURITY", "ECONOMIC AND FINANCIAL ENVIRONMENT",
    "CIVIL SOCIETY AND SOCIAL PROTECTION",
)
GITOC_PILLARS = ("CRIMINALITY", "CRIMINAL MARKETS", "RESILIENCE")

# Page furniture: funding notes, disclaimers, score blocks.
_FURNITURE = [re.compile(p, re.IGNORECASE) for p in (
    r"\bfunding provided by\b", r"\bis funded by\b", r"\bwas funded\b", r"\bfunded in part\b",
    r"\bthe opinions, findings and conclusions\b", r"\bdo not necessarily reflect\b", r"^©|\bcopyright\b",
    r"^\s*\d+(st|nd|rd|th) of \d+( [\w\s]+)? countries\s*$", r"^\s*(criminality|resilience) score\s*$",
    r"^\s*[\d.*\s]+\s*$",  # a bare score such as 6.35 or **6.20**
    r"^[A-Z][A-Z ,'&-]+\s*(\*\*)?\d{1,2}\.\d\d(\*\*)?\s*$",  # HUMAN TRAFFICKING 7.00, CRIMINAL MARKETS **6.20**
)]
_BULLET = re.compile(r"^\s*(?:[•\-–*]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "dem", "rep", "u.s", "u.k", "jr", "sr"}


@dataclass(frozen=True)
class Sentence:
    index: int  # position among the document's sentences
    text: str
    section: str  # GI-TOC section heading, another document's heading, or "" before any heading
    paragraph: int  # position among the document's paragraphs
    line: int  # 1-based line of the source text where the sentence's paragraph starts


@dataclass
class Paragraph:
    index: int
    section: str
    line: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)


def _is_furniture(line: str, title_lines: set[str]) -> bool:
    stripped = line.strip()
    return stripped in title_lines or any(p.search(stripped) for p in _FURNITURE)


def _heading(line: str, after_break: bool, stands_alone: bool = False) -> str | None:
    """A heading: GI-TOC's capitals anywhere, or a short title-like line of another document (capitalised words,
    no closing full stop) where a new block can start, so a wrapped line of a sentence is never taken for one.

    A line standing alone (blank lines around it, the next text starting a new sentence) is a heading even in
    sentence case, as news headlines are written."""
    stripped = line.strip().strip("#").strip()
    if not stripped or _BULLET.match(line):
        return None
    if stripped.upper() in GITOC_SECTIONS + GITOC_PILLARS and stripped == stripped.upper():
        return stripped
    words = stripped.split()
    if not after_break or len(words) > (16 if stands_alone else 12) or _SENTENCE_END.search(stripped) or stripped[-1] in ",-;:":
        return None
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    title_like = stands_alone or capitalised >= 0.6 * len(long_words)
    return stripped if stripped[0].isupper() and long_words and title_like else None


def join_hyphenated(left: str, right: str, vocabulary: set[str]) -> str:
    """'organ-' + 'ized' -> 'organized'; 'high-' + 'level' -> 'high-level' (a real hyphen, kept).

    The document's own words decide: the hyphen stays when the hyphenated form, or the second part as a word
    on its own, occurs elsewhere in the document, and the joined word does not."""
    stem = left[:-1]
    first_word = re.search(r"[\w’']+$", stem)
    second_word = re.match(r"[\w’']+", right)
    if not first_word or not second_word:
        return left + right
    joined = (first_word.group() + second_word.group()).lower()
    hyphenated = f"{first_word.group()}-{second_word.group()}".lower()
    if joined in vocabulary:
        return stem + right
    if hyphenated in vocabulary or second_word.group().lower() in vocabulary:
        return left + right
    return stem + right


def split_sentences(text: str) -> list[str]:
    sentences, start = [], 0
    for match in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", text):
        before = text[start:match.start() + 1]
        last_word = re.search(r"([\w.]+)\.$", before)
        if last_word and last_word.group(1).lower() in _ABBREVIATIONS:
            continue
        if re.search(r"\b[A-Z]\.$", before):  # an initial, as in 'J. Smith'
            continue
        sentences.append(before.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _blocks(text: str) -> tuple[list[str], list[tuple[str, int, str]], set[str]]:
    """The text's lines; its blocks, (kind, line, text) with kind heading / text / bullet / gap; its words."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    lines = text.split("\n")
    # A title repeated on every page (such as the country name in capitals) is furniture.
    counts: dict[str, int] = {}
    for line in lines:
        stripped = line.strip()
        if stripped and stripped == stripped.upper() and stripped.upper() not in GITOC_SECTIONS + GITOC_PILLARS:
            counts[stripped] = counts.get(stripped, 0) + 1
    title_lines = {line for line, n in counts.items() if n > 1 and len(line) < 40}
    # The document's own words, leaving out the fragments that follow a line-end hyphen (the 'ized' of 'organ-').
    unwrapped = re.sub(r"(\w)-[ \t]*\n[ \t]*[\w’']+", r"\1", text)
    vocabulary = {w.lower() for w in re.findall(r"[\w’'-]+", unwrapped)}

    blocks: list[tuple[str, int, str]] = []  # (kind, line, text) with kind heading / text / bullet / gap
    for number, line in enumerate(lines, start=1):
        previous = blocks[-1] if blocks else ("gap", 0, "")
        after_break = previous[0] != "text" or bool(_SENTENCE_END.search(previous[2]))
        following = next((other.strip() for other in lines[number:] if other.strip()), "")
        stands_alone = (previous[0] in ("gap", "heading") and number < len(lines) and not lines[number].strip()
                        and (not following or following[0].isupper() or following[0].isdigit()))
        if not line.strip():
            blocks.append(("gap", number, ""))
        elif _is_furniture(line, title_lines):
            blocks.append(("gap", number, ""))
        elif (heading := _heading(line, after_break, stands_alone)) is not None:
            blocks.append(("heading", number, heading))
        elif _BULLET.match(line):
            blocks.append(("bullet", number, _BULLET.sub("", line).strip()))
        else:
            blocks.append(("text", number, line.strip()))
    return lines, blocks, vocabulary


def title(text: str) -> str | None:
    """The document's title: the longest heading before its first paragraph that is not a GI-TOC heading
    (a publisher's banner such as 'Financial Crime World' is shorter than the headline under it)."""
    candidates = []
    for kind, _, content in _blocks(text)[1]:
        if kind in ("text", "bullet"):
            break
        if kind == "heading" and content.upper() not in GITOC_SECTIONS + GITOC_PILLARS:
            candidates.append(content)
    return max(candidates, key=len) if candidates else None


def structure(text: str) -> list[Paragraph]:
    """Paragraphs with their section, each split into sentences."""
    lines, blocks, vocabulary = _blocks(text)
    paragraphs: list[Paragraph] = []
    section = ""
    current: Paragraph | None = None

    def close():
        nonlocal current
        if current is not None and current.text.strip():
            paragraphs.append(current)
        current = None

    pending_gap = titled = False
    for kind, number, content in blocks:
        if kind == "heading":
            close()
            is_title = not paragraphs and current is None and not titled and content.upper() not in GITOC_SECTIONS
            titled = True
            if content.upper() not in GITOC_PILLARS and not is_title:  # a headline is the title, not a section
                section = content.upper() if content.upper() in GITOC_SECTIONS else content
            pending_gap = False
            continue
        if kind == "gap":
            pending_gap = True
            continue
        if kind == "bullet":
            close()
            current = Paragraph(len(paragraphs), section, number, content)
            close()
            pending_gap = False
            continue
        # Plain text: continue the paragraph unless it ended a sentence before a gap. A gap inside a sentence
        # (a page break) does not end the paragraph; a leading space marks a new paragraph in column text.
        new_paragraph = current is None or (
            (pending_gap or content != content.lstrip() or lines[number - 1].startswith(" "))
            and _SENTENCE_END.search(current.text))
        if new_paragraph:
            close()
            current = Paragraph(len(paragraphs), section, number, content)
        elif current.text.endswith("-") and not current.text.endswith(" -"):
            current.text = join_hyphenated(current.text, content, vocabulary)
        else:
            current.text = f"{current.text} {content}"
        pending_gap = False
    close()

    index = 0
    for number, paragraph in enumerate(paragraphs):
        paragraph.index = number
        paragraph.text = re.sub(r"\s+", " ", paragraph.text).strip()
        for text in split_sentences(paragraph.text):
            paragraph.sentences.append(Sentence(index, text, paragraph.section, number, paragraph.line))
            index += 1
    return paragraphs


def sentences(text: str) -> list[Sentence]:
    return [s for p in structure(text) for s in p.sentences]
