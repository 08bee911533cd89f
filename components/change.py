"""Like-for-like change: `/change?composite=criminality&from=2021&to=2023&country=PER`.

The published change of a composite split into change on the indicators both editions assess and the effect of
indicators added or removed; the countries whose direction of change flips. Our computation, labelled as such."""

from __future__ import annotations

from dataclasses import dataclass

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html
from dash.exceptions import PreventUpdate

from figures.change import change_scatter
from ocindex import likeforlike as lfl
from ocindex.catalogue import COMPOSITES
from ocindex.index import IndexData
from ocindex.parse import whole_number
from ocindex.store import DataStore

from . import charts, deferred, grid, ids, registry
from .common import breadcrumbs, clicked_country, country_href, country_options, notice, radios
from .registry import Nav, Page, Table
from .urlstate import Choice, Country, Edition, PageState, param

OURS = "ours: computed by OC Index Explorer from GI-TOC's indicator scores, not published by GI-TOC"


@dataclass(frozen=True)
class End(Edition):
    """One end of the pair of editions compared (`end` 0: from, 1: to); by default the most recent pair whose
    indicators differ (between editions that assess the same indicators there is nothing to split)."""

    end: int = 0

    def default(self, data, values):
        return lfl.default_pair(data)[self.end] if len(data.editions) > 1 else data.latest

    def parse(self, raw, data, values):
        if (number := whole_number(raw)) is not None and number in data.editions:
            return number
        raise ValueError(f"Edition '{raw}' ({('from', 'to')[self.end]}) is not loaded; "
                         f"using {self.default(data, values)}.")


@dataclass(frozen=True, kw_only=True)  # the composite first, as links have always had it
class ChangeState(PageState, name="change", path="/change"):
    composite: str = param(Choice(COMPOSITES, "Composite"), always=True, default="criminality")
    before: int = param(End(end=0), key="from", always=True)
    after: int = param(End(end=1), key="to", always=True)
    country: str | None = param(Country(edition="after"), default=None)

    @classmethod
    def settle(cls, values, data):
        if values["before"] < values["after"] or len(data.editions) < 2:
            return []
        if values["before"] > values["after"]:  # the two editions the link names, in the order time runs
            values["before"], values["after"] = before, after = values["after"], values["before"]
            notices = [f"'from' ({after}) is later than 'to' ({before}); comparing {before} with {after}."]
        else:
            values["before"], values["after"] = before, after = lfl.default_pair(data)
            notices = [f"'from' and 'to' name the same edition; comparing {before} with {after}."]
        if values["country"] is not None and values["country"] not in data.wide(after).index:
            notices.append(f"Country '{values['country']}' is not in the {after} edition.")
            values["country"] = None
        return notices

    @classmethod
    def from_controls(cls, data, **controls):
        state = super().from_controls(data, **controls)
        if state.before >= state.after:  # the dropdowns allow it for a moment; nothing to show until they agree
            raise PreventUpdate
        return state


def title(state: ChangeState, data: IndexData) -> str:
    return f"{data.catalogue[state.composite].label}, {state.before} to {state.after} — Like-for-like change"


def layout(app: Dash, store: DataStore, state: ChangeState, notices: list[str]):
    data = store.index
    if len(data.editions) < 2:
        return dbc.Container(dbc.Alert("Like-for-like change needs two editions; one is loaded.", color="warning"))
    editions = [{"label": str(e), "value": e} for e in data.editions]
    # The first view comes with the page (built once per URL and cached): the callback below runs only when a
    # control changes, or the projector styles the chart.
    figure, note, panel, pair = outputs_of(app, data, state, False)
    count, flips_grid = flips_of(app, data, state)
    return dbc.Container([
        breadcrumbs(app, [("Quadrant", "/"), ("Like-for-like change", None)]),
        notice(ids.CHANGE.NOTICE, notices),
        html.H1("Like-for-like change", className="h3 mb-1"),
        html.P(["Editions add indicators, so a published change mixes real change with a change of method. Here "
                "each change is split into the change on the indicators both editions assess (",
                html.Strong("like-for-like"), ") and the effect of indicators added or removed. ",
                html.Em(f"Like-for-like figures are {OURS}.")], className="text-body-secondary"),
        dbc.Row([
            dbc.Col([dbc.Label("Composite", html_for=ids.CHANGE.COMPOSITE, className="small fw-semibold mb-0"),
                     radios(ids.CHANGE.COMPOSITE, inline=True, value=state.composite,
                            options=[{"label": data.catalogue[c].label, "value": c} for c in COMPOSITES])],
                    lg=5),
            dbc.Col([dbc.Label("From", html_for=ids.CHANGE.BEFORE, className="small fw-semibold mb-0"),
                     dcc.Dropdown(id=ids.CHANGE.BEFORE, options=editions, value=state.before, clearable=False)], lg=1),
            dbc.Col([dbc.Label("To", html_for=ids.CHANGE.AFTER, className="small fw-semibold mb-0"),
                     dcc.Dropdown(id=ids.CHANGE.AFTER, options=editions, value=state.after, clearable=False)], lg=1),
            dbc.Col([dbc.Label("Country", html_for=ids.CHANGE.COUNTRY, className="small fw-semibold mb-0"),
                     dcc.Dropdown(id=ids.CHANGE.COUNTRY, options=country_options(data), value=state.country,
                                  placeholder="Search a country…")], lg=3),
        ], className="g-2 align-items-end mb-2 oc-controls-row"),
        html.Div(pair, id=ids.CHANGE.PAIR_NOTE, role="status", **{"aria-live": "polite"}),
        dbc.Row([
            dbc.Col(dbc.Card([
                dbc.CardHeader("Official against like-for-like change, every country", className="py-1 fw-semibold"),
                charts.graph(ids.CHANGE.GRAPH, "the change chart", figure, loading=True, style={"height": "520px"}),
                html.P(note, id=ids.CHANGE.GRAPH_NOTE, className="small text-body-secondary px-2 mb-1"),
            ]), lg=7),
            dbc.Col(html.Div(panel, id=ids.CHANGE.PANEL), lg=5),
        ], className="g-3 mb-3"),
        dbc.Card([
            registry.csv_header("Countries whose direction of change flips", ChangeState.name),
            html.P(count, id=ids.CHANGE.FLIPS_COUNT, className="small px-2 pt-2 mb-1"),
            # Below the fold: drawn once the chart is.
            deferred.mount_later(flips_grid, ids.CHANGE.FLIPS_HOLDER),
        ], className="mb-4"),
    ], fluid=True, className="py-2")


def describe(data: IndexData, table, label: str, before: int, after: int) -> str:
    flipped = int(table["flips"].sum())
    text = (f"Each point is a country: across, GI-TOC's published change in {label.lower()} from {before} to {after}; "
            f"up, the change on the indicators both editions assess. {flipped} of {len(table)} countries "
            f"(marked ◆) change direction between the two readings.")
    missing = sorted(set(data.wide(after).index) - set(table.index))
    if missing:  # a country assessed in only one of the two editions has no change to split
        text += f" Not in the {before} edition, so not compared: {', '.join(missing)}."
    return text


def pair_note(app: Dash, data: IndexData, composite: str, before: int, after: int):
    """What differs between the two editions' indicators; where nothing does, why the chart is a diagonal and
    which pair has something to split."""
    found = lfl.basis(data, before, after)
    if not found.identical:
        return dbc.Alert(found.summary(data.catalogue), color="light", className="py-2 small mb-2")
    other = next((p for p in lfl.pairs(data) if not lfl.basis(data, *p).identical), None)
    suggestion = [] if other is None else [
        " Compare ", dcc.Link(f"{other[0]} → {other[1]}", className="alert-link",
                              href=ChangeState(composite=composite, before=other[0], after=other[1]).href(app)),
        " to see the effect of the indicators added between them."]
    return dbc.Alert([html.Strong("Nothing to split. "), found.summary(data.catalogue),
                      " Every country lies on the diagonal.", *suggestion], color="info", className="py-2 small mb-2")


def country_panel(app: Dash, data: IndexData, composite: str, before: int, after: int, iso3: str | None):
    label = data.catalogue[composite].label
    if iso3 is None:
        return dbc.Card(dbc.CardBody(html.P("Pick a country, or click a point, to see its change split into parts.",
                                            className="small text-body-secondary mb-0")))
    table = lfl.like_for_like(data, composite, before, after)
    if iso3 not in table.index:  # a country of the later edition only: there is no change to split
        return dbc.Card(dbc.CardBody(html.P(f"{data.wide(after).loc[iso3, 'country']} is not in the {before} edition: "
                                            "it has no change to split.", className="small mb-0")))
    row = table.loc[iso3]
    verb = {"rose": "rose", "fell": "fell", "unchanged": "did not change"}
    parts = lfl.indicator_changes(data, iso3, composite, before, after)
    flip = None
    if row["flips"]:
        flip = dbc.Alert([html.Strong("The two readings disagree. "),
                          f"Officially {label.lower()} {verb[row['official_direction']]} "
                          f"({row['official_change']:+.2f}); on the indicators both editions assess it "
                          f"{verb[row['like_for_like_direction']]} ({row['like_for_like_change']:+.2f})."],
                         color="warning", className="py-2 small")
    figures = html.Table(html.Tbody([
        html.Tr([html.Td("Official (GI-TOC)"), html.Td(f"{row['official_before']:.2f} → {row['official_after']:.2f}"),
                 html.Td(f"{row['official_change']:+.2f}", className="text-end fw-semibold")]),
        html.Tr([html.Td(["Like-for-like ", html.Span("(ours)", className="badge text-bg-info")]),
                 html.Td(f"{row['shared_before']:.2f} → {row['shared_after']:.2f}"),
                 html.Td(f"{row['like_for_like_change']:+.2f}", className="text-end fw-semibold")]),
        html.Tr([html.Td("Effect of indicators added or removed"), html.Td(""),
                 html.Td(f"{row['method_effect']:+.2f}", className="text-end fw-semibold")]),
    ]), className="table table-sm mb-2")
    rows = [html.Tr([html.Td(r["label"]), html.Td(r["status"]),
                     html.Td("—" if r["before"] != r["before"] else f"{r['before']:.2f}", className="text-end"),
                     html.Td("—" if r["after"] != r["after"] else f"{r['after']:.2f}", className="text-end")])
            for r in parts.to_dict("records")]
    return dbc.Card(dbc.CardBody([
        html.H2([dcc.Link(row["country"], href=country_href(app, iso3, after)), f" · {label}"], className="h5"),
        flip, figures,
        html.Details([
            html.Summary(f"Its {len(parts)} indicators, {before} and {after}", className="small"),
            html.Table([html.Thead(html.Tr([html.Th("Indicator"), html.Th("In"), html.Th(str(before)),
                                            html.Th(str(after))])), html.Tbody(rows)],
                       className="table table-sm small mb-0"),
        ], open=bool(row["flips"])),
    ]))


FLIP_COLUMNS = [grid.link("country", "Country", width=190), grid.fill(grid.text("region", "Region"), 150),
                grid.change("official_change", "Official change", width=100),
                grid.text("official_direction", "Officially", width=110),
                grid.change("like_for_like_change", "Like-for-like (ours)", width=125),
                grid.text("like_for_like_direction", "Like for like", width=110),
                grid.change("method_effect", "Effect of new indicators", width=125)]


def flips_of(app: Dash, data: IndexData, state: ChangeState) -> tuple[str, dag.AgGrid]:
    """The count line and the grid of the countries whose direction of change flips (whichever country is chosen).
    The grid comes whole: the page draws it after the first paint (deferred.mount_later)."""
    table = lfl.like_for_like(data, state.composite, state.before, state.after)
    flipped = table[table["flips"]]
    rows = flipped.assign(iso3=flipped.index, href=[country_href(app, iso3, state.after) for iso3 in flipped.index])
    columns = ["iso3", "href", "country", "region", "official_change", "official_direction", "like_for_like_change",
               "like_for_like_direction", "method_effect"]
    count = (f"{len(flipped)} of {len(table)} countries." if len(flipped) else
             "No country changes direction: both readings agree everywhere.")
    return count, grid.grid(ids.CHANGE.FLIPS, FLIP_COLUMNS, grid.records(rows[columns].round(2)), height="420px",
                            header_lines=2)


def update_flips(app: Dash, data: IndexData, controls: dict) -> tuple[str, dag.AgGrid]:
    return flips_of(app, data, ChangeState.from_controls(data, **controls))


def update(app: Dash, data: IndexData, controls: dict, present) -> tuple:
    return outputs_of(app, data, ChangeState.from_controls(data, **controls), present)


def outputs_of(app: Dash, data: IndexData, state: ChangeState, present) -> tuple:
    """The chart and its description, the country's panel and the note on the pair of editions."""
    composite, before, after, country = state.composite, state.before, state.after, state.country
    table = lfl.like_for_like(data, composite, before, after)
    label = data.catalogue[composite].label
    figure = change_scatter(table, label, before, after, country)
    return (charts.finish(figure, present, "like-for-like", composite, country, f"{before}-{after}"),
            describe(data, table, label, before, after), country_panel(app, data, composite, before, after, country),
            pair_note(app, data, composite, before, after))


def table_rows(data: IndexData, state: ChangeState):
    """The CSV: every country with both readings, and the pair of editions and the composite in every row."""
    table = lfl.like_for_like(data, state.composite, state.before, state.after).reset_index()
    for position, (column, value) in enumerate((("from_edition", state.before), ("to_edition", state.after),
                                                ("composite", state.composite), ("like_for_like_note", OURS))):
        table.insert(position, column, value)
    return table


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.CHANGE.GRAPH, "figure"), Output(ids.CHANGE.GRAPH_NOTE, "children"),
                 Output(ids.CHANGE.PANEL, "children"), Output(ids.CHANGE.PAIR_NOTE, "children"),
                 inputs={"controls": PAGE.inputs(), "present": Input(ids.SHELL.PRESENT, "data")},
                 prevent_initial_call=True)(lambda controls, present: update(app, store.index, controls, present))
    # Apart: choosing a country or presenting leaves the flips, and their grid, as they are.
    app.callback(Output(ids.CHANGE.FLIPS_COUNT, "children"), Output(ids.CHANGE.FLIPS_HOLDER, "children"),
                 inputs={"controls": PAGE.inputs("composite", "before", "after")},
                 prevent_initial_call=True)(lambda controls: update_flips(app, store.index, controls))
    app.callback(Output(ids.CHANGE.COUNTRY, "value"), Input(ids.CHANGE.GRAPH, "clickData"),
                 prevent_initial_call=True)(clicked_country)


PAGE = Page(
    state=ChangeState, layout=layout, title=title, register=register,
    nav=Nav("Like-for-like change", group="Insights"),
    controls={"composite": (ids.CHANGE.COMPOSITE, "value"), "before": (ids.CHANGE.BEFORE, "value"),
              "after": (ids.CHANGE.AFTER, "value"), "country": (ids.CHANGE.COUNTRY, "value")},
    tables={"table": Table(rows=table_rows, edition=lambda state: None,
                           name=lambda state: f"like-for-like_{state.composite}_{state.before}-{state.after}")},
)
