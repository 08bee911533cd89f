"""Official change against like-for-like change: one point per country, those whose direction flips marked."""

from __future__ import annotations

from html import escape

import pandas as pd

from .style import GRID, INK, MUTED, base_layout, on_narrow_screens, wrap_label

SAME_MARK = dict(color="#6c757d", symbol="circle")
FLIP_MARK = dict(color="#D55E00", symbol="diamond")  # vermillion diamonds: apart from the grey circles by shape too


def change_scatter(table: pd.DataFrame, label: str, before: int, after: int, selected: str | None = None) -> dict:
    """table: likeforlike.like_for_like(), indexed by ISO3."""
    rows = table.reset_index().to_dict("records")
    limit = max(0.5, float(table[["official_change", "like_for_like_change"]].abs().max().max())) + 0.15
    traces = []
    for flips, name, mark in ((False, "Same direction", SAME_MARK), (True, "Direction flips", FLIP_MARK)):
        part = [r for r in rows if r["flips"] == flips]
        traces.append(dict(
            type="scatter", mode="markers", name=f"{name} ({len(part)})",
            x=[r["official_change"] for r in part], y=[r["like_for_like_change"] for r in part],
            customdata=[r["iso3"] for r in part],
            text=[f"<b>{escape(r['country'])}</b><br>Official {r['official_before']:.2f} → {r['official_after']:.2f} "
                  f"({r['official_change']:+.2f})<br>Like-for-like (ours) {r['shared_before']:.2f} → "
                  f"{r['shared_after']:.2f} ({r['like_for_like_change']:+.2f})" for r in part],
            hovertemplate="%{text}<extra></extra>",
            marker=dict(color=mark["color"], symbol=mark["symbol"], size=9 if flips else 7,
                        opacity=0.9 if flips else 0.55, line=dict(width=0.5, color="white")),
        ))
    chosen = next((r for r in rows if r["iso3"] == selected), None)
    annotations = []
    if chosen is not None:
        traces.append(dict(type="scatter", mode="markers", showlegend=False, hoverinfo="skip",
                           x=[chosen["official_change"]], y=[chosen["like_for_like_change"]],
                           customdata=[chosen["iso3"]],
                           marker=dict(size=18, color="rgba(0,0,0,0)", line=dict(width=2.5, color=INK))))
        annotations.append(dict(x=chosen["official_change"], y=chosen["like_for_like_change"],
                                text=f"<b>{escape(chosen['country'])}</b>", showarrow=True, arrowhead=0, ax=30, ay=-25,
                                bgcolor="rgba(255,255,255,0.85)", font=dict(size=13, color=INK)))
    layout = base_layout()
    axis = dict(range=[-limit, limit], zeroline=True, zerolinecolor=INK, zerolinewidth=1.2, gridcolor=GRID)
    across = f"Official change in {label.lower()}, {before}→{after} (GI-TOC)"
    up = "Like-for-like change (ours: indicators in both editions)"
    layout.update(
        xaxis=dict(axis, title=dict(text=across)),
        yaxis=dict(axis, title=dict(text=up),
                   scaleanchor="x", scaleratio=1),
        # Where the readings agree the points lie in the lower-left and upper-right quarters; the diagonal is
        # where adding indicators changed nothing.
        shapes=[dict(type="line", x0=-limit, y0=-limit, x1=limit, y1=limit, layer="below",
                     line=dict(color=MUTED, width=1, dash="dot"))],
        annotations=annotations + [
            dict(x=limit, y=-limit, xanchor="right", yanchor="bottom", showarrow=False,
                 text="rose officially,<br>fell like for like", font=dict(size=11, color=MUTED)),
            dict(x=-limit, y=limit, xanchor="left", yanchor="top", showarrow=False,
                 text="fell officially,<br>rose like for like", font=dict(size=11, color=MUTED)),
        ],
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0), hovermode="closest", clickmode="event",
        margin=dict(l=60, r=20, t=40, b=60), uirevision=True,
        meta=dict(description=_describe(rows, label, before, after, chosen), rows="Country", group="Direction of change"),
    )
    # On a phone the axis titles ran past the chart's edges: each on two lines.
    return on_narrow_screens(dict(data=traces, layout=layout), **{
        "xaxis.title.text": wrap_label(across, 32), "yaxis.title.text": wrap_label(up, 32),
        "margin.l": 76, "margin.b": 76})


def _describe(rows: list[dict], label: str, before: int, after: int, chosen: dict | None) -> str:
    flipped = sum(1 for r in rows if r["flips"])
    text = (f"Scatter chart of {len(rows)} countries: the official change in {label.lower()} from {before} to {after} "
            f"(GI-TOC's, across) against the like-for-like change (ours, on the indicators both editions assess, "
            f"up). The direction of change flips for {flipped} of {len(rows)}.")
    if chosen is not None:
        text += (f" {chosen['country']}: official {chosen['official_before']:.2f} → {chosen['official_after']:.2f} "
                 f"({chosen['official_change']:+.2f}), like for like {chosen['shared_before']:.2f} → "
                 f"{chosen['shared_after']:.2f} ({chosen['like_for_like_change']:+.2f}).")
    return text
