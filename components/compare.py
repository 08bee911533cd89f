"""Compare view: `/compare?countries=PER,COL,MEX&edition=2023` — two to five countries side by side."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, dcc, html
from dash.exceptions import PreventUpdate

from figures.compare import compare_dots
from figures.quadrant import quadrant_figure, standing
from ocindex import quadrant as q
from ocindex.catalogue import COMPOSITE_OF_COMPONENT
from ocindex.compare import MAX_COUNTRIES, MIN_COUNTRIES, comparison
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import charts, deferred, grid, ids, registry
from .common import breadcrumbs, country_href, country_options, hidden_label, notice, radios
from .registry import Nav, Page, Table
from .urlstate import Choice, CountryCodes, Edition, PageState, at_most, href, param

DEFAULT = ("PER", "COL", "MEX")
ALL = "all"
PILLARS = {ALL: "All indicators", **{slug: label.capitalize() for label, slug in COMPOSITE_OF_COMPONENT.items()}}


@dataclass(frozen=True)
class CompareState(PageState, name="compare", path="/compare"):
    edition: int = param(Edition(), always=True)
    countries: tuple[str, ...] = param(CountryCodes(), always=True, default=DEFAULT)
    pillar: str = param(Choice(tuple(PILLARS), "Pillar"), default=ALL)

    @classmethod
    def settle(cls, values, data):
        if notices := at_most(values, "countries", MAX_COUNTRIES, f"Compare at most {MAX_COUNTRIES} countries: kept {{kept}}."):
            return notices
        chosen = values["countries"]
        if len(chosen) < MIN_COUNTRIES:  # the country the link names (none leaves DEFAULT), with a default one
            others = tuple(c for c in DEFAULT if c not in chosen)
            values["countries"] = chosen + others[:MIN_COUNTRIES - len(chosen)]
            return [f"Compare {MIN_COUNTRIES} to {MAX_COUNTRIES} countries (ISO3 codes such as PER,COL); showing "
                    f"{', '.join(values['countries'])}."]
        return []

    @property
    def composite(self) -> str | None:
        """The composite whose indicators to show, or None for all of them."""
        return None if self.pillar == ALL else self.pillar


def title(state: CompareState, data: IndexData) -> str:
    names = data.countries().set_index("iso3")["country"]
    return f"{', '.join(names.get(c, c) for c in state.countries)} — Compare countries"


def layout(app: Dash, store: DataStore, state: CompareState, notices: list[str]):
    data = store.index
    return dbc.Container([
        breadcrumbs(app, [("Quadrant", "/"), ("Compare", None)]),
        notice(ids.COMPARE.NOTICE, notices),
        dbc.Row([
            dbc.Col(html.H1("Compare countries", className="h3 mb-0"), width="auto"),
            dbc.Col([hidden_label("Edition", ids.COMPARE.EDITION),
                     radios(ids.COMPARE.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                            value=state.edition, inline=True)], width="auto"),
            dbc.Col([hidden_label("Countries", ids.COMPARE.COUNTRIES),
                     dcc.Dropdown(id=ids.COMPARE.COUNTRIES, options=country_options(data), value=list(state.countries),
                                  multi=True, placeholder=f"Choose {MIN_COUNTRIES} to {MAX_COUNTRIES} countries")],
                    lg=6),
            dbc.Col(registry.csv_button(CompareState.name), width="auto"),
        ], className="align-items-center g-3 mb-2"),
        html.Div([dbc.Label("Show", html_for=ids.COMPARE.PILLAR, className="fw-semibold me-3 mb-0"),
                  radios(ids.COMPARE.PILLAR, value=state.pillar, inline=True,
                         options=[{"label": label, "value": value} for value, label in PILLARS.items()])],
                 role="group", className="d-flex flex-wrap align-items-center mb-2 oc-hide-presenting",
                 **{"aria-label": "Show"}),
        # The first view comes with the page (built once per URL and cached): the callback below runs only when a
        # control changes, or the projector styles the charts.
        html.Div(body(app, data, state, later=True), id=ids.COMPARE.BODY),
    ], fluid=True, className="py-2")


def body(app: Dash, data: IndexData, state: CompareState, present: bool = False, later: bool = False):
    """The two charts, side by side on wide screens (the quadrant held in view beside the long indicator chart), and
    the table of scores full width below them (its columns, three per country, need it). `later`: the page as first
    drawn, whose table sits below the fold and is drawn after the charts (components/deferred.py)."""
    edition, countries, pillar = state.edition, list(state.countries), state.composite
    if not MIN_COUNTRIES <= len(countries) <= MAX_COUNTRIES:
        return dbc.Alert(f"Choose {MIN_COUNTRIES} to {MAX_COUNTRIES} countries.", color="light")
    rows = comparison(data, edition, countries, pillar)
    points, split = q.placed(data, edition)
    points = points.assign(highlighted=points["iso3"].isin(countries))
    quadrant = quadrant_figure(points, split, edition, labelled=countries)
    quadrant["layout"].update(height=420)
    previous = data.previous_edition(edition)
    names = {r["iso3"]: r["country"] for r in rows.drop_duplicates("iso3").to_dict("records")}
    table = grid.grid(ids.COMPARE.TABLE, scores_columns(names, countries, previous), scores_rows(rows, countries),
                      row_id="indicator", header_lines=2)
    return html.Div([
        dbc.Row([
            dbc.Col(dbc.Card([dbc.CardHeader("On the quadrant", className="py-1 fw-semibold"),
                              charts.graph(ids.COMPARE.QUADRANT, "the quadrant chart",
                                           charts.finish(quadrant, present, "compare-quadrant", *countries, edition)),
                              standings(app, points, countries, names, edition)],
                             className="oc-held"), xl=6),
            dbc.Col(dbc.Card([dbc.CardHeader(PILLARS[pillar] if pillar else "Every indicator",
                                             className="py-1 fw-semibold"),
                              charts.graph(ids.COMPARE.DOTS, "the indicator chart", charts.finish(
                                  compare_dots(rows, countries), present, "compare", *countries, edition))]), xl=6),
        ], className="g-3 mb-3"),
        dbc.Card([dbc.CardHeader("Scores, ranks and change", className="py-1 fw-semibold"),
                  deferred.mount_later(table, ids.COMPARE.TABLE_HOLDER) if later else table]),
        dcc.Link("A briefing deck of these countries →", className="d-inline-block mt-2 oc-no-print",
                 href=href(app, "deck", edition=edition, countries=tuple(countries))),
    ])


def standings(app: Dash, points, countries: list[str], names: dict[str, str], edition: int) -> html.Ul:
    """Where each country stands, in words under the quadrant, its name a link to its profile."""
    placed = points.set_index("iso3")
    return html.Ul([html.Li([dcc.Link([names[c], html.Span(" profile", className="visually-hidden")],
                                      href=country_href(app, c, edition), className="fw-semibold"),
                             f": {standing(placed.loc[c])}"]) for c in countries],
                   className="list-unstyled small px-3 pb-2 mb-0", role="list")


def scores_columns(names: dict[str, str], countries: list[str], previous: int | None) -> list[dict]:
    """Per country a group of columns: score, global rank (with places gained) and change since `previous`."""
    def rank(iso3):
        return {"function": f"ocRank(params.value, params.data['{iso3}_n']) + (params.data['{iso3}_moved'] == null"
                            f" ? '' : ' ' + ocMove(params.data['{iso3}_moved']))"}
    # Not spanning the group row: the pinned part's group row would be a row without header cells, which screen
    # readers cannot read (AG Grid spans an ungrouped column's header over its group row by default).
    return [grid.text("label", "Indicator", pinned="left", width=200, suppressSpanHeaderHeight=True)] + [
        {"headerName": names[c], "children": [
            grid.fill(grid.number(f"{c}_score", "Score", cellClass="fw-semibold"), 90),
            grid.fill(grid.integer(f"{c}_rank", "Global rank", valueFormatter=rank(c)), 140),
            *([grid.fill(grid.change(f"{c}_change", f"Δ since {previous}"), 90)] if previous else [])]}
        for c in countries]


def scores_rows(rows, countries: list[str]) -> list[dict]:
    """One row per indicator (row data: the browser draws the cells), the countries' figures side by side."""
    wide = rows.pivot(index="indicator", columns="iso3")
    order = list(dict.fromkeys(rows["indicator"]))
    frame = {"indicator": order, "label": rows.drop_duplicates("indicator").set_index("indicator").loc[
        order, "indicator_label"].tolist()}
    for c in countries:
        frame |= {f"{c}_score": wide.loc[order, ("score", c)].tolist(),
                  f"{c}_rank": wide.loc[order, ("rank_global", c)].astype("Int64").tolist(),
                  f"{c}_n": wide.loc[order, ("n_global", c)].astype("Int64").tolist(),
                  f"{c}_moved": wide.loc[order, ("rank_change", c)].tolist(),
                  # Rounded so that the browser's two decimals are the workbook's.
                  f"{c}_change": wide.loc[order, ("change", c)].round(2).tolist()}
    return grid.records(pd.DataFrame(frame))


def update_body(app: Dash, data: IndexData, controls: dict, present) -> tuple[object, bool]:
    """The comparison, and whether 'Download CSV' is off: it is while no comparison is shown (there is no table
    to download)."""
    state = CompareState.from_controls(data, **controls)
    return body(app, data, state, present is True), not MIN_COUNTRIES <= len(state.countries) <= MAX_COUNTRIES


def table_rows(data: IndexData, state: CompareState):
    """The CSV: every indicator shown, for each country, with ranks and change since the edition before."""
    if not MIN_COUNTRIES <= len(state.countries) <= MAX_COUNTRIES:
        raise PreventUpdate
    rows = comparison(data, state.edition, list(state.countries), state.composite).drop(columns="edition")
    if (previous := data.previous_edition(state.edition)) is not None:  # the column says what the change is from
        rows = rows.rename(columns={"change": f"change_since_{previous}"})
    return rows


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.COMPARE.BODY, "children"), Output(registry.csv_button(CompareState.name).id, "disabled"),
                 inputs={"controls": PAGE.inputs(), "present": Input(ids.SHELL.PRESENT, "data")},
                 prevent_initial_call=True)(lambda controls, present: update_body(app, store.index, controls, present))


PAGE = Page(
    state=CompareState, layout=layout, title=title, register=register, nav=Nav("Compare"),
    controls={"edition": (ids.COMPARE.EDITION, "value"), "countries": (ids.COMPARE.COUNTRIES, "value"),
              "pillar": (ids.COMPARE.PILLAR, "value")},
    tables={"table": Table(rows=table_rows, name=lambda state: "compare_" + "-".join(state.countries))},
)
