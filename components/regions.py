"""Regions and continents ranked: `/regions?edition=2025&level=region&indicator=criminality&country=PER`.

The average of every composite and indicator by region or continent (our computation, labelled as such), ranked,
with the change since the previous edition where the group is the same and its member countries."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html, no_update

from figures.regions import ranking_figure
from ocindex import regions
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase
from ocindex.store import DataStore

from . import charts, downloads, grid, ids
from .common import (
    breadcrumbs,
    checked_choice,
    checked_country,
    checked_edition,
    country_param,
    edition_param,
    last,
    notice,
)
from .shell import Page

DEFAULT_INDICATOR = "criminality"


def regions_search(edition: int, indicator: str, level: str = "region", country: str | None = None) -> str:
    query = {"edition": edition, "level": level, "indicator": indicator} | ({"country": country} if country else {})
    return "?" + urlencode(query)


def regions_href(app: Dash, edition: int, indicator: str, level: str = "region", country: str | None = None) -> str:
    return app.get_relative_path("/regions") + regions_search(edition, indicator, level, country)


def standing_link(app: Dash, data: IndexData, edition: int, iso3: str, indicator: str = DEFAULT_INDICATOR):
    """'South America: 2nd of 22 regions on criminality', linking to the ranking with the region marked."""
    standing = regions.standing(data, edition, iso3, indicator)
    label = data.catalogue[indicator].label.lower()
    return dcc.Link(f"{standing.group}: {rank_phrase(standing.rank, standing.size)} regions on {label} →",
                    href=regions_href(app, edition, indicator, country=iso3))


def parse_query(query, data: IndexData) -> tuple[dict, list[str]]:
    edition, notices = edition_param(query, data)
    level = last(query, "level") or "region"
    if level not in regions.LEVELS:
        notices.append(f"Level '{level}' is unknown; showing regions. Choose region or continent.")
        level = "region"
    indicator = last(query, "indicator") or DEFAULT_INDICATOR
    if indicator not in {i.slug for i in data.indicators(edition)}:
        notices.append(f"Indicator '{indicator}' is not assessed in {edition}; showing criminality.")
        indicator = DEFAULT_INDICATOR
    country, more = country_param(query, data, edition)
    return {"edition": edition, "level": level, "indicator": indicator, "country": country}, notices + more


def layout(app: Dash, store: DataStore, query):
    data = store.index
    state, notices = parse_query(query, data)
    return dbc.Container([
        dcc.Location(id=ids.REGIONS.URL, refresh=False),
        dcc.Store(id=ids.REGIONS.COUNTRY, data=state["country"]),
        breadcrumbs(app, [("Quadrant", "/"), ("Regions and continents", None)]),
        notice(ids.REGIONS.NOTICE, notices),
        html.H1("Regions and continents ranked", className="h3 mb-1"),
        html.P(regions.OURS, className="text-body-secondary mb-2"),
        dbc.Row([
            dbc.Col([dbc.Label("Edition", html_for=ids.REGIONS.EDITION, className="small fw-semibold mb-0"),
                     dbc.RadioItems(id=ids.REGIONS.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                                    value=state["edition"], inline=True)], width="auto"),
            dbc.Col([dbc.Label("Groups", html_for=ids.REGIONS.LEVEL, className="small fw-semibold mb-0"),
                     dbc.RadioItems(id=ids.REGIONS.LEVEL, value=state["level"], inline=True,
                                    options=[{"label": v.capitalize(), "value": k}
                                             for k, v in regions.LEVELS.items()])], width="auto"),
            dbc.Col([dbc.Label("Composite or indicator", html_for=ids.REGIONS.INDICATOR, className="small fw-semibold mb-0"),
                     dcc.Dropdown(id=ids.REGIONS.INDICATOR, value=state["indicator"], clearable=False,
                                  options=[{"label": i.label, "value": i.slug} for i in data.catalogue])], md=4),
        ], className="g-3 align-items-end mb-2 oc-controls"),
        html.Div(id=ids.REGIONS.NOTE, className="small text-body-secondary mb-2"),
        dbc.Row([
            dbc.Col(dbc.Card([dbc.CardHeader("Average score", className="py-1 fw-semibold"),
                              charts.graph(ids.REGIONS.GRAPH, "the ranking chart")]), lg=6),
            dbc.Col(dbc.Card([downloads.card_header("Ranking and member countries", ids.REGIONS.CSV, ids.REGIONS.CSV_FILE),
                              html.Div(id=ids.REGIONS.MESSAGE),
                              grid.grid(ids.REGIONS.TABLE, ranking_columns(data, state["edition"], state["level"]),
                                        row_id="group", height="560px", options={"rowSelection": {
                                            "mode": "singleRow", "checkboxes": False,
                                            "enableClickSelection": False}})]), lg=6),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def ranking_columns(data: IndexData, edition: int, level: str) -> list[dict]:
    previous = data.previous_edition(edition)
    change = [grid.change("change", f"Change since {previous}", maxWidth=130, tooltipField="note",
                          valueFormatter={"function": "params.data.note ? '—' : ocChange(params.value)"})]
    return [grid.integer("rank", "Rank"), grid.text("group", level.capitalize(), cellClass="fw-semibold", minWidth=140),
            grid.number("score", "Average", cellClass="fw-semibold", maxWidth=100), *(change if previous else []),
            grid.integer("countries", "Countries"),
            grid.text("members", "Member countries, highest score first", flex=4, minWidth=240, wrapText=True,
                      autoHeight=True, cellClass="small lh-sm py-1")]


def ranking_rows(table) -> list[dict]:
    """One row per group; `note` says why a group has no change (its members differ between the editions)."""
    rows = table.assign(members=[", ".join(m) for m in table["members"]], change=table["change"].round(2))
    return grid.records(rows[["rank", "group", "score", "change", "note", "countries", "members"]])


def comparability_note(data: IndexData, edition: int, indicator: str, level: str) -> str:
    previous = data.previous_edition(edition)
    if previous is None:
        return f"{edition} is the first edition loaded: no change to show."
    note = (f"Change since {previous} only for {regions.LEVELS[level]} with the same name and the same member "
            f"countries in both editions; the others say why not.")
    if data.catalogue[indicator].is_composite:
        note += " A composite's change also reflects indicators an edition added (see Like-for-like change)."
    return note


def register(app: Dash, store: DataStore) -> None:
    @app.callback(Output(ids.REGIONS.GRAPH, "figure"), Output(ids.REGIONS.TABLE, "rowData"), Output(ids.REGIONS.TABLE, "columnDefs"),
                  Output(ids.REGIONS.TABLE, "selectedRows"), Output(ids.REGIONS.MESSAGE, "children"), Output(ids.REGIONS.NOTE, "children"),
                  Input(ids.REGIONS.EDITION, "value"), Input(ids.REGIONS.LEVEL, "value"), Input(ids.REGIONS.INDICATOR, "value"),
                  Input(ids.SHELL.PRESENT, "data"), State(ids.REGIONS.COUNTRY, "data"))
    def update(edition, level, indicator, present, country):
        data = store.index
        edition = checked_edition(edition, data)
        level = checked_choice(level, regions.LEVELS)
        indicator = checked_choice(indicator, {i.slug for i in data.catalogue})
        country = checked_country(country, data, edition)
        if indicator not in {i.slug for i in data.indicators(edition)}:
            message = dbc.Alert(f"{data.catalogue[indicator].label} is not assessed in {edition}: choose another "
                                "indicator or edition.", color="secondary", className="m-2 py-2")
            return {"data": [], "layout": {}}, [], no_update, no_update, message, ""
        table = regions.ranking(data, edition, indicator, level)
        wide = data.wide(edition)
        continents = wide.groupby(level)["continent"].first().to_dict()
        selected = wide.loc[country, level] if country else None
        label = data.catalogue[indicator].label
        figure = ranking_figure(table, continents, label, float(wide[indicator].mean()), selected)
        return (charts.finish(figure, present, "regions", level, indicator, edition), ranking_rows(table),
                ranking_columns(data, edition, level), {"ids": [selected] if selected else []}, None,
                comparability_note(data, edition, indicator, level) + " World: the mean of all countries.")

    @app.callback(Output(ids.REGIONS.CSV_FILE, "data"), Input(ids.REGIONS.CSV, "n_clicks"), State(ids.REGIONS.EDITION, "value"),
                  State(ids.REGIONS.LEVEL, "value"), prevent_initial_call=True)
    def download(_clicks, edition, level):
        data = store.index
        edition = checked_edition(edition, data)
        level = checked_choice(level, regions.LEVELS)
        table = regions.averages(data, edition, level).rename_axis(level).reset_index()
        return downloads.csv_file(table, edition, f"{level}-averages")

    @app.callback(Output(ids.REGIONS.URL, "search"), Input(ids.REGIONS.EDITION, "value"), Input(ids.REGIONS.LEVEL, "value"),
                  Input(ids.REGIONS.INDICATOR, "value"), State(ids.REGIONS.COUNTRY, "data"), prevent_initial_call=True)
    def sync_url(edition, level, indicator, country):
        data = store.index
        return regions_search(checked_edition(edition, data), checked_choice(indicator, {i.slug for i in data.catalogue}),
                              checked_choice(level, regions.LEVELS), country if isinstance(country, str) else None)


PAGE = Page(pattern=r"/regions", layout=layout)
