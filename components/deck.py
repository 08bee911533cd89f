"""Briefing deck export: `/deck?countries=PER,COL&views=quadrant,profile` builds a PowerPoint deck and a PDF in
the background, with progress and a cancel button, then offers both files for download."""

from __future__ import annotations

import base64
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html

from deck.build import (
    MAX_COUNTRIES,
    MAX_VIEWS,
    ChangeLink,
    DeckError,
    build_deck,
    check_request,
    chromium_renderer,
)
from deck.views import VIEWS
from ocindex.index import IndexData
from ocindex.store import DataStore
from serving import jobs

from . import clientside, ids
from .common import breadcrumbs, country_options, notice, radios
from .registry import Nav, Page
from .urlstate import Choice, CountryCodes, Edition, PageState, at_most, href, param, path

DEFAULT_VIEWS = ("quadrant", "region", "profile", "path", "map")
log = logging.getLogger(__name__)
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Views(Choice):
    """Several views, comma-separated: `views=quadrant,profile`."""

    many = True
    joined = True


@dataclass(frozen=True)
class DeckState(PageState, name="deck", path="/deck"):
    edition: int = param(Edition(), always=True)
    countries: tuple[str, ...] = param(CountryCodes(), always=True, default=())
    views: tuple[str, ...] = param(Views(tuple(VIEWS), "View"), always=True, default=DEFAULT_VIEWS)

    @classmethod
    def settle(cls, values, data):
        return at_most(values, "countries", MAX_COUNTRIES, f"A deck holds at most {MAX_COUNTRIES} countries: kept {{kept}}.")


def title(state: DeckState, data: IndexData) -> str:
    names = data.countries().set_index("iso3")["country"]
    listed = ", ".join(names.get(c, c) for c in state.countries)
    return f"{listed} — Briefing deck" if listed else "Briefing deck"


def layout(app: Dash, store: DataStore, state: DeckState, notices: list[str]):
    data = store.index
    return dbc.Container([
        dcc.Store(id=ids.DECK.RESULT),
        breadcrumbs(app, [("Quadrant", "/"), ("Briefing deck", None)]),
        notice(ids.DECK.NOTICE, notices),
        html.H1("Briefing deck", className="h3"),
        html.P("A PowerPoint deck and a PDF: a cover stating each country's position, one slide per country and "
               "view headed by its finding (with speaker notes), an appendix of every indicator when 'Indicators "
               "that stand out' is chosen, and a closing slide of sources and caveats.",
               className="text-body-secondary"),
        dbc.Row([
            dbc.Col([
                dbc.Label("Countries", html_for=ids.DECK.COUNTRIES, className="fw-semibold"),
                dcc.Dropdown(id=ids.DECK.COUNTRIES, options=country_options(data), value=list(state.countries),
                             multi=True, placeholder=f"Choose up to {MAX_COUNTRIES} countries"),
                dbc.Label("Edition", html_for=ids.DECK.EDITION, className="fw-semibold mt-3"),
                radios(ids.DECK.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
                       value=state.edition, inline=True),
            ], lg=5),
            dbc.Col([
                dbc.Label(f"Views (up to {MAX_VIEWS})", html_for=ids.DECK.VIEWS, className="fw-semibold"),
                dbc.Checklist(id=ids.DECK.VIEWS, options=[{"label": label, "value": key}
                                                       for key, (label, *_) in VIEWS.items()], value=list(state.views)),
            ], lg=4),
        ], className="g-3 mb-3"),
        html.Div([
            dbc.Button("Build deck", id=ids.DECK.BUILD, color="primary"),
            dbc.Button("Cancel", id=ids.DECK.CANCEL, color="secondary", outline=True, disabled=True),
        ], className="d-flex gap-2 mb-3"),
        html.Div(dbc.Progress(id=ids.DECK.PROGRESS, value=0, max=1, className="mb-1", style={"height": "1.4rem"}),
                 **{"data-a11y-name": "Deck progress"}),
        html.Div(id=ids.DECK.STEP, className="small text-body-secondary mb-2", role="status", **{"aria-live": "polite"}),
        html.Div(id=ids.DECK.STATUS, className="mb-2", role="status", **{"aria-live": "polite"}),
        html.Div([
            dbc.Button("Download PowerPoint (.pptx)", id=ids.DECK.PPTX, color="success", disabled=True),
            dbc.Button("Download PDF", id=ids.DECK.PDF, color="success", outline=True, disabled=True),
            dcc.Download(id=ids.DECK.PPTX_FILE), dcc.Download(id=ids.DECK.PDF_FILE),
        ], className="d-flex gap-2"),
    ], className="py-2")


def change_address(app: Dash, url) -> ChangeLink:
    """The like-for-like change page of a pair of editions (its default view for None) as an absolute address from
    the page's URL (e.g. https://host/prefix/change?…), for the deck's closing slide; a path alone when the URL is
    not a web address."""
    parts = urlsplit(url) if isinstance(url, str) else None
    origin = f"{parts.scheme}://{parts.netloc}" if parts and parts.scheme in ("http", "https") and parts.netloc else ""
    return lambda pair: origin + (app.get_relative_path(path("change")) if pair is None else
                                  href(app, "change", composite="criminality", before=pair[0], after=pair[1]))


def make_deck(data: IndexData, countries: list[str], views: list[str], edition: int, set_progress,
              renderer=chromium_renderer, change_link: ChangeLink | None = None,
              narratives=None) -> tuple[dict | None, dbc.Alert]:
    """The background job: the deck's files (base64, for the browser's downloads) and a status message.
    set_progress receives (slides done, slides in all, what is being drawn); change_link gives the app's
    addresses printed on the slides."""
    try:
        check_request(data, countries, views, edition)  # before starting Chromium
    except DeckError as exc:
        return None, dbc.Alert(str(exc), color="warning", className="py-2")
    started = time.perf_counter()
    set_progress((0, 1, "Starting the chart renderer…"))
    try:
        with renderer() as render:
            deck = build_deck(data, countries, views, edition, render, progress=lambda done, total, what: set_progress(
                (done, total, f"{done} of {total - 1} charts · now: {what}")), change_link=change_link,
                              narratives=narratives)
    except Exception as exc:  # the renderer is a browser in another process: say what failed, keep serving
        log.exception("deck export failed")
        return None, dbc.Alert(f"The deck could not be built: {exc}. The server log has the details.",
                               color="danger", className="py-2")
    seconds = time.perf_counter() - started
    set_progress((1, 1, f"Done: {deck.slides} slides in {seconds:.0f} s."))
    # Each file as its dcc.Download takes it, under that download's id (assets/clientside.js: deckFile).
    files = {download: {"content": base64.b64encode(content).decode(), "base64": True,
                        "filename": f"{deck.name}.{kind}", "type": mime}
             for download, kind, mime, content in ((ids.DECK.PPTX_FILE, "pptx", PPTX_TYPE, deck.pptx),
                                                   (ids.DECK.PDF_FILE, "pdf", "application/pdf", deck.pdf))}
    return ({"name": deck.name, "files": files},
            dbc.Alert(f"Your deck is ready: {deck.slides} slides ({', '.join(countries)}, {edition}).",
                      color="success", className="py-2"))


def refused(why: str) -> tuple:
    """The Build button's answer when no deck can be built now (the server's slots, or the user's, are taken)."""
    return None, dbc.Alert(why, color="warning", className="py-2")


def build(app: Dash, store: DataStore, set_progress, controls: dict, url) -> tuple:
    """The Build button's background job: the deck of the countries and views chosen (each once: a crafted
    request may repeat one thousands of times), a few at once on a server and one per user."""
    state = DeckState.from_controls(store.index, **controls)
    try:
        with jobs.job_slot(app.server.config["OCINDEX_SETTINGS"]):
            return make_deck(store.index, list(state.countries), list(state.views), state.edition, set_progress,
                             change_link=change_address(app, url), narratives=store.narratives)
    except jobs.JobRefused as exc:
        return refused(str(exc))


def register(app: Dash, store: DataStore) -> None:
    app.callback(
        Output(ids.DECK.RESULT, "data"), Output(ids.DECK.STATUS, "children"),
        inputs={"clicks": Input(ids.DECK.BUILD, "n_clicks"), "controls": PAGE.inputs(kind=State),
                # Only its origin is read: the location does not update href when the controls write the query.
                "url": State(ids.SHELL.SYNC, "href")},
        background=True, prevent_initial_call=True,
        running=[(Output(ids.DECK.BUILD, "disabled"), True, False), (Output(ids.DECK.CANCEL, "disabled"), False, True),
                 (Output(ids.DECK.PROGRESS, "animated"), True, False), (Output(ids.DECK.PROGRESS, "striped"), True, False)],
        cancel=[Input(ids.DECK.CANCEL, "n_clicks")],
        progress=[Output(ids.DECK.PROGRESS, "value"), Output(ids.DECK.PROGRESS, "max"), Output(ids.DECK.STEP, "children")],
    )(jobs.bounded(refused)(lambda set_progress, clicks, controls, url: build(app, store, set_progress, controls, url)))

    @app.callback(Output(ids.DECK.STATUS, "children", allow_duplicate=True), Input(ids.DECK.CANCEL, "n_clicks"),
                  prevent_initial_call=True)
    def cancelled(_clicks):
        return dbc.Alert("Cancelled: no deck was made.", color="secondary", className="py-2")

    app.clientside_callback(clientside.function("deckReady"), Output(ids.DECK.PPTX, "disabled"),
                            Output(ids.DECK.PDF, "disabled"), Input(ids.DECK.RESULT, "data"))
    for button, download in ((ids.DECK.PPTX, ids.DECK.PPTX_FILE), (ids.DECK.PDF, ids.DECK.PDF_FILE)):
        app.clientside_callback(clientside.function("deckFile"), Output(download, "data"), Input(button, "n_clicks"),
                                State(ids.DECK.RESULT, "data"), prevent_initial_call=True)


PAGE = Page(
    state=DeckState, layout=layout, title=title, register=register, nav=Nav("Deck"),
    controls={"edition": (ids.DECK.EDITION, "value"), "countries": (ids.DECK.COUNTRIES, "value"),
              "views": (ids.DECK.VIEWS, "value")},
)
