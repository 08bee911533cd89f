"""Heavy parts below the fold, drawn once what is in view is drawn.

A page keeps every component in its layout (ids, callbacks and the validation layout are unchanged), builds a
heavy one that starts below the fold as usual, and names the heavy props `later` takes out of it (the component is
drawn first without them: a grid without rows says "Loading…"):

    deferred.later(grid.grid(ids.COUNTRY.TABLE, columns, rows), "columnDefs", "rowData")

`registry.render` collects them into the page's one store (id {"type": ids.SHELL.DEFERRED, "page": <page name>},
data {component id: {prop: value}}), and
the browser (assets/clientside.js, `applyLater`) sets them once every chart in view is drawn and the browser is
idle, as soon as the component comes near the viewport, or before printing. A prop a callback has updated meanwhile
(a control changed first) keeps the callback's value.

A grid is heavy even without its rows: `mount_later` draws it whole after the first paint, in a holder."""

from __future__ import annotations

from typing import Iterable

from dash import ALL, Dash, Input, State, dcc, html
from dash.development.base_component import Component

from . import clientside, ids

_LATER = "_oc_later"  # the attribute holding a component's deferred props: not a Dash prop, never sent as one


def later(component: Component, *props: str) -> Component:
    """The component drawn first without `props` (None), which the browser sets to their values after the first
    paint."""
    if not isinstance(getattr(component, "id", None), str):
        raise ValueError("a deferred component needs a string id")
    unknown = set(props) - set(component._prop_names)
    if unknown:
        raise ValueError(f"{type(component).__name__} has no prop {', '.join(sorted(unknown))}")
    moved = {prop: getattr(component, prop, None) for prop in props}
    for prop in props:
        setattr(component, prop, None)
    setattr(component, _LATER, {**getattr(component, _LATER, {}), **moved})
    return component


def mount_later(component: Component, holder_id: str) -> html.Div:
    """The component in a holder that is drawn empty first, the browser setting its children after the first paint:
    for a grid below the fold, whose code (loaded on demand) and set-up would otherwise hold up the charts in view.
    Callbacks must replace the holder's children, not set the component's props: a prop set before the component
    is there would be lost, and the holder would then show the page's first values (tests/unit/test_deferred.py)."""
    return later(html.Div(component, id=holder_id), "children")


def store(page: str, components: Iterable[Component]) -> dcc.Store:
    """The page's store of deferred props: those of every component of `components` given to `later`."""
    return dcc.Store(id={"type": ids.SHELL.DEFERRED, "page": page},
                     data={component.id: getattr(component, _LATER) for component in components
                           if hasattr(component, _LATER)})


def register(app: Dash) -> None:
    # No output: the props are set with dash_clientside.set_props, which also fires the callbacks that listen to them.
    # Fired by the page drawn (the first, and each the router draws): Dash fires no callback without outputs for an
    # input that comes with a new page, so the store is read as State; matched by pattern, so that a view without
    # one ("No such view") is no error.
    app.clientside_callback(clientside.function("applyLater"), Input(ids.SHELL.PAGE, "children"),
                            State({"type": ids.SHELL.DEFERRED, "page": ALL}, "data"))
