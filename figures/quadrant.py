"""The criminality-versus-resilience quadrant chart."""

from __future__ import annotations

from html import escape

import pandas as pd

from ocindex.quadrant import QUADRANTS, Split
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


def hover_text(row) -> str:
    return (
        f"<b>{escape(row.country)}</b> · {escape(row.region)}<br>"
        f"Criminality {row.criminality:.2f} · {rank_phrase(row.criminality_rank_global, row.criminality_n_global)}<br>"
        f"Resilience {row.resilience:.2f} · {rank_phrase(row.resilience_rank_global, row.resilience_n_global)}<br>"
        f"{row.quadrant}"
    )


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
    presentation: bool = False,
) -> dict:
    """points: positions() with 'quadrant' and a boolean 'highlighted' column (False = filtered out, faded)."""
    marker_size = 14 if presentation else 9
    continents = sorted(points["continent"].unique())
    traces = []
    if paths is not None and not paths.empty:
        traces.append(_movement_trace(paths, presentation))
    for continent in continents:
        group = points[points["continent"] == continent]
        # Filtered-out countries fade rather than vanish; they sit in a second trace of the same legend group
        # so the legend keeps full colour and one click still toggles the whole continent.
        for highlighted in (False, True):
            part = group[group["highlighted"] == highlighted]
            traces.append(dict(
                type="scatter", mode="markers", name=continent, legendgroup=continent, showlegend=highlighted,
                x=part["criminality"].tolist(), y=part["resilience"].tolist(),
                customdata=part["iso3"].tolist(),
                text=[hover_text(r) for r in part.itertuples()],
                hovertemplate="%{text}<extra></extra>",
                marker=dict(color=continent_colour(continent, continents), size=marker_size,
                            opacity=0.9 if highlighted else 0.15, line=dict(width=0.6, color="white")),
            ))
    annotations = _quadrant_captions(points[points["highlighted"]], presentation)
    label_iso3 = [i for i in (labelled or []) if i != selected]
    for n, row in enumerate(points[points["iso3"].isin(label_iso3)].sort_values("criminality").itertuples()):
        # Alternate above/below so neighbours' labels do not overprint; point inwards to stay on the chart.
        annotations.append(_label(row, presentation, emphasis=False, below=n % 2 == 1))
    if selected is not None and (points["iso3"] == selected).any():
        row = next(points[points["iso3"] == selected].itertuples())
        traces.append(dict(
            type="scatter", mode="markers", name=row.country, showlegend=False, hoverinfo="skip",
            x=[row.criminality], y=[row.resilience], customdata=[row.iso3],
            marker=dict(size=marker_size * 2, color="rgba(0,0,0,0)", line=dict(width=3, color=INK)),
        ))
        annotations.append(_label(row, presentation, emphasis=True))

    layout = base_layout(presentation)
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
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=15 if presentation else 12)),
        clickmode="event",
        hovermode="closest",
        dragmode="zoom",
        autosize=True,
        uirevision=True,
    )
    return dict(data=traces, layout=layout)


def _quadrant_captions(shown: pd.DataFrame, presentation: bool) -> list[dict]:
    tally = shown["quadrant"].value_counts()
    captions = []
    for quadrant, (x, y, xanchor, yanchor) in _CAPTION_PLACES.items():
        count = int(tally.get(quadrant, 0))
        captions.append(dict(
            x=x, y=y, xanchor=xanchor, yanchor=yanchor, showarrow=False, align=xanchor,
            text=f"{quadrant}<br><b>{count} {'country' if count == 1 else 'countries'}</b>",
            font=dict(size=15 if presentation else 11, color=MUTED),
            bgcolor="rgba(255,255,255,0.8)",
        ))
    return captions


def _label(row, presentation: bool, emphasis: bool, below: bool = False) -> dict:
    middle = sum(AXIS_RANGE) / 2
    return dict(
        x=row.criminality, y=row.resilience, text=f"<b>{escape(row.country)}</b>" if emphasis else escape(row.country),
        showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor=MUTED,
        ax=20 if row.criminality < middle else -20, ay=22 if below else -22,
        font=dict(size=(18 if emphasis else 15) if presentation else (13 if emphasis else 11), color=INK),
        bgcolor="rgba(255,255,255,0.85)",
    )


def _movement_trace(paths: pd.DataFrame, presentation: bool) -> dict:
    """Every country's path as one trace: segments separated by gaps, an arrowhead at the latest edition."""
    x, y, sizes = [], [], []
    for _, path in paths.groupby("iso3", sort=False):
        if len(path) < 2:
            continue
        x += path["criminality"].tolist() + [None]
        y += path["resilience"].tolist() + [None]
        sizes += [0] * (len(path) - 1) + [11 if presentation else 8, 0]
    return dict(
        type="scatter", mode="lines+markers", name="Movement", showlegend=True, hoverinfo="skip",
        x=x, y=y, connectgaps=False,
        line=dict(color="rgba(90,90,90,0.55)", width=1.2),
        marker=dict(symbol="arrow", angleref="previous", size=sizes, color="rgba(60,60,60,0.8)"),
    )
