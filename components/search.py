"""Search across narratives: `/search?q=gold+mining` — every passage of every loaded country document that
mentions the term, grouped by country and indicator, with the country's score for that indicator beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Output, dcc, html
from dash.exceptions import PreventUpdate

from ocindex.index import IndexData
from ocindex.narratives.library import Narratives, Passage
from ocindex.narratives.query import SEARCH_LENGTH
from ocindex.store import DataStore

from . import ids, registry
from .common import breadcrumbs, country_href, indicator_link
from .narrative import chips, cited, highlighted
from .registry import Nav, Page, Table
from .urlstate import Kind, PageState, cut_short, param

EXAMPLES = ("gold mining", "extortion", "ports", "money laundering", "corruption")
UNLINKED = ""
# Passages drawn on the page: a common word in many profiles would otherwise send megabytes of them (the CSV has all).
MAX_SHOWN = 200


@dataclass(frozen=True)
class Term(Kind):
    """A search term as typed, its runs of spaces as one. The grammar of ocindex.narratives.query judges it when
    it is searched: a term it refuses stays in the box, with the reason beside it, for the reader to correct."""

    def parse(self, raw, data, values):
        return " ".join(raw.split())

    def check(self, value, data, values):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise PreventUpdate
        return " ".join(value.split())


@dataclass(frozen=True)
class SearchState(PageState, name="search", path="/search"):
    term: str = param(Term(), key="q", default="")


def title(state: SearchState, data: IndexData) -> str:
    return f"'{state.term}' — Search the profiles" if state.term else "Search the profiles"


def layout(app: Dash, store: DataStore, state: SearchState, notices: list[str]):
    return dbc.Container([
        breadcrumbs(app, [("Quadrant", "/"), ("Search the profiles", None)]),
        html.H1("Search the country profiles", className="h3 mb-1"),
        html.P(["Whole words or phrases, in any case; a space also matches a hyphen and * stands for any letters "
                "(", html.Code("traffick*"), "). Press Enter to search."], className="text-body-secondary"),
        html.Div([
            dbc.InputGroup([
                html.Label("Term", htmlFor=ids.SEARCH.TERM, className="input-group-text"),
                dbc.Input(id=ids.SEARCH.TERM, type="search", value=state.term, debounce=True,
                          placeholder="gold mining, extortion, ports…", maxLength=SEARCH_LENGTH[1], autofocus=True),
            ], style={"maxWidth": "40rem"}),
            registry.csv_button(SearchState.name),
        ], className="d-flex gap-2 align-items-center mb-3"),
        # Announced to screen readers as each search ends: a live region must stay on the page to be heard.
        html.Div(id=ids.SEARCH.STATUS, role="status", **{"aria-live": "polite"}),
        dcc.Loading(html.Div(id=ids.SEARCH.RESULTS), delay_show=300),
    ], className="py-2")


def score_of(data: IndexData, iso3: str, edition: int, slug: str) -> float | None:
    """The country's score for the passage's indicator, or None where the edition did not assess it."""
    return data.wide(edition).at[iso3, slug] if slug in data.wide(edition).columns else None


def _score(data: IndexData, iso3: str, edition: int, slug: str) -> str:
    score = score_of(data, iso3, edition, slug)
    return f"not assessed in {edition}" if score is None else f"{score:.2f} in {edition}"


def _passage(passage: Passage, data: IndexData) -> html.Li:
    return html.Li([
        chips(passage, data) if passage.links else None,
        html.Blockquote(highlighted(passage.sentence.text, passage.matches), className="mb-1"),
        *cited(passage),
    ], className="oc-excerpt mb-2")


def quoted(term: str, longest: int = 60) -> str:
    """The term as the page repeats it: quoted, and cut short (a request may send any length)."""
    return f"'{cut_short(term, longest)}'"


def results(app: Dash, data: IndexData, narratives: Narratives, term: str) -> tuple:
    """(what the search found, in one announcement; the passages found)"""
    term = " ".join(term.split())
    if not term:
        return None, html.P(["Try ", *[item for example in EXAMPLES for item in (
            dcc.Link(example, href=SearchState(term=example).href(app)), ", ")][:-1],
            "."], className="text-body-secondary")
    if not narratives.documents:
        return dbc.Alert("No profile text is loaded.", color="light"), None
    try:
        found = narratives.search(term)
    except ValueError as exc:
        return dbc.Alert(f"{quoted(term)}: {exc}.", color="warning", className="py-2"), None
    if not found:
        names = "; ".join(d.title for d in narratives.documents)
        return html.P(f"No passage mentions {quoted(term)} in the {len(narratives.documents)} loaded documents "
                      f"({names}).", className="text-body-secondary"), None

    documents = {p.document.name: p.document for p in found}  # each document with a passage found, once
    country_of = {(d.iso3, d.edition): data.wide(d.edition).at[d.iso3, "country"] for d in documents.values()}

    def by_country_and_edition(passage: Passage) -> tuple[str, int]:
        return country_of[passage.document.iso3, passage.document.edition], passage.document.edition

    shown = sorted(found, key=by_country_and_edition)[:MAX_SHOWN]  # each keeping its passages' order
    by_country: dict[tuple[str, int], dict[str, list[Passage]]] = {}
    for passage in shown:
        key = (passage.document.iso3, passage.document.edition)
        indicator = passage.indicators[0] if passage.indicators else UNLINKED
        by_country.setdefault(key, {}).setdefault(indicator, []).append(passage)
    order = {i.slug: n for n, i in enumerate(data.catalogue)}
    passages = f"{len(found)} passage" + ("s" if len(found) != 1 else "")
    cut = f" The first {MAX_SHOWN}, by country, are shown: narrow the term, or download the CSV for every one." \
        if len(found) > MAX_SHOWN else ""
    summary = html.P(f"{passages} in {len(documents)} of {len(narratives.documents)} loaded documents.{cut}",
                     className="small")
    sections = []
    for (iso3, edition), groups in by_country.items():
        name = country_of[iso3, edition]
        blocks = []
        for slug in sorted(groups, key=lambda s: order.get(s, len(order))):
            if slug == UNLINKED:
                header = html.Span("Not linked to an indicator", className="fw-semibold")
            else:
                header = [indicator_link(app, data.catalogue[slug], edition, iso3),
                          html.Span(f"{name}: {_score(data, iso3, edition, slug)}",
                                    className="badge text-bg-light border ms-2")]
            blocks.append(html.Div([html.H3(header, className="h6 mt-2 mb-1"),
                                    html.Ul([_passage(p, data) for p in groups[slug]], className="list-unstyled")]))
        sections.append(dbc.Card([
            dbc.CardHeader([dcc.Link(name, href=country_href(app, iso3, edition), className="fw-semibold"),
                            f" · {edition} documents"], className="py-1"),
            dbc.CardBody(blocks, className="py-1"),
        ], className="mb-3"))
    return summary, sections


def passages_frame(data: IndexData, passages: list[Passage]) -> pd.DataFrame:
    """Every passage found, one row per passage, as the page groups them."""
    rows = []
    for p in passages:
        iso3, edition = p.document.iso3, p.document.edition
        slug = p.indicators[0] if p.indicators else ""
        rows.append({"edition": edition, "iso3": iso3, "country": data.wide(edition).at[iso3, "country"],
                     "document": p.document.name, "title": p.document.title, "section": p.sentence.section, "indicator": slug,
                     "indicator_label": data.catalogue[slug].label if slug else "",
                     "score": score_of(data, iso3, edition, slug),
                     "also_linked_to": ";".join(p.indicators[1:]), "passage": p.sentence.text,
                     "line": p.sentence.line})
    return pd.DataFrame(rows)


def update(app: Dash, store: DataStore, controls: dict):
    return results(app, store.index, store.narratives, SearchState.from_controls(store.index, **controls).term)


def table_rows(store: DataStore, state: SearchState) -> pd.DataFrame:
    """The CSV: every passage found, with the term in every row."""
    try:
        found = store.narratives.search(state.term)
    except ValueError:  # a term the grammar refuses: nothing to download
        raise PreventUpdate from None
    table = passages_frame(store.index, found)
    table.insert(0, "term", state.term)
    return table


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.SEARCH.STATUS, "children"), Output(ids.SEARCH.RESULTS, "children"),
                 inputs={"controls": PAGE.inputs()},
                 )(lambda controls: update(app, store, controls))


PAGE = Page(
    state=SearchState, layout=layout, title=title, register=register, nav=Nav("Search the profiles", group="Insights"),
    controls={"term": (ids.SEARCH.TERM, "value")},
    tables={"table": Table(rows=table_rows, reads=lambda store: store, edition=lambda state: None,
                           name=lambda state: "search_" + re.sub(r"[^a-z0-9]+", "-", state.term.lower()).strip("-"))},
)
