"""Regions or continents ranked by their average score on one indicator."""

from __future__ import annotations

from html import escape

import pandas as pd

from .style import GRID, INK, MUTED, base_layout, continent_colour, label_room, rows_on_narrow_screens, wrap_label

SCORE_RANGE = (1, 10)


def ranking_figure(table: pd.DataFrame, continents: dict[str, str], label: str, world: float,
                   selected: str | None = None) -> dict:
    """table: regions.ranking(); continents: each group's continent (for colour); world: the mean of all countries.
    The selected group (a country's region) is drawn in full colour, the others lighter."""
    known = sorted(set(continents.values()))
    rows = table.to_dict("records")
    names = [f"{r['rank']}. {escape(r['group'])}" for r in rows]
    colours = [continent_colour(continents[r["group"]], known) for r in rows]
    opacity = [1.0 if selected in (None, r["group"]) else 0.45 for r in rows]
    trace = dict(
        type="bar", orientation="h", y=names, x=[r["score"] for r in rows], customdata=[r["group"] for r in rows],
        text=[f"{r['score']:.2f}" for r in rows], textposition="outside", cliponaxis=False,
        marker=dict(color=colours, opacity=opacity, line=dict(color=[INK if r["group"] == selected else "white"
                                                                     for r in rows], width=2)),
        hovertemplate="%{y}: %{x:.2f}<extra></extra>", showlegend=False,
    )
    layout = base_layout()
    axis_title = f"Average {label} score"
    layout.update(
        xaxis=dict(range=[0, SCORE_RANGE[1]], dtick=1, gridcolor=GRID, title=dict(text=axis_title)),
        yaxis=dict(autorange="reversed", automargin=True, type="category"),
        shapes=[dict(type="line", x0=world, x1=world, y0=0, y1=1, yref="paper",
                     line=dict(color=MUTED, width=1.5, dash="dot"))],
        annotations=[dict(x=world, y=1, yref="paper", yanchor="bottom", showarrow=False,
                          text=f"World {world:.2f}", font=dict(color=MUTED))],
        height=26 * len(rows) + 110, margin=dict(l=label_room(names), r=30, t=30, b=50), bargap=0.25,
        meta=dict(description=_describe(rows, continents, label, world, selected), category="Rank and group"),
    )
    # On a phone the names ran over most of the width and the scale's ticks over each other.
    return rows_on_narrow_screens(dict(data=[trace], layout=layout), names, **{
        "xaxis.dtick": 2, "xaxis.title.text": wrap_label(axis_title, 30), "margin.b": 70})


def _describe(rows: list[dict], continents: dict[str, str], label: str, world: float, selected: str | None) -> str:
    kind = "continents" if all(group == continent for group, continent in continents.items()) else "regions"
    listed = "; ".join(f"{r['rank']}. {r['group']} {r['score']:.2f}" for r in rows)
    chosen = next((r for r in rows if r["group"] == selected), None)
    mark = f" Highlighted: {chosen['group']}, {chosen['rank']} of {len(rows)}." if chosen else ""
    return (f"Bar chart of {len(rows)} {kind} ranked by the average {label.lower()} score of their countries (ours). "
            f"{listed}. World mean {world:.2f}.{mark}")
