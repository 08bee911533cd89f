"""One-page country brief: `/brief/<ISO3>?edition=2021`, laid out to print on one A4 or Letter page."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html

from figures.indicator import choropleth
from figures.quadrant import quadrant_chart
from ocindex import drilldown as dd
from ocindex.brief import Brief, build_brief
from ocindex.index import IndexData
from ocindex.ranks import rank_phrase
from ocindex.store import DataStore

from . import charts, clientside, ids, narrative
from .common import change_text, country_href, notice
from .regions import RegionsState
from .registry import Page
from .urlstate import CountryInPath, Edition, PageState, country_editions, param

MAP_INDICATOR = "criminality"


@dataclass(frozen=True)
class BriefState(PageState, name="brief", path="/brief/<iso3>"):
    iso3: str = param(CountryInPath(), path=True)
    edition: int = param(Edition(allowed=country_editions), always=True)


def title(state: BriefState, data: IndexData) -> str:
    return f"{data.wide(state.edition).loc[state.iso3, 'country']} — Organized crime brief"


def brief_figure(data: IndexData, iso3: str, edition: int) -> dict:
    figure = quadrant_chart(data, edition, country=iso3).figure
    # A fixed size: the printed page is narrower than the screen, and Plotly does not re-lay out for print.
    figure["layout"].update(width=340, height=285, autosize=False, margin=dict(l=45, r=5, t=28, b=40),
                            showlegend=True, font=dict(size=10),
                            # Clear of the plot's frame, which its (white) box hid in part.
                            legend=dict(orientation="h", y=1.03, yanchor="bottom", x=0, font=dict(size=9),
                                        itemwidth=30, tracegroupgap=0, bgcolor="rgba(0,0,0,0)"))
    for trace in figure["data"]:  # continents only: the movement arrow explains itself
        if trace.get("name") == "Movement":
            trace["showlegend"] = False
    name = data.wide(edition).loc[iso3, "country"]
    for annotation in figure["layout"]["annotations"]:
        if annotation["text"] == f"<b>{escape(name)}</b>":
            # Beside its marker, not at the end of an arrow: on the small printed chart an arrow's offset reads
            # as a label belonging to a neighbouring point.
            right = annotation.pop("ax") > 0
            annotation.pop("ay")
            annotation.update(showarrow=False, xanchor="left" if right else "right", yanchor="middle",
                              xshift=11 if right else -11)
    return figure


def map_figure(data: IndexData, iso3: str, edition: int) -> dict:
    """Criminality by country, the country outlined, sized for its column of the printed page (a third of A4's
    190 mm, less the gutter: 220 px)."""
    figure = choropleth(dd.ranked(data, edition, MAP_INDICATOR), data.catalogue[MAP_INDICATOR], selected=iso3)
    figure["layout"].update(width=215, height=126, autosize=False, font=dict(size=9))
    figure["layout"]["geo"]["resolution"] = 110  # the finer outlines add nothing at this size
    figure["data"][0]["colorbar"].update(thickness=8, len=0.9, title=dict(text=""))
    return figure


def _scores(brief: Brief, data: IndexData, name: str) -> list:
    """The brief's list `name` (a field of Brief) as a table, and those tied with its last row named below it."""
    rows, tied = getattr(brief, name), brief.tied[name]
    if rows.empty:  # the strongest, where every indicator scores as low as the weakest shown
        return [html.P("None scores above the weakest.", className="small text-body-secondary mb-1")]
    body = [html.Tr([
        html.Td(data.catalogue[r["indicator"]].label),
        html.Td(f"{r['score']:.2f}", className="text-end fw-semibold"),
        html.Td(rank_phrase(r["rank_global"], r["n_global"]), className="text-end text-body-secondary text-nowrap"),
    ]) for r in rows.to_dict("records")]
    table = html.Table(html.Tbody(body), className="table table-sm mb-1 oc-brief-table")
    if tied.empty:
        return [table]
    names = ", ".join(data.catalogue[slug].label for slug in tied["indicator"])
    return [table, html.P(f"Also at {tied['score'].iloc[0]:.2f}: {names}.", className="small text-body-secondary mb-1")]


def _own_scores(which: str) -> html.Span:
    return html.Span(f"(its {which} scores)", className="fw-normal text-body-secondary small")


def _region_table(brief: Brief, data: IndexData) -> html.Table:
    rows = [html.Tr([
        html.Th(data.catalogue[r["indicator"]].label, scope="row", className="fw-normal"),
        html.Td(f"{r['score']:.2f}", className="text-end fw-semibold"),
        html.Td(change_text(r["change"], brief.previous) if r["note"] == "" else "—", className="text-end",
                title=r["note"] or None),
        html.Td(rank_phrase(r["rank"], r["size"]), className="text-end"),
        html.Td(f"{r['world']:.2f}", className="text-end text-body-secondary"),
    ]) for r in brief.region_standing.to_dict("records")]
    head = html.Thead(html.Tr([html.Th("Average of"), html.Th("Score", className="text-end"),
                               html.Th("Δ", className="text-end"), html.Th("Among regions", className="text-end"),
                               html.Th("World", className="text-end")]))
    return html.Table([head, html.Tbody(rows)], className="table table-sm mb-0 oc-brief-table")


def layout(app: Dash, store: DataStore, state: BriefState, notices: list[str]):
    data = store.index
    iso3, edition = state.iso3, state.edition
    brief = build_brief(data, store.narratives, iso3, edition)
    composite_rows = []
    for r in brief.composites.to_dict("records"):
        composite_rows.append(html.Tr([
            html.Th(data.catalogue[r["indicator"]].label, scope="row",
                    className="ps-3 fw-normal" if r["indicator"] in ("criminal-markets", "criminal-actors") else ""),
            html.Td(f"{r['score']:.2f}", className="text-end fw-semibold fs-6"),
            html.Td(change_text(r["change"], brief.previous), className="text-end"),
            html.Td([rank_phrase(r["rank_global"], r["n_global"]), html.Br(),
                     rank_phrase(r["rank_region"], r["n_region"], r["region"])], className="small"),
        ]))
    excerpts = [html.Li([html.Span(" · ".join(data.catalogue[s].label for s in e.indicators) + ": ",
                                   className="fw-semibold"),
                         *narrative.highlighted(e.sentence.text, tuple(t for link in e.links for t in link.terms)),
                         html.Span([" (", narrative.document_link(e.document), ")"], className="text-body-secondary")])
                for e in brief.excerpts]
    return dbc.Container([
        notice(ids.BRIEF.NOTICE, notices),
        html.Div([
            dbc.Button("Print or save as PDF", id=ids.BRIEF.PRINT, color="primary", size="sm", className="me-2"),
            dcc.Clipboard(id=ids.BRIEF.COPY, title="Copy the link to this brief", className="btn btn-outline-secondary btn-sm oc-copy"),
            dcc.Link(f"Back to {brief.country}'s profile", href=country_href(app, iso3, edition), className="ms-3"),
        ], className="oc-no-print d-flex align-items-center my-2"),
        html.Article([
            html.Header([
                html.H1(f"{brief.country}: organized crime brief", className="h4 mb-0"),
                html.Div(f"{brief.continent} · {brief.region} · Global Organized Crime Index {edition}"
                         + (f" (change since {brief.previous})" if brief.previous else ""),
                         className="text-body-secondary small"),
            ], className="mb-2 border-bottom pb-1"),
            html.H2("In brief", className="h6 mb-1"),
            html.Ul([html.Li(sentence) for sentence in brief.findings], id=ids.BRIEF.FINDINGS,
                    className="mb-2 oc-brief-findings"),
            dbc.Row([
                dbc.Col(charts.graph(ids.BRIEF.GRAPH, "the quadrant chart",
                                     charts.finish(brief_figure(data, iso3, edition), False, "brief", iso3, edition),
                                     responsive=False, config={"displayModeBar": False}, className="oc-brief-graph"),
                        sm=6),
                dbc.Col([
                    html.Div(brief.quadrant, className="badge text-bg-light border mb-1"),
                    html.Table([html.Thead(html.Tr([html.Th(""), html.Th("Score", className="text-end"),
                                                    html.Th("Δ", className="text-end"), html.Th("Rank")])),
                                html.Tbody(composite_rows)], className="table table-sm oc-brief-table"),
                    html.H2([f"{brief.region} among regions ", html.Span(
                        "(averages of member countries: ours)", className="fw-normal text-body-secondary small")],
                        className="h6 mb-1"),
                    _region_table(brief, data),
                    dcc.Link("Every region ranked →", href=RegionsState(edition=edition, country=iso3).href(app),
                             className="small oc-no-print"),
                ], sm=6),
            ], className="g-2"),
            dbc.Row([
                dbc.Col([html.H2("Largest criminal markets", className="h6 mb-1"), *_scores(brief, data, "top_markets"),
                         html.H2("Most influential actors", className="h6 mb-1"), *_scores(brief, data, "top_actors")],
                        sm=6),
                # By the country's own scores: a 'strongest' may rank below a 'weakest' among countries.
                dbc.Col([html.H2(["Weakest resilience ", _own_scores("lowest")], className="h6 mb-1"),
                         *_scores(brief, data, "weakest_resilience"),
                         html.H2(["Strongest resilience ", _own_scores("highest")], className="h6 mb-1"),
                         *_scores(brief, data, "strongest_resilience")], sm=6),
            ], className="g-3"),
            dbc.Row([
                dbc.Col([html.H2(f"{data.catalogue[MAP_INDICATOR].label}, {edition}: {brief.country} outlined",
                                 className="h6 mb-0"),
                         charts.graph(ids.BRIEF.MAP, "the criminality map",
                                      charts.finish(map_figure(data, iso3, edition), False, "brief", iso3, "map",
                                                    edition),
                                      responsive=False, className="oc-brief-graph",
                                      config={"displayModeBar": False,
                                              "topojsonURL": app.get_relative_path("/vendor/topojson/")})],
                        sm=4),
                dbc.Col([html.H2("What the profile says", className="h6 mb-1"),
                         html.Ul(excerpts, className="small mb-1 oc-brief-excerpts") if excerpts else
                         narrative.no_profile()], sm=8),
            ], className="g-3"),
            html.Footer(["Sources: " + "; ".join(brief.sources) + ". Scores 1–10; ranks: higher score first, ties "
                         "share a place. ",
                         dcc.Store(id=ids.BRIEF.HREF, data=state.href(app)),
                         html.Span(f"View online: {state.href(app)}", id=ids.BRIEF.URL, className="oc-print-only")],
                        className="small text-body-secondary border-top pt-1 mt-1"),
        ], className="oc-brief"),
    ], className="py-1", style={"maxWidth": "60rem"})


def register(app: Dash, store: DataStore) -> None:  # noqa: ARG001 - the page's callbacks run in the browser
    app.clientside_callback(clientside.function("print"), Input(ids.BRIEF.PRINT, "n_clicks"),
                            prevent_initial_call=True)
    app.clientside_callback(clientside.function("currentHref"),
                            Output(ids.BRIEF.COPY, "content"), Input(ids.BRIEF.COPY, "n_clicks"),
                            prevent_initial_call=True)
    # On paper a link needs its host, which only the browser knows (the page is cached for every host).
    app.clientside_callback(clientside.function("viewOnline"),
                            Output(ids.BRIEF.URL, "children"), Input(ids.BRIEF.HREF, "data"))


PAGE = Page(state=BriefState, layout=layout, title=title, register=register)
