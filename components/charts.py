"""Every chart of the app: one graph component with PNG and SVG export buttons, a text alternative and a
"View as table" toggle, and the finishing touches a figure gets before it is sent (its export file name, and
projector styling in presentation mode).

The text alternative and the table are filled in the browser from the figure as drawn (assets/chart_tables.js,
after every plot): the description each figure builder writes into layout.meta.description, and the traces'
data. So every callback that updates a figure keeps them current without an output of its own."""

from __future__ import annotations

import re

from dash import ALL, Dash, Input, Output, Patch, dcc, html

from figures.style import clear_of_toolbar, for_projector

from . import clientside, ids

# The mode bar's own image button is replaced by the export buttons, which name every file.
GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"]}


def export_name(*parts: object) -> str:
    """A file name such as oc-index_peru_profile_2023: the view, what it shows and the edition."""
    words = [re.sub(r"[^a-z0-9]+", "-", str(p).lower()).strip("-") for p in parts if p not in (None, "")]
    return "_".join(["oc-index", *[w for w in words if w]])


def finish(figure: dict, present: object, *name: object) -> dict:
    """The figure as sent: named for export, enlarged for the projector when presentation mode is on."""
    figure = for_projector(figure) if present is True else clear_of_toolbar(figure)
    layout = figure.get("layout", {})
    # Our axes' tick labels fit within the chart: by default Plotly measures each one, one page layout each, to hide
    # those that would stick out of it.
    axes = {key: {**axis, "ticklabeloverflow": "allow"} for key, axis in layout.items()
            if key.startswith(("xaxis", "yaxis"))}
    figure["layout"] = {**layout, **axes, "meta": {**layout.get("meta", {}), "filename": export_name(*name)}}
    # So do a colour bar's (a map's scale), each measured once for every one placed: some 15 ms of a map's drawing.
    figure["data"] = [{**trace, "colorbar": {**trace["colorbar"], "ticklabeloverflow": "allow"}}
                      if "colorbar" in trace else trace for trace in figure.get("data", [])]
    return figure


def in_place(figure: dict, *layout_keys: str) -> Patch:
    """A partial update of a chart already drawn: its traces and the given layout parts (the rest of the layout,
    axes, legend and type, stays as it is), so less is sent and Plotly updates the chart in place."""
    patch = Patch()
    patch["data"] = figure["data"]
    for key in layout_keys:
        patch["layout"][key] = figure["layout"].get(key)
    return patch


# Plotly's maps in a figure's layout: geo, geo2, geo3…
MAP_KEY = re.compile(r"geo([2-9]|[1-9][0-9]+)?")


def map_outlines(tree) -> list[str]:
    """The addresses of the outlines the maps of a page's layout (as plain JSON, common.plain) are drawn with, as
    Plotly names them (getTopojsonName: the map's scope and its resolution, under the chart's topojsonURL). Maps whose
    outlines Plotly names otherwise (another resolution, which it draws at 1:110m; an Albers USA projection) or
    fetches from its own address are left out: Plotly asks for those itself."""
    addresses, nodes = [], [tree]
    while nodes:
        node = nodes.pop()
        if isinstance(node, list):
            nodes.extend(reversed(node))
        elif isinstance(node, dict) and isinstance(props := node.get("props"), dict):
            if node.get("type") == "Graph":
                addresses += _outlines(props)
            nodes.append(props.get("children"))
    return list(dict.fromkeys(addresses))


def _outlines(props: dict) -> list[str]:
    base = (props.get("config") or {}).get("topojsonURL")
    layout = (props.get("figure") or {}).get("layout")
    if not isinstance(base, str) or not isinstance(layout, dict):
        return []
    found = []
    for key, geo in layout.items():
        geo = geo if isinstance(geo, dict) else {}
        resolution = geo.get("resolution", 110)
        if (not MAP_KEY.fullmatch(key) or resolution not in (110, 50)
                or (geo.get("projection") or {}).get("type") == "albers usa"):
            continue
        scope = str(geo.get("scope") or "world").replace(" ", "-")
        found.append(f"{base.rstrip('/')}/{scope}_{int(resolution)}m.json")  # as Plotly's getTopojsonPath
    return found


def export_buttons(graph_id: str, what: str) -> html.Div:
    """PNG and SVG buttons for one chart; `what` completes 'Download … as PNG' for screen readers."""
    return html.Div([
        html.Button(fmt.upper(), id={"type": ids.CHART.IMAGE, "graph": graph_id, "format": fmt}, n_clicks=0,
                    className="btn btn-sm btn-outline-secondary py-0 px-2", title=f"Download {what} as {fmt.upper()}",
                    **{"aria-label": f"Download {what} as {fmt.upper()}"})
        for fmt in ("png", "svg")
    ], className="btn-group oc-no-print oc-image-export", role="group")


def graph(graph_id: str, what: str, figure: dict | None = None, *, loading: bool = False, **kwargs) -> html.Div:
    """A chart with its table toggle and export buttons above its top-right corner, its description (for screen
    readers) and its data as a table (hidden until asked for)."""
    config = {**GRAPH_CONFIG, **kwargs.pop("config", {})}
    chart = dcc.Graph(id=graph_id, config=config, **({"figure": figure} if figure else {}), **kwargs)
    if loading:
        chart = dcc.Loading(chart, type="circle", delay_show=300)
    # A double dash: ids.py never makes one, so these cannot clash with a page's ids (country-path-table).
    described, table = f"{graph_id}--description", f"{graph_id}--table"
    name = what[4:] if what.startswith("the ") else what
    toggle = html.Button("View as table", type="button", className="btn btn-sm btn-outline-secondary py-0 px-2 "
                         "me-1 oc-table-toggle", **{"aria-expanded": "false", "aria-controls": table})
    return html.Div([
        html.Div([toggle, export_buttons(graph_id, what)], className="oc-chart-tools oc-no-print"),
        html.Div(chart, role="figure", **{"aria-label": name[:1].upper() + name[1:], "aria-describedby": described}),
        html.P(id=described, className="visually-hidden oc-chart-description"),
        html.Div(id=table, hidden=True, role="region", tabIndex="0", className="oc-chart-table oc-no-print",
                 **{"aria-label": f"{what[:1].upper()}{what[1:]} as a table"}),
    ], className="oc-chart", **{"data-chart": what})


def register(app: Dash) -> None:
    # Plotly.js renders the image in the browser, at the size shown; the file name travels in layout.meta.
    app.clientside_callback(
        clientside.function("exportImage"),
        Output(ids.CHART.IMAGE_DONE, "data"), Input({"type": ids.CHART.IMAGE, "graph": ALL, "format": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
