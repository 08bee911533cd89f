"""The page registry: each page declares its state class, layout, title, place in the navigation, the controls its
URL follows and the tables it exports. The router, the navigation bar, the <title>, the URL sync and the CSV
downloads are driven by it, so adding a page means one module and one entry in `components/pages.py`."""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate, UnsupportedRelativePath

from ocindex.index import IndexData
from ocindex.store import DataStore

from . import clientside, deferred, downloads, ids
from .urlstate import NotFound, PageState, path_pattern

SITE = "OC Index Explorer"


@dataclass(frozen=True)
class Nav:
    """Where a page sits in the navigation bar: on the bar (`group` None) or in a menu; `items` makes the entry a
    menu of its own, of (label, location) pairs from the data (a None location is a header)."""

    label: str
    group: str | None = None
    example: dict[str, str] = field(default_factory=dict)  # path values of the linked view, for templated paths
    items: Callable[[IndexData], list[tuple[str, str | None]]] | None = None


@dataclass(frozen=True)
class Table:
    """A table a page exports as CSV: its rows for a state, and the file name's middle part. The rows are made
    from what `reads` takes from the store: the index, or the whole store where they need the profile texts."""

    rows: Callable[[Any, Any], pd.DataFrame]
    name: Callable[[Any], str]
    edition: Callable[[Any], int | None] = lambda state: state.edition
    reads: Callable[[DataStore], Any] = lambda store: store.index


@dataclass(frozen=True)
class Page:
    state: type[PageState]
    layout: Callable[[Dash, DataStore, Any, list[str]], Any]  # (app, store, state, notices)
    title: Callable[[Any, IndexData], str]  # "Peru — Country profile"
    register: Callable[[Dash, DataStore], None] = lambda app, store: None
    controls: dict[str, tuple[str, str]] = field(default_factory=dict)  # state field -> (component id, property)
    nav: Nav | None = None
    tables: dict[str, Table] = field(default_factory=dict)
    # Its own callbacks write the address (view_address), with what they draw: the URL sync is not registered.
    writes_address: bool = False

    @property
    def name(self) -> str:
        return self.state.name

    def inputs(self, *names: str, state: tuple[str, ...] = (), kind=Input) -> dict[str, Any]:
        """The controls as callback dependencies grouped by field name: `inputs=page.inputs()`; or only the
        controls `names` a callback listens to, with those it reads without listening (`state`), so that it runs
        only when one of its own changes (fields left out take their defaults in `state_of`)."""
        chosen = {name: kind for name in names or self.controls} | {name: State for name in state}
        return {name: chosen[name](*self.controls[name]) for name in self.controls if name in chosen}

    def state_of(self, data: IndexData, controls: dict[str, Any]) -> PageState:
        return self.state.from_controls(data, **controls)


def csv_button_id(page: str, table: str = "table") -> dict:
    return {"type": ids.SHELL.CSV, "page": page, "table": table}


def csv_button(page: str, table: str = "table") -> dbc.Button:
    """A table's 'Download CSV' button; the page's download callback for that table answers it (see _download)."""
    return dbc.Button("Download CSV", id=csv_button_id(page, table), color="dark", outline=True, size="sm",
                      className="text-nowrap oc-no-print")


def csv_header(title: str, page: str, table: str = "table") -> dbc.CardHeader:
    """A card's title with its table's 'Download CSV' at the right."""
    return dbc.CardHeader([html.Span(title, className="fw-semibold me-auto"), csv_button(page, table)],
                          className="py-1 d-flex")


def app_path(app: Dash, pathname: str) -> str:
    """The path inside the app that a browser's path names ("/" for its root), as `find` takes it;
    UnsupportedRelativePath when the path lies outside the app's prefix."""
    return "/" + (app.strip_relative_path(pathname) or "")


def find(pages: list[Page], path: str) -> tuple[Page, dict[str, str]] | None:
    for page in pages:
        found = re.fullmatch(path_pattern(page.state.path), path)
        if found is not None:
            return page, found.groupdict()
    return None


def render(app: Dash, store: DataStore, page: Page, groups: dict[str, str], search: str | None) -> list:
    """A page for a URL, headed by the document's title (kept current by the URL sync, set by assets/a11y.js) and
    followed by its deferred props (deferred.py); NotFound when the path names nothing."""
    state, notices = page.state.from_query(search or "", store.index, **groups)
    layout = page.layout(app, store, state, notices)
    return [html.Span(title(page.title(state, store.index)), id=ids.SHELL.TITLE, className="oc-page-title",
                      hidden=True),
            layout, deferred.store(page.name, _with_ids(layout))]


def navigation(app: Dash, data: IndexData, pages: list[Page]) -> list:
    """The navigation bar's entries, in registry order: links on the bar, then menus."""
    def location(page: Page) -> str:
        return app.get_relative_path(page.state.path_to(**page.nav.example))

    def menu(name: str, label: str, items: list[list]) -> dbc.DropdownMenu:
        # The entries, as data ([label, address or None for a group's name]): assets/menus.js mounts them while the
        # menu is in use. Mounted, these hidden components cost every update of every page (Dash's renderer visits
        # them all at each one).
        holder = html.Div(id={"type": ids.SHELL.MENU, "menu": name}, className="oc-menu-entries",
                          **{"data-entries": json.dumps(items)})
        return dbc.DropdownMenu(holder, label=label, nav=True, in_navbar=True, toggleClassName=f"oc-nav-{name}",
                                className="oc-scroll-menu")

    groups: dict[str, list] = {}  # each group's entries, in registry order
    for page in pages:
        if page.nav is not None and page.nav.items is None and page.nav.group is not None:
            groups.setdefault(page.nav.group, []).append([page.nav.label, location(page)])
    entries: list = []
    for page in pages:
        nav = page.nav
        if nav is None:
            continue
        if nav.items is not None:
            entries.append(menu(page.name, nav.label, [[label, None if where is None else app.get_relative_path(where)]
                                                       for label, where in nav.items(data)]))
        elif nav.group is None:
            entries.append(dbc.NavItem(dbc.NavLink(nav.label, href=location(page), active="exact")))
        elif nav.group in groups:  # the group's first page: the menu stands where it does
            # "group-": a name no page has (a page's menu is named after the page)
            entries.append(menu("group-" + nav.group.lower().replace(" ", "-"), nav.group, groups.pop(nav.group)))
    return entries


def validation_layout(app: Dash, store: DataStore, pages: list[Page], shell_layout) -> html.Div:
    """Every component with an id, of the shell and of every page, so Dash checks each callback's ids and
    properties when the app starts. Only ids and types are kept: Dash sends this with every first load."""
    data = store.index
    trees = [shell_layout] + [render(app, store, page, {name: kind.example(data) for name, kind in
                                                         page.state.path_kinds().items()}, "") for page in pages]
    found: dict[str, Any] = {}
    for tree in trees:
        for component in _with_ids(tree):
            key = component.id if isinstance(component.id, str) else repr(sorted(component.id.items()))
            found.setdefault(key, _skeleton(component))
    return html.Div(list(found.values()))


def _with_ids(tree):
    if isinstance(tree, (list, tuple)):
        for item in tree:
            yield from _with_ids(item)
    elif isinstance(tree, Component):
        if getattr(tree, "id", None) is not None:
            yield tree
        for prop in tree._prop_names:
            value = getattr(tree, prop, None)
            if isinstance(value, (Component, list, tuple)):
                yield from _with_ids(value)


def _skeleton(component: Component) -> Component:
    """The component's type and id, none of its other properties (nor its children)."""
    bare = copy.copy(component)
    for prop in component._prop_names:
        if prop != "id" and prop in bare.__dict__:
            delattr(bare, prop)
    return bare


def register(app: Dash, store: DataStore, pages: list[Page]) -> None:
    """The callbacks every page shares: the URL follows the controls, and CSV downloads."""
    for page in pages:
        if page.controls and not page.writes_address:
            _sync_url(app, store, page)
        if page.tables:
            _download(app, store, page)
        page.register(app, store)

    app.clientside_callback(clientside.function("writeAddress"), Output(ids.SHELL.SYNC, "search"),
                            Output(ids.SHELL.TITLE, "children"), Output(ids.SHELL.SHOWN, "data", allow_duplicate=True),
                            Input(ids.SHELL.SYNC_WRITE, "data"), State(ids.SHELL.SYNC, "pathname"),
                            State(ids.SHELL.SYNC, "search"), prevent_initial_call=True)


def _download(app: Dash, store: DataStore, page: Page) -> None:
    """'Download CSV' gives the table of the view the page's controls hold, as the address does once it has caught
    up with them: read from the address, a click just after a change got the view before it. One callback per
    table, on its button's own id: a wildcard would fire as the buttons leave with their page, whose controls are
    gone then."""
    for table_name, table in page.tables.items():
        def download(clicks, controls, table=table):
            if not clicks:
                raise PreventUpdate
            return csv_download(store, page, table, controls)

        app.callback(Output(ids.SHELL.CSV_FILE, "data", allow_duplicate=True),
                     inputs={"clicks": Input(csv_button_id(page.name, table_name), "n_clicks"),
                             "controls": page.inputs(kind=State)}, prevent_initial_call=True)(download)


def csv_download(store: DataStore, page: Page, table: Table, controls: dict) -> dict:
    """The CSV of the page's `table` for the view its controls hold; no update for controls that do not fit
    (PreventUpdate, from the state)."""
    state = page.state_of(store.index, controls)
    return downloads.csv_file(table.rows(table.reads(store), state), table.edition(state), table.name(state))


def url_state(app: Dash, store: DataStore, page: Page, pathname, search) -> PageState:
    """The state of `page` the URL holds; PreventUpdate when the URL is not one of the page's."""
    if not isinstance(pathname, str) or not isinstance(search, (str, type(None))):
        raise PreventUpdate
    try:
        found = find([page], app_path(app, pathname))
    except UnsupportedRelativePath:  # a path outside the app's prefix ("" included)
        raise PreventUpdate from None
    if found is None:
        raise PreventUpdate
    try:
        return page.state.from_query(search or "", store.index, **found[1])[0]
    except NotFound:
        raise PreventUpdate from None


def sync_url(app: Dash, store: DataStore, page: Page, controls: dict, pathname, search) -> tuple[str, str]:
    """The query and title of the view the page's controls hold. No update when the URL holds it already: Dash
    calls this when a page is opened (its controls are new in the layout, its output outside it), and a new
    history entry then would make 'Back' return to the same view. Nor when the URL is no longer the page's (a
    control changed while a link was leaving it)."""
    state = page.state_of(store.index, controls)
    if state == url_state(app, store, page, pathname, search):
        raise PreventUpdate
    return state.to_query(), title(page.title(state, store.index))


def view_address(app: Dash, store: DataStore, page: Page, controls: dict, pathname, search) -> dict:
    """The address of the view the page's controls hold, for the browser to write (`writeAddress` in
    assets/clientside.js) only if the address is still the one the controls were read at (`pathname`, `search`):
    after Back or a link taken meanwhile, it would put this page's query on another address. PreventUpdate as
    sync_url."""
    query, heading = sync_url(app, store, page, controls, pathname, search)
    return {"at": [pathname, search or ""], "search": query, "title": heading}


def _sync_url(app: Dash, store: DataStore, page: Page) -> None:
    """The address bar follows the page's controls, so every view is its URL (to share, pin or reload); the page on
    screen is that address (the router has nothing to draw)."""
    app.callback(Output(ids.SHELL.SYNC_WRITE, "data", allow_duplicate=True),
                 inputs={"controls": page.inputs(), "pathname": State(ids.SHELL.SYNC, "pathname"),
                         "search": State(ids.SHELL.SYNC, "search")}, prevent_initial_call=True)(
        lambda controls, pathname, search: view_address(app, store, page, controls, pathname, search))


def title(heading: str) -> str:
    """The document's title: where the reader is, then the site ("Peru — Country profile — OC Index Explorer")."""
    return f"{heading} — {SITE}"
