"""Indicator drill-down: one indicator (or composite) across all countries of an edition."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

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

from . import charts, downloads, grid, ids, narrative
from .common import (
    breadcrumbs,
    change_text,
    checked_choice,
    checked_country,
    checked_edition,
    clicked_country,
    country_href,
    country_options,
    country_param,
    edition_param,
    global_rank,
    last,
    not_found,
    notice,
    path_table,
)
from .shell import Page

LEVELS = {"continent": "By continent", "region": "By region"}


def editions_of(data: IndexData, slug: str) -> tuple[int, ...]:
    return tuple(e for e in data.editions if any(i.slug == slug for i in data.indicators(e)))


def checked_indicator(slug, edition, data: IndexData) -> tuple[str, int]:
    """A known indicator slug and an edition that has it, or no update."""
    if not isinstance(slug, str) or slug not in data.catalogue:
        raise PreventUpdate
    return slug, checked_edition(edition, data, editions_of(data, slug))


def parent_trail(data: IndexData, indicator: Indicator) -> list[tuple[str, str | None]]:
    """Quadrant > pillar (and group) > indicator."""
    trail = [("Quadrant", "/")]
    if not indicator.is_composite:
        composite = COMPOSITE_OF_COMPONENT[indicator.component]
        trail.append((data.catalogue[composite].label, f"/pillar/{composite}"))
        if indicator.group:
            group = dd.pillars(data)
            slug = next(p.slug for p in group.values() if p.label == indicator.group)
            trail.append((indicator.group, f"/pillar/{slug}"))
    return trail + [(indicator.label, None)]


def layout(app: Dash, store: DataStore, query, slug: str):
    data = store.index
    indicator = data.catalogue.get(slug)
    available = editions_of(data, slug) if indicator else ()
    if not available:
        return not_found(app, f"/indicator/{slug}", "There is no indicator with that name.")
    edition, notices = edition_param(query, data, available)
    if last(query, "edition") and notices:
        notices = [f"{indicator.label} is not assessed in the {last(query, 'edition')} edition "
                   f"(it is in {', '.join(map(str, available))}); showing {edition}."]
    country, country_notices = country_param(query, data, edition)
    level = last(query, "by") if last(query, "by") in LEVELS else "continent"
    options = [{"label": i.label, "value": i.slug} for i in data.catalogue if editions_of(data, i.slug)]
    return dbc.Container([
        dcc.Location(id=ids.INDICATOR.URL, refresh=False),
        dcc.Store(id=ids.INDICATOR.SLUG, data=slug),
        breadcrumbs(app, parent_trail(data, indicator)),
        notice(ids.INDICATOR.NOTICE, notices + country_notices),
        dbc.Row([
            dbc.Col([
                html.H1(indicator.label, className="h3 mb-1"),
                html.P(indicator.definition, className="text-body-secondary mb-2"),
            ], lg=6),
            dbc.Col([
                dbc.Label("Edition", html_for=ids.INDICATOR.EDITION, className="small fw-semibold mb-0"),
                dbc.RadioItems(id=ids.INDICATOR.EDITION, options=[{"label": str(e), "value": e} for e in available],
                               value=edition, inline=True),
            ], lg=2),
            dbc.Col([
                dbc.Label("Country", html_for=ids.INDICATOR.COUNTRY, className="small fw-semibold mb-0"),
                dcc.Dropdown(id=ids.INDICATOR.COUNTRY, options=country_options(data, store.narratives), value=country,
                             placeholder="Search a country…"),
            ], lg=2),
            dbc.Col([
                dbc.Label("Another indicator", html_for=ids.INDICATOR.JUMP, className="small fw-semibold mb-0"),
                dcc.Dropdown(id=ids.INDICATOR.JUMP, options=options, value=slug, clearable=False),
            ], lg=2),
        ], className="g-2 align-items-end mb-2"),
        html.Div(id=ids.INDICATOR.SUMMARY, className="mb-2"),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader("Map", className="py-1 fw-semibold"),
                charts.graph(ids.INDICATOR.MAP, "the map", loading=True, style={"height": "420px"},
                             config={"topojsonURL": app.get_relative_path("/vendor/topojson/")}),
                html.P("Small island states too small for the map are in the ranking.",
                       className="small text-body-secondary px-2 mb-1"),
            ]), lg=7),
            dbc.Col(dbc.Card([
                downloads.card_header("Ranking", ids.INDICATOR.CSV, ids.INDICATOR.CSV_FILE),
                ranking_grid(data.previous_edition(edition)),
            ]), lg=5),
        ], className="g-3 mb-3"),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader(dbc.Row([
                    dbc.Col("Spread", className="fw-semibold"),
                    dbc.Col(dbc.RadioItems(id=ids.INDICATOR.LEVEL, options=[{"label": v, "value": k}
                                                                     for k, v in LEVELS.items()],
                                           value=level, inline=True, className="small"), width="auto"),
                ]), className="py-1"),
                charts.graph(ids.INDICATOR.SPREAD, "the spread chart"),
                html.P(id=ids.INDICATOR.SPREAD_NOTE, className="small text-body-secondary px-2 mb-1"),
            ]), lg=7),
            dbc.Col([html.Div(id=ids.INDICATOR.SELECTED, className="mb-3"), narrative.card(ids.INDICATOR.NARRATIVE)], lg=5),
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
    columns = [grid.integer("rank", "Rank"), grid.link("country", "Country", minWidth=120, flex=2),
               grid.text("where", "Region · continent", flex=2, cellClass="small text-body-secondary"),
               grid.number("score", "Score", cellClass="fw-semibold", maxWidth=90)]
    if previous:
        columns.append(grid.change("change", f"Δ since {previous}", cellClass="small text-body-secondary", maxWidth=90))
    return columns


def ranking_grid(previous: int | None):
    """The ranking's grid; its rows come with the edition (ranking_rows). A click on a row selects its country."""
    return grid.grid(ids.INDICATOR.RANKING, ranking_columns(previous), height="470px", options={
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
        "where": rows["region"] + " · " + rows["continent"], "score": rows["score"],
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
        dcc.Link(f"Open {row['country']}'s profile →", href=country_href(app, iso3, edition) + f"&path={slug}"
                 if not data.catalogue[slug].is_composite else country_href(app, iso3, edition),
                 className="d-inline-block mt-2"),
    ]), className="oc-selected")


def register(app: Dash, store: DataStore) -> None:
    @app.callback(Output(ids.INDICATOR.COUNTRY, "value"), Input(ids.INDICATOR.MAP, "clickData"), Input(ids.INDICATOR.SPREAD, "clickData"),
                  Input(ids.INDICATOR.RANKING, "cellClicked"), prevent_initial_call=True)
    def select_country(map_click, spread_click, cell):
        if ctx.triggered_id == ids.INDICATOR.RANKING:
            return grid.clicked_row(cell, set(store.index.tidy["iso3"]))
        return clicked_country(map_click if ctx.triggered_id == ids.INDICATOR.MAP else spread_click)

    @app.callback(Output(ids.INDICATOR.MAP, "figure"), Output(ids.INDICATOR.SPREAD, "figure"), Output(ids.INDICATOR.SPREAD_NOTE, "children"),
                  Input(ids.INDICATOR.EDITION, "value"), Input(ids.INDICATOR.COUNTRY, "value"), Input(ids.INDICATOR.LEVEL, "value"),
                  Input(ids.SHELL.PRESENT, "data"), State(ids.INDICATOR.SLUG, "data"))
    def update_figures(edition, country, level, present, slug):
        data = store.index
        slug, edition = checked_indicator(slug, edition, data)
        country, level = checked_country(country, data, edition), checked_choice(level, LEVELS)
        indicator = data.catalogue[slug]
        rows = dd.ranked(data, edition, slug)
        return (charts.finish(choropleth(rows, indicator, country), present, slug, "map", country, edition),
                charts.finish(spread(rows, indicator, level, country), present, slug, "by", level, country, edition),
                spread_note(data, edition) if level == "region" else None)

    @app.callback(Output(ids.INDICATOR.SUMMARY, "children"), Output(ids.INDICATOR.RANKING, "rowData"),
                  Output(ids.INDICATOR.RANKING, "columnDefs"), Input(ids.INDICATOR.EDITION, "value"), State(ids.INDICATOR.SLUG, "data"))
    def update_ranking(edition, slug):
        data = store.index
        slug, edition = checked_indicator(slug, edition, data)
        return (summary_cards(data, edition, slug), ranking_rows(app, data, edition, slug),
                ranking_columns(data.previous_edition(edition)))

    @app.callback(Output(ids.INDICATOR.SELECTED, "children"), Output(ids.INDICATOR.NARRATIVE, "children"),
                  Input(ids.INDICATOR.EDITION, "value"), Input(ids.INDICATOR.COUNTRY, "value"), State(ids.INDICATOR.SLUG, "data"))
    def update_selected(edition, country, slug):
        data, narratives = store.index, store.narratives
        slug, edition = checked_indicator(slug, edition, data)
        country = checked_country(country, data, edition)
        excerpts = (narrative.for_country(narratives, data, country, edition, slug) if country
                    else narrative.for_indicator(narratives, data, slug, edition))
        return selected_card(app, data, edition, slug, country), excerpts

    grid.mark_selected(app, ids.INDICATOR.RANKING, ids.INDICATOR.COUNTRY)

    @app.callback(Output(ids.INDICATOR.CSV_FILE, "data"), Input(ids.INDICATOR.CSV, "n_clicks"), State(ids.INDICATOR.EDITION, "value"),
                  State(ids.INDICATOR.SLUG, "data"), prevent_initial_call=True)
    def download(_clicks, edition, slug):
        slug, edition = checked_indicator(slug, edition, store.index)
        rows = dd.ranked(store.index, edition, slug).drop(columns="edition")
        return downloads.csv_file(rows, edition, slug)

    @app.callback(Output(ids.INDICATOR.URL, "search"),
                  Input(ids.INDICATOR.EDITION, "value"), Input(ids.INDICATOR.COUNTRY, "value"), Input(ids.INDICATOR.LEVEL, "value"),
                  prevent_initial_call=True)
    def sync_url(edition, country, level):
        edition = checked_edition(edition, store.index)
        country, level = checked_country(country, store.index, edition), checked_choice(level, LEVELS)
        pairs = [("edition", edition)] + ([("country", country)] if country else []) + (
            [("by", level)] if level != "continent" else [])
        return "?" + urlencode(pairs)

    @app.callback(Output(ids.SHELL.URL, "href", allow_duplicate=True), Input(ids.INDICATOR.JUMP, "value"),
                  State(ids.INDICATOR.SLUG, "data"), State(ids.INDICATOR.EDITION, "value"), State(ids.INDICATOR.COUNTRY, "value"),
                  prevent_initial_call=True)
    def jump(target, slug, edition, country):
        if not isinstance(target, str) or target == slug or not editions_of(store.index, target):
            return no_update
        if not isinstance(country, str) or country not in set(store.index.tidy["iso3"]):
            country = None
        query = {"edition": edition} if edition in editions_of(store.index, target) else {}
        if country:
            query["country"] = country
        return app.get_relative_path(f"/indicator/{target}") + ("?" + urlencode(query) if query else "")


PAGE = Page(pattern=r"/indicator/(?P<slug>[^/]+)", layout=layout, kind="Indicator")
