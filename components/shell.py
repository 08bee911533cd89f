"""The page frame (navigation bar, page container) and the router that maps URL paths to pages."""

from __future__ import annotations

import copy
import logging
from typing import Callable
from urllib.parse import urlsplit

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate, UnsupportedRelativePath
from flask import has_request_context, request
from markupsafe import escape

from ocindex.index import IndexData
from ocindex.store import DataStore
from serving import cache

from . import charts, clientside, ids, presentation, registry
from .common import not_found, plain
from .urlstate import NotFound

log = logging.getLogger(__name__)


def navbar(app: Dash, data: IndexData, pages: list[registry.Page]) -> dbc.Navbar:
    # Below the xl breakpoint the links fold behind a toggler; the briefer's buttons stay on the bar at any width.
    # In the order seen at every width, which is the order of Tab: the brand, the links (folded: the toggler,
    # then what it opens), then the buttons.
    actions = html.Div([
        # Every view is its URL: this copies it for sharing.
        dcc.Clipboard(id=ids.SHELL.SHARE, title="Copy the link to this view", className="btn btn-outline-light btn-sm oc-copy"),
        dbc.Button("Pin view", id=ids.SHELL.PIN, color="light", outline=True, size="sm",
                   title="Add this view to your briefing"),
        dbc.Button("Briefing (0)", id=ids.SHELL.BRIEFING_OPEN, color="light", outline=True, size="sm",
                   title="The views you pinned, to present one after another"),
        dbc.Button("Present", id=ids.SHELL.PRESENT_TOGGLE, color="warning", size="sm",
                   title="Presentation mode: large type, no controls; arrow keys step through the briefing"),
    ], className="oc-nav-actions d-flex gap-2 ms-auto text-nowrap")
    return dbc.Navbar(
        dbc.Container([
            dcc.Link(registry.SITE, href=app.get_relative_path("/"),
                     className="navbar-brand fw-semibold text-white text-decoration-none"),
            dbc.NavbarToggler(id=ids.SHELL.NAV_TOGGLE, className="me-2"),  # beside the brand: it stays put
            dbc.Collapse([
                dbc.Nav(registry.navigation(app, data, pages), navbar=True, className="me-auto"),
                html.Span("Data: GI-TOC", title="Global Organized Crime Index, GI-TOC (ocindex.net)",
                          className="navbar-text text-white-50 small me-2 text-nowrap"),
            ], id=ids.SHELL.NAV_MENU, navbar=True, is_open=False),
            actions,
        ], fluid=True, className="justify-content-start"),  # the toggler stays by the brand when the menu opens
        color="dark", dark=True, expand="xl", className="py-1", id=ids.SHELL.NAV,
    )


def layout(app: Dash, data: IndexData, pages: list[registry.Page]) -> html.Div:
    return html.Div([
        # callback-nav: pages may navigate by setting href, without reloading the app.
        dcc.Location(id=ids.SHELL.URL, refresh="callback-nav"),
        # The address as it is: the page's controls write their state here (the address bar follows without the page
        # being rebuilt), and it follows every other change (links, Back, Forward). The router draws the address
        # when it differs from the one on screen (SHOWN), which the controls' writes keep in step (ROUTE: the
        # address to draw; assets/clientside.js, route).
        dcc.Location(id=ids.SHELL.SYNC, refresh=False),
        dcc.Store(id=ids.SHELL.SHOWN),  # [pathname, search] of the page on screen, or on its way from the router
        dcc.Store(id=ids.SHELL.ROUTE),
        dcc.Store(id=ids.SHELL.SYNC_WRITE),  # the controls' view as an address, written if still in time
        dcc.Download(id=ids.SHELL.CSV_FILE),
        dcc.Store(id=ids.SHELL.PRESENT, data=False),
        # None, not left out: a store whose data is left out sets it when it appears, and so fires the briefing's
        # callback on every load; with None it does so only when the browser holds pinned views.
        dcc.Store(id=ids.SHELL.PINS, storage_type="local", data=None),
        dcc.Store(id=ids.CHART.IMAGE_DONE),
        html.A("Skip to content", href=f"#{ids.SHELL.PAGE}", className="oc-skip-link visually-hidden-focusable"),
        navbar(app, data, pages),
        presentation.presenter_bar(),
        presentation.briefing_panel(app),
        html.Main(id=ids.SHELL.PAGE, className="oc-page", tabIndex="-1"),  # focusable: the skip link's target
    ], id=ids.SHELL.ROOT)


def register(app: Dash, store: DataStore, pages: list[registry.Page], frame: html.Div) -> None:
    """The frame's callbacks and the router; the layout Dash serves becomes the frame with the page opened."""
    app.clientside_callback(clientside.function("currentHref"), Output(ids.SHELL.SHARE, "content"),
                            Input(ids.SHELL.SHARE, "n_clicks"), prevent_initial_call=True)
    app.clientside_callback(clientside.function("toggle"), Output(ids.SHELL.NAV_MENU, "is_open"),
                            Input(ids.SHELL.NAV_TOGGLE, "n_clicks"), State(ids.SHELL.NAV_MENU, "is_open"),
                            prevent_initial_call=True)
    presentation.register(app)

    # A page's layout depends only on the data and the URL: build each once per data version.
    @cache.of(app.server).memoize()
    def page(sha256: str, pathname: str | None, search: str | None):  # noqa: ARG001 - the hash keys the cache
        return plain(route(app, store, pages, pathname, search))

    settings = app.server.config["OCINDEX_SETTINGS"]

    def too_long(pathname, search) -> bool:
        # The browser sends these in a request's body or header: the request limits apply, before the cache sees them.
        return len(pathname or "") > settings.max_path or len(search or "") > settings.max_query

    app.layout = first_layout(frame, lambda pathname, search: None if too_long(pathname, search) else
                              page(store.index.sha256, pathname, search))
    layout_path = f"{app.config.routes_pathname_prefix}_dash-layout"
    served_index = app.interpolate_index

    @cache.of(app.server).memoize()
    def page_outlines(sha256: str, pathname: str, search: str) -> list[str]:  # a few names, not the page, per request
        return charts.map_outlines(page(sha256, pathname, search))

    def outlines_meta() -> str:
        # The page opened names the outlines of its maps, which the browser fetches as it starts, into Plotly's store
        # of them (assets/outlines.js): Plotly then draws a map as soon as it is on the page. Left to ask for them
        # once its code has loaded, it draws the map after the answer, in a task of its own (some 30 ms later).
        try:
            if registry.find(pages, registry.app_path(app, request.path)) is None:
                return ""  # no page of the app: nothing is built (nor cached) for a path made up
            search = request.query_string.decode("latin-1")  # a URL too long was refused (serving/limits)
            outlines = page_outlines(store.index.sha256, request.path, f"?{search}" if search else "")
        except Exception:  # the meta only speeds a map up: the page, drawn from its layout, says what went wrong
            log.exception("Could not name the outlines of the maps of %s", request.path)
            return ""
        return f'<meta name="oc-outlines" content="{escape(" ".join(outlines))}">' if outlines else ""

    def interpolate_index(**parts):
        return served_index(**{**parts, "metas": parts.get("metas", "") + outlines_meta()})

    app.interpolate_index = interpolate_index

    @app.server.after_request
    def by_referrer(response):
        if request.path == layout_path:  # the layout differs by the page that asked for it: no cache may mix them
            response.vary.add("Referer")
        return response

    app.clientside_callback(clientside.function("route"), Output(ids.SHELL.ROUTE, "data"),
                            Output(ids.SHELL.SHOWN, "data"), Input(ids.SHELL.SYNC, "pathname"),
                            Input(ids.SHELL.SYNC, "search"), State(ids.SHELL.SHOWN, "data"), prevent_initial_call=True)

    # Not on the first load, whose page comes with the layout; when the address differs from the page on screen,
    # and on a first load whose layout could not tell the page (the location then fills in its path).
    @app.callback(Output(ids.SHELL.PAGE, "children"), Input(ids.SHELL.ROUTE, "data"), prevent_initial_call=True)
    def render_page(address):
        pathname, search = address if isinstance(address, list) and len(address) == 2 else (None, None)
        if not isinstance(pathname, str) or not isinstance(search, (str, type(None))):
            raise PreventUpdate
        if too_long(pathname, search):
            return not_found(app, "this address", "It is longer than this server accepts.")
        return page(store.index.sha256, pathname, search)


def first_layout(frame: html.Div, page: Callable[[str, str], object]) -> Callable[[], html.Div]:
    """The layout Dash serves when a page is opened: the frame with the page the browser is on, so that the page is
    drawn with the app instead of after a round trip through the router. The renderer asks for it from that page,
    whose address comes as the request's Referer, and the page on screen is said to be that address: when the
    location fills in the browser's address, the router has nothing to draw. Without a usable Referer (another host,
    none sent, too long), the frame comes with an empty page and the router draws it, as on any later navigation;
    so it does when the Referer was cut to the origin (a proxy's Referrer-Policy) and named another page."""

    def layout() -> html.Div:
        opened = _opened_url()
        children = page(*opened) if opened else None
        if children is None:
            return frame
        parts = []
        for part in frame.children:
            if getattr(part, "id", None) in (ids.SHELL.SHOWN, ids.SHELL.PAGE):
                part = copy.copy(part)  # the frame serves every request: fill in a copy, its other props kept
                if part.id == ids.SHELL.SHOWN:
                    part.data = list(opened)
                else:
                    part.children = children
            parts.append(part)
        return html.Div(parts, id=frame.id)

    return layout


def _opened_url() -> tuple[str, str] | None:
    """The path and query ("?a=b", or "") of the page that asked for the layout, as the browser's location says them."""
    if not has_request_context() or not request.referrer:
        return None
    url = urlsplit(request.referrer)
    if url.netloc != request.host or not url.path:
        return None
    return url.path, f"?{url.query}" if url.query else ""


def route(app: Dash, store: DataStore, pages: list[registry.Page], pathname: str | None, search: str | None):
    """The page a URL names, headed by the document's title."""
    try:
        path = registry.app_path(app, pathname or "/")
    except UnsupportedRelativePath:  # a path outside the app's prefix
        return not_found(app, str(pathname))
    if (found := registry.find(pages, path)) is None:
        return not_found(app, path)
    try:
        return registry.render(app, store, *found, search)
    except NotFound as missing:
        return not_found(app, path, str(missing))
