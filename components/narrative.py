"""'What the profile says': passages of country documents beside the scores they explain.

One entry per passage, with every indicator it is linked to as a chip (label and the country's score in the
shown edition) and the words that made each link marked in that indicator's colour. Every passage cites its
document by title. Document text is always rendered as text (React escapes it), never as HTML."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
from dash import html

from ocindex.index import IndexData
from ocindex.narratives.documents import Document, web_address
from ocindex.narratives.library import LinkedPassage, Narratives

from . import deferred

MAX_SHOWN = 8  # passages shown before "Show n more"
MAX_SENT = 60  # passages sent to the browser at all: with hundreds of documents, narrowing beats scrolling
COLOURS = 5  # .oc-mark-0 … .oc-mark-4 in assets/style.css, one per indicator of a passage
NO_TEXT = "No profile text for this country and edition."


def highlighted(text: str, terms: tuple[str, ...], marks: dict[str, tuple[str, str]] | None = None) -> list:
    """The sentence as text pieces, with every matched term wrapped in html.Mark.

    marks: lower-cased term -> (class name, tooltip), to show which indicator each term linked."""
    if not terms:
        return [text]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    pieces, start = [], 0
    for match in pattern.finditer(text):
        class_name, tooltip = (marks or {}).get(match.group(0).lower(), (None, None))
        mark = html.Mark(match.group(0), className=class_name, title=tooltip) if class_name else html.Mark(
            match.group(0))
        pieces += [text[start:match.start()], mark]
        start = match.end()
    return [p for p in pieces + [text[start:]] if p != ""]


def score_text(data: IndexData, iso3: str, edition: int, slug: str) -> str:
    """The country's score for the indicator in the edition, or 'not assessed' where the edition has none."""
    wide = data.wide(edition)
    return f"{wide.at[iso3, slug]:.2f}" if slug in wide.columns else "not assessed"


def document_link(document: Document, className: str = "") -> html.Span | html.A:
    """The document's title, linked to its web address when the sidecar gives an http(s) one."""
    url = document.meta.url
    try:
        safe = url is not None and web_address(url) == url
    except ValueError:
        safe = False  # checked again here: nothing but http(s) ever reaches an href
    if safe:
        return html.A(document.title, href=url, target="_blank", rel="noopener noreferrer", className=className)
    return html.Span(document.title, className=className)


def chips(passage: LinkedPassage, data: IndexData, selected: str | None = None) -> html.Div:
    document = passage.document
    items = []
    for n, link in enumerate(passage.links):
        label = data.catalogue[link.indicator].label
        why = "; ".join([link.reason + (": " + ", ".join(link.terms) if link.terms else ""), *link.notes])
        items.append(html.Span(
            [label, " ", html.Span(score_text(data, document.iso3, document.edition, link.indicator),
                                   className="fw-semibold")],
            className=f"badge oc-chip oc-mark-{n % COLOURS}" + (" oc-chip-selected" if link.indicator == selected
                                                                else ""),
            title=f"{label}, {document.edition} score. Linked by {why}"))
    return html.Div(items, className="d-flex flex-wrap gap-1 mb-1")


def passage_item(passage: LinkedPassage, data: IndexData, *, selected: str | None = None,
                 show_country: bool = False) -> html.Li:
    document = passage.document
    marks = {}
    for n, link in enumerate(passage.links):
        for term in link.terms:
            marks.setdefault(term.lower(), (f"oc-mark-{n % COLOURS}", data.catalogue[link.indicator].label))
    terms = tuple(t for link in passage.links for t in link.terms)
    country = data.wide(document.edition).at[document.iso3, "country"] if show_country else None
    return html.Li([
        chips(passage, data, selected),
        html.Blockquote(highlighted(passage.sentence.text, terms, marks), className="mb-1"),
        *cited(passage, country),
    ], className="oc-excerpt mb-3")


def cited(passage: LinkedPassage, country: str | None = None) -> list:
    """Where the passage comes from (country, document title, section) and its whole paragraph."""
    source: list = [f"{country} · "] if country else []
    source.append(document_link(passage.document))
    if passage.sentence.section:
        section = passage.sentence.section
        source.append(" · " + (section.title() if section.isupper() else section))
    return [html.Div(source, className="small text-body-secondary oc-source"),
            html.Details([html.Summary("Whole paragraph", className="small"),
                          html.P(passage.paragraph_text, className="small mb-1")])]


def passages_list(passages: list[LinkedPassage], data: IndexData, *, selected: str | None = None,
                  show_country: bool = False, narrow: str = "an indicator") -> list:
    """The first passages, then the others behind 'Show n more' (up to MAX_SENT in all)."""
    items = [passage_item(p, data, selected=selected, show_country=show_country) for p in passages[:MAX_SENT]]
    shown, rest = items[:MAX_SHOWN], items[MAX_SHOWN:]
    unsent = len(passages) - len(items)
    return [html.Ul(shown, className="list-unstyled mb-0"),
            html.Details([html.Summary(f"Show {len(rest)} more", className="small fw-semibold mb-2"),
                          html.Ul(rest, className="list-unstyled mb-0"),
                          html.P(f"{unsent} further passages are not listed: choose {narrow} to narrow the list.",
                                 className="small text-body-secondary") if unsent > 0 else None],
                         className="oc-more") if rest else None]


def documents_list(documents: list[Document]) -> html.Div:
    """The documents a page draws on, cited by title, publisher and date."""
    items = []
    for document in documents:
        details = ", ".join(filter(None, (document.meta.publisher, document.meta.date)))
        items.append(html.Li([document_link(document, "fw-semibold"), f" — {details}" if details else None,
                              html.Span(f" ({document.meta.licence})", className="text-body-secondary")
                              if document.meta.licence else None]))
    return html.Div([html.H3("Documents", className="h6 mt-2 mb-1"), html.Ul(items, className="small mb-0")],
                    className="oc-documents border-top pt-2")


def no_profile() -> html.P:
    return html.P(NO_TEXT, className="small text-body-secondary mb-0")


def for_country(narratives: Narratives, data: IndexData, iso3: str, edition: int, indicator: str | None = None,
                *, list_documents: bool = False):
    """Passages about one country (those on one indicator first by how directly they speak of it)."""
    documents = narratives.documents_for(iso3, edition)
    if not documents:
        return no_profile()
    passages = narratives.passages(iso3, edition, indicator)
    label = data.catalogue[indicator].label if indicator else None
    # An indicator the edition did not assess (one added later) has no score to explain: said before any passage.
    unscored = bool(indicator) and not data.assesses(edition, indicator)
    lead = f"{label} is not assessed in the {edition} edition. " if unscored else ""
    if not passages:
        content = [html.P(f"{lead}The loaded documents say nothing linked to {label or 'any indicator'}.",
                          className="small text-body-secondary")]
    else:
        count = f"{len(passages)} passage" + ("s" if len(passages) != 1 else "")
        lead += f"{count} on {label}, the most direct first." if label else f"{count}, in reading order."
        content = [html.P(lead, className="small text-body-secondary mb-2"),
                   *passages_list(passages, data, selected=indicator)]
    return content + ([documents_list(documents)] if list_documents else [])


def for_indicator(narratives: Narratives, data: IndexData, indicator: str, edition: int):
    """Passages on one indicator from every country with a document loaded for the edition."""
    countries = narratives.countries(edition)
    if not countries:
        return html.P(f"No profile text is loaded for {edition}.", className="small text-body-secondary")
    passages = narratives.passages(None, edition, indicator)
    if not passages:
        names = ", ".join(data.wide(edition).at[c, "country"] for c in countries)
        return html.P(f"The profile text loaded for {edition} ({names}) says nothing linked to this indicator.",
                      className="small text-body-secondary")
    return passages_list(passages, data, selected=indicator, show_country=True, narrow="a country")


def card(component_id: str, content=None, title: str = "What the profile says", header_extra: list = (),
         later: bool = False) -> dbc.Card:
    """header_extra: what the header holds after the title; later: the passages come after the first paint
    (deferred.py), for a card below the fold."""
    body = dbc.CardBody(content, id=component_id, className="oc-narrative")
    return dbc.Card([
        dbc.CardHeader([html.Span(title, className="fw-semibold"), *header_extra],
                       className="py-1 d-flex flex-wrap align-items-center gap-2"),
        deferred.later(body, "children") if later else body,
    ], className="mb-3")
