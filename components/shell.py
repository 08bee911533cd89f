"""The page frame (navigation bar, page container) and the router that maps URL paths to pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import parse_qs

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html

from ocindex.index import IndexData
from ocindex.store import DataStore

from . import ids


@dataclass(frozen=True)
class Page:
    """A route: a path pattern with named groups, and a layout built from the data, path groups and query."""

    pattern: str
    layout: Callable[..., object]

    def match(self, path: str) -> dict[str, str] | None:
        found = re.fullmatch(self.pattern, path)
        return None if found is None else found.groupdict()


def parse_search(search: str | None) -> dict[str, list[str]]:
    return parse_qs((search or "").lstrip("?"), keep_blank_values=False)


def navbar(app: Dash) -> dbc.Navbar:
    return dbc.Navbar(
        dbc.Container([
            dcc.Link(
                [html.Span("OC Index Explorer", className="fw-semibold")],
                href=app.get_relative_path("/"), className="navbar-brand text-white text-decoration-none",
            ),
            html.Span("Global Organized Crime Index · GI-TOC data", className="navbar-text text-white-50 small"),
        ], fluid=True),
        color="dark", dark=True, className="py-1", id=ids.NAV_EDITION_LINKS,
    )


def not_found(app: Dash, path: str) -> html.Div:
    return dbc.Container(
        dbc.Alert([
            html.H2("No such view", className="h5"),
            html.P(["Nothing lives at ", html.Code(path), "."]),
            dcc.Link("Back to the quadrant", href=app.get_relative_path("/"), className="alert-link"),
        ], color="warning", className="mt-4"),
    )


def layout(app: Dash) -> html.Div:
    return html.Div([
        dcc.Location(id=ids.URL),
        navbar(app),
        html.Main(id=ids.PAGE, className="oc-page"),
    ])


def register(app: Dash, store: DataStore, pages: list[Page]) -> None:
    @app.callback(Output(ids.PAGE, "children"), Input(ids.URL, "pathname"), Input(ids.URL, "search"))
    def render_page(pathname, search):
        return route(app, store.index, pages, pathname, search)


def route(app: Dash, data: IndexData, pages: list[Page], pathname: str | None, search: str | None):
    path = "/" + (app.strip_relative_path(pathname or "/") or "")
    query = parse_search(search)
    for page in pages:
        groups = page.match(path)
        if groups is not None:
            return page.layout(app, data, query, **groups)
    return not_found(app, path)
