"""Regions and continents ranked: `/regions?edition=2025&level=region&indicator=criminality&country=PER`.

The average of every composite and indicator by region or continent (our computation, labelled as such), ranked,
with the change since the previous edition where the group is the same and its member countries."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html, no_update
from dash.exceptions import PreventUpdate

from figures.regions import ranking_figure
from ocindex import regions
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase
from ocindex.store import DataStore

from . import charts, grid, ids, registry
from .common import breadcrumbs, notice, radios
from .registry import Nav, Page, Table
from .urlstate import Choice, Country, Edition, Indicator, PageState, param

DEFAULT_INDICATOR = "criminality"


@dataclass(frozen=True)
class Ranked(Indicator):
    """A composite or indicator: from the URL one the edition assesses; from the dropdown any of the catalogue
    (the page then says the edition does not assess it)."""

    def parse(self, raw, data, values):
        if data.assesses(values["edition"], raw):
            return raw
        raise ValueError(f"Indicator '{raw}' is not assessed in {values['edition']}; showing criminality.")

    def check(self, value, data, values):
        if value is None:  # the dropdown cannot be cleared
            raise PreventUpdate
        return super().check(value, data, values)


@dataclass(frozen=True)
class StoredCountry(Country):
    """A country held in a dcc.Store, where none is "": a store holding None sets its data again when it appears,
    which would fire the page's callbacks (and the URL sync) on every load."""

    def check(self, value, data, values):
        return None if value == "" else super().check(value, data, values)


@dataclass(frozen=True)
class RegionsState(PageState, name="regions", path="/regions"):
    edition: int = param(Edition(), always=True)
    level: str = param(Choice(tuple(regions.LEVELS), "Level"), always=True, default="region")
    indicator: str = param(Ranked(), always=True, default=DEFAULT_INDICATOR)
    country: str | None = param(StoredCountry(), default=None)  # marked in the ranking: its region or continent


def standing_link(app: Dash, data: IndexData, edition: int, iso3: str, indicator: str = DEFAULT_INDICATOR):
    """'South America: 2nd of 22 regions on criminality', linking to the ranking with the region marked."""
    standing = regions.standing(data, edition, iso3, indicator)
    label = data.catalogue[indicator].label.lower()
    return dcc.Link(f"{standing.group}: {rank_phrase(standing.rank, standing.size)} regions on {label} →",
                    href=RegionsState(edition=edition, indicator=indicator, country=iso3).href(app))


def title(state: RegionsState, data: IndexData) -> str:
    return f"{data.catalogue[state.indicator].label} by {state.level}, {state.edition} — Regions and continents ranked"


def layout(app: Dash, store: DataStore, state: RegionsState, notices: list[str]):
    data = store.index
    # The first view comes with the page (built once per URL and cached): the callback below runs only when a
    # control changes, or the projector styles the chart.
    figure, rows, _, selected, message, note = outputs_of(data, state, False)
    return dbc.Container([
        dcc.Store(id=ids.REGIONS.COUNTRY, data=state.country or ""),
        breadcrumbs(app, [("Quadrant", "/"), ("Regions and continents", None)]),
        notice(ids.REGIONS.NOTICE, notices),
        html.H1("Regions and continents ranked", className="h3 mb-1"),
        html.P(regions.OURS, className="text-body-secondary mb-2"),
        dbc.Row([
            dbc.Col([dbc.Label("Edition", html_for=ids.REGIONS.EDITION, className="small fw-semibold mb-0"),
                     radios(ids.REGIONS.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                            value=state.edition, inline=True)], width="auto"),
            dbc.Col([dbc.Label("Groups", html_for=ids.REGIONS.LEVEL, className="small fw-semibold mb-0"),
                     radios(ids.REGIONS.LEVEL, value=state.level, inline=True,
                            options=[{"label": v.capitalize(), "value": k}
                                     for k, v in regions.LEVELS.items()])], width="auto"),
            dbc.Col([dbc.Label("Composite or indicator", html_for=ids.REGIONS.INDICATOR, className="small fw-semibold mb-0"),
                     dcc.Dropdown(id=ids.REGIONS.INDICATOR, value=state.indicator, clearable=False,
                                  options=[{"label": i.label, "value": i.slug} for i in data.catalogue])], md=4),
        ], className="g-3 align-items-end mb-2 oc-controls"),
        html.Div(note, id=ids.REGIONS.NOTE, className="small text-body-secondary mb-2"),
        dbc.Row([
            dbc.Col(dbc.Card([dbc.CardHeader("Average score", className="py-1 fw-semibold"),
                              charts.graph(ids.REGIONS.GRAPH, "the ranking chart", figure)]), lg=6),
            dbc.Col(dbc.Card([registry.csv_header("Ranking and member countries", RegionsState.name),
                              html.Div(message, id=ids.REGIONS.MESSAGE, role="status", **{"aria-live": "polite"}),
                              grid.grid(ids.REGIONS.TABLE, ranking_columns(data, state.edition, state.level), rows,
                                        selectedRows={"ids": []} if selected is no_update else selected,
                                        row_id="group", height="560px", header_lines=2, options={"rowSelection": {
                                            "mode": "singleRow", "checkboxes": False,
                                            "enableClickSelection": False}})]), lg=6),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def ranking_columns(data: IndexData, edition: int, level: str) -> list[dict]:
    previous = data.previous_edition(edition)
    change = [grid.change("change", f"Change since {previous}", width=130, tooltipField="note",
                          valueFormatter={"function": "params.data.note ? '—' : ocChange(params.value)"})]
    return [grid.integer("rank", "Rank", width=70),
            grid.text("group", level.capitalize(), cellClass="fw-semibold", width=250),  # Central Asia and the Caucasus
            grid.number("score", "Average", cellClass="fw-semibold", width=100), *(change if previous else []),
            grid.integer("countries", "Countries", width=110),
            grid.fill(grid.text("members", "Member countries, highest score first", wrapText=True, autoHeight=True,
                                cellClass="small lh-sm py-1"), 240)]


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


def update(data: IndexData, controls: dict, present) -> tuple:
    return outputs_of(data, RegionsState.from_controls(data, **controls), present)


def outputs_of(data: IndexData, state: RegionsState, present) -> tuple:
    """The chart, the ranking with the country's group selected, its columns, a message where the edition does
    not assess the indicator, and the note on what compares across editions."""
    edition, level, indicator, country = state.edition, state.level, state.indicator, state.country
    if not data.assesses(edition, indicator):
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


def table_rows(data: IndexData, state: RegionsState):
    """The CSV: every composite and indicator averaged by group."""
    return regions.averages(data, state.edition, state.level).rename_axis(state.level).reset_index()


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.REGIONS.GRAPH, "figure"), Output(ids.REGIONS.TABLE, "rowData"),
                 Output(ids.REGIONS.TABLE, "columnDefs"), Output(ids.REGIONS.TABLE, "selectedRows"),
                 Output(ids.REGIONS.MESSAGE, "children"), Output(ids.REGIONS.NOTE, "children"),
                 inputs={"controls": PAGE.inputs(), "present": Input(ids.SHELL.PRESENT, "data")},
                 prevent_initial_call=True)(lambda controls, present: update(store.index, controls, present))


PAGE = Page(
    state=RegionsState, layout=layout, title=title, register=register,
    nav=Nav("Regions and continents ranked", group="Insights"),
    controls={"edition": (ids.REGIONS.EDITION, "value"), "level": (ids.REGIONS.LEVEL, "value"),
              "indicator": (ids.REGIONS.INDICATOR, "value"), "country": (ids.REGIONS.COUNTRY, "data")},
    tables={"table": Table(rows=table_rows, name=lambda state: f"{state.level}-averages")},
)
