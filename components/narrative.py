"""'What the profile says': linked excerpts of country documents beside the scores they explain.

Document text is always rendered as text (React escapes it), never as HTML; matched terms are <mark>ed."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
from dash import html

from ocindex.index import IndexData
from ocindex.narratives.library import PROFILES_DIR, Excerpt, Narratives

MAX_SHOWN = 12


def highlighted(text: str, terms: tuple[str, ...]) -> list:
    """The sentence as text pieces, with every matched term wrapped in html.Mark."""
    if not terms:
        return [text]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces += [text[start:match.start()], html.Mark(match.group(0))]
        start = match.end()
    return [p for p in pieces + [text[start:]] if p != ""]


def excerpt_item(excerpt: Excerpt, data: IndexData, show_indicator: bool, show_country: bool = False) -> html.Li:
    link = excerpt.link
    source = [excerpt.document.name]
    if link.sentence.section:
        source.append(link.sentence.section.title() if link.sentence.section.isupper() else link.sentence.section)
    if show_indicator:
        source.insert(0, data.catalogue[link.indicator].label)
    if show_country:
        source.insert(0, data.wide(excerpt.document.edition).loc[excerpt.document.iso3, "country"])
    why = "matched: " + ", ".join(link.terms) if link.terms else link.reason
    return html.Li([
        html.Blockquote(highlighted(link.sentence.text, link.terms), className="mb-1"),
        html.Div(" · ".join(source), className="small text-body-secondary", title=why),
        html.Details([html.Summary("Whole paragraph", className="small"),
                      html.P(excerpt.paragraph_text, className="small mb-1")]),
    ], className="oc-excerpt mb-3")


def no_profile(data: IndexData, iso3: str, edition: int) -> html.P:
    name = data.wide(edition).loc[iso3, "country"]
    return html.P([
        f"No profile of {name} for {edition} is loaded. To add one, put a text or PDF document in the data "
        f"directory's {PROFILES_DIR}/ folder named ", html.Code(f"{iso3}-{edition}.txt"), " (or ",
        html.Code(f"{iso3}-{edition}-<label>.pdf"), ") and restart or reload the app.",
    ], className="small text-body-secondary mb-0")


def excerpts_list(excerpts: list[Excerpt], data: IndexData, *, show_indicator: bool, show_country: bool = False):
    shown = excerpts[:MAX_SHOWN]
    more = len(excerpts) - len(shown)
    return [html.Ul([excerpt_item(e, data, show_indicator, show_country) for e in shown], className="list-unstyled mb-0"),
            html.P(f"… and {more} more.", className="small text-body-secondary") if more > 0 else None]


def for_country(narratives: Narratives, data: IndexData, iso3: str, edition: int, indicator: str | None = None):
    """Excerpts about one country (optionally one indicator), or how to add a profile."""
    if not narratives.documents_for(iso3, edition):
        return no_profile(data, iso3, edition)
    excerpts = narratives.excerpts(iso3, edition, indicator)
    if not excerpts:
        label = data.catalogue[indicator].label if indicator else "any indicator"
        return html.P(f"The loaded documents say nothing linked to {label}.", className="small text-body-secondary")
    return excerpts_list(excerpts, data, show_indicator=indicator is None)


def for_indicator(narratives: Narratives, data: IndexData, indicator: str, edition: int):
    """Excerpts on one indicator from every country with a document loaded for the edition."""
    countries = narratives.countries(edition)
    if not countries:
        return html.P(f"No country profiles are loaded for {edition}. Add documents to the data directory's "
                      f"{PROFILES_DIR}/ folder, named like PER-{edition}.txt.", className="small text-body-secondary")
    excerpts = narratives.excerpts(edition=edition, indicator=indicator)
    if not excerpts:
        return html.P(f"Loaded profiles ({', '.join(countries)}) say nothing linked to this indicator.",
                      className="small text-body-secondary")
    return excerpts_list(excerpts, data, show_indicator=False, show_country=True)


def card(component_id: str, title: str = "What the profile says", header_extra=None) -> dbc.Card:
    return dbc.Card([
        dbc.CardHeader([html.Span(title, className="fw-semibold"), header_extra], className="py-1 d-flex gap-2"),
        dbc.CardBody(id=component_id, className="oc-narrative"),
    ], className="mb-3")
