"""What-if weights: `/weights?edition=2023&composite=criminality&w=drugs:2,people:0` — a slider per indicator
group, the composites and ranks recomputed live, GI-TOC's figures always beside them, the weights in the URL."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, ctx, dcc, html
from dash.exceptions import PreventUpdate

from ocindex import weights as wt
from ocindex.catalogue import COMPOSITES
from ocindex.index import IndexData
from ocindex.store import DataStore

from . import grid, ids, registry
from .common import breadcrumbs, notice, radios
from .registry import Nav, Page, Table
from .urlstate import Choice, Edition, Kind, PageState, param

COMPONENT_TITLES = {"criminal markets": "Criminal markets", "criminal actors": "Criminal actors",
                    "resilience": "Resilience"}
# Move: green up, orange down (colour-blind safe, with the arrow saying it too).
MOVE_COLOURS = {"styleConditions": [{"condition": "params.value > 0", "style": {"color": "#00603f"}},
                                    {"condition": "params.value < 0", "style": {"color": "#a33a00"}}]}
COLUMNS = [grid.integer("custom_rank", "Rank (custom)", width=95), grid.fill(grid.text("country", "Country"), 170),
           grid.number("custom", "Score (custom)", cellClass="fw-semibold", width=95),
           # A hyphen that does not break: "(GI-" and "TOC)" on two lines read badly.
           grid.number("official", "Score (GI\u2011TOC)", width=95),
           grid.integer("official_rank", "Rank (GI\u2011TOC)", width=95),
           grid.integer("rank_change", "Move", width=70, cellStyle=MOVE_COLOURS,
                        valueFormatter={"function": "ocMove(params.value)"})]
SLIDERS = {"type": ids.WEIGHTS.SLIDER, "group": ALL}


def slider_groups(data: IndexData) -> list[wt.WeightGroup]:
    """The groups in the order of their sliders: every group (older editions ignore newer groups), by component."""
    groups = wt.weight_groups(data, data.latest)
    return [g for component in COMPONENT_TITLES for g in groups if g.component == component]


def parts(weights: dict[str, float]) -> tuple[str, ...]:
    """The weights that differ from GI-TOC's as `group:weight` parts, by group."""
    text = wt.weights_text(weights)
    return tuple(text.split(",")) if text else ()


def weights_of(parts: tuple[str, ...]) -> dict[str, float]:
    return {key: float(weight) for key, weight in (part.split(":") for part in parts)}


@dataclass(frozen=True)
class Weights(Kind):
    """Weights of groups as `group:weight` parts of one comma-separated value (`w=drugs:2,people:0`); from the
    sliders, one value per group in the order of the sliders."""

    many = True
    joined = True

    def parse(self, raw, data, values):
        weights, problems = wt.parse_weights(raw, slider_groups(data))
        if problems:
            raise ValueError(f"Weights {problems[0]}")
        return ",".join(f"{key}:{weight:g}" for key, weight in weights.items())

    def check_many(self, value, data, values):
        groups = slider_groups(data)
        if not isinstance(value, list) or len(value) != len(groups) or not all(
                not isinstance(v, bool) and isinstance(v, (int, float)) and wt.LOWEST <= v <= wt.HIGHEST
                for v in value):
            raise PreventUpdate
        return parts({g.key: float(v) for g, v in zip(groups, value)})


@dataclass(frozen=True)
class WeightsState(PageState, name="weights", path="/weights"):
    edition: int = param(Edition(), always=True)
    composite: str = param(Choice(COMPOSITES, "Composite"), always=True, default="criminality")
    weighting: tuple[str, ...] = param(Weights(), key="w", default=())

    @classmethod
    def settle(cls, values, data):
        values["weighting"] = parts(weights_of(values["weighting"]))  # as the sliders give them: the last per group
        return []

    @property
    def weights(self) -> dict[str, float]:
        """The weight of each group that differs from GI-TOC's."""
        return weights_of(self.weighting)


def title(state: WeightsState, data: IndexData) -> str:
    return "What-if weights"


def layout(app: Dash, store: DataStore, state: WeightsState, notices: list[str]):
    data = store.index
    sliders = []
    for component, heading in COMPONENT_TITLES.items():
        sliders.append(html.H2(heading, className="h6 mt-3 mb-1"))
        for group in (g for g in slider_groups(data) if g.component == component):
            since = min(data.catalogue[s].since for s in group.indicators)
            label = group.label + (f" (from {since})" if since > data.editions[0] else "")
            members = ", ".join(data.catalogue[s].label for s in group.indicators)
            slider_id = {"type": ids.WEIGHTS.SLIDER, "group": group.key}
            sliders.append(html.Div([
                html.Div(label, className="small fw-semibold", title=members),
                dcc.Slider(id=slider_id, min=wt.LOWEST, max=wt.HIGHEST, step=wt.STEP,
                           value=state.weights.get(group.key, wt.GITOC_WEIGHT), allow_direct_input=False,
                           marks={0: "0", 1: "1", 2: "2", 3: "3"}, tooltip={"placement": "right"}),
            ], className="mb-1", **{"data-a11y-name": f"Weight of {label}"}))
    # The first view comes with the page (built once per URL and cached): the callback below runs when a control
    # changes.
    rows, summary, banner = ranking(data, state.edition, state.composite, state.weights)
    return dbc.Container([
        breadcrumbs(app, [("Quadrant", "/"), ("What-if weights", None)]),
        notice(ids.WEIGHTS.NOTICE, notices),
        html.H1("What-if weights", className="h3 mb-1"),
        html.P("Weigh the groups of indicators as your question needs, from 0 (left out) to 3; GI-TOC weighs every "
               "indicator equally (1). Composites and ranks are recomputed for every country, GI-TOC's beside them.",
               className="text-body-secondary"),
        html.Div(banner, id=ids.WEIGHTS.BANNER, role="status", **{"aria-live": "polite"}),  # says so as soon as a slider moves
        dbc.Row([
            dbc.Col(dbc.Card(dbc.CardBody([
                dbc.Button("Reset to GI-TOC's weights", id=ids.WEIGHTS.RESET, size="sm", color="secondary", outline=True),
                *sliders,
            ])), lg=4, className="oc-controls"),
            dbc.Col(dbc.Card([
                dbc.CardHeader(dbc.Row([
                    dbc.Col([dbc.Label("Edition", html_for=ids.WEIGHTS.EDITION, className="small fw-semibold me-2 mb-0"),
                             radios(ids.WEIGHTS.EDITION, inline=True, value=state.edition,
                                    className="d-inline-block",
                                    options=[{"label": str(e), "value": e} for e in data.editions])],
                            width="auto"),
                    dbc.Col([dbc.Label("Rank by", html_for=ids.WEIGHTS.COMPOSITE, className="small fw-semibold me-2 mb-0"),
                             radios(ids.WEIGHTS.COMPOSITE, inline=True, value=state.composite,
                                    className="d-inline-block",
                                    options=[{"label": data.catalogue[c].label, "value": c}
                                             for c in COMPOSITES])], width="auto"),
                    dbc.Col(registry.csv_button(WeightsState.name), width="auto", className="ms-auto"),
                ], className="g-2 align-items-center"), className="py-1"),
                html.P(summary, id=ids.WEIGHTS.SUMMARY, className="small px-2 pt-2 mb-1"),
                grid.grid(ids.WEIGHTS.TABLE, COLUMNS, rows, height="65vh", header_lines=2),
            ]), lg=8),
        ], className="g-3 mb-4"),
    ], fluid=True, className="py-2")


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


def update(data: IndexData, controls: dict) -> tuple:
    state = WeightsState.from_controls(data, **controls)
    return ranking(data, state.edition, state.composite, state.weights)


def reset(sliders: list) -> list[float]:
    """Every slider the browser has (as many as the outputs it asked for) back at GI-TOC's weight."""
    if not isinstance(sliders, list):
        raise PreventUpdate
    return [wt.GITOC_WEIGHT] * len(sliders)


def table_rows(data: IndexData, state: WeightsState):
    """The CSV: every country's composites and ranks, GI-TOC's and under these weights, the weights in each row."""
    try:
        table = wt.what_if(data, state.edition, state.weights).reset_index()
    except ValueError:  # a component with no weight left: no ranking to download
        raise PreventUpdate from None
    table.insert(1, "weights", wt.weights_text(state.weights) or "GI-TOC (all 1)")
    return table


def register(app: Dash, store: DataStore) -> None:
    app.callback(Output(ids.WEIGHTS.TABLE, "rowData"), Output(ids.WEIGHTS.SUMMARY, "children"),
                 Output(ids.WEIGHTS.BANNER, "children"), inputs={"controls": PAGE.inputs()},
                 prevent_initial_call=True)(lambda controls: update(store.index, controls))
    app.callback(Output(SLIDERS, "value"), Input(ids.WEIGHTS.RESET, "n_clicks"),
                 prevent_initial_call=True)(lambda _clicks: reset(ctx.outputs_list))


PAGE = Page(
    state=WeightsState, layout=layout, title=title, register=register, nav=Nav("What-if weights", group="Insights"),
    controls={"edition": (ids.WEIGHTS.EDITION, "value"), "composite": (ids.WEIGHTS.COMPOSITE, "value"),
              "weighting": (SLIDERS, "value")},
    tables={"table": Table(rows=table_rows, name=lambda state: "what-if-weights")},
)
