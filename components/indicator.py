"""Indicator drill-down: one indicator (or composite) across all countries of an edition."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from figures.indicator import choropleth, spread
from ocindex import drilldown as dd
from ocindex.catalogue import COMPOSITE_OF_COMPONENT, Indicator
from ocindex.comparability import region_notes
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase
from ocindex.store import DataStore

from . import charts, grid, ids, narrative, registry
from .common import (
    breadcrumbs,
    change_text,
    clicked_country,
    country_href,
    country_options,
    global_rank,
    hidden_label,
    notice,
    path_table,
    radios,
)
from .registry import Nav, Page, Table
from .urlstate import Choice, Country, Edition, Kind, PageState, href, param, path

LEVELS = {"continent": "By continent", "region": "By region"}
MENU = ("criminality", "criminal markets", "criminal actors", "resilience")  # the navbar's groups, in this order


def editions_of(data: IndexData, slug: str) -> tuple[int, ...]:
    return tuple(e for e in data.editions if data.assesses(e, slug))


@dataclass(frozen=True)
class IndicatorInPath(Kind):
    """The indicator or composite a path names (`/indicator/cocaine-trade`): one some edition assesses."""

    def parse(self, raw, data, values):
        if raw in data.catalogue and editions_of(data, raw):
            return raw
        raise ValueError("There is no indicator with that name.")

    def check(self, value, data, values):
        if not isinstance(value, str) or value not in data.catalogue or not editions_of(data, value):
            raise PreventUpdate
        return value

    def example(self, data):
        return data.indicators(data.latest)[0].slug


@dataclass(frozen=True)
class AssessedEdition(Edition):
    """An edition that assesses the indicator; the notice says which do."""

    def choices(self, data, values):
        return editions_of(data, values["slug"])

    def parse(self, raw, data, values):
        try:
            return super().parse(raw, data, values)
        except ValueError:
            allowed = self.choices(data, values)
            raise ValueError(f"{data.catalogue[values['slug']].label} is not assessed in the {raw} edition (it is in "
                             f"{', '.join(map(str, allowed))}); showing {allowed[-1]}.") from None


@dataclass(frozen=True)
class IndicatorState(PageState, name="indicator", path="/indicator/<slug>"):
    slug: str = param(IndicatorInPath(), path=True)
    edition: int = param(AssessedEdition(), always=True)
    country: str | None = param(Country(), default=None)
    level: str = param(Choice(tuple(LEVELS), "Spread"), key="by", default="continent")


def title(state: IndicatorState, data: IndexData) -> str:
    return f"{data.catalogue[state.slug].label} — Indicator"


def menu(data: IndexData) -> list[tuple[str, str | None]]:
    """The Indicators menu: each group's name, then its indicators."""
    items = []
    for component in MENU:
        items.append((component.capitalize(), None))
        items += [(i.label, IndicatorState.path_to(slug=i.slug)) for i in data.catalogue if i.component == component]
    return items


def parent_trail(data: IndexData, indicator: Indicator) -> list[tuple[str, str | None]]:
    """Quadrant > pillar (and group) > indicator."""
    trail = [("Quadrant", "/")]
    if not indicator.is_composite:
        composite = COMPOSITE_OF_COMPONENT[indicator.component]
        trail.append((data.catalogue[composite].label, path("pillar", slug=composite)))
        if indicator.group:
            group = dd.pillars(data)
            slug = next(p.slug for p in group.values() if p.label == indicator.group)
            trail.append((indicator.group, path("pillar", slug=slug)))
    return trail + [(indicator.label, None)]


def layout(app: Dash, store: DataStore, state: IndicatorState, notices: list[str]):
    data = store.index
    slug, edition = state.slug, state.edition
    indicator = data.catalogue[slug]
    options = [{"label": i.label, "value": i.slug} for i in data.catalogue if editions_of(data, i.slug)]
    # The first view comes with the page (built once per URL and cached): the callbacks below run only when a
    # control changes, or the projector styles the charts.
    world, by_group, by_group_note = figures_of(data, state, False)
    summary, rows, columns = ranking_of(app, data, state)
    selected, excerpts = selected_of(app, store, state)
    return dbc.Container([
        # Another indicator is another page. A callback whose output (the shell's location) is in the layout before
        # its input fires when the input arrives, prevent_initial_call or not: this one comes with the page.
        dcc.Location(id=ids.INDICATOR.NAV, refresh="callback-nav"),
        dcc.Store(id=ids.INDICATOR.SLUG, data=slug),
        breadcrumbs(app, parent_trail(data, indicator)),
        notice(ids.INDICATOR.NOTICE, notices),
        dbc.Row([
            dbc.Col([
                html.H1(indicator.label, className="h3 mb-1"),
                html.P(indicator.definition, className="text-body-secondary mb-2"),
            ], lg=6),
            dbc.Col([
                dbc.Label("Edition", html_for=ids.INDICATOR.EDITION, className="small fw-semibold mb-0"),
                radios(ids.INDICATOR.EDITION, options=[{"label": str(e), "value": e}
                                                           for e in editions_of(data, slug)],
                       value=edition, inline=True),
            ], lg=2),
            dbc.Col([
                dbc.Label("Country", html_for=ids.INDICATOR.COUNTRY, className="small fw-semibold mb-0"),
                dcc.Dropdown(id=ids.INDICATOR.COUNTRY, options=country_options(data, store.narratives),
                             value=state.country, placeholder="Search a country…"),
            ], lg=2),
            dbc.Col([
                dbc.Label("Another indicator", html_for=ids.INDICATOR.JUMP, className="small fw-semibold mb-0"),
                dcc.Dropdown(id=ids.INDICATOR.JUMP, options=options, value=slug, clearable=False),
            ], lg=2),
        ], className="g-2 align-items-end mb-2"),
        html.Div(summary, id=ids.INDICATOR.SUMMARY, className="mb-2"),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader("Map", className="py-1 fw-semibold"),
                charts.graph(ids.INDICATOR.MAP, "the map", world, loading=True, style={"height": "420px"},
                             config={"topojsonURL": app.get_relative_path("/vendor/topojson/")}),
                html.P("Small island states too small for the map are in the ranking.",
                       className="small text-body-secondary px-2 mb-1"),
            ]), lg=7),
            dbc.Col(dbc.Card([
                registry.csv_header("Ranking", IndicatorState.name),
                ranking_grid(columns, rows),
            ]), lg=5),
        ], className="g-3 mb-3"),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader(dbc.Row([
                    dbc.Col("Spread", className="fw-semibold"),
                    dbc.Col([hidden_label("Spread", ids.INDICATOR.LEVEL),
                             radios(ids.INDICATOR.LEVEL, options=[{"label": v, "value": k} for k, v in LEVELS.items()],
                                    value=state.level, inline=True, className="small")], width="auto"),
                ]), className="py-1"),
                charts.graph(ids.INDICATOR.SPREAD, "the spread chart", by_group),
                html.P(by_group_note, id=ids.INDICATOR.SPREAD_NOTE, className="small text-body-secondary px-2 mb-1"),
            ]), lg=7),
            dbc.Col([html.Div(selected, id=ids.INDICATOR.SELECTED, className="mb-3"),
                     narrative.card(ids.INDICATOR.NARRATIVE, excerpts)], lg=5),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def summary_cards(data: IndexData, edition: int, slug: str):
    figures = dd.summary(data, edition, slug)
    cards = [("Countries", f"{figures['countries']}"), ("Global mean", f"{figures['mean']:.2f}"),
             ("Global median", f"{figures['median']:.2f}"),
             (f"Scoring {dd.HIGH_SCORE:g} or more", f"{figures['high']}")]
    return dbc.Row([dbc.Col(dbc.Card(dbc.CardBody([
        html.Div(label, className="small text-body-secondary"), html.Div(value, className="fs-4 fw-semibold"),
    ], className="py-2")), xs=6, md=3) for label, value in cards], className="g-2")


def spread_note(data: IndexData, edition: int) -> str | None:
    """How this edition's regions differ from the editions either side, where they do."""
    at = data.editions.index(edition)
    notes = region_notes(data, editions=data.editions[max(0, at - 1):at + 2])
    return notes and "Regions differ between editions: " + " ".join(notes)


def ranking_columns(previous: int | None) -> list[dict]:
    """Rank, country and score first: on a phone they are what shows before the table is scrolled sideways. The
    widths add up to less than the grid's width on a laptop (1280 px), so it does not scroll sideways there, the
    change's header on two lines. The last column names the region, which fits there (with its continent, nearly
    every cell was cut with an ellipsis at 1280 px, and a tablet shows no hover): the continent is in the cell's
    tooltip, and each of the column's filter options applies to either name (assets/dashAgGridFunctions.js). The
    country's and the region's columns share the room left: a name too long for it is whole in its tooltip."""
    columns = [grid.integer("rank", "Rank", width=70),
               grid.fill(grid.link("country", "Country", tooltipField="country"), 120),
               grid.number("score", "Score", cellClass="fw-semibold", width=80)]
    if previous:
        columns.append(grid.change("change", f"Δ since {previous}", cellClass="small text-body-secondary",
                                   width=90))
    where = {"function": "params.data.region + ' · ' + params.data.continent"}
    return columns + [grid.fill(grid.text("region", "Region", tooltipValueGetter=where, filterValueGetter=where,
                                          filterParams={"textMatcher": {"function": "ocEitherName(params)"}},
                                          cellClass="small text-body-secondary"), 100)]


def ranking_grid(columns: list[dict], rows: list[dict]):
    """The ranking's grid (ranking_columns, ranking_rows). A click on a row selects its country."""
    return grid.grid(ids.INDICATOR.RANKING, columns, rows, height="470px", header_lines=2, options={
        "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": False}})


def ranking_rows(app: Dash, data: IndexData, edition: int, slug: str) -> list[dict]:
    """Every country, best first, as row data (a few KB: the browser draws the rows in view)."""
    return _ranking_rows(app, data, edition, slug)


@lru_cache(maxsize=64)
def _ranking_rows(app: Dash, data: IndexData, edition: int, slug: str) -> list[dict]:
    rows = dd.ranked(data, edition, slug)
    return grid.records(pd.DataFrame({
        "iso3": rows["iso3"], "rank": rows["rank_global"].astype(int), "country": rows["country"],
        "href": [country_href(app, iso3, edition) for iso3 in rows["iso3"]],
        "region": rows["region"], "continent": rows["continent"], "score": rows["score"],
        # Rounded here so that the browser's two decimals are the workbook's (no binary-rounding ties).
        "change": rows["change"].round(2)}))


def selected_card(app: Dash, data: IndexData, edition: int, slug: str, iso3: str | None):
    if iso3 is None:
        return dbc.Card(dbc.CardBody(html.P("Click a country on the map or in the spread, or search one, to see "
                                            "its score and ranks here.", className="small text-body-secondary mb-0")))
    rows = dd.ranked(data, edition, slug)
    row = rows[rows["iso3"] == iso3].iloc[0]
    previous = data.previous_edition(edition)
    path = dd.country_path(data, iso3, (slug,))
    return dbc.Card(dbc.CardBody([
        html.H2(row["country"], className="h5 mb-0"),
        html.Div(f"{row['continent']} · {row['region']}", className="small text-body-secondary mb-2"),
        html.Div([html.Span(f"{row['score']:.2f}", className="fs-3 fw-semibold me-2"),
                  html.Span(f"({change_text(row['change'], previous)} since {previous})" if previous else "",
                            className="text-body-secondary")]),
        html.Ul([html.Li(global_rank(row, previous)),
                 html.Li(rank_phrase(row["rank_continent"], row["n_continent"], row["continent"])),
                 html.Li(rank_phrase(row["rank_region"], row["n_region"], row["region"]))], className="mb-2"),
        html.Div("Across editions", className="small fw-semibold"),
        path_table(data, path) if path["edition"].nunique() > 1 else html.P(
            f"Assessed in {edition} only.", className="small text-body-secondary"),
        dcc.Link(f"Open {row['country']}'s profile →", className="d-inline-block mt-2", href=href(
            app, "country", iso3=iso3, edition=edition, trail=None if data.catalogue[slug].is_composite else slug)),
    ]), className="oc-selected")


def select_country(data: IndexData, clicked: str | None, map_click, spread_click, cell) -> str:
    """The country a click on the map, the spread or a ranking row (`clicked`: which of them) selects."""
    if clicked == ids.INDICATOR.RANKING:
        return grid.clicked_row(cell, set(data.tidy["iso3"]))
    return clicked_country(map_click if clicked == ids.INDICATOR.MAP else spread_click)


def update_figures(data: IndexData, controls: dict, present) -> tuple:
    return figures_of(data, IndicatorState.from_controls(data, **controls), present)


def figures_of(data: IndexData, state: IndicatorState, present) -> tuple:
    """The map, the spread and its note."""
    slug, edition, country, level = state.slug, state.edition, state.country, state.level
    indicator = data.catalogue[slug]
    rows = dd.ranked(data, edition, slug)
    return (charts.finish(choropleth(rows, indicator, country), present, slug, "map", country, edition),
            charts.finish(spread(rows, indicator, level, country), present, slug, "by", level, country, edition),
            spread_note(data, edition) if level == "region" else None)


def update_ranking(app: Dash, data: IndexData, controls: dict) -> tuple:
    return ranking_of(app, data, IndicatorState.from_controls(data, **controls))


def ranking_of(app: Dash, data: IndexData, state: IndicatorState) -> tuple:
    """The summary figures, the ranking's rows and columns."""
    return (summary_cards(data, state.edition, state.slug), ranking_rows(app, data, state.edition, state.slug),
            ranking_columns(data.previous_edition(state.edition)))


def update_selected(app: Dash, store: DataStore, controls: dict) -> tuple:
    return selected_of(app, store, IndicatorState.from_controls(store.index, **controls))


def selected_of(app: Dash, store: DataStore, state: IndicatorState) -> tuple:
    """The selected country's card and the profile passages (the country's on the indicator, or everyone's)."""
    data, narratives = store.index, store.narratives
    slug, edition, country = state.slug, state.edition, state.country
    excerpts = (narrative.for_country(narratives, data, country, edition, slug) if country
                else narrative.for_indicator(narratives, data, slug, edition))
    return selected_card(app, data, edition, slug, country), excerpts


def jump(app: Dash, data: IndexData, target, controls: dict):
    """Another indicator's page, keeping the edition where it assesses that one, and the country."""
    state = IndicatorState.from_controls(data, **controls)
    if not isinstance(target, str) or target == state.slug or not (editions := editions_of(data, target)):
        return no_update
    edition = state.edition if state.edition in editions else editions[-1]
    return IndicatorState(slug=target, edition=edition, country=state.country).href(app)


def register(app: Dash, store: DataStore) -> None:
    # The page comes with its first view (see layout): these run when a control changes or presentation mode does.
    app.callback(Output(ids.INDICATOR.COUNTRY, "value"), Input(ids.INDICATOR.MAP, "clickData"),
                 Input(ids.INDICATOR.SPREAD, "clickData"), Input(ids.INDICATOR.RANKING, "cellClicked"),
                 prevent_initial_call=True,
                 )(lambda *clicks: select_country(store.index, ctx.triggered_id, *clicks))
    app.callback(Output(ids.INDICATOR.MAP, "figure"), Output(ids.INDICATOR.SPREAD, "figure"),
                 Output(ids.INDICATOR.SPREAD_NOTE, "children"),
                 inputs={"controls": PAGE.inputs("edition", "country", "level", state=("slug",)),
                         "present": Input(ids.SHELL.PRESENT, "data")},
                 prevent_initial_call=True)(lambda controls, present: update_figures(store.index, controls, present))
    app.callback(Output(ids.INDICATOR.SUMMARY, "children"), Output(ids.INDICATOR.RANKING, "rowData"),
                 Output(ids.INDICATOR.RANKING, "columnDefs"),
                 inputs={"controls": PAGE.inputs("edition", state=("slug",))},
                 prevent_initial_call=True)(lambda controls: update_ranking(app, store.index, controls))
    app.callback(Output(ids.INDICATOR.SELECTED, "children"), Output(ids.INDICATOR.NARRATIVE, "children"),
                 inputs={"controls": PAGE.inputs("edition", "country", state=("slug",))},
                 prevent_initial_call=True)(lambda controls: update_selected(app, store, controls))
    grid.mark_selected(app, ids.INDICATOR.RANKING, ids.INDICATOR.COUNTRY)
    app.callback(Output(ids.INDICATOR.NAV, "href"),
                 inputs={"target": Input(ids.INDICATOR.JUMP, "value"),
                         "controls": PAGE.inputs("slug", "edition", "country", kind=State)},
                 prevent_initial_call=True)(lambda target, controls: jump(app, store.index, target, controls))


PAGE = Page(
    state=IndicatorState, layout=layout, title=title, register=register, nav=Nav("Indicators", items=menu),
    controls={"slug": (ids.INDICATOR.SLUG, "data"), "edition": (ids.INDICATOR.EDITION, "value"),
              "country": (ids.INDICATOR.COUNTRY, "value"), "level": (ids.INDICATOR.LEVEL, "value")},
    tables={"table": Table(rows=lambda data, state: dd.ranked(data, state.edition, state.slug).drop(columns="edition"),
                           name=lambda state: state.slug)},
)
