"""The criminality-versus-resilience quadrant chart."""

from __future__ import annotations

from html import escape

import pandas as pd

from ocindex.quadrant import QUADRANTS, Split, divider_note
from ocindex.ranks import rank_phrase

from .style import GRID, INK, MUTED, base_layout, continent_colour

AXIS_RANGE = (1, 10)
PAD = 0.25  # room around the 1-10 scale so points on the edge stay whole

# Where each quadrant's caption sits: (x, y, xanchor, yanchor).
_CAPTION_PLACES = {
    QUADRANTS[0]: (AXIS_RANGE[0], AXIS_RANGE[1], "left", "top"),
    QUADRANTS[1]: (AXIS_RANGE[0], AXIS_RANGE[0], "left", "bottom"),
    QUADRANTS[2]: (AXIS_RANGE[1], AXIS_RANGE[1], "right", "top"),
    QUADRANTS[3]: (AXIS_RANGE[1], AXIS_RANGE[0], "right", "bottom"),
}


def hover_text(row: dict, split: Split) -> str:
    lines = [f"<b>{escape(row['country'])}</b> · {escape(row['region'])}"]
    for composite in ("criminality", "resilience"):
        line = (f"{composite.capitalize()} {row[composite]:.2f} · "
                f"{rank_phrase(row[f'{composite}_rank_global'], row[f'{composite}_n_global'])}")
        if near := divider_note(row[composite], getattr(split, composite)):
            line += f" · {near}"
        lines.append(line)
    return "<br>".join(lines + [row["quadrant"]])


def extreme_countries(points: pd.DataFrame, split: Split, n: int) -> list[str]:
    """ISO3 of the n highlighted countries furthest from the split point, furthest first."""
    shown = points[points["highlighted"]]
    distance = (shown["criminality"] - split.criminality) ** 2 + (shown["resilience"] - split.resilience) ** 2
    return shown.assign(distance=distance).sort_values(["distance", "country"], ascending=[False, True]).head(n)[
        "iso3"].tolist()


def quadrant_figure(
    points: pd.DataFrame,
    split: Split,
    *,
    selected: str | None = None,
    labelled: list[str] | None = None,
    paths: pd.DataFrame | None = None,
) -> dict:
    """points: positions() with 'quadrant' and a boolean 'highlighted' column (False = filtered out, faded)."""
    marker_size = 9
    continents = sorted(points["continent"].unique())
    traces = []
    if paths is not None and paths["iso3"].duplicated().any():  # someone has more than one position
        traces.append(_movement_trace(paths))
    rows = points.to_dict("records")  # plain dicts: far faster to walk than DataFrame rows
    for continent in continents:
        # Filtered-out countries fade rather than vanish; they sit in a second trace of the same legend group
        # so the legend keeps full colour and one click still toggles the whole continent.
        parts = {flag: [r for r in rows if r["continent"] == continent and r["highlighted"] == flag]
                 for flag in (False, True)}
        legend_on = bool(parts[True])  # a wholly faded continent keeps a (faded) legend entry
        for highlighted, part in parts.items():
            traces.append(dict(
                type="scatter", mode="markers", name=continent, legendgroup=continent,
                showlegend=highlighted == legend_on,
                x=[r["criminality"] for r in part], y=[r["resilience"] for r in part],
                customdata=[r["iso3"] for r in part],
                text=[hover_text(r, split) for r in part],
                hovertemplate="%{text}<extra></extra>",
                marker=dict(color=continent_colour(continent, continents), size=marker_size,
                            opacity=0.9 if highlighted else 0.15, line=dict(width=0.6, color="white")),
            ))
    annotations = _quadrant_captions(points[points["highlighted"]])
    label_iso3 = set(labelled or []) - {selected}
    to_label = [r for r in rows if r["iso3"] in label_iso3]
    for row in to_label:
        annotations.append(_label(row, emphasis=False, below=_below_neighbour(row, to_label)))
    chosen = next((r for r in rows if r["iso3"] == selected), None)
    if chosen is not None:
        traces.append(dict(
            type="scatter", mode="markers", name=chosen["country"], showlegend=False, hoverinfo="skip",
            x=[chosen["criminality"]], y=[chosen["resilience"]], customdata=[chosen["iso3"]],
            marker=dict(size=marker_size * 2, color="rgba(0,0,0,0)", line=dict(width=3, color=INK)),
        ))
        annotations.append(_label(chosen, emphasis=True))

    layout = base_layout()
    axis = dict(range=[AXIS_RANGE[0] - PAD, AXIS_RANGE[1] + PAD], dtick=1, gridcolor=GRID, zeroline=False,
                fixedrange=False, showline=True, linecolor=MUTED, mirror=True)
    layout.update(
        xaxis=dict(axis, title=dict(text="Criminality (1 = lowest, 10 = highest)")),
        yaxis=dict(axis, title=dict(text="Resilience (1 = lowest, 10 = highest)")),
        shapes=[
            dict(type="line", x0=split.criminality, x1=split.criminality, y0=AXIS_RANGE[0] - PAD,
                 y1=AXIS_RANGE[1] + PAD, line=dict(color=INK, width=1.5, dash="dash"), layer="below"),
            dict(type="line", y0=split.resilience, y1=split.resilience, x0=AXIS_RANGE[0] - PAD,
                 x1=AXIS_RANGE[1] + PAD, line=dict(color=INK, width=1.5, dash="dash"), layer="below"),
        ],
        annotations=annotations,
        # Below the chart: clear of the quadrant captions at the top corners and of the tool bar.
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, font=dict(size=12)),
        margin=dict(layout["margin"], b=110),  # the axis title, then up to two rows of legend
        clickmode="event",
        hovermode="closest",
        dragmode="zoom",
        autosize=True,
        uirevision=True,
    )
    return dict(data=traces, layout=layout)


def _below_neighbour(row: dict, labelled: list[dict]) -> bool:
    """Label below the point when the nearest other labelled point sits higher, so the two labels part ways."""
    others = [r for r in labelled if r is not row]
    if not others:
        return False
    nearest = min(others, key=lambda r: (r["criminality"] - row["criminality"]) ** 2
                  + (r["resilience"] - row["resilience"]) ** 2)
    return (nearest["resilience"], nearest["criminality"]) > (row["resilience"], row["criminality"])


def _quadrant_captions(shown: pd.DataFrame) -> list[dict]:
    tally = shown["quadrant"].value_counts()
    captions = []
    for quadrant, (x, y, xanchor, yanchor) in _CAPTION_PLACES.items():
        count = int(tally.get(quadrant, 0))
        captions.append(dict(
            x=x, y=y, xanchor=xanchor, yanchor=yanchor, showarrow=False, align=xanchor,
            text=f"{quadrant}<br><b>{count} {'country' if count == 1 else 'countries'}</b>",
            font=dict(size=11, color=MUTED),
            bgcolor="rgba(255,255,255,0.8)",
        ))
    return captions


def _label(row: dict, emphasis: bool, below: bool = False) -> dict:
    middle = sum(AXIS_RANGE) / 2
    name = escape(row["country"])
    return dict(
        x=row["criminality"], y=row["resilience"], text=f"<b>{name}</b>" if emphasis else name,
        showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor=MUTED,
        ax=20 if row["criminality"] < middle else -20, ay=22 if below else -22,
        font=dict(size=13 if emphasis else 11, color=INK),
        bgcolor="rgba(255,255,255,0.85)",
    )


def _movement_trace(paths: pd.DataFrame) -> dict:
    """Every country's path as one trace: segments separated by gaps, a small arrowhead at each edition between
    (the path bends there) and a full one at the latest edition."""
    x, y, sizes = [], [], []
    by_country: dict[str, list[dict]] = {}
    for row in paths.to_dict("records"):  # paths() orders rows by country, then edition
        by_country.setdefault(row["iso3"], []).append(row)
    for path in by_country.values():
        if len(path) < 2:
            continue
        x += [p["criminality"] for p in path] + [None]
        y += [p["resilience"] for p in path] + [None]
        sizes += [0] + [5] * (len(path) - 2) + [8, 0]
    return dict(
        type="scatter", mode="lines+markers", name="Movement", showlegend=True, hoverinfo="skip",
        x=x, y=y, connectgaps=False,
        line=dict(color="rgba(90,90,90,0.55)", width=1.2),
        marker=dict(symbol="arrow", angleref="previous", size=sizes, color="rgba(60,60,60,0.8)"),
    )
