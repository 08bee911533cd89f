"""Linking sentences to the indicators they speak of.

Inside a GI-TOC section, the section narrows the candidates (a sentence under ENVIRONMENT can speak of flora,
fauna or non-renewable resource crimes, not of the criminal networks actor) and the catalogue's vocabulary picks
among them. Elsewhere (reports, articles) the vocabulary alone decides. Every link records why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..catalogue import Catalogue, Indicator
from .cleaning import GITOC_SECTIONS, Sentence

# Which GI-TOC section speaks of which indicators: a thematic group, or the criminal actors component.
_SECTION_OF_COMPONENT = {"CRIMINAL ACTORS": "criminal actors"}


@dataclass(frozen=True)
class Link:
    sentence: Sentence
    indicator: str
    terms: tuple[str, ...]  # the words as they appear in the sentence, for highlighting
    reason: str  # "section + vocabulary", "vocabulary", or "continues the previous sentence"

    def as_dict(self) -> dict:
        return {
            "indicator": self.indicator, "section": self.sentence.section, "text": self.sentence.text,
            "terms": list(self.terms), "reason": self.reason, "sentence": self.sentence.index,
            "paragraph": self.sentence.paragraph, "line": self.sentence.line,
        }


def term_pattern(term: str) -> str:
    escaped = re.escape(term.strip())
    escaped = escaped.replace(r"\*", r"[\w-]*").replace(r"\?", "?").replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")
    return rf"(?<!\w){escaped}(?!\w)"


class Linker:
    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue

    @cached_property
    def patterns(self) -> dict[str, re.Pattern]:
        return {
            i.slug: re.compile("|".join(term_pattern(t) for t in i.terms.split(";") if t.strip()), re.IGNORECASE)
            for i in self.catalogue if i.terms.strip()
        }

    @cached_property
    def section_candidates(self) -> dict[str, set[str]]:
        candidates = {}
        for section in GITOC_SECTIONS:
            component = _SECTION_OF_COMPONENT.get(section)
            candidates[section] = {
                i.slug for i in self.catalogue if not i.is_composite and (
                    i.component == component if component else i.group.upper() == section)
            }
        return candidates

    def candidates(self, section: str) -> set[str]:
        return self.section_candidates.get(section, set(self.patterns))

    def matches(self, sentence: Sentence, slugs: set[str]) -> dict[str, tuple[str, ...]]:
        found = {}
        for slug in slugs:
            pattern = self.patterns.get(slug)
            hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(sentence.text))) if pattern else ()
            if hits:
                found[slug] = hits
        return found

    def link(self, sentences: list[Sentence], country: str | None = None) -> list[Link]:  # noqa: ARG002
        links: list[Link] = []
        previous: list[Link] = []
        for sentence in sentences:
            in_gitoc_section = sentence.section in GITOC_SECTIONS
            found = self.matches(sentence, self.candidates(sentence.section))
            if found:
                reason = "section + vocabulary" if in_gitoc_section else "vocabulary"
                current = [Link(sentence, slug, terms, reason) for slug, terms in self._ordered(found)]
            elif in_gitoc_section and previous and previous[0].sentence.paragraph == sentence.paragraph:
                # A GI-TOC paragraph keeps to its market: "The local market is very limited" continues it.
                current = [Link(sentence, p.indicator, (), "continues the previous sentence") for p in previous]
            else:
                current = []
            links += current
            previous = current
        return links

    def _ordered(self, found: dict[str, tuple[str, ...]]):
        order = {i.slug: n for n, i in enumerate(self.catalogue)}
        return sorted(found.items(), key=lambda item: order[item[0]])

    def indicator(self, slug: str) -> Indicator:
        return self.catalogue[slug]
