"""Pillar drill-down: a country x indicator heat table for a component or thematic group, and what pulls a
selected country's composite up or down."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from figures.pillar import contributions_figure, heat_styles
from ocindex import drilldown as dd
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import charts, downloads, grid, ids
from .common import (
    breadcrumbs,
    checked_country,
    checked_edition,
    checked_list,
    country_href,
    country_param,
    edition_param,
    not_found,
    notice,
)
from .shell import Page


def available_editions(data: IndexData, pillar: dd.Pillar) -> tuple[int, ...]:
    return tuple(e for e in data.editions if any(i.slug in pillar.members for i in data.indicators(e)))


def checked_pillar(slug, edition, data: IndexData) -> tuple[str, int]:
    pillar = dd.pillars(data).get(slug) if isinstance(slug, str) else None
    if pillar is None:
        raise PreventUpdate
    return slug, checked_edition(edition, data, available_editions(data, pillar))


def filter_values(query, key: str, known: set[str]) -> tuple[list[str], list[str]]:
    asked = query.get(key) or []
    unknown = [a for a in asked if a not in known]
    notes = [f"Unknown {key} {', '.join(repr(u) for u in unknown)}: ignored."] if unknown else []
    return [a for a in dict.fromkeys(asked) if a in known], notes


def layout(app: Dash, store: DataStore, query, slug: str):
    data = store.index
    pillar = dd.pillars(data).get(slug)
    if pillar is None:
        return not_found(app, f"/pillar/{slug}", "There is no pillar or thematic group with that name.")
    available = available_editions(data, pillar)
    edition, notices = edition_param(query, data, available)
    country, more = country_param(query, data, edition)
    table = data.wide(edition)
    continents, more2 = filter_values(query, "continent", set(table["continent"]))
    regions, more3 = filter_values(query, "region", set(table["region"]))
    links = [dbc.NavItem(dbc.NavLink(p.label, href=app.get_relative_path(f"/pillar/{p.slug}"), active=p.slug == slug))
             for p in dd.pillars(data).values()]
    return dbc.Container([
        dcc.Location(id=ids.PILLAR.URL, refresh=False),
        dcc.Store(id=ids.PILLAR.SLUG, data=slug),
        breadcrumbs(app, [("Quadrant", "/"), (pillar.label, None)]),
        notice(ids.PILLAR.NOTICE, notices + more + more2 + more3),
        dbc.Nav(links, pills=True, className="small mb-2 flex-wrap"),
        dbc.Row([
            dbc.Col(html.H1(pillar.label, className="h3 mb-0"), lg=4),
            dbc.Col(dbc.RadioItems(id=ids.PILLAR.EDITION, options=[{"label": str(e), "value": e} for e in available],
                                   value=edition, inline=True), width="auto"),
            dbc.Col(dcc.Dropdown(id=ids.PILLAR.CONTINENT, options=sorted(table["continent"].unique()), value=continents,
                                 multi=True, placeholder="All continents"), lg=2),
            dbc.Col(dcc.Dropdown(id=ids.PILLAR.REGION, options=sorted(table["region"].unique()), value=regions,
                                 multi=True, placeholder="All regions"), lg=2),
            dbc.Col(dcc.Dropdown(id=ids.PILLAR.COUNTRY, value=country, placeholder="Select a country…",
                                 options=[{"label": n, "value": i} for i, n in zip(table.index, table["country"])]),
                    lg=2),
        ], className="g-2 align-items-center mb-2"),
        html.Div(id=ids.PILLAR.ABSENT),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader([html.Span("Scores (click a column title to sort, a row to select its country)",
                                          className="small me-auto"),
                                downloads.button(ids.PILLAR.CSV, ids.PILLAR.CSV_FILE)], className="py-1 d-flex"),
                grid.grid(ids.PILLAR.TABLE, [], height="65vh", options={
                    "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": False},
                    "tooltipShowDelay": 300}),
            ]), lg=7),
            dbc.Col(html.Div(id=ids.PILLAR.SELECTED), lg=5),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def table_content(data: IndexData, edition: int, slug: str, continents, regions) -> tuple[pd.DataFrame, list[dict]]:
    """The heat table's rows (highest composite first) and its grid columns."""
    pillar = dd.pillars(data)[slug]
    matrix, present = dd.pillar_matrix(data, edition, pillar)
    if continents:
        matrix = matrix[matrix["continent"].isin(continents)]
    if regions:
        matrix = matrix[matrix["region"].isin(regions)]
    score_columns = [pillar.composite] + [i.slug for i in present]
    heat = heat_styles(data.catalogue[pillar.composite].pillar)
    columns = [grid.text("country", "Country", pinned="left", minWidth=150),
               grid.text("region", "Region", minWidth=150)] + [
        grid.number(c, data.catalogue[c].label, headerTooltip=data.catalogue[c].definition, cellStyle=heat,
                    minWidth=96) for c in score_columns]
    return matrix.sort_values([pillar.composite, "country"], ascending=[False, True]), columns


def absent_note(data: IndexData, edition: int, slug: str):
    pillar = dd.pillars(data)[slug]
    present = {i.slug for i in data.indicators(edition)}
    absent = [data.catalogue[m].label for m in pillar.members if m not in present]
    if not absent:
        return None
    return dbc.Alert(f"Not assessed in {edition}: {', '.join(absent)}. Left out, not counted as zero.",
                     color="light", className="py-1 small mb-2")


def selected_panel(app: Dash, data: IndexData, edition: int, slug: str, iso3: str | None, present: bool = False):
    if iso3 is None:
        return dbc.Card(dbc.CardBody(html.P("Select a country to see which indicators pull its score up or down "
                                            "against its region and the world.", className="small mb-0")))
    pillar = dd.pillars(data)[slug]
    row = data.wide(edition).loc[iso3]
    contributions = dd.contributions(data, edition, pillar, iso3)
    return dbc.Card([
        dbc.CardHeader([html.Span(row["country"], className="fw-semibold"),
                        html.Span(f" · {data.catalogue[pillar.composite].label} {row[pillar.composite]:.2f}",
                                  className="text-body-secondary")], className="py-1"),
        charts.graph(ids.PILLAR.CONTRIBUTIONS, "the chart", charts.finish(
            contributions_figure(contributions, row["country"], row["region"]), present, slug, iso3, edition)),
        html.P("Bars right of zero: the country scores above the mean"
               + (" (more crime)." if pillar.composite != "resilience" else " (more resilience)."),
               className="small text-body-secondary px-2 mb-1"),
        dcc.Link(f"Open {row['country']}'s profile →", href=country_href(app, iso3, edition), className="px-2 pb-2"),
    ])


def register(app: Dash, store: DataStore) -> None:
    @app.callback(Output(ids.PILLAR.TABLE, "rowData"), Output(ids.PILLAR.TABLE, "columnDefs"), Output(ids.PILLAR.ABSENT, "children"),
                  Input(ids.PILLAR.EDITION, "value"), Input(ids.PILLAR.CONTINENT, "value"), Input(ids.PILLAR.REGION, "value"),
                  State(ids.PILLAR.SLUG, "data"))
    def update_table(edition, continents, regions, slug):
        slug, edition = checked_pillar(slug, edition, store.index)
        table = store.index.wide(edition)
        continents = checked_list(continents, set(table["continent"]))
        regions = checked_list(regions, set(table["region"]))
        rows, columns = table_content(store.index, edition, slug, continents, regions)
        return grid.records(rows), columns, absent_note(store.index, edition, slug)

    @app.callback(Output(ids.PILLAR.COUNTRY, "value"), Input(ids.PILLAR.TABLE, "cellClicked"), prevent_initial_call=True)
    def select_from_table(cell):
        return grid.clicked_row(cell, set(store.index.tidy["iso3"]))

    grid.mark_selected(app, ids.PILLAR.TABLE, ids.PILLAR.COUNTRY)

    @app.callback(Output(ids.PILLAR.SELECTED, "children"), Input(ids.PILLAR.EDITION, "value"), Input(ids.PILLAR.COUNTRY, "value"),
                  Input(ids.SHELL.PRESENT, "data"), State(ids.PILLAR.SLUG, "data"))
    def update_selected(edition, country, present, slug):
        slug, edition = checked_pillar(slug, edition, store.index)
        country = checked_country(country, store.index, edition)
        return selected_panel(app, store.index, edition, slug, country, present is True)

    @app.callback(Output(ids.PILLAR.CSV_FILE, "data"), Input(ids.PILLAR.CSV, "n_clicks"), State(ids.PILLAR.EDITION, "value"),
                  State(ids.PILLAR.CONTINENT, "value"), State(ids.PILLAR.REGION, "value"), State(ids.PILLAR.SLUG, "data"),
                  prevent_initial_call=True)
    def download(_clicks, edition, continents, regions, slug):
        slug, edition = checked_pillar(slug, edition, store.index)
        table = store.index.wide(edition)
        rows, _ = table_content(store.index, edition, slug, checked_list(continents, set(table["continent"])),
                                checked_list(regions, set(table["region"])))
        return downloads.csv_file(rows, edition, slug)

    @app.callback(Output(ids.PILLAR.URL, "search"), Input(ids.PILLAR.EDITION, "value"), Input(ids.PILLAR.CONTINENT, "value"),
                  Input(ids.PILLAR.REGION, "value"), Input(ids.PILLAR.COUNTRY, "value"), prevent_initial_call=True)
    def sync_url(edition, continents, regions, country):
        edition = checked_edition(edition, store.index)
        table = store.index.wide(edition)
        continents = checked_list(continents, set(table["continent"]))
        regions = checked_list(regions, set(table["region"]))
        country = checked_country(country, store.index, edition)
        pairs = [("edition", edition)] + [("continent", c) for c in continents or []] + [
            ("region", r) for r in regions or []] + ([("country", country)] if country else [])
        return "?" + urlencode(pairs)


PAGE = Page(pattern=r"/pillar/(?P<slug>[a-z0-9-]+)", layout=layout, kind="Pillar")
