"""What-if weights: `/weights?edition=2023&composite=criminality&w=drugs:2,people:0` — a slider per indicator
group, the composites and ranks recomputed live, GI-TOC's figures always beside them, the weights in the URL."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from ocindex import weights as wt
from ocindex.catalogue import COMPOSITES
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import downloads, grid, ids
from .common import breadcrumbs, checked_choice, checked_edition, edition_param, last, notice
from .shell import Page

COMPONENT_TITLES = {"criminal markets": "Criminal markets", "criminal actors": "Criminal actors",
                    "resilience": "Resilience"}
# Move: green up, orange down (colour-blind safe, with the arrow saying it too).
MOVE_COLOURS = {"styleConditions": [{"condition": "params.value > 0", "style": {"color": "#00603f"}},
                                    {"condition": "params.value < 0", "style": {"color": "#a33a00"}}]}
COLUMNS = [grid.integer("custom_rank", "Rank (custom)"), grid.text("country", "Country", minWidth=140, flex=2),
           grid.number("custom", "Score (custom)", cellClass="fw-semibold"), grid.number("official", "Score (GI-TOC)"),
           grid.integer("official_rank", "Rank (GI-TOC)"),
           grid.integer("rank_change", "Move", cellStyle=MOVE_COLOURS, valueFormatter={"function": "ocMove(params.value)"})]


def layout(app: Dash, store: DataStore, query):
    data = store.index
    edition, notices = edition_param(query, data)
    groups = wt.weight_groups(data, data.latest)  # sliders for every group; older editions ignore newer groups
    weights, problems = wt.parse_weights(last(query, "w"), groups)
    composite = last(query, "composite") or "criminality"
    if composite not in COMPOSITES:
        notices.append(f"Composite '{composite}' is unknown; ranking by criminality.")
        composite = "criminality"
    sliders = []
    for component, title in COMPONENT_TITLES.items():
        sliders.append(html.H2(title, className="h6 mt-3 mb-1"))
        for group in (g for g in groups if g.component == component):
            since = min(data.catalogue[s].since for s in group.indicators)
            label = group.label + (f" (from {since})" if since > data.editions[0] else "")
            members = ", ".join(data.catalogue[s].label for s in group.indicators)
            slider_id = {"type": ids.WEIGHTS.SLIDER, "group": group.key}
            sliders.append(html.Div([
                html.Div(label, className="small fw-semibold", title=members),
                dcc.Slider(id=slider_id, min=wt.LOWEST, max=wt.HIGHEST, step=wt.STEP,
                           value=weights.get(group.key, wt.GITOC_WEIGHT), allow_direct_input=False,
                           marks={0: "0", 1: "1", 2: "2", 3: "3"}, tooltip={"placement": "right"}),
            ], className="mb-1", **{"data-a11y-name": f"Weight of {label}"}))
    return dbc.Container([
        dcc.Location(id=ids.WEIGHTS.URL, refresh=False),
        breadcrumbs(app, [("Quadrant", "/"), ("What-if weights", None)]),
        notice(ids.WEIGHTS.NOTICE, notices + [f"Weights {p}" for p in problems]),
        html.H1("What-if weights", className="h3 mb-1"),
        html.P("Weigh the groups of indicators as your question needs, from 0 (left out) to 3; GI-TOC weighs every "
               "indicator equally (1). Composites and ranks are recomputed for every country, GI-TOC's beside them.",
               className="text-body-secondary"),
        html.Div(id=ids.WEIGHTS.BANNER),
        dbc.Row([
            dbc.Col(dbc.Card(dbc.CardBody([
                dbc.Button("Reset to GI-TOC's weights", id=ids.WEIGHTS.RESET, size="sm", color="secondary", outline=True),
                *sliders,
            ])), lg=4, className="oc-controls"),
            dbc.Col(dbc.Card([
                dbc.CardHeader(dbc.Row([
                    dbc.Col([dbc.Label("Edition", html_for=ids.WEIGHTS.EDITION, className="small fw-semibold me-2 mb-0"),
                             dbc.RadioItems(id=ids.WEIGHTS.EDITION, inline=True, value=edition, className="d-inline-block",
                                            options=[{"label": str(e), "value": e} for e in data.editions])],
                            width="auto"),
                    dbc.Col([dbc.Label("Rank by", html_for=ids.WEIGHTS.COMPOSITE, className="small fw-semibold me-2 mb-0"),
                             dbc.RadioItems(id=ids.WEIGHTS.COMPOSITE, inline=True, value=composite,
                                            className="d-inline-block",
                                            options=[{"label": data.catalogue[c].label, "value": c}
                                                     for c in COMPOSITES])], width="auto"),
                    dbc.Col(downloads.button(ids.WEIGHTS.CSV, ids.WEIGHTS.CSV_FILE), width="auto", className="ms-auto"),
                ], className="g-2 align-items-center"), className="py-1"),
                html.P(id=ids.WEIGHTS.SUMMARY, className="small px-2 pt-2 mb-1"),
                grid.grid(ids.WEIGHTS.TABLE, COLUMNS, height="65vh"),
            ]), lg=8),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


def checked_weights(values, slider_ids) -> dict[str, float]:
    if not isinstance(values, list) or not isinstance(slider_ids, list) or len(values) != len(slider_ids):
        raise PreventUpdate
    weights = {}
    for value, slider in zip(values, slider_ids):
        key = slider.get("group") if isinstance(slider, dict) else None
        if not isinstance(key, str) or isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not wt.LOWEST <= value <= wt.HIGHEST:
            raise PreventUpdate
        weights[key] = float(value)
    return weights


def ranking(data: IndexData, edition: int, composite: str, weights: dict[str, float]):
    """Table rows, the summary line and the banner, or (None, message, error banner) when no score is possible."""
    custom = {k: v for k, v in weights.items() if v != wt.GITOC_WEIGHT}
    try:
        table = wt.what_if(data, edition, weights)
    except ValueError as exc:
        return [], "", dbc.Alert(f"No ranking: {exc}. Give at least one of its groups a weight above 0.",
                                 color="danger", className="py-2")
    if custom:
        listed = ", ".join(f"{k.replace('-', ' ')} ×{v:g}" for k, v in sorted(custom.items()))
        banner = dbc.Alert([html.Strong("Custom weighting — not GI-TOC's index. "),
                            f"Weights: {listed}; every other group 1. GI-TOC's scores and ranks are shown beside."],
                           color="warning", className="py-2")
    else:
        banner = dbc.Alert("GI-TOC's own weighting (every group 1): the scores and ranks equal the published ones.",
                           color="light", className="py-2")
    part = table[[f"{composite}_{c}" for c in ("custom", "custom_rank", "official", "official_rank", "rank_change")]]
    part.columns = ["custom", "custom_rank", "official", "official_rank", "rank_change"]
    part = part.assign(iso3=part.index, country=table["country"]).sort_values(["custom_rank", "country"])
    moved = int((part["rank_change"] != 0).sum())
    summary = (f"{data.catalogue[composite].label}, {edition}: {moved} of {len(part)} countries change rank under "
               f"these weights. ▲ = higher in the ranking (rank 1 = highest score).")
    return part.round({"custom": 2, "official": 2}).to_dict("records"), summary, banner


def register(app: Dash, store: DataStore) -> None:
    sliders = Input({"type": ids.WEIGHTS.SLIDER, "group": ALL}, "value")
    slider_ids = State({"type": ids.WEIGHTS.SLIDER, "group": ALL}, "id")

    @app.callback(Output(ids.WEIGHTS.TABLE, "rowData"), Output(ids.WEIGHTS.SUMMARY, "children"), Output(ids.WEIGHTS.BANNER, "children"),
                  Input(ids.WEIGHTS.EDITION, "value"), Input(ids.WEIGHTS.COMPOSITE, "value"), sliders, slider_ids)
    def update(edition, composite, values, keys):
        data = store.index
        edition, composite = checked_edition(edition, data), checked_choice(composite, COMPOSITES)
        return ranking(data, edition, composite, checked_weights(values, keys))

    @app.callback(Output({"type": ids.WEIGHTS.SLIDER, "group": ALL}, "value"), Input(ids.WEIGHTS.RESET, "n_clicks"),
                  prevent_initial_call=True)
    def reset(_clicks):
        # One value per slider the browser has: as many as the outputs it asked for.
        if not isinstance(ctx.outputs_list, list):
            raise PreventUpdate
        return [wt.GITOC_WEIGHT] * len(ctx.outputs_list)

    @app.callback(Output(ids.WEIGHTS.CSV_FILE, "data"), Input(ids.WEIGHTS.CSV, "n_clicks"), State(ids.WEIGHTS.EDITION, "value"),
                  State({"type": ids.WEIGHTS.SLIDER, "group": ALL}, "value"), slider_ids, prevent_initial_call=True)
    def download(_clicks, edition, values, keys):
        edition = checked_edition(edition, store.index)
        weights = checked_weights(values, keys)
        try:
            table = wt.what_if(store.index, edition, weights).reset_index()
        except ValueError:
            raise PreventUpdate from None
        table.insert(1, "weights", wt.weights_text(weights) or "GI-TOC (all 1)")
        return downloads.csv_file(table, edition, "what-if-weights")

    @app.callback(Output(ids.WEIGHTS.URL, "search"), Input(ids.WEIGHTS.EDITION, "value"), Input(ids.WEIGHTS.COMPOSITE, "value"),
                  sliders, slider_ids, prevent_initial_call=True)
    def sync_url(edition, composite, values, keys):
        edition, composite = checked_edition(edition, store.index), checked_choice(composite, COMPOSITES)
        text = wt.weights_text(checked_weights(values, keys))
        return "?" + urlencode({"edition": edition, "composite": composite, **({"w": text} if text else {})})


PAGE = Page(pattern=r"/weights", layout=layout)
