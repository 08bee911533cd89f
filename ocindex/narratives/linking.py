"""Linking sentences to the indicators they speak of.

Inside a GI-TOC section, the section narrows the candidates (a sentence under ENVIRONMENT can speak of flora,
fauna or non-renewable resource crimes, not of the criminal networks actor) and the catalogue's vocabulary picks
among them. Elsewhere (reports, articles) the vocabulary alone decides. Every link records why.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pycountry

from ..catalogue import CATALOGUE_PATH, Catalogue, Indicator
from .cleaning import GITOC_SECTIONS, Sentence

# Which GI-TOC section speaks of which indicators: a thematic group, or the criminal actors component.
_SECTION_OF_COMPONENT = {"CRIMINAL ACTORS": "criminal actors"}
# Named criminal organisations (names;aliases, actor type, home country) and nationality adjectives.
ORGANISATIONS_PATH = CATALOGUE_PATH.parent / "organisations.csv"
NATIONALITIES_PATH = CATALOGUE_PATH.parent / "nationalities.csv"
FOREIGN = "foreign-actors"
# A sentence whose subject points back to the actor just named.
_BACK_REFERENCE = re.compile(r"^(?:It|They|Its|Their|These (?:groups|gangs|networks|organi[sz]ations)"
                             r"|This (?:group|gang|network|organi[sz]ation))\b")
# What a nationality adjective must precede to name a foreign actor: "Albanian traffickers", "Mexican cartels".
_ACTOR_NOUNS = (r"(?:(?:organi[sz]ed\s+)?crime\s+|criminal\s+|drug\s+|trafficking\s+|smuggling\s+)?(?:cartels?|gangs?"
                r"|groups?|mafias?|networks?|traffickers|brokers|suppliers|emissaries|criminals|organi[sz]ations?"
                r"|clans?|triads|syndicates?|smugglers|syndicates)")


@dataclass(frozen=True)
class Link:
    sentence: Sentence
    indicator: str
    terms: tuple[str, ...]  # the words as they appear in the sentence, for highlighting
    # "section + vocabulary" (a GI-TOC section), "heading + vocabulary" (another document's heading speaks of
    # the indicator too), "vocabulary", "continues the previous sentence" (in a GI-TOC paragraph), or "refers back
    # to the previous sentence" (a pronoun subject, elsewhere)
    reason: str
    notes: tuple[str, ...] = ()  # what a named organisation or a nationality says: "Sinaloa Cartel: …"

    def as_dict(self) -> dict:
        return {
            "indicator": self.indicator, "section": self.sentence.section, "text": self.sentence.text,
            "terms": list(self.terms), "reason": self.reason, "notes": list(self.notes),
            "sentence": self.sentence.index, "paragraph": self.sentence.paragraph, "line": self.sentence.line,
        }


@dataclass(frozen=True)
class Organisation:
    name: str  # the best-known name; aliases only find it
    actor: str  # the actor type GI-TOC gives such a group, an indicator slug
    country: str  # ISO3 of its home country: elsewhere it is a foreign actor


def _read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def country_name(iso3: str) -> str:
    found = pycountry.countries.get(alpha_3=iso3)
    return found.name if found else iso3


def term_body(term: str) -> str:
    escaped = re.escape(term.strip())
    return escaped.replace(r"\*", r"[\w-]*").replace(r"\?", "?").replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")


def term_pattern(term: str) -> str:
    return rf"(?<!\w){term_body(term)}(?!\w)"


def any_of(terms: list[str]) -> str:
    """One whole-word alternation; the word boundaries outside it, which lets the regex engine skip ahead."""
    return rf"(?<!\w)(?:{'|'.join(term_body(t) for t in sorted(terms, key=len, reverse=True))})(?!\w)"


def _pattern(terms: list[str]) -> re.Pattern | None:
    return re.compile(any_of(terms), re.IGNORECASE) if terms else None


class Linker:
    """Links sentences to indicators with the catalogue's terms (a term written '~migrants' counts only inside
    a GI-TOC section, where the section has already narrowed what the word can mean), the named organisations of
    data/organisations.csv and the nationalities of data/nationalities.csv."""

    def __init__(self, catalogue: Catalogue, organisations: Path = ORGANISATIONS_PATH,
                 nationalities: Path = NATIONALITIES_PATH):
        self.catalogue = catalogue
        self.organisations: dict[str, Organisation] = {}  # lower-cased name or alias -> organisation
        self.names: list[str] = []  # every name and alias as written
        for row in _read(organisations):
            names = [n.strip() for n in row["names"].split(";") if n.strip()]
            self.names += names
            for name in names:
                self.organisations[name.lower()] = Organisation(names[0].rstrip("*?"), row["actor"], row["country"])
        self.acronyms = {n.lower() for n in self.names if n == n.upper()}
        self.nationalities = {row["adjective"].lower(): set(row["countries"].split(";"))
                              for row in _read(nationalities)}
        for alias in [a for a in self.nationalities if ";" in a]:  # 'Argentine;Argentinian'
            for part in alias.split(";"):
                self.nationalities[part] = self.nationalities[alias]
            del self.nationalities[alias]

    def _terms(self, indicator: Indicator, in_section: bool) -> list[str]:
        terms = [t.strip() for t in indicator.terms.split(";") if t.strip()]
        return [t.lstrip("~") for t in terms if in_section or not t.startswith("~")]

    @cached_property
    def patterns(self) -> dict[str, re.Pattern]:
        """Every term of each indicator (used inside GI-TOC sections)."""
        return {i.slug: p for i in self.catalogue if (p := _pattern(self._terms(i, True)))}

    @cached_property
    def general_patterns(self) -> dict[str, re.Pattern]:
        """The terms that count anywhere."""
        return {i.slug: p for i in self.catalogue if (p := _pattern(self._terms(i, False)))}

    @cached_property
    def organisation_pattern(self) -> re.Pattern:
        """Every name and alias, in any case ('the yakuza'); '*' and '?' as in terms. Acronyms are checked
        afterwards (see _organisation): one case-insensitive pattern is many times faster than mixed flags."""
        return re.compile(any_of(self.names), re.IGNORECASE)

    @cached_property
    def nationality_pattern(self) -> re.Pattern:
        adjective = "(?:" + "|".join(re.escape(a.capitalize()) for a in sorted(self.nationalities)) + ")"
        return re.compile(rf"(?<!\w){adjective}(?:\s*,\s*{adjective})*(?:\s*,?\s+(?:and|or)\s+{adjective})?"
                          rf"\s+{_ACTOR_NOUNS}(?!\w)")

    def _organisation(self, written: str) -> Organisation | None:
        """The organisation a matched name stands for; an acronym ('ELN', 'PCC', 'MS-13') only in capitals,
        where a lower-case word could be something else."""
        if written.lower() in self.acronyms and written != written.upper():
            return None
        found = self.organisations.get(written.lower())
        if found is None:  # a wildcard name such as 'FARC dissident*' or 'triads?'
            found = next((o for name, o in self.organisations.items()
                          if re.fullmatch(term_pattern(name), written, re.IGNORECASE)), None)
        return found

    def actors(self, sentence: Sentence, country: str | None
               ) -> tuple[dict[str, tuple[tuple[str, ...], tuple[str, ...]]], list[tuple[int, int]]]:
        """Actor links from named organisations and nationalities: slug -> (words, notes); and the spans that
        name an actor, whose words ('Cartel' in 'Sinaloa Cartel', 'cartels' in 'Mexican cartels') say no more."""
        found: dict[str, tuple[list[str], list[str]]] = {}
        named: list[tuple[int, int]] = []
        for match in self.organisation_pattern.finditer(sentence.text):
            organisation = self._organisation(match.group(0))
            if organisation is None:
                continue
            actor = self.catalogue[organisation.actor].label.lower().removesuffix("s")  # 'mafia-style group'
            home = country_name(organisation.country)
            named.append(match.span())
            if country is not None and organisation.country != country:
                slug, note = FOREIGN, f"{organisation.name}: a {actor} from {home}, named outside {home}"
            else:
                slug, note = organisation.actor, f"{organisation.name}: a {actor} ({home})"
            words, notes = found.setdefault(slug, ([], []))
            words.append(match.group(0))
            notes.append(note)
        for match in self.nationality_pattern.finditer(sentence.text):
            homes = set().union(*(self.nationalities[a.lower()] for a in re.findall(r"[A-Z]\w+", match.group(0))
                                  if a.lower() in self.nationalities))
            if country is None or homes - {country}:
                named.append(match.span())
                words, notes = found.setdefault(FOREIGN, ([], []))
                words.append(match.group(0))
                notes.append(f"'{match.group(0)}': actors from another country")
        return {slug: (tuple(dict.fromkeys(w)), tuple(dict.fromkeys(n))) for slug, (w, n) in found.items()}, named

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

    def matches(self, sentence: Sentence, slugs: set[str],
                country: str | None = None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """slug -> (words that link the sentence to it, notes on named actors), among the candidate slugs."""
        patterns = self.patterns if sentence.section in GITOC_SECTIONS else self.general_patterns
        actors, named = self.actors(sentence, country)
        found = {slug: (words, notes) for slug, (words, notes) in actors.items() if slug in slugs}
        text = sentence.text
        for start, end in named:  # blanked, same length: the other terms' matches keep their places
            text = text[:start] + " " * (end - start) + text[end:]
        spans = [(m.start(), m.end(), slug, m.group(0)) for slug in sorted(slugs) if (pattern := patterns.get(slug))
                 for m in pattern.finditer(text)]
        for start, end, slug, word in spans:
            # The longer phrase decides: 'prison guards' (state-embedded actors) is not a word on prisons.
            if any(s <= start and end <= e and (e - s) > (end - start) and other != slug for s, e, other, _ in spans):
                continue
            words, notes = found.get(slug, ((), ()))
            found[slug] = (tuple(dict.fromkeys(words + (word,))), notes)
        return found

    def link(self, sentences: list[Sentence], country: str | None = None) -> list[Link]:
        """Links of a document's sentences; country (ISO3) tells a foreign organisation from a local one."""
        links: list[Link] = []
        previous: list[Link] = []
        for sentence in sentences:
            in_gitoc_section = sentence.section in GITOC_SECTIONS
            found = self.matches(sentence, self.candidates(sentence.section), country)
            if found:
                current = [Link(sentence, slug, terms, self._reason(sentence, slug), notes)
                           for slug, (terms, notes) in self._ordered(found)]
            elif in_gitoc_section and previous and previous[0].sentence.paragraph == sentence.paragraph:
                # A GI-TOC paragraph keeps to its market: "The local market is very limited" continues it.
                current = [Link(sentence, p.indicator, (), "continues the previous sentence") for p in previous]
            else:
                current = []
            if not in_gitoc_section and previous and _BACK_REFERENCE.match(sentence.text):
                # "It first took over border crossings": the subject is the actor the previous sentence named.
                have = {link.indicator for link in current}
                current += [Link(sentence, p.indicator, (), "refers back to the previous sentence") for p in previous
                            if p.indicator in self.actor_types and p.indicator not in have]
            links += current
            previous = current
        return links

    @cached_property
    def actor_types(self) -> set[str]:
        return {i.slug for i in self.catalogue if i.component == "criminal actors" and not i.is_composite}

    def _reason(self, sentence: Sentence, slug: str) -> str:
        if sentence.section in GITOC_SECTIONS:
            return "section + vocabulary"
        heading = self.general_patterns.get(slug)
        return "heading + vocabulary" if heading and heading.search(sentence.section) else "vocabulary"

    def _ordered(self, found: dict[str, tuple[str, ...]]):
        order = {i.slug: n for n, i in enumerate(self.catalogue)}
        return sorted(found.items(), key=lambda item: order[item[0]])

    def indicator(self, slug: str) -> Indicator:
        return self.catalogue[slug]
