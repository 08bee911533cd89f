"""A briefing received as a link: `/briefing?view=/country/PER?edition=2021&title=Peru&view=…` lists the views
and makes them this browser's briefing, ready to present. Only views of this app are taken."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html

from ocindex.index import IndexData
from ocindex.store import DataStore

from . import clientside, ids, registry
from .common import breadcrumbs, notice
from .urlstate import Kind, PageState, at_most, param

MAX_VIEWS = 50


@dataclass(frozen=True)
class Texts(Kind):
    """Strings as given, every one in order: the n-th title names the n-th view. Whether a view is one of this
    app depends on the app's prefix: the layout judges it."""

    many = True
    unique = False

    def parse(self, raw, data, values):
        return raw


@dataclass(frozen=True)
class BriefingState(PageState, name="briefing", path="/briefing"):
    views: tuple[str, ...] = param(Texts(), key="view", default=())
    titles: tuple[str, ...] = param(Texts(), key="title", default=())

    @classmethod
    def settle(cls, values, data):
        return at_most(values, "views", MAX_VIEWS, f"A briefing holds at most {MAX_VIEWS} views; the first "
                                                   f"{MAX_VIEWS} are kept.")


def app_view(app: Dash, href: str) -> str | None:
    """The view as a normalised path of this app with its query, or None when it leads anywhere else.

    The path is percent-decoded once and its dot segments resolved, as a browser would, before it is compared with
    the app's prefix: '/prefix/../../x', '/prefixX/', '//host', '/\\host' and anything still percent-encoded after
    one decoding (a browser would decode it again) are refused."""
    if not isinstance(href, str) or not href.startswith("/") or "\\" in href or not href.isprintable():
        return None
    parts = urlsplit(href)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or path.startswith("//") or "\\" in path or "%" in path or not path.isprintable():
        return None
    normal = posixpath.normpath(path)
    if path.endswith("/") and not normal.endswith("/"):
        normal += "/"
    if normal.startswith("//") or not (normal + "/").startswith(app.config.requests_pathname_prefix):
        return None
    return normal + (f"?{parts.query}" if parts.query else "")


def shared_views(app: Dash, state: BriefingState) -> tuple[list[dict], list[str]]:
    """The (href, title) pairs of the link that are pages of this app; the rest named in notices."""
    views, notices = [], []
    pages = app.server.config["OCINDEX_PAGES"]
    for position, href in enumerate(state.views):
        title = state.titles[position] if position < len(state.titles) else ""
        view = app_view(app, href)
        if view is not None and registry.find(pages, registry.app_path(app, urlsplit(view).path)):
            views.append({"href": view, "title": title or view})
        else:
            notices.append(f"View {position + 1} ('{href}') is not a view of this app: left out.")
    return views, notices


def title(state: BriefingState, data: IndexData) -> str:
    return "Shared briefing"


def layout(app: Dash, store: DataStore, state: BriefingState, notices: list[str]):  # noqa: ARG001 - every page gets the store
    views, left_out = shared_views(app, state)
    items = [html.Li(dcc.Link(v["title"], href=v["href"])) for v in views] or [
        html.Li("This link holds no views. Open views, press “Pin view”, then copy the briefing link.",
                className="text-body-secondary")]
    return dbc.Container([
        dcc.Store(id=ids.BRIEFING.VIEWS, data=views),
        breadcrumbs(app, [("Quadrant", "/"), ("Shared briefing", None)]),
        notice(ids.BRIEFING.NOTICE, left_out + notices),
        html.H1("A shared briefing", className="h3"),
        html.P(("1 view." if len(views) == 1 else f"{len(views)} views, in the order they will be shown.")
               + " Taking the briefing replaces the views pinned in this browser.", className="text-body-secondary"),
        html.Ol(items, className="oc-shared-views"),
        html.Div([
            dbc.Button("Present it", id=ids.BRIEFING.PRESENT, color="warning", disabled=not views),
            dbc.Button("Keep it as my briefing", id=ids.BRIEFING.KEEP, color="secondary", outline=True, disabled=not views),
        ], className="d-flex gap-2"),
    ], className="py-2")


def register(app: Dash, store: DataStore) -> None:  # noqa: ARG001 - the page's callbacks run in the browser
    # Present (the first input) or keep the shared views.
    app.clientside_callback(
        clientside.function("takeBriefing"),
        Output(ids.SHELL.PINS, "data", allow_duplicate=True), Output(ids.SHELL.URL, "href", allow_duplicate=True),
        Input(ids.BRIEFING.PRESENT, "n_clicks"), Input(ids.BRIEFING.KEEP, "n_clicks"), State(ids.BRIEFING.VIEWS, "data"),
        prevent_initial_call=True,
    )


PAGE = registry.Page(state=BriefingState, layout=layout, title=title, register=register)
