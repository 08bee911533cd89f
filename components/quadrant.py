"""Home: the criminality-versus-resilience quadrant, its controls, the selected country and movement lists."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from figures.quadrant import MAX_LABELS, QuadrantChart, like_for_like_caption, quadrant_chart
from ocindex import likeforlike as lfl
from ocindex import quadrant as q
from ocindex.index import IndexData
from ocindex.parse import whole_number
from ocindex.store import DataStore
from serving import cache

from . import charts, clientside, ids, registry
from .common import (
    composite_summary,
    country_href,
    country_options,
    notice,
    plain,
    radios,
)
from .registry import Nav, Page, Table
from .urlstate import Choice, Country, Edition, Flag, Group, Kind, Number, PageState, href, param

MOVERS = 5  # countries in each list of biggest movers (more when several tie with the fifth)
SCORES = {"official": "GI-TOC's published scores", "like-for-like": "Like-for-like (ours, not GI-TOC's)"}


@dataclass(frozen=True)
class Since(Kind):
    """The earlier edition change is read from; None: the one before the edition shown."""

    def default(self, data, values):
        return None

    def parse(self, raw, data, values):
        earlier = q.earlier_editions(data, values["edition"])
        if (number := whole_number(raw)) is not None and number in earlier:
            return number
        raise ValueError(f"Since '{raw}': change is read since an earlier edition "
                         f"({', '.join(map(str, earlier)) or 'none loaded'}); showing since "
                         f"{data.previous_edition(values['edition']) or 'none'}.")

    def check(self, value, data, values):
        # One that does not fit the edition (its options are being replaced after an edition change) means the
        # previous edition, which is said as None (the default) so that links stay short.
        if isinstance(value, bool) or value not in q.earlier_editions(data, values["edition"]):
            return None
        return None if value == data.previous_edition(values["edition"]) else value


@dataclass(frozen=True)
class QuadrantState(PageState, name="quadrant", path="/"):
    """Everything the URL of the home view holds."""

    edition: int = param(Edition(), always=True)
    split: str = param(Choice(tuple(q.SPLIT_METHODS), "Split"), default=q.DEFAULT_SPLIT)
    continents: tuple[str, ...] = param(Group("continent"), key="continent", default=())
    regions: tuple[str, ...] = param(Group("region"), key="region", default=())
    country: str | None = param(Country(), default=None)
    labels: int = param(Number(0, MAX_LABELS, "Labels"), default=0)
    movement: bool = param(Flag("Movement"), default=False)
    scores: str = param(Choice(tuple(SCORES), "Scores"), default="official")
    since: int | None = param(Since(), default=None)

    @classmethod
    def settle(cls, values, data):
        if values["since"] == data.previous_edition(values["edition"]):
            values["since"] = None  # the default, said once: links stay short
        return []

    def compared_with(self, data: IndexData) -> int | None:
        """The earlier edition movers, quadrant changes and like-for-like scores compare with."""
        return self.since or data.previous_edition(self.edition)

    @property
    def filtered(self) -> bool:
        return bool(self.continents or self.regions)


def title(state: QuadrantState, data: IndexData) -> str:
    return f"Criminality vs resilience, {state.edition}"


def chart_points(data: IndexData, state: QuadrantState) -> tuple[object, q.Split]:
    return lfl.placed(data, state.edition, state.split, state.continents, state.regions,
                      state.scores == "like-for-like", state.since)


def chart(data: IndexData, state: QuadrantState) -> QuadrantChart:
    return quadrant_chart(data, state.edition, split=state.split, continents=state.continents, regions=state.regions,
                          country=state.country, labels=state.labels, movement=state.movement,
                          like_for_like=state.scores == "like-for-like", since=state.since)


def download_frame(data: IndexData, state: QuadrantState):
    """The chart's data: every country's position, ranks, change and quadrant, and whether it is highlighted."""
    points, split = chart_points(data, state)
    return points.assign(split=q.SPLIT_METHODS[split.method], split_criminality=split.criminality,
                         split_resilience=split.resilience)


# ----------------------------------------------------------------------------------------------- layout


def layout(app: Dash, store: DataStore, state: QuadrantState, notices: list[str]):
    data = store.index
    table = data.wide(state.edition)
    # The first view comes with the page (built once per URL and cached): the callbacks below run only when a
    # control changes, or the projector styles the chart.
    first = chart_update(data, state, False, False, chart(data, state))
    views = edition_views(data, state, False, lambda other: (chart(data, other), side_parts(app, data, other)))
    return html.Div([
        dcc.Store(id=ids.QUADRANT.CHOICES, data=edition_choices(data)),
        dcc.Store(id=ids.QUADRANT.VIEWS, data=views),
        dcc.Store(id=ids.QUADRANT.ASK),
        notice(ids.QUADRANT.NOTICE, notices),
        dbc.Row([
            dbc.Col(_controls(data, state, table), lg=3, className="oc-controls"),
            dbc.Col(_chart(*first), lg=6, className="oc-chart-col"),
            dbc.Col(_side(app, data, state), lg=3, className="oc-side"),
        ], className="g-3"),
    ], className="container-fluid py-2")


def _controls(data: IndexData, state: QuadrantState, table):
    return dbc.Card(dbc.CardBody([
        html.H1("Criminality vs resilience", className="h5 mb-3"),
        dbc.Label("Edition", html_for=ids.QUADRANT.EDITION),
        radios(ids.QUADRANT.EDITION, options=[{"label": str(e), "value": e} for e in data.editions],
               value=state.edition, inline=True, className="mb-3"),
        dbc.Label("Scores", html_for=ids.QUADRANT.SCORES),
        radios(ids.QUADRANT.SCORES, options=[{"label": v, "value": k} for k, v in SCORES.items()],
               value=state.scores, className="mb-3"),
        dbc.Label("Country", html_for=ids.QUADRANT.COUNTRY),
        dcc.Dropdown(id=ids.QUADRANT.COUNTRY, options=country_options(data), value=state.country,
                     placeholder="Search a country…", className="mb-3"),
        dbc.Label("Quadrant split", html_for=ids.QUADRANT.SPLIT),
        radios(ids.QUADRANT.SPLIT, options=[{"label": v, "value": k} for k, v in q.SPLIT_METHODS.items()],
               value=state.split, className="mb-3"),
        dbc.Label("Continent", html_for=ids.QUADRANT.CONTINENT),
        dcc.Dropdown(id=ids.QUADRANT.CONTINENT, options=sorted(table["continent"].unique()), value=list(state.continents),
                     multi=True, placeholder="All continents", className="mb-2"),
        dbc.Label("Region", html_for=ids.QUADRANT.REGION),
        dcc.Dropdown(id=ids.QUADRANT.REGION, options=_region_options(table, state.continents), value=list(state.regions),
                     multi=True, placeholder="All regions", className="mb-3"),
        dbc.Label("Label the most extreme countries", html_for=ids.QUADRANT.LABELS),
        dcc.Slider(id=ids.QUADRANT.LABELS, min=0, max=MAX_LABELS, step=1, value=state.labels,
                   marks={n: str(n) for n in range(0, MAX_LABELS + 1, 5)}, className="mb-3"),
        dbc.Switch(id=ids.QUADRANT.MOVEMENT, label="Show movement across editions", value=state.movement),
    ]), className="h-100")


def since_options(data: IndexData, edition: int) -> list[dict]:
    return [{"label": str(e), "value": e} for e in q.earlier_editions(data, edition)]


def _chart(figure: dict, note: str, description: str):
    return html.Div([
        charts.graph(
            ids.QUADRANT.GRAPH, "the quadrant chart", figure, loading=True, className="oc-quadrant-graph", responsive=True,
            # Inline, because dcc.Graph sets an inline height of its own that a stylesheet cannot beat.
            style={"height": "calc(100vh - 130px)", "minHeight": "460px"}),
        html.Div([html.P(note, id=ids.QUADRANT.SPLIT_NOTE, className="small text-body-secondary mb-0 me-auto"),
                  registry.csv_button(QuadrantState.name)], className="d-flex align-items-start gap-2"),
        html.P(description, id=ids.QUADRANT.SUMMARY, className="visually-hidden", **{"aria-live": "polite"}),
    ], className="oc-quadrant-block")


def _side(app: Dash, data: IndexData, state: QuadrantState):
    options = since_options(data, state.edition)
    parts = side_parts(app, data, state)
    return html.Div([
        html.Div(parts["panel"], id=SIDE_PARTS["panel"][0], className="mb-3"),
        # Where change is read from sits with the lists it changes (and the like-for-like scores).
        html.Div(html.Div([
            dbc.Label("Change since", html_for=ids.QUADRANT.SINCE, className="small fw-semibold mb-0 me-2"),
            radios(ids.QUADRANT.SINCE, options=options, value=state.compared_with(data), inline=True,
                   className="small"),
        ], className="d-flex align-items-center mb-2"), id=ids.QUADRANT.SINCE_ROW, hidden=not options,
            title="Biggest movers, quadrant changes and like-for-like scores compare with this edition"),
        *(dbc.Card([dbc.CardHeader(heading, className="py-2 fw-semibold"), dbc.CardBody(
            # Drawn by the browser from the attribute (assets/pick_lists.js); Dash renders nothing inside.
            html.Div(id=SIDE_PARTS[name][0], **{"data-pick-list": parts[name], "data-picks": ids.QUADRANT.COUNTRY}),
            className="oc-scroll p-2")], className="mb-3")
          for name, heading in (("movers", "Biggest movers"), ("changes", "Changed quadrant"))),
    ])


def _region_options(table, continents):
    rows = table[table["continent"].isin(continents)] if continents else table
    return sorted(rows["region"].unique())


def edition_choices(data: IndexData) -> dict[str, dict]:
    """Per edition, what the controls that follow the edition offer: the earlier editions change can be read
    since (and the default, the previous one) and each continent's regions. The browser switches them itself
    (assets/clientside.js, quadrantView), with the chart."""
    return {str(edition): {
        "since": list(q.earlier_editions(data, edition)), "previous": data.previous_edition(edition),
        "regions": {c: _region_options(table, (c,)) for c in sorted(table["continent"].unique())},
    } for edition in data.editions for table in [data.wide(edition)]}


def switched(data: IndexData, state: QuadrantState, edition: int) -> QuadrantState | None:
    """The view the edition radio switches to from `state`, as the browser then sets the controls that follow the
    edition (assets/clientside.js): change still read since the edition the 'Change since' radio holds where the
    new edition has it (else since its previous one), the chosen regions it has. None where the edition does not
    assess the selected country or a chosen continent (the server says what then happens)."""
    table = data.wide(edition)
    if state.country not in (None, *table.index) or not set(state.continents) <= set(table["continent"]):
        return None
    kept = state.compared_with(data)
    since = kept if kept in q.earlier_editions(data, edition) and kept != data.previous_edition(edition) else None
    regions = set(_region_options(table, state.continents))
    return replace(state, edition=edition, since=since, regions=tuple(r for r in state.regions if r in regions))


def view_key(data: IndexData, state: QuadrantState, present) -> list:
    """Which view a chart shows, as the browser reads it from the controls: presentation mode, then the values the
    page's controls hold, in the order of PAGE.controls (assets/clientside.js, quadrantView)."""
    values = {name: getattr(state, name) for name in PAGE.controls} | {"since": state.compared_with(data)}
    return [present is True, *(list(v) if isinstance(v, tuple) else v for v in map(values.get, PAGE.controls))]


def edition_views(data: IndexData, state: QuadrantState, present, view_of) -> dict:
    """What the browser needs to switch editions without waiting for the server: for every other edition, the view
    the switch leads to (its key and address), its chart as an update in place, the chart's note and description
    and the side panel's parts (side_parts); the key and address of the view drawn, and the request to the server
    it answers (None: the page's own). `view_of(state)` builds a chart and its side parts (the callbacks' are
    cached)."""
    views = {}
    for edition in data.editions:
        if edition != state.edition and (other := switched(data, state, edition)) is not None:
            built, side = view_of(other)
            figure, note, description = chart_update(data, other, present, True, built)
            views[str(edition)] = {"key": view_key(data, other, present), "address": address(data, other),
                                   "figure": plain(figure), "note": note, "summary": description, **side}
    return {"edition": state.edition, "drawn": view_key(data, state, present), "address": address(data, state),
            "views": views, "answered": None, "fields": VIEW_FIELDS}


def address(data: IndexData, state: QuadrantState) -> dict:
    """A view's query and document title, as the browser writes them in the address bar."""
    return {"search": state.to_query(), "title": registry.title(title(state, data))}


# ----------------------------------------------------------------------------------------------- panels


def country_panel(app: Dash, data: IndexData, state: QuadrantState, placed: tuple[object, q.Split]):
    """The selected country's scores and ranks, and where the chart places it (`placed`: chart_points)."""
    if state.country is None:
        return dbc.Card(dbc.CardBody(html.P(
            "Click a point, search a country or pick one from the lists below to see its scores and ranks.",
            className="text-body-secondary small mb-0")), className="oc-hide-presenting")
    points, split = placed
    point = points.set_index("iso3").loc[state.country]
    return dbc.Card(dbc.CardBody([
        html.H2(point["country"], className="h5 mb-0"),
        html.Div(f"{point['continent']} · {point['region']} · {state.edition} edition",
                 className="small text-body-secondary"),
        html.Div(point["quadrant"], className="badge text-bg-light border my-2 text-wrap text-start"),
        divider_hint(point, split),
        *composite_summary(data, state.edition, state.country),
        like_for_like_note(app, data, state),
        dcc.Link("Open the country profile →", href=country_href(app, state.country, state.edition),
                 className="d-inline-block mt-2"),
    ]), className="oc-country-panel")


def divider_hint(point, split: q.Split):
    """Which side of a near divider the country sits on, as placed on the chart."""
    near = [f"{composite.capitalize()} {point[composite]:.2f}: {note}" for composite in ("criminality", "resilience")
            if (note := q.divider_note(point[composite], getattr(split, composite)))]
    return html.Div("; ".join(near) + ".", className="small mb-1 oc-divider-hint") if near else None


def filter_phrase(state: QuadrantState) -> str:
    """' in South America' for the filtered view, '' for the world."""
    return f" in {', '.join(state.regions or state.continents)}" if state.filtered else ""


def highlighted(placed: tuple[object, q.Split]) -> set[str]:
    """The countries the chart highlights (`placed`: chart_points): the lists name only them."""
    points, _ = placed
    return set(points.loc[points["highlighted"], "iso3"])


def like_for_like_note(app: Dash, data: IndexData, state: QuadrantState):
    """With like-for-like positions on the chart, the panel's published figures get the chart's figures beside."""
    since = state.compared_with(data)
    if state.scores != "like-for-like" or since is None:
        return None
    if lfl.basis(data, since, state.edition).identical:
        return html.Div(like_for_like_caption(data, state.edition, since) + ".",
                        className="small alert alert-info p-2 mt-2 mb-0")
    point = lfl.like_for_like_positions(data, state.edition, since).set_index("iso3").loc[state.country]
    return html.Div([
        html.Strong("On the chart, like for like (ours): "),
        f"criminality {point['criminality']:.2f} ({point['criminality_change']:+.2f}), resilience "
        f"{point['resilience']:.2f} ({point['resilience_change']:+.2f}) since {since}, on the indicators "
        f"{state.edition} shares with {since}. ",
        dcc.Link("How the change splits →",
                 href=href(app, "change", before=since, after=state.edition, country=state.country)),
    ], className="small alert alert-info p-2 mt-2 mb-0")


# What the side panel draws with each view, and where: the country's panel, and the lists, sent as data that the
# browser draws (assets/pick_lists.js). As Dash components, one per entry, the lists cost the renderer more at each
# edition switch than the chart (it pays for every component it adds).
SIDE_PARTS = {"panel": (ids.QUADRANT.COUNTRY_PANEL, "children"), "movers": (ids.QUADRANT.MOVERS, "data-pick-list"),
              "changes": (ids.QUADRANT.CHANGES, "data-pick-list")}


def side_parts(app: Dash, data: IndexData, state: QuadrantState) -> dict:
    """The side panel of a view, by SIDE_PARTS."""
    placed = chart_points(data, state)
    return {"panel": plain(country_panel(app, data, state, placed)), **pick_lists(data, state, highlighted(placed))}


def pick_lists(data: IndexData, state: QuadrantState, shown: set[str]) -> dict[str, str]:
    """The side lists whose entries select a country, among those `shown`, as the JSON of their box's
    data-pick-list."""
    return {"movers": json.dumps(movers_panel(data, state, shown)),
            "changes": json.dumps(changes_panel(data, state, shown))}


def movers_panel(data: IndexData, state: QuadrantState, shown: set[str]) -> dict:
    """The biggest movers since the edition compared with: a section per direction of each composite."""
    previous = state.compared_with(data)
    if previous is None:
        return {"message": f"{state.edition} is the first edition: there is nothing to compare with."}
    # Every mover, ranked, so the filter's top MOVERS (and those tied with the last) come from the whole list.
    lists = q.movers(data, state.edition, n=len(data.wide(state.edition)), since=previous)
    titles = {"criminality_up": "Criminality rose most", "criminality_down": "Criminality fell most",
              "resilience_up": "Resilience rose most", "resilience_down": "Resilience fell most"}
    sections = []
    for key, title in titles.items():
        composite = key.split("_")[0]
        listed = q.leading(lists[key][lists[key]["iso3"].isin(shown)], f"{composite}_change", MOVERS)
        sections.append({"heading": f"{title}{filter_phrase(state)} since {previous}",
                         "entries": [pick_entry(row["iso3"], row["country"], value=f"{row[composite + '_change']:+.2f}")
                                     for row in listed.to_dict("records")]})
    return {"sections": sections}


def pick_entry(iso3: str, country: str, value: str | None = None, below: str | None = None) -> dict:
    """An entry that selects its country: its name, with `value` at the right or `below` on the next line."""
    return {"iso3": iso3, "name": country, **{k: v for k, v in (("value", value), ("below", below)) if v is not None}}


def changes_panel(data: IndexData, state: QuadrantState, shown: set[str]) -> dict:
    """The countries whose quadrant differs from the one of the edition compared with."""
    previous = state.compared_with(data)
    if previous is None:
        return {"message": "No earlier edition to compare with."}
    moved = q.quadrant_changes(data, state.edition, state.split, previous)
    moved = moved[moved["iso3"].isin(shown)]
    if moved.empty:
        return {"message": f"No country{filter_phrase(state)} changed quadrant since {previous}."}
    countries = "1 country" if len(moved) == 1 else f"{len(moved)} countries"
    return {"sections": [{
        "heading": f"{countries}{filter_phrase(state)} since {previous}",
        "entries": [pick_entry(row["iso3"], row["country"],
                               below=f"{q.SHORT_NAMES[row['before']]} → {q.SHORT_NAMES[row['after']]}")
                    for row in moved.to_dict("records")]}]}


# ----------------------------------------------------------------------------------------------- callbacks


def chart_update(data: IndexData, state: QuadrantState, present, changed: bool, built: QuadrantChart):
    """The chart as sent, its note and its description; a control change (`changed`) updates it in place."""
    figure, note, description = built
    if present is True:  # the page's heading and controls are hidden: the chart says what it shows
        figure = {**figure, "layout": {**figure["layout"], "title": dict(
            text=f"Criminality vs resilience · {state.edition} edition", x=0, xref="paper", automargin=True)}}
    figure = charts.finish(figure, present, "quadrant", state.country, state.edition)
    if changed:  # only the points, dividers, captions and title differ
        figure = charts.in_place(figure, "shapes", "annotations", "meta", "title")
    return figure, note, description


def register(app: Dash, store: DataStore) -> None:
    app.clientside_callback(clientside.function("pickCountry"), Output(ids.QUADRANT.COUNTRY, "value"),
                            Input(ids.QUADRANT.GRAPH, "clickData"), prevent_initial_call=True)

    # In the browser (assets/clientside.js): an edition switch sets the controls that follow the edition and draws
    # the edition's chart from the store at once; any other change, or an edition the store does not hold for the
    # controls as they stand, asks the server (below).
    app.clientside_callback(
        clientside.function("quadrantView"),
        Output(ids.QUADRANT.SINCE, "options"), Output(ids.QUADRANT.SINCE, "value"), Output(ids.QUADRANT.SINCE_ROW, "hidden"),
        Output(ids.QUADRANT.REGION, "options"), Output(ids.QUADRANT.REGION, "value"),
        *(Output(*part, allow_duplicate=True) for part in DRAWN),
        Output(ids.QUADRANT.VIEWS, "data", allow_duplicate=True), Output(ids.QUADRANT.ASK, "data"),
        Input(ids.SHELL.PRESENT, "data"), *PAGE.inputs().values(),
        State(ids.QUADRANT.CHOICES, "data"), State(ids.QUADRANT.VIEWS, "data"), State(ids.QUADRANT.ASK, "data"),
        *(State(*part) for part in DRAWN), State(ids.SHELL.SYNC, "pathname"), State(ids.SHELL.SYNC, "search"),
        State(ids.SHELL.SHOWN, "data"),
        # Written by set_props after the chart's paint, by the id this gives (an output in the shell would make
        # Dash run this callback on every page).
        State(ids.SHELL.SYNC_WRITE, "data"),
        prevent_initial_call=True)  # the page comes with its first view (see layout)

    @cache.of(app.server).memoize()
    def cached_view(sha256: str, state: QuadrantState):  # noqa: ARG001 - the data's hash keys the cache
        return chart(store.index, state), side_parts(app, store.index, state)

    @app.callback(*(Output(*part) for part in DRAWN), Output(ids.QUADRANT.VIEWS, "data"),
                  Output(ids.SHELL.SYNC_WRITE, "data", allow_duplicate=True),
                  Input(ids.QUADRANT.ASK, "data"), prevent_initial_call=True)
    def update_chart(asked):
        # {"key": view_key() of the controls, "drawn": that of the view on screen, "at": [path, query] read at}
        key, shown, at = (asked.get(k) if isinstance(asked, dict) else None for k in ("key", "drawn", "at"))
        if not isinstance(key, list) or len(key) != len(VIEW_FIELDS):
            raise PreventUpdate
        data = store.index
        present, *values = key
        controls = dict(zip(PAGE.controls, values))
        state = QuadrantState.from_controls(data, **controls)
        # A control changed: the chart updates in place; presentation mode restyles it whole.
        in_place = isinstance(shown, list) and len(shown) == len(VIEW_FIELDS) and shown[0] == present
        views = edition_views(data, state, present, lambda other: cached_view(data.sha256, other))
        built, side = cached_view(data.sha256, state)
        # The request answered, as sent: until the answer to the last one arrives, the browser draws nothing from
        # the store (what it holds may be out of date).
        pathname, search = at if isinstance(at, list) and len(at) == 2 else (None, None)
        try:
            written = registry.view_address(app, store, PAGE, controls, pathname, search)
        except PreventUpdate:  # the address holds the view already, or is no longer the page's
            written = no_update
        return (*chart_update(data, state, present, in_place, built), *side.values(), {**views, "answered": key},
                written)


PAGE = Page(
    state=QuadrantState, layout=layout, title=title, register=register, nav=Nav("Quadrant"),
    controls={"edition": (ids.QUADRANT.EDITION, "value"), "split": (ids.QUADRANT.SPLIT, "value"),
              "continents": (ids.QUADRANT.CONTINENT, "value"), "regions": (ids.QUADRANT.REGION, "value"),
              "country": (ids.QUADRANT.COUNTRY, "value"), "labels": (ids.QUADRANT.LABELS, "value"),
              "movement": (ids.QUADRANT.MOVEMENT, "value"), "scores": (ids.QUADRANT.SCORES, "value"),
              "since": (ids.QUADRANT.SINCE, "value")},
    tables={"table": Table(rows=download_frame, name=lambda state: "quadrant")}, writes_address=True,
)
# What a view's key holds (view_key), in the order quadrantView (assets/clientside.js) receives the controls.
VIEW_FIELDS = ["present", *PAGE.controls]
# Where a view is drawn: its chart, note and description, then its SIDE_PARTS, in the order of quadrantView's PARTS
# (assets/clientside.js), which names them as edition_views() does.
DRAWN = [(ids.QUADRANT.GRAPH, "figure"), (ids.QUADRANT.SPLIT_NOTE, "children"), (ids.QUADRANT.SUMMARY, "children"),
         *SIDE_PARTS.values()]
