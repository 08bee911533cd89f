"""Compare view: `/compare?countries=PER,COL,MEX&edition=2023` — two to five countries side by side."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from figures.compare import compare_dots
from figures.quadrant import quadrant_figure
from ocindex import quadrant as q
from ocindex.catalogue import COMPOSITE_OF_COMPONENT
from ocindex.compare import MAX_COUNTRIES, MIN_COUNTRIES, comparison
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import charts, downloads, ids
from .common import (
    breadcrumbs,
    change_text,
    checked_edition,
    checked_list,
    country_href,
    country_options,
    edition_param,
    global_rank,
    last,
    notice,
)
from .shell import Page

DEFAULT = ["PER", "COL", "MEX"]
ALL = "all"
PILLARS = {ALL: "All indicators", **{slug: label.capitalize() for label, slug in COMPOSITE_OF_COMPONENT.items()}}


def pillar_param(query) -> tuple[str, list[str]]:
    raw = last(query, "pillar")
    if raw is None or raw in PILLARS:
        return raw or ALL, []
    return ALL, [f"Pillar '{raw}' is unknown: choose one of {', '.join(PILLARS)}; showing all indicators."]


def checked_pillar(value) -> str | None:
    """The composite whose indicators to show, or None for all of them."""
    return value if value in PILLARS and value != ALL else None


def countries_param(query, data: IndexData, edition: int) -> tuple[list[str], list[str]]:
    raw = last(query, "countries")
    if raw is None:
        return DEFAULT, []
    asked = [c.strip().upper() for c in raw.split(",") if c.strip()]
    known = [c for c in dict.fromkeys(asked) if c in data.wide(edition).index][:MAX_COUNTRIES]
    if len(known) < MIN_COUNTRIES:
        return DEFAULT, [f"Countries '{raw}': compare {MIN_COUNTRIES} to {MAX_COUNTRIES} ISO3 codes, such as "
                         f"PER,COL; showing {', '.join(DEFAULT)}."]
    notes = [] if known == asked else [f"Countries '{raw}': kept {', '.join(known)} (known codes, at most "
                                       f"{MAX_COUNTRIES})."]
    return known, notes


def layout(app: Dash, store: DataStore, query):
    data = store.index
    edition, notices = edition_param(query, data)
    countries, more = countries_param(query, data, edition)
    pillar, unknown = pillar_param(query)
    return dbc.Container([
        dcc.Location(id=ids.COMPARE.URL, refresh=False),
        breadcrumbs(app, [("Quadrant", "/"), ("Compare", None)]),
        notice(ids.COMPARE.NOTICE, notices + more + unknown),
        dbc.Row([
            dbc.Col(html.H1("Compare countries", className="h3 mb-0"), width="auto"),
            dbc.Col(dbc.RadioItems(id=ids.COMPARE.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                                   value=edition, inline=True), width="auto"),
            dbc.Col(dcc.Dropdown(id=ids.COMPARE.COUNTRIES, options=country_options(data), value=countries, multi=True,
                                 placeholder=f"Choose {MIN_COUNTRIES} to {MAX_COUNTRIES} countries"), lg=6),
            dbc.Col(downloads.button(ids.COMPARE.CSV, ids.COMPARE.CSV_FILE), width="auto"),
        ], className="align-items-center g-3 mb-2"),
        html.Div([html.Span("Show", className="fw-semibold me-3"),
                  dbc.RadioItems(id=ids.COMPARE.PILLAR, value=pillar, inline=True,
                                 options=[{"label": label, "value": value} for value, label in PILLARS.items()])],
                 className="d-flex flex-wrap align-items-center mb-2"),
        html.Div(id=ids.COMPARE.BODY),
    ], fluid=True, className="py-2")


def body(app: Dash, data: IndexData, edition: int, countries: list[str], pillar: str | None = None,
         present: bool = False):
    if not MIN_COUNTRIES <= len(countries) <= MAX_COUNTRIES:
        return dbc.Alert(f"Choose {MIN_COUNTRIES} to {MAX_COUNTRIES} countries.", color="light")
    rows = comparison(data, edition, countries, pillar)
    points, split = q.placed(data, edition)
    points = points.assign(highlighted=points["iso3"].isin(countries))
    quadrant = quadrant_figure(points, split, edition, labelled=countries)
    quadrant["layout"].update(height=420)
    previous = data.previous_edition(edition)
    names = {r["iso3"]: r["country"] for r in rows.drop_duplicates("iso3").to_dict("records")}
    head = html.Thead(html.Tr([html.Th("Indicator")] + [
        html.Th(dcc.Link(names[c], href=country_href(app, c, edition)), className="text-end") for c in countries]))
    table_rows = []
    for slug, group in rows.groupby("indicator", sort=False):
        cells = {r["iso3"]: r for r in group.to_dict("records")}
        table_rows.append(html.Tr([html.Td(data.catalogue[slug].label)] + [
            html.Td([html.Div(f"{cells[c]['score']:.2f}", className="fw-semibold"),
                     html.Div(global_rank(cells[c], previous), className="small"),
                     html.Div(f"Δ {change_text(cells[c]['change'], previous)} since {previous}" if previous else "",
                              className="small text-body-secondary")], className="text-end")
            for c in countries]))
    return dbc.Row([
        dbc.Col([
            dbc.Card([dbc.CardHeader("On the quadrant", className="py-1 fw-semibold"),
                      charts.graph(ids.COMPARE.QUADRANT, "the quadrant chart",
                                   charts.finish(quadrant, present, "compare-quadrant", *countries, edition))],
                     className="mb-3"),
            dbc.Card([dbc.CardHeader("Scores, ranks and change", className="py-1 fw-semibold"),
                      dbc.Table([head, html.Tbody(table_rows)], size="sm", hover=True,
                                className="mb-0 small oc-sticky-head")]),
            dcc.Link("A briefing deck of these countries →", className="d-inline-block mt-2 oc-no-print",
                     href=app.get_relative_path("/deck") + f"?edition={edition}&countries={','.join(countries)}"),
        ], xl=6),
        dbc.Col(dbc.Card([dbc.CardHeader(PILLARS[pillar] if pillar else "Every indicator",
                                         className="py-1 fw-semibold"),
                          charts.graph(ids.COMPARE.DOTS, "the indicator chart", charts.finish(
                              compare_dots(rows, countries), present, "compare", *countries, edition))]), xl=6),
    ], className="g-3")


def register(app: Dash, store: DataStore) -> None:
    @app.callback(Output(ids.COMPARE.BODY, "children"), Input(ids.COMPARE.EDITION, "value"), Input(ids.COMPARE.COUNTRIES, "value"),
                  Input(ids.COMPARE.PILLAR, "value"), Input(ids.SHELL.PRESENT, "data"))
    def update(edition, countries, pillar, present):
        data = store.index
        edition = checked_edition(edition, data)
        return body(app, data, edition, list(checked_list(countries, set(data.wide(edition).index))),
                    checked_pillar(pillar), present is True)

    @app.callback(Output(ids.COMPARE.CSV_FILE, "data"), Input(ids.COMPARE.CSV, "n_clicks"), State(ids.COMPARE.EDITION, "value"),
                  State(ids.COMPARE.COUNTRIES, "value"), State(ids.COMPARE.PILLAR, "value"), prevent_initial_call=True)
    def download(_clicks, edition, countries, pillar):
        data = store.index
        edition = checked_edition(edition, data)
        countries = list(checked_list(countries, set(data.wide(edition).index)))
        if not MIN_COUNTRIES <= len(countries) <= MAX_COUNTRIES:
            raise PreventUpdate
        rows = comparison(data, edition, countries, checked_pillar(pillar)).drop(columns="edition")
        if (previous := data.previous_edition(edition)) is not None:  # the column says what the change is from
            rows = rows.rename(columns={"change": f"change_since_{previous}"})
        return downloads.csv_file(rows, edition, "compare_" + "-".join(countries))

    @app.callback(Output(ids.COMPARE.URL, "search"), Input(ids.COMPARE.EDITION, "value"), Input(ids.COMPARE.COUNTRIES, "value"),
                  Input(ids.COMPARE.PILLAR, "value"), prevent_initial_call=True)
    def sync_url(edition, countries, pillar):
        data = store.index
        edition = checked_edition(edition, data)
        countries = checked_list(countries, set(data.wide(edition).index))
        if not countries:
            raise PreventUpdate
        query = {"edition": edition, "countries": ",".join(countries)}
        if checked_pillar(pillar):
            query["pillar"] = pillar
        return "?" + urlencode(query, safe=",")


PAGE = Page(pattern=r"/compare", layout=layout)
