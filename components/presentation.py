"""Presentation mode and the briefing: the presenter's bar, the panel of pinned views and their callbacks.

Pinned views live in the browser's local storage; the keys in KEYS (assets/present.js) press the bar's buttons."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from . import clientside, ids
from .urlstate import path

# The keys a presenter uses (a presentation clicker sends Page Up and Down) and the button of the bar each presses.
KEYS = {"ArrowRight": ids.SHELL.PRESENT_NEXT, "PageDown": ids.SHELL.PRESENT_NEXT, "ArrowLeft": ids.SHELL.PRESENT_PREV,
        "PageUp": ids.SHELL.PRESENT_PREV, "Escape": ids.SHELL.PRESENT_EXIT}


def presenter_bar() -> html.Div:
    """Shown only in presentation mode: step through the briefing, or leave."""
    return html.Div([
        # On a phone by their arrows alone: with its words, the bar took two lines there and covered the view.
        # Named for screen readers whatever shows (dbc.Button takes no aria-label).
        _step_button(ids.SHELL.PRESENT_PREV, "Previous", ["‹", html.Span(" Previous", className="d-none d-sm-inline")],
                     "left arrow"),
        html.Span(id=ids.SHELL.PRESENT_POSITION, className="small px-2", **{"aria-live": "polite"}),
        _step_button(ids.SHELL.PRESENT_NEXT, "Next", [html.Span("Next ", className="d-none d-sm-inline"), "›"],
                     "right arrow"),
        dbc.Button("Exit", id=ids.SHELL.PRESENT_EXIT, color="dark", size="sm", className="ms-2",
                   title="Leave presentation mode (Escape)"),
    ], className="oc-presenter align-items-center", **{"data-keys": json.dumps(KEYS)})


def _step_button(button_id: str, direction: str, children: list, key: str) -> html.Button:
    return html.Button(children, id=button_id, n_clicks=0, className="btn btn-sm btn-outline-dark",
                       title=f"{direction} view of the briefing ({key})", **{"aria-label": f"{direction} view"})


def briefing_panel(app: Dash) -> dbc.Offcanvas:
    return dbc.Offcanvas([
        dcc.Store(id=ids.SHELL.BRIEFING_PATH, data=app.get_relative_path(path("briefing"))),  # for the briefing's link
        html.P("Pin the views you want to show; present them in this order with the arrow keys.",
               className="small text-body-secondary"),
        html.Ol(briefing_items(None)[0], id=ids.SHELL.BRIEFING_LIST, className="ps-3"),
        html.Div([
            dbc.Button("Present from the start", id=ids.SHELL.BRIEFING_START, color="warning", size="sm",
                       disabled=True),
            html.Span([dcc.Clipboard(id=ids.SHELL.BRIEFING_COPY, className="btn btn-outline-secondary btn-sm oc-copy",
                                     title="Copy a link that gives someone else this briefing"),
                       html.Span(" Copy briefing link", className="small")]),
            dbc.Button("Clear", id=ids.SHELL.BRIEFING_CLEAR, color="secondary", outline=True, size="sm",
                       disabled=True),
        ], className="d-flex gap-2 align-items-center flex-wrap"),
    ], id=ids.SHELL.BRIEFING, title="Briefing", placement="end", is_open=False)


def valid_pins(pins) -> list[dict]:
    """The pinned views kept in the browser, less any entry that is not a {href, title} pair."""
    if not isinstance(pins, list):
        return []
    return [p for p in pins if isinstance(p, dict) and isinstance(p.get("href"), str) and isinstance(p.get("title"), str)]


def briefing_items(pins) -> tuple[list, str]:
    """The briefing's list entries and the label of the button that opens it."""
    valid = valid_pins(pins)
    if not valid:
        return [html.Li("No views pinned yet: open a view and press “Pin view”.",
                        className="text-body-secondary small oc-empty-item")], "Briefing (0)"
    items = [
        html.Li([
            dcc.Link(pin["title"] or pin["href"], href=pin["href"], className="me-2"),
            html.Button("×", id={"type": ids.SHELL.PIN_REMOVE, "index": position}, n_clicks=0,
                        className="btn btn-link btn-sm p-0 text-danger", title="Remove from the briefing",
                        **{"aria-label": f"Remove {pin['title']} from the briefing"}),
        ], className="mb-1")
        for position, pin in enumerate(valid)
    ]
    return items, f"Briefing ({len(valid)})"


def briefing_view(pins) -> tuple[list, str, bool, bool]:
    """The briefing's entries, its button's label, and whether 'Present from the start' and 'Clear' are off: they
    are while nothing is pinned, as the layout starts."""
    empty = not valid_pins(pins)
    return *briefing_items(pins), empty, empty


def register(app: Dash) -> None:
    # The functions run in the browser (assets/clientside.js); each tells its triggers apart by their position
    # among its inputs.
    app.clientside_callback(
        clientside.function("briefingLink"), Output(ids.SHELL.BRIEFING_COPY, "content"),
        Input(ids.SHELL.BRIEFING_COPY, "n_clicks"), State(ids.SHELL.PINS, "data"), State(ids.SHELL.BRIEFING_PATH, "data"),
        prevent_initial_call=True,
    )
    # The hash is read and written through the location that follows every change of the address (SYNC): the one
    # callbacks navigate with (URL) misses the controls' writes, and writing the hash there would put back the query
    # it last saw. Links and the briefing's steps announce themselves to every location, so SYNC sees them too.
    app.clientside_callback(
        clientside.function("presentMode"),
        Output(ids.SHELL.PRESENT, "data"), Output(ids.SHELL.ROOT, "className"), Output(ids.SHELL.SYNC, "hash"),
        Output(ids.SHELL.PRESENT_TOGGLE, "children"),
        Input(ids.SHELL.SYNC, "hash"), Input(ids.SHELL.PRESENT_TOGGLE, "n_clicks"), Input(ids.SHELL.PRESENT_EXIT, "n_clicks"),
        State(ids.SHELL.PRESENT, "data"),
    )
    app.clientside_callback(
        clientside.function("presentAgain"), Output(ids.SHELL.PRESENT, "data", allow_duplicate=True),
        Input(ids.SHELL.PAGE, "children"), State(ids.SHELL.PRESENT, "data"), prevent_initial_call=True,
    )
    app.clientside_callback(
        clientside.function("pinView"),
        Output(ids.SHELL.PINS, "data", allow_duplicate=True), Input(ids.SHELL.PIN, "n_clicks"), State(ids.SHELL.PINS, "data"),
        prevent_initial_call=True,
    )
    # No output: it goes to the view itself. Written through the location component, a step past either end (no
    # update) still redrew that component, which wrote back the address it held, without #present.
    app.clientside_callback(
        clientside.function("stepBriefing"),
        Input(ids.SHELL.PRESENT_PREV, "n_clicks"), Input(ids.SHELL.PRESENT_NEXT, "n_clicks"), Input(ids.SHELL.BRIEFING_START, "n_clicks"),
        State(ids.SHELL.PINS, "data"), prevent_initial_call=True,
    )
    app.clientside_callback(
        clientside.function("presenterPosition"),
        Output(ids.SHELL.PRESENT_POSITION, "children"), Output(ids.SHELL.PRESENT_PREV, "style"), Output(ids.SHELL.PRESENT_NEXT, "style"),
        Input(ids.SHELL.SYNC, "pathname"), Input(ids.SHELL.SYNC, "search"), Input(ids.SHELL.PINS, "data"),
    )
    app.clientside_callback(clientside.function("briefingPanel"), Output(ids.SHELL.BRIEFING, "is_open"),
                            Input(ids.SHELL.BRIEFING_OPEN, "n_clicks"), Input(ids.SHELL.BRIEFING_START, "n_clicks"),
                            State(ids.SHELL.BRIEFING, "is_open"), prevent_initial_call=True)

    # The layout shows an empty briefing; the browser's store sets its data, and so fires this, only when it
    # holds pinned views.
    app.callback(Output(ids.SHELL.BRIEFING_LIST, "children"), Output(ids.SHELL.BRIEFING_OPEN, "children"),
                 Output(ids.SHELL.BRIEFING_START, "disabled"), Output(ids.SHELL.BRIEFING_CLEAR, "disabled"),
                 Input(ids.SHELL.PINS, "data"), prevent_initial_call=True)(briefing_view)

    @app.callback(Output(ids.SHELL.PINS, "data"), Input({"type": ids.SHELL.PIN_REMOVE, "index": ALL}, "n_clicks"),
                  Input(ids.SHELL.BRIEFING_CLEAR, "n_clicks"), State(ids.SHELL.PINS, "data"), prevent_initial_call=True)
    def edit_briefing(_removes, _clear, pins):
        trigger = ctx.triggered_id
        if trigger == ids.SHELL.BRIEFING_CLEAR:
            return []
        if not isinstance(trigger, dict) or not ctx.triggered[0]["value"]:
            raise PreventUpdate  # the list was re-rendered, nobody clicked
        pins, position = valid_pins(pins), trigger.get("index")
        if not isinstance(position, int) or not 0 <= position < len(pins):
            raise PreventUpdate
        return pins[:position] + pins[position + 1:]
