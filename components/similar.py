"""Countries like this: `/similar/PER?edition=2023&by=criminal+markets` — nearest neighbours in indicator space,
what makes them alike and what sets them apart, and the country's standing in its region and continent."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Output, dcc, html

from ocindex import neighbours as nb
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import ids, registry
from .common import breadcrumbs, country_href, notice, radios, scroll_box
from .registry import Nav, Page, Table
from .urlstate import Choice, CountryInPath, Edition, PageState, country_editions, href, param, path

SHOWN = 5


@dataclass(frozen=True)
class SimilarState(PageState, name="similar", path="/similar/<iso3>"):
    iso3: str = param(CountryInPath(), path=True)
    edition: int = param(Edition(allowed=country_editions), always=True)
    scope: str = param(Choice(tuple(nb.SCOPES), "Set of indicators"), key="by", default="all")


def title(state: SimilarState, data: IndexData) -> str:
    return f"Countries like {data.wide(state.edition).loc[state.iso3, 'country']}"


def layout(app: Dash, store: DataStore, state: SimilarState, notices: list[str]):
    data = store.index
    iso3 = state.iso3
    name = data.wide(state.edition).loc[iso3, "country"]
    return dbc.Container([
        dcc.Store(id=ids.SIMILAR.ISO3, data=iso3),
        breadcrumbs(app, [("Quadrant", "/"), (name, path("country", iso3=iso3)), ("Countries like this", None)]),
        notice(ids.SIMILAR.NOTICE, notices),
        html.H1(f"Countries like {name}", className="h3 mb-1"),
        html.P("Nearest in indicator space: every indicator standardised over all countries of the edition, distance "
               "the root mean square of the differences (0 = identical profiles; two countries picked at random "
               "are about 1.4 apart). Our computation from GI-TOC's scores.", className="text-body-secondary"),
        dbc.Row([
            dbc.Col([dbc.Label("Edition", html_for=ids.SIMILAR.EDITION, className="small fw-semibold mb-0"),
                     radios(ids.SIMILAR.EDITION, value=state.edition, inline=True, options=[
                         {"label": str(e), "value": e} for e in country_editions(data, {"iso3": iso3})])], width="auto"),
            dbc.Col([dbc.Label("Alike on", html_for=ids.SIMILAR.SCOPE, className="small fw-semibold mb-0"),
                     radios(ids.SIMILAR.SCOPE, options=[{"label": v, "value": k} for k, v in nb.SCOPES.items()],
                            value=state.scope, inline=True)], width="auto"),
        ], className="g-3 mb-2"),
        dbc.Row([
            dbc.Col([html.Div(id=ids.SIMILAR.LIST),
                     html.Div(registry.csv_button(SimilarState.name, "neighbours"),
                              className="d-flex justify-content-end mt-1")],
                    lg=6),
            dbc.Col(dbc.Card([
                registry.csv_header("Standing among peers", SimilarState.name, "standing"),
                scroll_box("Standing among peers", id=ids.SIMILAR.PEERS, className="oc-ranking"),
            ]), lg=6),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def _reason(data: IndexData, entries, name: str, other: str) -> str:
    return "; ".join(f"{data.catalogue[slug].label} ({name} {mine:.1f}, {other} {theirs:.1f})"
                     for slug, mine, theirs in entries)


def neighbour_list(app: Dash, data: IndexData, edition: int, iso3: str, scope: str):
    name = data.wide(edition).loc[iso3, "country"]
    found = nb.nearest(data, edition, iso3, scope, SHOWN)
    compare = href(app, "compare", edition=edition, countries=(iso3, *[n.iso3 for n in found[:4]]))
    items = [
        dbc.ListGroupItem([
            html.Div([dcc.Link(n.country, href=country_href(app, n.iso3, edition), className="fw-semibold"),
                      html.Span(f"distance {n.distance:.2f}", className="ms-auto small text-body-secondary")],
                     className="d-flex"),
            html.Div([html.Span("Alike: ", className="fw-semibold"), _reason(data, n.alike, name, n.country)],
                     className="small"),
            html.Div([html.Span("Apart: ", className="fw-semibold"), _reason(data, n.apart, name, n.country)],
                     className="small"),
        ])
        for n in found
    ]
    return dbc.Card([
        dbc.CardHeader([html.Span(f"The {SHOWN} nearest to {name}", className="fw-semibold me-auto"),
                        dcc.Link("Compare the first four side by side →", href=compare, className="small")],
                       className="py-1 d-flex"),
        dbc.ListGroup(items, flush=True),
    ])


def neighbours_frame(data: IndexData, edition: int, iso3: str, scope: str) -> pd.DataFrame:
    """The neighbour list as a table: what the page shows, for download."""
    name = data.wide(edition).loc[iso3, "country"]
    return pd.DataFrame([{
        "iso3": iso3, "country": name, "alike_on": nb.SCOPES[scope], "place": place, "neighbour_iso3": n.iso3,
        "neighbour": n.country, "distance": round(n.distance, 4), "alike": _reason(data, n.alike, name, n.country),
        "apart": _reason(data, n.apart, name, n.country),
    } for place, n in enumerate(nb.nearest(data, edition, iso3, scope, SHOWN), start=1)])


def peers_table(data: IndexData, edition: int, iso3: str, scope: str):
    row = data.wide(edition).loc[iso3]
    table = nb.peer_standing(data, edition, iso3, scope)
    head = html.Thead(html.Tr([html.Th("Indicator"), html.Th(row["country"], className="text-end"),
                               html.Th(f"{row['region']} median", className="text-end"),
                               html.Th("percentile", className="text-end"),
                               html.Th(f"{row['continent']} median", className="text-end"),
                               html.Th("percentile", className="text-end")]))
    body = [html.Tr([html.Td(r["label"]), html.Td(f"{r['score']:.1f}", className="text-end fw-semibold"),
                     html.Td(f"{r['region_median']:.2f}", className="text-end"),
                     html.Td(f"{r['region_percentile']:.0f}", className="text-end"),
                     html.Td(f"{r['continent_median']:.2f}", className="text-end"),
                     html.Td(f"{r['continent_percentile']:.0f}", className="text-end")])
            for r in table.to_dict("records")]
    sizes = table.iloc[0]
    return [html.P(f"Percentile: the share of the other {sizes['region_size'] - 1} countries of {row['region']} (or "
                   f"{sizes['continent_size'] - 1} of {row['continent']}) scoring lower, ties counted half.",
                   className="small text-body-secondary px-2 pt-2 mb-1"),
            dbc.Table([head, html.Tbody(body)], size="sm", hover=True, className="mb-0 small")]


def standing_frame(data: IndexData, state: SimilarState) -> pd.DataFrame:
    """The standing among peers, for download."""
    table = nb.peer_standing(data, state.edition, state.iso3, state.scope)
    table.insert(0, "iso3", state.iso3)
    return table


def update(app: Dash, data: IndexData, controls: dict) -> tuple:
    state = SimilarState.from_controls(data, **controls)
    return (neighbour_list(app, data, state.edition, state.iso3, state.scope),
            peers_table(data, state.edition, state.iso3, state.scope))


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.SIMILAR.LIST, "children"), Output(ids.SIMILAR.PEERS, "children"),
                 inputs={"controls": PAGE.inputs("edition", "scope", state=("iso3",))},
                 )(lambda controls: update(app, store.index, controls))


PAGE = Page(
    state=SimilarState, layout=layout, title=title, register=register,
    nav=Nav("Countries like this", group="Insights", example={"iso3": "PER"}),
    controls={"iso3": (ids.SIMILAR.ISO3, "data"), "edition": (ids.SIMILAR.EDITION, "value"),
              "scope": (ids.SIMILAR.SCOPE, "value")},
    tables={"neighbours": Table(rows=lambda data, state: neighbours_frame(data, state.edition, state.iso3, state.scope),
                                name=lambda state: f"{state.iso3}_neighbours_{state.scope.replace(' ', '-')}"),
            "standing": Table(rows=standing_frame, name=lambda state: f"{state.iso3}_peer-standing")},
)
