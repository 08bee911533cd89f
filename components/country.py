"""Country profile: every indicator of an edition against the averages, ranks, change, path and peers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, dcc, html

from figures.country import path_figure, profile_dots
from ocindex import comparability
from ocindex import drilldown as dd
from ocindex.catalogue import COMPOSITES
from ocindex.comparability import region_notes
from ocindex.index import IndexData
from ocindex.quadrant import classify, positions, split_for
from ocindex.store import DataStore
from serving import cache

from . import charts, deferred, grid, ids, narrative, regions, registry
from .common import (
    breadcrumbs,
    composite_summary,
    hidden_label,
    intersperse,
    notice,
    path_table,
    plain,
    radios,
    scroll_box,
)
from .registry import Page, Table
from .urlstate import CountryCodes, CountryInPath, Edition, Indicator, PageState, at_most, country_editions, href, param

MAX_PEERS = 4
COMPOSITES_IN_BOLD = {"rowClassRules": {"fw-semibold": "params.data.composite"}}  # grid option of the score tables
LINKS = ("One-page brief →", "Countries like this →", "Briefing deck →")
LINK_IDS = (ids.COUNTRY.BRIEF_LINK, ids.COUNTRY.SIMILAR_LINK, ids.COUNTRY.DECK_LINK)
COMPONENT_TITLES = {"criminal markets": "Criminal markets", "criminal actors": "Criminal actors",
                    "resilience": "Resilience"}


@dataclass(frozen=True)
class Peers(CountryCodes):
    """Other countries of the edition to show beside the country: `peers=COL,ECU`."""

    def parse(self, raw, data, values):
        if raw.upper() != values["iso3"]:
            return super().parse(raw, data, values)
        raise ValueError(f"Peer '{raw}' is the country itself: ignored.")


def path_indicators(data: IndexData, values=None) -> list[str]:
    return [option["value"] for option in path_options(data)]


@dataclass(frozen=True)
class CountryState(PageState, name="country", path="/country/<iso3>"):
    iso3: str = param(CountryInPath(), path=True)
    edition: int = param(Edition(allowed=country_editions), always=True)
    # None only in links (`href`): the URL's reader puts the nearest of the country's region in its place.
    peers: tuple[str, ...] | None = param(Peers(), default=None)
    indicator: str | None = param(Indicator(otherwise="the profile text shows every indicator"), default=None)
    trail: str | None = param(Indicator(path_indicators, "the path shows the composites only"), key="path",
                              default=None)

    @classmethod
    def settle(cls, values, data):
        if values["peers"] is None:
            values["peers"] = tuple(dd.default_peers(data, values["edition"], values["iso3"], MAX_PEERS))
        return at_most(values, "peers", MAX_PEERS, f"At most {MAX_PEERS} peers are shown: kept {{kept}}.")


def title(state: CountryState, data: IndexData) -> str:
    return f"{data.wide(state.edition).loc[state.iso3, 'country']} — Country profile"


def layout(app: Dash, store: DataStore, state: CountryState, notices: list[str]):
    data = store.index
    iso3, edition = state.iso3, state.edition
    name = data.wide(edition).loc[iso3, "country"]
    countries = data.countries()
    # The first view comes with the page (the page is built once per URL and cached): the callbacks below run only
    # when a control changes, or the projector styles the charts.
    summary, dots, absent, table = profile_outputs(state, False, profile_content(app, data, edition, iso3))
    path_chart, path_rows = path_outputs(data, state, False)
    return dbc.Container([
        dcc.Store(id=ids.COUNTRY.ISO3, data=iso3),
        breadcrumbs(app, [("Quadrant", "/"), (name, None)]),
        notice(ids.COUNTRY.NOTICE, notices),
        dbc.Row([
            dbc.Col(html.H1(name, className="h3 mb-0"), width="auto"),
            dbc.Col([hidden_label("Edition", ids.COUNTRY.EDITION),
                     radios(ids.COUNTRY.EDITION, value=edition, inline=True, options=[
                         {"label": str(e), "value": e} for e in country_editions(data, {"iso3": iso3})])], width="auto"),
            *[dbc.Col(dcc.Link(label, href=where, id=link), width="auto")
              for label, where, link in zip(LINKS, other_views(app, iso3, edition), LINK_IDS)],
        ], className="align-items-center g-3 mb-2"),
        dbc.Row([
            dbc.Col([
                dbc.Card(dbc.CardBody(summary, id=ids.COUNTRY.SUMMARY), className="mb-3"),
                dbc.Card([
                    dbc.CardHeader([
                        html.Span("Across editions", className="fw-semibold me-2"),
                        hidden_label("Indicator to add across editions", ids.COUNTRY.PATH_INDICATOR),
                        dcc.Dropdown(id=ids.COUNTRY.PATH_INDICATOR, options=path_options(data), value=state.trail,
                                     placeholder="Add an indicator…", className="oc-inline-dropdown ms-auto",
                                     style={"minWidth": "12rem"}),
                    ], className="py-1 d-flex align-items-center flex-wrap gap-1"),
                    charts.graph(ids.COUNTRY.PATH, "the path across editions", path_chart),
                    scroll_box("Across editions, as a table", path_rows, id=ids.COUNTRY.PATH_TABLE),
                ], className="mb-3"),
            ], lg=4),
            dbc.Col(dbc.Card([
                dbc.CardHeader("Every indicator against the averages", className="py-1 fw-semibold"),
                html.Div(absent, id=ids.COUNTRY.ABSENT),
                charts.graph(ids.COUNTRY.DOTS, "the indicator chart", dots),
            ]), lg=8),
        ], className="g-3"),
        narrative.card(ids.COUNTRY.NARRATIVE, narrative_of(store, state), header_extra=[
            hidden_label("Passages on", ids.COUNTRY.NARRATIVE_INDICATOR),
            dcc.Dropdown(id=ids.COUNTRY.NARRATIVE_INDICATOR, placeholder="All indicators",
                         className="ms-auto oc-inline-dropdown", value=state.indicator,
                         options=[{"label": i.label, "value": i.slug} for i in data.catalogue if not i.is_composite])],
            later=True),
        dbc.Card([registry.csv_header("Scores, ranks and change", CountryState.name),
                  # Below the fold: drawn once the charts are.
                  deferred.mount_later(table, ids.COUNTRY.TABLE_HOLDER)],
                 className="mb-3"),
        dbc.Card([
            dbc.CardHeader(dbc.Row([
                dbc.Col("Side by side with peers", className="fw-semibold"),
                dbc.Col([hidden_label("Peers", ids.COUNTRY.PEERS),
                         dcc.Dropdown(id=ids.COUNTRY.PEERS, multi=True, value=list(state.peers),
                                      placeholder=f"Choose up to {MAX_PEERS} peers",
                                      options=[{"label": n, "value": i} for i, n in
                                               zip(countries["iso3"], countries["country"]) if i != iso3])],
                        md=8),
            ], className="align-items-center"), className="py-1"),
            scroll_box("Side by side with peers", peers_table(app, data, edition, iso3, list(state.peers), later=True),
                       id=ids.COUNTRY.PEER_TABLE),
        ], className="mb-4"),
    ], fluid=True, className="py-2")


def path_options(data: IndexData) -> list[dict]:
    """Every indicator that is not a composite (the composites are always in the path), with the editions that
    assess it when not all do."""
    options = []
    for indicator in data.catalogue:
        if indicator.is_composite:
            continue
        editions = [e for e in data.editions if indicator in data.indicators(e)]
        if not editions:
            continue
        since = f" (from {editions[0]})" if len(editions) < len(data.editions) else ""
        options.append({"label": indicator.label + since, "value": indicator.slug})
    return options


def region_note(data: IndexData, iso3: str):
    notes = region_notes(data, iso3=iso3)
    if not notes:
        return None
    return html.P(["Regions differ between editions: ", " ".join(notes),
                   " Regional ranks and means of those editions do not compare."],
                  className="small text-body-secondary mb-0 mt-2", id=ids.COUNTRY.REGION_NOTE)


def header(app: Dash, data: IndexData, edition: int, iso3: str):
    points = positions(data, edition)
    point = points[points["iso3"] == iso3].iloc[0]
    quadrant = classify(points["criminality"], points["resilience"], split_for(points, "gitoc"))[point.name]
    return [
        html.Div(f"{point['continent']} · {point['region']} · {edition} edition", className="small text-body-secondary"),
        html.Div(quadrant, className="badge text-bg-light border my-2 text-wrap text-start"),
        *composite_summary(data, edition, iso3),
        html.Div(regions.standing_link(app, data, edition, iso3), className="small mt-2"),
        region_note(data, iso3),
    ]


def absent_note(data: IndexData, edition: int):
    note = comparability.absent_note(data, edition)
    return note and html.P(note, className="small text-body-secondary px-2 pt-2 mb-0")


def scores_columns(data: IndexData, edition: int, iso3: str) -> list[dict]:
    row = data.wide(edition).loc[iso3]
    previous = data.previous_edition(edition)
    def rank(field: str, header: str, size: str, **extra) -> dict:  # "114th of 193" whole
        return grid.integer(field, header, valueFormatter={"function": f"ocRank(params.value, params.data.{size})"},
                            width=125, **extra)
    columns = [grid.fill(grid.link("label", "Indicator", tooltipField="definition"), 200),
               grid.text("component", "Component"),
               grid.number("score", "Score", cellClass="fw-semibold"),
               rank("rank_global", "Global", "n_global"),
               # Named after the country's continent and region: of any length ("In Central Asia and the Caucasus").
               rank("rank_continent", f"In {row['continent']}", "n_continent", **grid.WRAPPED_HEADER),
               rank("rank_region", f"In {row['region']}", "n_region", **grid.WRAPPED_HEADER)]
    if previous:
        columns.append(grid.change("change", f"Change since {previous}", width=110))
    return columns


def scores_rows(app: Dash, data: IndexData, edition: int, profile) -> list[dict]:
    """profile: dd.country_profile() of the country and edition; one row per indicator, composites first of each
    component (marked, shown in bold)."""
    indicators = [data.catalogue[slug] for slug in profile["indicator"]]
    iso3 = profile["iso3"].iloc[0]
    return grid.records(pd.DataFrame({
        "slug": profile["indicator"], "label": [i.label for i in indicators], "definition": [i.definition for i in indicators],
        "href": [href(app, "indicator", slug=i.slug, edition=edition, country=iso3) for i in indicators],
        "component": [COMPONENT_TITLES.get(c, "Criminality") for c in profile["component"]],
        "composite": [i.is_composite for i in indicators], "score": profile["score"],
        **{c: profile[c].astype(int) for c in ("rank_global", "n_global", "rank_continent", "n_continent",
                                               "rank_region", "n_region")},
        "change": profile["change"].where(~profile["is_new"].astype(bool)).round(2)}))


def peers_table(app: Dash, data: IndexData, edition: int, iso3: str, peers: list[str], later: bool = False):
    """Every indicator's score for the country and its peers: a grid fed with one row per indicator (composites
    in bold, the definition on hover), the countries' profiles linked above it. `later`: the grid is drawn after
    the first paint."""
    wide = data.wide(edition)
    columns = [iso3] + [p for p in peers if p in wide.index][:MAX_PEERS]
    indicators = data.indicators(edition)
    rows = grid.records(pd.DataFrame({
        "slug": [i.slug for i in indicators], "label": [i.label for i in indicators],
        "definition": [i.definition for i in indicators], "composite": [i.is_composite for i in indicators],
        **{c: wide.loc[c, [i.slug for i in indicators]].astype(float).tolist() for c in columns}}))
    links = [dcc.Link(wide.loc[c, "country"], href=CountryState(iso3=c, edition=edition).href(app)) for c in columns]
    column_defs = [grid.fill(grid.text("label", "Indicator", tooltipField="definition"), 180)] + [
        grid.number(c, wide.loc[c, "country"], width=130, **grid.WRAPPED_HEADER,
                    **({"cellClass": "fw-semibold"} if n == 0 else {}))
        for n, c in enumerate(columns)]
    table = grid.grid(ids.COUNTRY.PEER_GRID, column_defs, rows, row_id="slug",
                      options=COMPOSITES_IN_BOLD)
    return [html.Div(["Profiles: ", *intersperse(links, " · ")], className="small px-2 py-1"),
            deferred.mount_later(table, ids.COUNTRY.PEER_GRID_HOLDER) if later else table]


def profile_content(app: Dash, data: IndexData, edition: int, iso3: str) -> tuple:
    """What changes with the edition: summary, dot plot, note on absent indicators, the table's rows and columns."""
    profile = dd.country_profile(data, edition, iso3)
    name = data.wide(edition).loc[iso3, "country"]
    return plain((header(app, data, edition, iso3), profile_dots(profile, name), absent_note(data, edition),
                  scores_rows(app, data, edition, profile), scores_columns(data, edition, iso3)))


def profile_outputs(state: CountryState, present, content: tuple) -> tuple:
    """content: profile_content's for the state's edition and country. The scores grid comes whole: the page draws it
    after the first paint (deferred.mount_later), so callbacks replace it rather than set its rows."""
    summary, dots, absent, rows, columns = content
    return (summary, charts.finish(dots, present, state.iso3, "indicators", state.edition), absent,
            grid.grid(ids.COUNTRY.TABLE, columns, rows, row_id="slug", header_lines=2, options=COMPOSITES_IN_BOLD))


def update_profile(data: IndexData, controls: dict, present, content: Callable[[int, str], tuple]) -> tuple:
    """content(edition, iso3): profile_content's, cached."""
    state = CountryState.from_controls(data, **controls)
    return profile_outputs(state, present, content(state.edition, state.iso3))


def update_path(data: IndexData, controls: dict, present) -> tuple:
    return path_outputs(data, CountryState.from_controls(data, **controls), present)


def path_outputs(data: IndexData, state: CountryState, present) -> tuple:
    extra = () if state.trail is None else (state.trail,)
    path = dd.country_path(data, state.iso3, COMPOSITES + extra)
    figure = path_figure(path, ("criminality", "resilience") + extra)
    return charts.finish(figure, present, state.iso3, "path", *extra), path_table(data, path)


def other_views(app: Dash, iso3: str, edition: int) -> tuple[str, str, str]:
    """The country's brief, countries like it and its briefing deck, of the edition shown."""
    return (href(app, "brief", iso3=iso3, edition=edition), href(app, "similar", iso3=iso3, edition=edition),
            href(app, "deck", edition=edition, countries=(iso3,)))


def update_links(app: Dash, data: IndexData, controls: dict) -> tuple[str, str, str]:
    state = CountryState.from_controls(data, **controls)
    return other_views(app, state.iso3, state.edition)


def update_narrative(store: DataStore, controls: dict):
    return narrative_of(store, CountryState.from_controls(store.index, **controls))


def narrative_of(store: DataStore, state: CountryState):
    return narrative.for_country(store.narratives, store.index, state.iso3, state.edition, state.indicator,
                                 list_documents=True)


def update_peers(app: Dash, data: IndexData, controls: dict):
    state = CountryState.from_controls(data, **controls)
    return peers_table(app, data, state.edition, state.iso3, list(state.peers))


def register(app: Dash, store: DataStore) -> None:
    @cache.of(app.server).memoize()
    def content(sha256: str, edition: int, iso3: str):  # noqa: ARG001 - the data's hash keys the cache
        return profile_content(app, store.index, edition, iso3)

    # The page comes with its first view (see layout): these run when a control changes or presentation mode does.
    present = Input(ids.SHELL.PRESENT, "data")
    app.callback(Output(ids.COUNTRY.SUMMARY, "children"), Output(ids.COUNTRY.DOTS, "figure"),
                 Output(ids.COUNTRY.ABSENT, "children"), Output(ids.COUNTRY.TABLE_HOLDER, "children"),
                 inputs={"controls": PAGE.inputs("edition", state=("iso3",)), "present": present},
                 prevent_initial_call=True)(lambda controls, present: update_profile(
                     store.index, controls, present, lambda edition, iso3: content(store.index.sha256, edition, iso3)))
    app.callback(Output(ids.COUNTRY.PATH, "figure"), Output(ids.COUNTRY.PATH_TABLE, "children"),
                 inputs={"controls": PAGE.inputs("trail", state=("iso3",)), "present": present},
                 prevent_initial_call=True)(lambda controls, present: update_path(store.index, controls, present))
    app.callback([Output(link, "href") for link in LINK_IDS],
                 inputs={"controls": PAGE.inputs("edition", state=("iso3",))},
                 prevent_initial_call=True)(lambda controls: update_links(app, store.index, controls))
    app.callback(Output(ids.COUNTRY.NARRATIVE, "children"),
                 inputs={"controls": PAGE.inputs("edition", "indicator", state=("iso3",))},
                 prevent_initial_call=True)(lambda controls: update_narrative(store, controls))
    app.callback(Output(ids.COUNTRY.PEER_TABLE, "children"),
                 inputs={"controls": PAGE.inputs("edition", "peers", state=("iso3",))},
                 prevent_initial_call=True)(lambda controls: update_peers(app, store.index, controls))


PAGE = Page(
    state=CountryState, layout=layout, title=title, register=register,
    controls={"iso3": (ids.COUNTRY.ISO3, "data"), "edition": (ids.COUNTRY.EDITION, "value"),
              "peers": (ids.COUNTRY.PEERS, "value"), "indicator": (ids.COUNTRY.NARRATIVE_INDICATOR, "value"),
              "trail": (ids.COUNTRY.PATH_INDICATOR, "value")},
    tables={"table": Table(rows=lambda data, state: dd.country_profile(data, state.edition, state.iso3)
                           .drop(columns="edition"), name=lambda state: state.iso3)},
)
