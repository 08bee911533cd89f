"""Country profile: every indicator of an edition against the averages, ranks, change, path and peers."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html

from figures.country import path_figure, profile_dots
from ocindex import comparability
from ocindex import drilldown as dd
from ocindex.catalogue import COMPOSITES
from ocindex.comparability import region_notes
from ocindex.index import IndexData
from ocindex.quadrant import classify, positions, split_for
from ocindex.store import DataStore
from serving import cache

from . import charts, downloads, grid, ids, narrative, regions
from .common import (
    breadcrumbs,
    checked_choice,
    checked_country,
    checked_edition,
    checked_list,
    composite_summary,
    edition_param,
    help_text,
    last,
    no_update_error,
    notice,
    path_table,
    plain,
    unknown_country,
)
from .shell import Page

MAX_PEERS = 4
COMPONENT_TITLES = {"criminal markets": "Criminal markets", "criminal actors": "Criminal actors",
                    "resilience": "Resilience"}


def peers_param(query, data: IndexData, edition: int, iso3: str) -> tuple[list[str], list[str]]:
    raw = last(query, "peers")
    if raw is None:
        return dd.default_peers(data, edition, iso3, MAX_PEERS), []
    asked = [p.strip().upper() for p in raw.split(",") if p.strip()]
    known = [p for p in dict.fromkeys(asked) if p in data.wide(edition).index and p != iso3]
    notices = []
    if len(known) < len(asked):
        notices.append(f"Peers '{raw}': only known ISO3 codes other than the country itself are kept.")
    if len(known) > MAX_PEERS:
        notices.append(f"At most {MAX_PEERS} peers are shown.")
    return known[:MAX_PEERS], notices


def layout(app: Dash, store: DataStore, query, iso3: str):
    data = store.index
    iso3 = iso3.upper()
    if (missing := unknown_country(app, data, f"/country/{iso3}", iso3)) is not None:
        return missing
    edition, notices = edition_param(query, data)
    peers, peer_notices = peers_param(query, data, edition, iso3)
    name = data.wide(edition).loc[iso3, "country"]
    countries = data.countries()
    path_indicator = last(query, "path")
    if path_indicator is not None and (path_indicator not in data.catalogue or
                                       data.catalogue[path_indicator].is_composite):
        notices.append(f"Indicator '{path_indicator}' is unknown; the path shows the composites only.")
        path_indicator = None
    return dbc.Container([
        dcc.Location(id=ids.COUNTRY.URL, refresh=False),
        dcc.Store(id=ids.COUNTRY.ISO3, data=iso3),
        breadcrumbs(app, [("Quadrant", "/"), (name, None)]),
        notice(ids.COUNTRY.NOTICE, notices + peer_notices),
        dbc.Row([
            dbc.Col(html.H1(name, className="h3 mb-0"), width="auto"),
            dbc.Col(dbc.RadioItems(id=ids.COUNTRY.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                                   value=edition, inline=True), width="auto"),
            dbc.Col(dcc.Link("One-page brief →", href=app.get_relative_path(f"/brief/{iso3}") + f"?edition={edition}",
                             id=ids.COUNTRY.BRIEF_LINK), width="auto"),
            dbc.Col(dcc.Link("Countries like this →", href=app.get_relative_path(f"/similar/{iso3}")
                             + f"?edition={edition}"), width="auto"),
            dbc.Col(dcc.Link("Briefing deck →", href=app.get_relative_path("/deck")
                             + f"?countries={iso3}&edition={edition}"), width="auto"),
        ], className="align-items-center g-3 mb-2"),
        dbc.Row([
            dbc.Col([
                dbc.Card(dbc.CardBody(id=ids.COUNTRY.SUMMARY), className="mb-3"),
                dbc.Card([
                    dbc.CardHeader([
                        html.Span("Across editions", className="fw-semibold me-2"),
                        dcc.Dropdown(id=ids.COUNTRY.PATH_INDICATOR, options=path_options(data), value=path_indicator,
                                     placeholder="Add an indicator…", className="oc-inline-dropdown ms-auto",
                                     style={"minWidth": "12rem"}),
                    ], className="py-1 d-flex align-items-center flex-wrap gap-1"),
                    charts.graph(ids.COUNTRY.PATH, "the path across editions"),
                    html.Div(id=ids.COUNTRY.PATH_TABLE),
                ], className="mb-3"),
            ], lg=4),
            dbc.Col(dbc.Card([
                dbc.CardHeader("Every indicator against the averages", className="py-1 fw-semibold"),
                html.Div(id=ids.COUNTRY.ABSENT),
                charts.graph(ids.COUNTRY.DOTS, "the indicator chart"),
            ]), lg=8),
        ], className="g-3"),
        narrative.card(ids.COUNTRY.NARRATIVE, header_extra=dcc.Dropdown(
            id=ids.COUNTRY.NARRATIVE_INDICATOR, placeholder="All indicators", className="ms-auto oc-inline-dropdown",
            options=[{"label": i.label, "value": i.slug} for i in data.catalogue if not i.is_composite],
            value=last(query, "indicator") if last(query, "indicator") in data.catalogue else None)),
        dbc.Card([downloads.card_header("Scores, ranks and change", ids.COUNTRY.CSV, ids.COUNTRY.CSV_FILE),
                  # Composites in bold.
                  grid.grid(ids.COUNTRY.TABLE, scores_columns(data, edition, iso3), row_id="slug",
                            options={"rowClassRules": {"fw-semibold": "params.data.composite"}})],
                 className="mb-3"),
        dbc.Card([
            dbc.CardHeader(dbc.Row([
                dbc.Col("Side by side with peers", className="fw-semibold"),
                dbc.Col(dcc.Dropdown(id=ids.COUNTRY.PEERS, multi=True, value=peers, placeholder="Choose up to 4 peers",
                                     options=[{"label": n, "value": i} for i, n in
                                              zip(countries["iso3"], countries["country"]) if i != iso3]),
                        md=8),
            ], className="align-items-center"), className="py-1"),
            html.Div(id=ids.COUNTRY.PEER_TABLE),
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
        html.Div(quadrant, className="badge text-bg-light border my-2"),
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
    rank = "ocRank(params.value, params.data.{})".format
    columns = [grid.link("label", "Indicator", minWidth=200, flex=3, tooltipField="definition"),
               grid.text("component", "Component", minWidth=130, flex=2),
               grid.number("score", "Score", cellClass="fw-semibold", maxWidth=100),
               grid.integer("rank_global", "Global", valueFormatter={"function": rank("n_global")}),
               grid.integer("rank_continent", f"In {row['continent']}", valueFormatter={"function": rank("n_continent")}),
               grid.integer("rank_region", f"In {row['region']}", valueFormatter={"function": rank("n_region")})]
    if previous:
        columns.append(grid.change("change", f"Change since {previous}", maxWidth=120))
    return columns


def scores_rows(app: Dash, data: IndexData, edition: int, profile) -> list[dict]:
    """profile: dd.country_profile() of the country and edition; one row per indicator, composites first of each
    component (marked, shown in bold)."""
    indicators = [data.catalogue[slug] for slug in profile["indicator"]]
    query = f"?edition={edition}&country={profile['iso3'].iloc[0]}"
    return grid.records(pd.DataFrame({
        "slug": profile["indicator"], "label": [i.label for i in indicators], "definition": [i.definition for i in indicators],
        "href": [app.get_relative_path(f"/indicator/{i.slug}") + query for i in indicators],
        "component": [COMPONENT_TITLES.get(c, "Criminality") for c in profile["component"]],
        "composite": [i.is_composite for i in indicators], "score": profile["score"],
        **{c: profile[c].astype(int) for c in ("rank_global", "n_global", "rank_continent", "n_continent",
                                               "rank_region", "n_region")},
        "change": profile["change"].where(~profile["is_new"].astype(bool)).round(2)}))


def peers_table(app: Dash, data: IndexData, edition: int, iso3: str, peers: list[str]):
    wide = data.wide(edition)
    columns = [iso3] + [p for p in peers if p in wide.index][:MAX_PEERS]
    head = html.Thead(html.Tr([html.Th("Indicator")] + [
        html.Th(dcc.Link(wide.loc[c, "country"], href=app.get_relative_path(f"/country/{c}") + f"?edition={edition}"),
                className="text-end") for c in columns]))
    body = []
    for indicator in data.indicators(edition):
        scores = [wide.loc[c, indicator.slug] for c in columns]
        body.append(html.Tr([html.Td(help_text(indicator), className="fw-semibold" if indicator.is_composite else "ps-3")]
                            + [html.Td(f"{s:.2f}", className="text-end" + (" fw-semibold" if n == 0 else ""))
                               for n, s in enumerate(scores)]))
    return dbc.Table([head, html.Tbody(body)], size="sm", hover=True, className="mb-0 small")


def register(app: Dash, store: DataStore) -> None:
    @cache.of(app.server).memoize()
    def content(sha256: str, edition: int, iso3: str):  # noqa: ARG001 - the data's hash keys the cache
        data = store.index
        profile = dd.country_profile(data, edition, iso3)
        name = data.wide(edition).loc[iso3, "country"]
        return plain((header(app, data, edition, iso3), profile_dots(profile, name), absent_note(data, edition),
                      scores_rows(app, data, edition, profile), scores_columns(data, edition, iso3)))

    @app.callback(Output(ids.COUNTRY.SUMMARY, "children"), Output(ids.COUNTRY.DOTS, "figure"), Output(ids.COUNTRY.ABSENT, "children"),
                  Output(ids.COUNTRY.TABLE, "rowData"), Output(ids.COUNTRY.TABLE, "columnDefs"),
                  Input(ids.COUNTRY.EDITION, "value"), Input(ids.SHELL.PRESENT, "data"), State(ids.COUNTRY.ISO3, "data"))
    def update(edition, present, iso3):
        data = store.index
        edition = checked_edition(edition, data)
        iso3 = checked_country(iso3, data, edition) or no_update_error()
        summary, dots, absent, rows, columns = content(data.sha256, edition, iso3)
        return summary, charts.finish(dots, present, iso3, "indicators", edition), absent, rows, columns

    @app.callback(Output(ids.COUNTRY.PATH, "figure"), Output(ids.COUNTRY.PATH_TABLE, "children"),
                  Input(ids.COUNTRY.PATH_INDICATOR, "value"), Input(ids.SHELL.PRESENT, "data"), State(ids.COUNTRY.ISO3, "data"))
    def update_path(indicator, present, iso3):
        data = store.index
        if not isinstance(iso3, str) or iso3 not in set(data.tidy["iso3"]):
            no_update_error()
        extra = () if indicator is None else (checked_choice(indicator, {o["value"] for o in path_options(data)}),)
        path = dd.country_path(data, iso3, COMPOSITES + extra)
        figure = path_figure(path, ("criminality", "resilience") + extra)
        return charts.finish(figure, present, iso3, "path", *extra), path_table(data, path)

    @app.callback(Output(ids.COUNTRY.CSV_FILE, "data"), Input(ids.COUNTRY.CSV, "n_clicks"), State(ids.COUNTRY.EDITION, "value"),
                  State(ids.COUNTRY.ISO3, "data"), prevent_initial_call=True)
    def download(_clicks, edition, iso3):
        edition = checked_edition(edition, store.index)
        iso3 = checked_country(iso3, store.index, edition) or no_update_error()
        return downloads.csv_file(dd.country_profile(store.index, edition, iso3).drop(columns="edition"), edition,
                                  iso3)

    @app.callback(Output(ids.COUNTRY.BRIEF_LINK, "href"), Input(ids.COUNTRY.EDITION, "value"), State(ids.COUNTRY.ISO3, "data"),
                  prevent_initial_call=True)
    def update_brief_link(edition, iso3):
        edition = checked_edition(edition, store.index)
        iso3 = checked_country(iso3, store.index, edition) or no_update_error()
        return app.get_relative_path(f"/brief/{iso3}") + f"?edition={edition}"

    @app.callback(Output(ids.COUNTRY.NARRATIVE, "children"), Input(ids.COUNTRY.EDITION, "value"),
                  Input(ids.COUNTRY.NARRATIVE_INDICATOR, "value"), State(ids.COUNTRY.ISO3, "data"))
    def update_narrative(edition, indicator, iso3):
        data = store.index
        edition = checked_edition(edition, data)
        iso3 = checked_country(iso3, data, edition) or no_update_error()
        indicator = None if indicator is None else checked_choice(indicator, {i.slug for i in data.catalogue})
        return narrative.for_country(store.narratives, data, iso3, edition, indicator, list_documents=True)

    @app.callback(Output(ids.COUNTRY.PEER_TABLE, "children"),
                  Input(ids.COUNTRY.EDITION, "value"), Input(ids.COUNTRY.PEERS, "value"), State(ids.COUNTRY.ISO3, "data"))
    def update_peers(edition, peers, iso3):
        data = store.index
        edition = checked_edition(edition, data)
        iso3 = checked_country(iso3, data, edition) or no_update_error()
        return peers_table(app, data, edition, iso3, list(checked_list(peers, set(data.wide(edition).index))))

    @app.callback(Output(ids.COUNTRY.URL, "search"), Input(ids.COUNTRY.EDITION, "value"), Input(ids.COUNTRY.PEERS, "value"),
                  Input(ids.COUNTRY.NARRATIVE_INDICATOR, "value"), Input(ids.COUNTRY.PATH_INDICATOR, "value"),
                  prevent_initial_call=True)
    def sync_url(edition, peers, indicator, path):
        data = store.index
        edition = checked_edition(edition, data)
        peers = checked_list(peers, set(data.wide(edition).index))
        indicator = None if indicator is None else checked_choice(indicator, {i.slug for i in data.catalogue})
        path = None if path is None else checked_choice(path, {o["value"] for o in path_options(data)})
        pairs = [("edition", edition), ("peers", ",".join(peers))] + ([("indicator", indicator)] if indicator else [])
        pairs += [("path", path)] if path else []
        return "?" + urlencode(pairs)


PAGE = Page(pattern=r"/country/(?P<iso3>[A-Za-z]{3})", layout=layout, kind="Country profile")
