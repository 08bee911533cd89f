"""Pillar drill-down: a country x indicator heat table for a component or thematic group, and what pulls a
selected country's composite up or down."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, dcc, html
from dash.exceptions import PreventUpdate

from figures.pillar import contributions_figure, heat_styles
from ocindex import drilldown as dd
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import charts, grid, ids, registry
from .common import breadcrumbs, country_href, hidden_label, notice, radios
from .registry import Nav, Page, Table
from .urlstate import Country, Edition, Group, Kind, PageState, param


def available_editions(data: IndexData, pillar: dd.Pillar) -> tuple[int, ...]:
    return tuple(e for e in data.editions if any(i.slug in pillar.members for i in data.indicators(e)))


@dataclass(frozen=True)
class PillarInPath(Kind):
    """The pillar or thematic group a path names (`/pillar/drugs`)."""

    def parse(self, raw, data, values):
        if raw in dd.pillars(data):
            return raw
        raise ValueError("There is no pillar or thematic group with that name.")

    def check(self, value, data, values):
        if not isinstance(value, str) or value not in dd.pillars(data):
            raise PreventUpdate
        return value

    def example(self, data):
        return next(iter(dd.pillars(data)))


def assessing(data: IndexData, values) -> tuple[int, ...]:
    return available_editions(data, dd.pillars(data)[values["slug"]])


@dataclass(frozen=True)
class PillarState(PageState, name="pillar", path="/pillar/<slug>"):
    slug: str = param(PillarInPath(), path=True)
    edition: int = param(Edition(allowed=assessing), always=True)
    continents: tuple[str, ...] = param(Group("continent"), key="continent", default=())
    regions: tuple[str, ...] = param(Group("region"), key="region", default=())
    country: str | None = param(Country(), default=None)


def title(state: PillarState, data: IndexData) -> str:
    return f"{dd.pillars(data)[state.slug].label} — Pillar"


def menu(data: IndexData) -> list[tuple[str, str | None]]:
    return [(p.label, PillarState.path_to(slug=p.slug)) for p in dd.pillars(data).values()]


def layout(app: Dash, store: DataStore, state: PillarState, notices: list[str]):
    data = store.index
    slug = state.slug
    pillar = dd.pillars(data)[slug]
    table = data.wide(state.edition)
    links = [dbc.NavItem(dbc.NavLink(p.label, href=app.get_relative_path(PillarState.path_to(slug=p.slug)), active=p.slug == slug))
             for p in dd.pillars(data).values()]
    # The first view comes with the page (built once per URL and cached): the callbacks below run only when a
    # control changes, or the projector styles the chart.
    rows, columns, absent = table_of(data, state)
    return dbc.Container([
        dcc.Store(id=ids.PILLAR.SLUG, data=slug),
        breadcrumbs(app, [("Quadrant", "/"), (pillar.label, None)]),
        notice(ids.PILLAR.NOTICE, notices),
        dbc.Nav(links, pills=True, className="small mb-2 flex-wrap"),
        dbc.Row([
            dbc.Col(html.H1(pillar.label, className="h3 mb-0"), lg=4),
            dbc.Col([hidden_label("Edition", ids.PILLAR.EDITION),
                     radios(ids.PILLAR.EDITION, options=[{"label": str(e), "value": e}
                                                         for e in available_editions(data, pillar)],
                            value=state.edition, inline=True)], width="auto"),
            dbc.Col([hidden_label("Continent", ids.PILLAR.CONTINENT),
                     dcc.Dropdown(id=ids.PILLAR.CONTINENT, options=sorted(table["continent"].unique()),
                                  value=list(state.continents), multi=True, placeholder="All continents")], lg=2),
            dbc.Col([hidden_label("Region", ids.PILLAR.REGION),
                     dcc.Dropdown(id=ids.PILLAR.REGION, options=sorted(table["region"].unique()),
                                  value=list(state.regions), multi=True, placeholder="All regions")], lg=2),
            dbc.Col([hidden_label("Country", ids.PILLAR.COUNTRY),
                     dcc.Dropdown(id=ids.PILLAR.COUNTRY, value=state.country, placeholder="Select a country…",
                                  options=[{"label": n, "value": i} for i, n in zip(table.index, table["country"])])],
                    lg=2),
        ], className="g-2 align-items-center mb-2"),
        html.Div(absent, id=ids.PILLAR.ABSENT),
        dbc.Row([
            dbc.Col(dbc.Card([
                registry.csv_header("Scores (click a column title to sort, a row to select its country)",
                                    PillarState.name),
                grid.grid(ids.PILLAR.TABLE, columns, rows, height="65vh", options={
                    "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": False},
                    "tooltipShowDelay": 300}),
            ]), lg=7),
            dbc.Col(html.Div(selected_panel(app, data, state.edition, slug, state.country), id=ids.PILLAR.SELECTED),
                    lg=5),
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
    columns = [grid.text("country", "Country", pinned="left", width=150),
               grid.fill(grid.text("region", "Region"), 150)] + [
        # Wide enough for the longest word of a header ("racketeering"): narrower, words broke mid-word.
        grid.number(c, data.catalogue[c].label, headerTooltip=data.catalogue[c].definition, cellStyle=heat,
                    width=128, **grid.WRAPPED_HEADER) for c in score_columns]
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


def update_table(data: IndexData, controls: dict) -> tuple:
    return table_of(data, PillarState.from_controls(data, **controls))


def table_of(data: IndexData, state: PillarState) -> tuple:
    """The grid's rows and columns, and the note on indicators the edition does not assess."""
    rows, columns = table_content(data, state.edition, state.slug, state.continents, state.regions)
    return grid.records(rows), columns, absent_note(data, state.edition, state.slug)


def update_selected(app: Dash, data: IndexData, controls: dict, present):
    state = PillarState.from_controls(data, **controls)
    return selected_panel(app, data, state.edition, state.slug, state.country, present is True)


def register(app: Dash, store: DataStore) -> None:
    # The page comes with its first view (see layout): these run when a control changes or presentation mode does.
    app.callback(Output(ids.PILLAR.TABLE, "rowData"), Output(ids.PILLAR.TABLE, "columnDefs"),
                 Output(ids.PILLAR.ABSENT, "children"),
                 inputs={"controls": PAGE.inputs("edition", "continents", "regions", state=("slug",))},
                 prevent_initial_call=True)(lambda controls: update_table(store.index, controls))
    app.callback(Output(ids.PILLAR.COUNTRY, "value"), Input(ids.PILLAR.TABLE, "cellClicked"),
                 prevent_initial_call=True)(lambda cell: grid.clicked_row(cell, set(store.index.tidy["iso3"])))
    grid.mark_selected(app, ids.PILLAR.TABLE, ids.PILLAR.COUNTRY)
    app.callback(Output(ids.PILLAR.SELECTED, "children"),
                 inputs={"controls": PAGE.inputs("edition", "country", state=("slug",)),
                         "present": Input(ids.SHELL.PRESENT, "data")},
                 prevent_initial_call=True)(lambda controls, present: update_selected(app, store.index, controls, present))


PAGE = Page(
    state=PillarState, layout=layout, title=title, register=register, nav=Nav("Pillars", items=menu),
    controls={"slug": (ids.PILLAR.SLUG, "data"), "edition": (ids.PILLAR.EDITION, "value"),
              "continents": (ids.PILLAR.CONTINENT, "value"), "regions": (ids.PILLAR.REGION, "value"),
              "country": (ids.PILLAR.COUNTRY, "value")},
    tables={"table": Table(rows=lambda data, state: table_content(data, state.edition, state.slug, state.continents,
                                                                  state.regions)[0], name=lambda state: state.slug)},
)
